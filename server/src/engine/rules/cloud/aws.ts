import type { SecretRule } from '../secretRule';
import { BASE64, UPPER_ALNUM, chars, token } from '../fake';
import { decodeBase64 } from '../checksums';
import { isSequence } from '../../values';
import { fakeUuid, isMixedAlnum, namedValue } from './ruleKit';

const AWS_ROTATE =
  'In the IAM console (Users > Security credentials) create a second access key, move every consumer to it, then deactivate and delete the leaked one; check CloudTrail for its use. Prefer an IAM role or OIDC federation over long-lived keys.';
const AWS_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A 40-character AWS secret access key: base64 alphabet, mixed case, not a 40-hex git hash. */
function looksLikeAwsSecret(secret: string): boolean {
  return secret.length === 40 && isMixedAlnum(secret) && !/^[0-9a-f]+$/i.test(secret);
}

const keyId = (prefix: string, label: string) => token(prefix, 16, AWS_BASE32, label);
const secretKey = (label: string) => chars(BASE64, 40, `aws-secret:${label}`);
/** A session token that opens like real STS tokens (`FwoGZXIvYXdzE...`, base64 of a protobuf blob). */
const sessionToken = (label: string) => 'FwoGZXIvYXdzE' + chars(BASE64, 300, `aws-session:${label}`);

export const awsRules: SecretRule[] = [
  {
    id: 'aws-access-key-id',
    title: 'AWS access key ID (long-lived)',
    provider: 'AWS',
    description: 'An AWS access key ID for a long-lived key is written in the file; its secret key is usually next to it.',
    keywords: ['akia', 'abia', 'acca', 'a3t'],
    pattern: /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])/,
    // `AKIAABCDEFGHIJKLMNOP`: a made-up id of validator tests and docs, not one AWS issued.
    validate: (secret) => !isSequence(secret.slice(4)),
    severity: 'error',
    envName: 'AWS_ACCESS_KEY_ID',
    remediation: AWS_ROTATE,
    docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    examples: {
      positive: [`aws_access_key_id = ${keyId('AKIA', 'p1')}`, `"AccessKeyId": "${keyId('AKIA', 'p2')}"`],
      negative: [
        // The documented AWS example key.
        'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
        // Lower case is not a key ID; too short; glued to a longer identifier.
        `id = ${keyId('AKIA', 'n1').toLowerCase()}`,
        `id = ${token('AKIA', 12, AWS_BASE32, 'n2')}`,
        `id = X${keyId('AKIA', 'n3')}9`,
        "expect(isAccessKeyId('AKIAABCDEFGHIJKLMNOP')).toBe(false);",
      ],
    },
  },
  {
    id: 'aws-temporary-access-key-id',
    title: 'AWS temporary access key ID (STS)',
    provider: 'AWS',
    description: 'An access key ID issued by AWS STS is written in the file; it is short-lived but grants access until it expires.',
    keywords: ['asia'],
    pattern: /(?<![A-Za-z0-9])(?<secret>ASIA[A-Z2-7]{16})(?![A-Za-z0-9])/,
    severity: 'warning',
    envName: 'AWS_ACCESS_KEY_ID',
    remediation:
      'Temporary credentials expire on their own, but revoke the role session now (IAM console > Roles > Revoke active sessions) and stop writing STS credentials to files; let the SDK fetch them from the role or OIDC provider.',
    examples: {
      positive: [`AWS_ACCESS_KEY_ID=${keyId('ASIA', 'p1')}`, `key: ${keyId('ASIA', 'p2')}`],
      negative: ['ASIA is the prefix of temporary key IDs', `ASIA${chars(UPPER_ALNUM, 16, 'asia-n').toLowerCase()}`],
    },
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    provider: 'AWS',
    keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key', 'aws_secret', 'aws-secret', 'awssecret', 'secret_key'],
    pattern: namedValue(
      'aws[_.-]?secret(?:[_.-]?access)?(?:[_.-]?key)?|secret[_.-]?access[_.-]?key|secret[_.-]?key(?<=aws[^\\n]{0,40}secret[_.-]?key)',
      '[A-Za-z0-9/+]{40}',
      '(?![A-Za-z0-9/+=])',
    ),
    validate: looksLikeAwsSecret,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'AWS_SECRET_ACCESS_KEY',
    remediation: AWS_ROTATE,
    docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    examples: {
      positive: [`aws_secret_access_key = ${secretKey('p1')}`, `export AWS_SECRET_ACCESS_KEY="${secretKey('p2')}"`, `  SecretAccessKey: ${secretKey('p3')}`],
      negative: [
        // Longer base64 (an encrypted blob), a git hash, a CI reference, the documented example.
        `AWS_SECRET_ACCESS_KEY = ${chars(BASE64, 54, 'aws-n1')}==`,
        `aws_secret_access_key = ${chars('0123456789abcdef', 40, 'aws-n2')}`,
        'AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      ],
    },
  },
  {
    id: 'aws-secret-access-key-cli',
    title: 'AWS secret access key in an `aws configure set` command',
    provider: 'AWS',
    description: 'A command line (a script, a shell history, a runbook) stores an AWS secret access key in the CLI configuration; the key is written where the command is.',
    keywords: ['aws_secret_access_key'],
    pattern: /\baws[ \t]+configure[ \t]+set[ \t]+(?:[\w-]+\.)?aws_secret_access_key[ \t]+["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/,
    validate: looksLikeAwsSecret,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'AWS_SECRET_ACCESS_KEY',
    remediation: AWS_ROTATE,
    docsUrl: 'https://docs.aws.amazon.com/cli/latest/reference/configure/set.html',
    examples: {
      positive: [`aws configure set aws_secret_access_key ${secretKey('cli1')} --profile legacy`, `aws configure set default.aws_secret_access_key "${secretKey('cli2')}"`],
      negative: ['aws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY" --profile ci', 'aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws configure get aws_secret_access_key --profile legacy'],
    },
  },
  {
    id: 'aws-secret-access-key-near-key-id',
    title: 'AWS secret access key (next to its key ID)',
    provider: 'AWS',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    window: { before: 16, after: 480 },
    pattern:
      /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}(?![A-Za-z0-9])[^\n]{0,100}?(?:\n[^\n]{0,100}?){0,3}(?<![A-Za-z0-9/+])(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/,
    validate: looksLikeAwsSecret,
    minEntropy: 4,
    severity: 'error',
    envName: 'AWS_SECRET_ACCESS_KEY',
    remediation: AWS_ROTATE,
    examples: {
      positive: [
        `${keyId('AKIA', 'near1')},${secretKey('near1')}`,
        `key: ${keyId('AKIA', 'near2')}\nvalue: ${secretKey('near2')}`,
        `provider "aws" {\n  access_key = "${keyId('AKIA', 'near5')}"\n  region     = "eu-west-1"\n  secret_key = "${secretKey('near5')}"\n}`,
      ],
      negative: [`${keyId('AKIA', 'near3')} commit ${chars('0123456789abcdef', 40, 'near3')}`, `${keyId('AKIA', 'near4')} ${'Ab1/'.repeat(10)}`],
    },
  },
  {
    id: 'aws-session-token',
    title: 'AWS session token',
    provider: 'AWS',
    description: 'An AWS STS session token is written in the file; together with its key pair it grants the role\'s access until it expires.',
    keywords: ['session_token', 'sessiontoken', 'security_token', 'security-token', 'session-token', 'fwogzxivyxdze', 'iqojb3jpz2lux2vj'],
    pattern:
      /(?:(?<name>aws[_.-]?session[_.-]?token|aws[_.-]?security[_.-]?token|x-amz-security-token|sessiontoken)["'\]]{0,2}\s{0,8}(?:=|:)\s{0,8}["']?)?(?<![A-Za-z0-9/+])(?<secret>[A-Za-z0-9/+]{100,3000}={0,2})(?![A-Za-z0-9/+=])/i,
    // Either named as a session token, or opening like every STS token (base64 of its protobuf header).
    validate: (secret, match) =>
      isMixedAlnum(secret) && (match.groups?.name !== undefined || /^(?:FwoGZXIvYXdzE|IQoJb3JpZ2luX2Vj|FQoGZXIvYXdzE|AQoDYXdzE)/.test(secret)),
    minEntropy: 4,
    severity: 'warning',
    envName: 'AWS_SESSION_TOKEN',
    remediation:
      'Session tokens expire on their own; revoke the role\'s active sessions now (IAM console > Roles > Revoke active sessions), and let the SDK obtain credentials from the role or OIDC provider instead of files.',
    examples: {
      positive: [`aws_session_token = ${sessionToken('p1')}`, `"SessionToken": "${sessionToken('p2')}"`],
      negative: ['aws_session_token = ${AWS_SESSION_TOKEN}', `aws_session_token = ${chars(BASE64, 60, 'sess-n')}`],
    },
  },
  {
    id: 'aws-bedrock-api-key',
    title: 'Amazon Bedrock long-term API key',
    provider: 'AWS',
    keywords: ['absk'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>ABSK[A-Za-z0-9+/]{100,300}={0,2})(?![A-Za-z0-9+/=])/,
    // The body after ABSK is base64 of "BedrockAPIKey-<identity>:<secret>".
    validate: (secret) => decodeBase64(secret.slice(4))?.toString('latin1').startsWith('BedrockAPIKey-') ?? false,
    severity: 'error',
    envName: 'AWS_BEARER_TOKEN_BEDROCK',
    remediation:
      'In the IAM console open the IAM user that owns the Bedrock API key (Security credentials > API keys for Amazon Bedrock), deactivate and delete the key, then issue short-term Bedrock keys or use an IAM role instead.',
    examples: {
      positive: [
        `AWS_BEARER_TOKEN_BEDROCK=ABSK${Buffer.from('BedrockAPIKey-' + chars(BASE64, 90, 'bedrock1')).toString('base64')}`,
        `key = "ABSK${Buffer.from('BedrockAPIKey-' + chars(BASE64, 100, 'bedrock2')).toString('base64')}"`,
      ],
      negative: [`key = ABSK${chars(BASE64, 120, 'bedrock3')}`, 'ABSK is the prefix of Bedrock API keys'],
    },
  },
  {
    id: 'amazon-mws-auth-token',
    title: 'Amazon MWS auth token',
    provider: 'Amazon',
    keywords: ['amzn.mws.'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/,
    severity: 'error',
    envName: 'MWS_AUTH_TOKEN',
    remediation:
      'In Seller Central (Apps and Services > Manage Your Apps) revoke the developer\'s access to produce a new MWS auth token, then move to the Selling Partner API with its own credentials stored in a secret manager.',
    examples: {
      positive: [`mws_token = "amzn.mws.${fakeUuid('mws1')}"`, `amzn.mws.${fakeUuid('mws2')}`],
      negative: ['amzn.mws.token', 'amzn.mws.00000000-0000-0000-0000'],
    },
  },
];
