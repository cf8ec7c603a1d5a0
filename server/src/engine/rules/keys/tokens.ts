import type { SecretRule } from '../secretRule';
import { ALNUM, HEX, b64url, chars } from '../fake';
import { decodeBase64Json, hasPlaceholderText } from '../saas/context';
import { shannonEntropy } from '../../values';
import { encodeBech32, isValidBech32 } from './bech32';

const URLSAFE = ALNUM + '_-';
const w = (n: number, label: string) => chars(URLSAFE, n, `tok:${label}`);
const h = (n: number, label: string) => chars(HEX, n, `tok:${label}`);

/** Order of the secp256k1 group: a private key is an integer in [1, n-1]. */
const SECP256K1_ORDER = BigInt('0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141');

function isSecp256k1Scalar(hex: string): boolean {
  const n = BigInt(`0x${hex}`);
  return n > 0n && n < SECP256K1_ORDER && shannonEntropy(hex.toLowerCase()) >= 3;
}

/** The line around `index` presents the hex as a digest (sha256 output, checksum, commit). */
function isDigestLine(text: string, index: number): boolean {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return /hash|digest|sha-?\d|checksum|integrity|\bcommit\b|\btx\b|txid|\bblock\b/i.test(text.slice(start, end < 0 ? text.length : end));
}

/** A fake age identity with a valid bech32 checksum. */
const fakeAgeKey = (label: string) => {
  const data = [...chars('0123456789abcdefghijklmnopqrstuv', 52, `age:${label}`)].map((c) => parseInt(c, 32));
  return encodeBech32('age-secret-key-', data).toUpperCase();
};

/** The jwt.io documentation token ({"sub":"1234567890","name":"John Doe",...}) is an example, not a secret. */
/** jwt.io's sample token, and the example of RFC 7519 and RFC 7515 (issuer `joe`), quoted by JWT libraries' tests. */
function isDocumentationJwt(payload: Record<string, unknown>): boolean {
  return (payload.sub === '1234567890' && payload.name === 'John Doe') || (payload.iss === 'joe' && payload.exp === 1300819380);
}

function isSignedJwt(secret: string): boolean {
  const [header, payload, signature] = secret.split('.');
  const head = decodeBase64Json(header);
  const body = decodeBase64Json(payload);
  if (!head || !body || typeof head.alg !== 'string') return false;
  // Unsigned tokens (alg "none") prove nothing and grant nothing by themselves: not reported.
  if (head.alg.toLowerCase() === 'none' || signature.length < 16) return false;
  // Supabase-style `anon` keys are public by design (shipped to browsers).
  if (body.role === 'anon') return false;
  return !isDocumentationJwt(body) && !hasPlaceholderText(signature);
}

const jwt = (header: object, payload: object, label: string) => `${b64url(header)}.${b64url(payload)}.${w(43, label)}`;

export const tokenRules: SecretRule[] = [
  {
    id: 'age-secret-key',
    title: 'age secret key (identity)',
    provider: 'age',
    keywords: ['age-secret-key-1'],
    pattern: /(?<![A-Za-z0-9-])(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Za-z0-9])/,
    validate: (secret) => isValidBech32(secret),
    allowPlaceholderLike: true,
    severity: 'error',
    envName: 'SOPS_AGE_KEY',
    remediation:
      'Generate a new identity with age-keygen, re-encrypt every file (sops updatekeys / age -r) to the new recipient and drop the old one, then keep the identity in a secret manager or a protected key file outside the repository.',
    examples: {
      positive: [`# created: 2024-01-01\n${fakeAgeKey('a1')}`, `SOPS_AGE_KEY=${fakeAgeKey('a2')}`],
      negative: [
        // Right alphabet and length, wrong checksum.
        `AGE-SECRET-KEY-1${chars('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58, 'age:bad')}`,
        'AGE-SECRET-KEY-1XXXXXXXX',
      ],
    },
  },
  {
    id: 'secp256k1-private-key',
    title: 'secp256k1 (Ethereum / Bitcoin) raw private key',
    provider: 'Private key',
    keywords: ['private_key', 'privatekey', 'private key', 'private-key', 'privkey', 'priv_key', 'wallet', 'signer', 'deployer', 'eth_key'],
    window: { before: 160, after: 160 },
    pattern: /(?<![0-9A-Za-z])(?:0x)?(?<secret>[0-9a-fA-F]{64})(?![0-9A-Za-z])/,
    validate: (secret, match) => isSecp256k1Scalar(secret) && !isDigestLine(match.input, match.index),
    severity: 'error',
    envName: 'WALLET_PRIVATE_KEY',
    remediation:
      'Move every asset out of the address to a new wallet now (anyone can sign with this key), revoke token approvals granted by the old address, and load the new key from a hardware wallet, keystore or secret manager.',
    examples: {
      positive: [`PRIVATE_KEY=0x${h(64, 's1')}`, `Oops, forgot this here ${h(64, 's2')}!\nDo not send money to this wallet.`],
      negative: [`commit ${h(64, 's3')} fixed the build`, `PRIVATE_KEY=0x${'0'.repeat(64)}`, `DOTENV_PUBLIC_KEY="03${h(64, 's4')}"`, `const wallet = load();\nconst txHash = "0x${h(64, 's5')}";`],
    },
  },
  {
    // Lower severity than provider keys: a JWT often expires, and may be a test or sample token.
    id: 'jwt',
    title: 'JSON Web Token',
    provider: 'JWT',
    // The header is base64url JSON: `eyJ` for `{"`, `eyAi` for `{ "`, `ewog` for `{\n`.
    keywords: ['eyj', 'eyai', 'ewog'],
    window: { after: 8000 },
    // (After `=` too: `API_KEY=eyJ…` in an .env file, `?token=eyJ…` in a URL.)
    pattern: /(?<![A-Za-z0-9_\-.+/])(?<secret>(?:eyJ|eyAi|ewog)[A-Za-z0-9_-]{8,2000}\.e[wy][A-Za-z0-9_-]{4,6000}\.[A-Za-z0-9_-]{0,2000})(?![A-Za-z0-9_\-.+/=])/,
    validate: (secret) => isSignedJwt(secret),
    allowPlaceholderLike: true,
    severity: 'warning',
    envName: 'JWT_TOKEN',
    description: 'A signed JSON Web Token is written in the file; until it expires, anyone holding it is whoever it names.',
    remediation:
      'Invalidate the token at its issuer (revoke the session or refresh token, or rotate the signing key if the token never expires), issue tokens at run time instead of committing them, and keep long-lived ones in a secret manager.',
    examples: {
      positive: [
        `Authorization: Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'svc-deploy', iat: 1700000000, exp: 1900000000 }, 'j1')}`,
        `token = "${jwt({ alg: 'RS256', kid: 'k1' }, { iss: 'https://auth.local', role: 'service_role' }, 'j2')}"`,
        `jwt: ${b64url('{\n  "alg": "ES256"\n}')}.${b64url({ sub: 'worker' })}.${w(86, 'j6')}`,
        `LEMONSQUEEZY_API_KEY=${jwt({ typ: 'JWT', alg: 'RS256' }, { aud: 'store', sub: '831766', scopes: [] }, 'j8')}`,
      ],
      negative: [
        `${jwt({ alg: 'none' }, { sub: 'x' }, 'j3').replace(/\.[^.]+$/, '.')}`,
        `${b64url({ typ: 'JWT' })}.${b64url({ sub: 'x' })}.${w(43, 'j4')}`,
        `${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '1234567890', name: 'John Doe', iat: 1516239022 }, 'j5')}`,
        `${jwt({ typ: 'JWT', alg: 'HS256' }, { iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true }, 'j9')}`,
        `SUPABASE_ANON_KEY=${jwt({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', ref: 'abcdefgh', role: 'anon' }, 'j7')}`,
      ],
    },
  },
];
