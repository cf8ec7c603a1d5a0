import type { SecretRule } from '../secretRule';
import { BASE64, LOWER_ALNUM, chars } from '../fake';
import { hasLetterAndDigit } from '../cloud/ruleKit';
import { assigned } from './context';

const l = (n: number, label: string) => chars(LOWER_ALNUM, n, `idp:${label}`);
const w = (n: number, label: string) => chars(LOWER_ALNUM + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_-', n, `idp:${label}`);
/** An Authress access key: <client prefix>_<client id>.<key id>.acc_<account id>.<private key>. */
const authressKey = (prefix: string, label: string) =>
  `${prefix}_${l(12, `${label}a`)}.${l(5, `${label}b`)}.acc_${l(18, `${label}c`)}.${chars(BASE64, 64, `idp:${label}d`)}`;

/** Identity and authorization services. */
export const identityRules: SecretRule[] = [
  {
    id: 'auth0-client-secret',
    title: 'Auth0 client secret (or SDK session secret)',
    provider: 'Auth0',
    keywords: ['auth0'],
    pattern: assigned('auth0[\\w.-]{0,16}?secret', '[A-Za-z0-9_-]{64}'),
    validate: hasLetterAndDigit,
    minEntropy: 4,
    severity: 'error',
    envName: 'AUTH0_CLIENT_SECRET',
    remediation:
      'Rotate the secret in the Auth0 Dashboard (Applications, the application, Settings, "Rotate" client secret, or POST /api/v2/clients/{id}/rotate-secret), check the tenant logs, then deploy the new secret from a secret manager; for the SDKs\' AUTH0_SECRET (the session-cookie key) set a new random value.',
    examples: {
      positive: [`AUTH0_CLIENT_SECRET=${w(64, 'a1')}`, `auth0ClientSecret: "${w(64, 'a2')}"`],
      negative: [`AUTH0_CLIENT_ID=${w(32, 'a3')}`, 'AUTH0_CLIENT_SECRET=${AUTH0_CLIENT_SECRET}'],
    },
  },
  {
    id: 'authress-access-key',
    title: 'Authress service client access key',
    provider: 'Authress',
    keywords: ['.acc_', '.acc-'],
    window: { before: 64, after: 300 },
    pattern:
      /(?<![A-Za-z0-9_.-])(?<secret>(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\.[a-z0-9]{4,6}\.acc[_-][a-z0-9-]{10,32}\.[a-z0-9+/_=-]{30,120})(?![A-Za-z0-9+/_=.-])/i,
    minEntropy: 4,
    severity: 'error',
    envName: 'AUTHRESS_SERVICE_CLIENT_ACCESS_KEY',
    remediation:
      'Delete the access key from the service client in the Authress management portal (Service clients, the client, Access keys), check the audit log, then create a new key and keep it in a secret manager.',
    examples: {
      positive: [`AUTHRESS_KEY=${authressKey('sc', 'k1')}`, `const client = new ServiceClientTokenProvider("${authressKey('authress', 'k2')}");`],
      negative: [`sc_${l(12, 'k3')}.${l(5, 'k4')}.acc_${l(18, 'k5')}`, `sc_${l(12, 'k6')}.${l(5, 'k7')}.key_${l(18, 'k8')}.${chars(BASE64, 64, 'idp:k9')}`],
    },
  },
];
