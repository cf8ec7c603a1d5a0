/**
 * The kinds of planted fake secrets the examples workspace uses. A committed file carries a marker
 * `{{fake:KIND}}` or `{{fake:KIND:LABEL}}` (same label, same value: e.g. one database password used
 * in two files); scripts/make-examples.ts replaces it with a generated value (never a real secret).
 */
import { ALNUM, BASE64, checksummedToken, chars, DIGITS, UPPER_ALNUM } from '../../server/src/engine/rules/fake';

export interface FakeKind {
  /** Generates the value; deterministic for a label. */
  generate(label: string): string;
  /** Rule ids that detect this kind specifically (any of them counts), when the catalogue has them. */
  rules: string[];
}

const AWS_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SYMBOLS = '!#%+=';

/** A password a person would pick from a generator: letters, digits and a few symbols, 18 chars. */
function password(label: string): string {
  const body = chars(ALNUM, 14, `pw:${label}`);
  return `${body.slice(0, 5)}${chars(SYMBOLS, 1, `pw-sym1:${label}`)}${body.slice(5, 11)}${chars(DIGITS, 2, `pw-d:${label}`)}${chars(SYMBOLS, 1, `pw-sym2:${label}`)}${body.slice(11)}`;
}

function pemBody(label: string): string {
  const lines: string[] = [];
  // DER keys open with a SEQUENCE of long-form length: base64 `MII`.
  for (let i = 0; i < 12; i++) lines.push((i === 0 ? 'MII' : '') + chars(BASE64, i === 0 ? 61 : 64, `pem:${label}:${i}`));
  lines.push(chars(BASE64, 20, `pem:${label}:end`) + '==');
  return lines.join('\n');
}

export const FAKE_KINDS: Record<string, FakeKind> = {
  'github-classic-pat': { generate: (l) => checksummedToken('ghp_', `examples:${l}`), rules: ['github-classic-pat'] },
  'npm-token': { generate: (l) => checksummedToken('npm_', `examples:${l}`), rules: ['npm-access-token', 'npm-token'] },
  'aws-access-key-id': { generate: (l) => 'AKIA' + chars(AWS_BASE32, 16, `examples:${l}`), rules: ['aws-access-key-id'] },
  'aws-secret-access-key': {
    generate: (l) => chars(BASE64, 40, `examples:aws-secret:${l}`),
    rules: ['aws-secret-access-key', 'aws-secret-access-key-near-key-id'],
  },
  'stripe-secret-key': { generate: (l) => 'sk_live_' + chars(ALNUM, 24, `examples:${l}`), rules: ['stripe-secret-key'] },
  'slack-bot-token': {
    generate: (l) => `xoxb-${chars(DIGITS, 11, `examples:sb1:${l}`)}-${chars(DIGITS, 13, `examples:sb2:${l}`)}-${chars(ALNUM, 24, `examples:sb3:${l}`)}`,
    rules: ['slack-bot-token'],
  },
  'slack-webhook-url': {
    generate: (l) =>
      `https://hooks.slack.com/services/T${chars(UPPER_ALNUM, 9, `examples:sw1:${l}`)}/B${chars(UPPER_ALNUM, 9, `examples:sw2:${l}`)}/${chars(ALNUM, 24, `examples:sw3:${l}`)}`,
    rules: ['slack-webhook-url'],
  },
  password: { generate: (l) => password(`examples:${l}`), rules: ['generic-password', 'compose-literal-secret'] },
  /** The password part of a connection URL: URL-safe characters only (`#` or `%` would end or escape it). */
  'url-password': {
    generate: (l) => {
      const body = chars(ALNUM, 16, `examples:url:${l}`);
      return `${body.slice(0, 6)}-${body.slice(6, 12)}.${body.slice(12)}`;
    },
    rules: ['postgres-connection-string', 'mysql-connection-string', 'basic-auth-url'],
  },
  'api-key': { generate: (l) => chars(ALNUM, 32, `examples:api:${l}`), rules: ['generic-secret'] },
  'private-key': {
    generate: (l) => `-----BEGIN RSA PRIVATE KEY-----\n${pemBody(`examples:${l}`)}\n-----END RSA PRIVATE KEY-----`,
    rules: ['private-key-rsa'],
  },
};
