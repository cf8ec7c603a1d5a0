import type { SecretRule } from '../secretRule';
import { ALNUM, BASE64, BASE64URL, chars, token } from '../fake';

const SA_ROTATE =
  'In the Google Cloud console (IAM & Admin > Service accounts > the account > Keys) delete the leaked key, review Cloud Audit Logs for its use, then switch to Workload Identity Federation (or attached service accounts) instead of creating a new JSON key.';
const GOOGLE_OAUTH_ROTATE =
  'In the Google Cloud console (APIs & Services > Credentials > the OAuth client) add a new client secret, deploy it from a secret manager, then disable and delete the leaked one.';

/** A PEM body written inside a JSON string: lines joined by an escaped newline (`\n`, or `\\n` when the JSON itself is escaped). */
function pemInJson(label: string, newline: string): string {
  const lines: string[] = [];
  for (let i = 0; i < 8; i++) lines.push(chars(BASE64, 64, `pem:${label}:${i}`));
  return `-----BEGIN PRIVATE KEY-----${newline}${lines.join(newline)}${newline}-----END PRIVATE KEY-----${newline}`;
}

function serviceAccountJson(label: string, privateKey = pemInJson(label, '\\n')): string {
  return [
    '{',
    '  "type": "service_account",',
    '  "project_id": "demo-project",',
    `  "private_key_id": "${chars('0123456789abcdef', 40, `kid:${label}`)}",`,
    `  "private_key": "${privateKey}",`,
    '  "client_email": "robot@demo-project.iam.gserviceaccount.com"',
    '}',
  ].join('\n');
}

/** The private key text must hold a real key body, not a stub. */
function hasPemBody(secret: string): boolean {
  return /PRIVATE KEY-----/.test(secret) && /[A-Za-z0-9+/]{40}/.test(secret);
}

export const googleRules: SecretRule[] = [
  {
    id: 'gcp-service-account-key',
    title: 'Google Cloud service account key (JSON)',
    provider: 'Google Cloud',
    keywords: ['service_account', 'gserviceaccount.com'],
    window: { before: 6000, after: 6000 },
    pattern: /"private_key"\s{0,8}:\s{0,8}"(?<secret>-----BEGIN[A-Z ]{0,24} PRIVATE KEY-----(?:\\.|[^"\\]){64,12000})"/,
    validate: hasPemBody,
    // Long base64 bodies contain words like "tbd" by chance; the PEM structure is the evidence.
    allowPlaceholderLike: true,
    severity: 'error',
    envName: 'GOOGLE_APPLICATION_CREDENTIALS',
    remediation: SA_ROTATE,
    docsUrl: 'https://cloud.google.com/iam/docs/keys-create-delete',
    examples: {
      positive: [serviceAccountJson('sa1'), `creds = ${serviceAccountJson('sa2').replace(/\n/g, ' ')}`],
      negative: [
        '{ "type": "service_account", "private_key_id": "DUMMY", "private_key": "DUMMY" }',
        '{ "type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n" }',
      ],
    },
  },
  {
    id: 'gcp-service-account-key-escaped',
    title: 'Google Cloud service account key (escaped JSON)',
    provider: 'Google Cloud',
    description: 'A Google Cloud service account key is embedded as escaped JSON inside a string (for example an environment value or a CI variable dump).',
    keywords: ['service_account', 'gserviceaccount.com'],
    window: { before: 6000, after: 6000 },
    pattern: /\\"private_key\\"\s{0,8}:\s{0,8}\\"(?<secret>-----BEGIN[A-Z ]{0,24} PRIVATE KEY-----(?:[^"\\]|\\[^"]){64,12000})\\"/,
    validate: hasPemBody,
    allowPlaceholderLike: true,
    severity: 'error',
    envName: 'GOOGLE_APPLICATION_CREDENTIALS',
    remediation: SA_ROTATE,
    examples: {
      positive: [
        `GCP_KEY="${serviceAccountJson('esc1', pemInJson('esc1', '\\\\n')).replace(/"/g, '\\"').replace(/\n/g, '')}"`,
        `{"credentials": "${serviceAccountJson('esc2', pemInJson('esc2', '\\\\n')).replace(/"/g, '\\"').replace(/\n/g, '\\n')}"}`,
      ],
      negative: ['{\\"type\\": \\"service_account\\", \\"private_key\\": \\"DUMMY\\"}', 'const field = "\\"private_key\\": \\"-----BEGIN PRIVATE KEY-----\\"" // service_account'],
    },
  },
  {
    id: 'gcp-api-key',
    title: 'Google API key',
    provider: 'Google Cloud',
    description:
      'A Google API key is written in the file. Keys used in browsers or apps are public by design, but an unrestricted key lets anyone spend the project\'s quota and call any enabled API.',
    keywords: ['aiza'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    severity: 'warning',
    envName: 'GOOGLE_API_KEY',
    remediation:
      'In the Google Cloud console (APIs & Services > Credentials) regenerate or delete the key, then restrict its replacement to the APIs and the HTTP referrers, apps or IP addresses that need it.',
    docsUrl: 'https://cloud.google.com/docs/authentication/api-keys',
    examples: {
      positive: [`const apiKey = "${token('AIza', 35, BASE64URL, 'g1')}";`, `GOOGLE_MAPS_KEY=${token('AIza', 35, BASE64URL, 'g2')}`],
      negative: [`key = ${token('AIza', 20, BASE64URL, 'g3')}`, `key = ${token('AIza', 40, ALNUM, 'g4')}`, 'key = AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    },
  },
  {
    id: 'google-oauth-client-secret',
    title: 'Google OAuth client secret',
    provider: 'Google Cloud',
    keywords: ['gocspx-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/,
    // Random secrets always carry upper case or digits; `GOCSPX-your-secret-goes-here` does not.
    validate: (secret) => /[A-Z0-9]/.test(secret.slice(7)),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'GOOGLE_CLIENT_SECRET',
    remediation: GOOGLE_OAUTH_ROTATE,
    examples: {
      positive: [`"client_secret": "${token('GOCSPX-', 28, BASE64URL, 'o1')}"`, `GOOGLE_CLIENT_SECRET=${token('GOCSPX-', 28, BASE64URL, 'o2')}`],
      negative: [`secret = ${token('GOCSPX-', 12, BASE64URL, 'o3')}`, 'client_secret: GOCSPX-your-client-secret-goes-here'],
    },
  },
  {
    id: 'google-oauth-client-secret-legacy',
    title: 'Google OAuth client secret (legacy format)',
    provider: 'Google Cloud',
    description: 'A pre-2021 Google OAuth client secret sits in a client configuration next to its googleusercontent.com client ID.',
    keywords: ['googleusercontent.com'],
    window: { before: 400, after: 400 },
    pattern: /"client_secret"\s{0,8}:\s{0,8}"(?<secret>[A-Za-z0-9_-]{24})"/,
    validate: (secret) => /[A-Z]/.test(secret) && /[a-z]/.test(secret),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'GOOGLE_CLIENT_SECRET',
    remediation: GOOGLE_OAUTH_ROTATE,
    examples: {
      positive: [
        `{"installed": {"client_id": "1234-abc.apps.googleusercontent.com", "client_secret": "${chars(BASE64URL, 24, 'legacy1')}"}}`,
        `{"web": {"client_secret": "${chars(ALNUM, 24, 'legacy2')}", "client_id": "99-x.apps.googleusercontent.com"}}`,
      ],
      negative: [`{"client_secret": "${chars(ALNUM, 24, 'legacy3')}"}`, '{"client_id": "1-a.apps.googleusercontent.com", "client_secret": "${GOOGLE_SECRET_VALUE_X}"}'],
    },
  },
  {
    id: 'google-oauth-refresh-token',
    title: 'Google OAuth refresh token',
    provider: 'Google Cloud',
    keywords: ['1//0'],
    pattern: /(?<![A-Za-z0-9_/-])(?<secret>1\/\/0[A-Za-z0-9_-]{40,400})(?![A-Za-z0-9_-])/,
    validate: (secret) => /[A-Z]/.test(secret) && /[a-z]/.test(secret),
    minEntropy: 4,
    severity: 'error',
    envName: 'GOOGLE_REFRESH_TOKEN',
    remediation:
      'Revoke the grant (myaccount.google.com/permissions for a user, or POST the token to https://oauth2.googleapis.com/revoke), then authorize again and keep the new refresh token in a secret manager.',
    examples: {
      positive: [`"refresh_token": "${token('1//0', 99, BASE64URL, 'r1')}"`, `REFRESH=${token('1//0', 60, BASE64URL, 'r2')}`],
      negative: ['path = "1//0/abc"', `x = 1//0${chars('abcdef', 50, 'r3')}`],
    },
  },
  {
    id: 'google-oauth-access-token',
    title: 'Google OAuth access token',
    provider: 'Google Cloud',
    description: 'A Google OAuth access token is written in the file; it lives about an hour but grants its scopes until then.',
    keywords: ['ya29.'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>ya29\.[A-Za-z0-9_-]{30,2048})(?![A-Za-z0-9_.-])/,
    minEntropy: 4,
    severity: 'warning',
    envName: 'GOOGLE_ACCESS_TOKEN',
    remediation:
      'Revoke it (POST to https://oauth2.googleapis.com/revoke) and stop storing access tokens; let the client library mint them from Application Default Credentials or workload identity.',
    examples: {
      positive: [`Authorization: Bearer ${token('ya29.', 120, BASE64URL, 'a1')}`, `token = "${token('ya29.', 80, BASE64URL, 'a2')}"`],
      negative: ['ya29.token', `ya29.${chars('ab', 40, 'a3')}`],
    },
  },
  {
    id: 'firebase-cloud-messaging-server-key',
    title: 'Firebase Cloud Messaging legacy server key',
    provider: 'Google Cloud',
    keywords: [':apa91b'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{120,200})(?![A-Za-z0-9_-])/,
    minEntropy: 4,
    severity: 'error',
    envName: 'FCM_SERVER_KEY',
    remediation:
      'In the Firebase console (Project settings > Cloud Messaging) delete the legacy server key and migrate to the HTTP v1 API, which authenticates with short-lived OAuth tokens from a service account or workload identity.',
    examples: {
      positive: [`key=${token('AAAA', 7, BASE64URL, 'f1')}:${token('APA91b', 134, BASE64URL, 'f2')}`, `"serverKey": "${token('AAAA', 7, BASE64URL, 'f3')}:${token('APA91b', 140, BASE64URL, 'f4')}"`],
      negative: [`key=${token('AAAA', 7, BASE64URL, 'f5')}:${token('APA91b', 20, BASE64URL, 'f6')}`, 'registration id prefix :APA91b'],
    },
  },
];
