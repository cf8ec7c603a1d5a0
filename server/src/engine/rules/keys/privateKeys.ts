import type { SecretRule } from '../secretRule';
import { BASE64, BASE64URL, HEX, chars } from '../fake';
import { hasPlaceholderText } from '../saas/context';
import { shannonEntropy } from '../../values';
import { children, readElement, readUnsigned, TAG } from '../../binary/der';
import { decodeBase64 } from '../checksums';

/**
 * Private keys in PEM armour (raw, or with escaped "\n" inside a JSON/YAML string), PGP private key
 * blocks and PuTTY key files. Each finding spans the whole key block, from BEGIN to END.
 */

const MAX_BODY = 20000;
/** Smallest real body: an Ed25519 PKCS#8 key is 64 base64 characters. */
const MIN_BODY = 60;

const KEY_ROTATE =
  'Treat the key as compromised: remove it from the repository (and its history), revoke it where it is trusted (authorized_keys, deploy keys, the certificate authority, the cloud IAM service account), generate a new key pair, and load the private key from a secret manager or an agent at run time.';

/** The base64 body of a PEM block: header lines (Proc-Type, DEK-Info, Version) and escapes removed. */
/** `#`, `;`, and `//`, `--` or `*` followed by a blank, at a line's start (base64 has none of these there). */
const COMMENT_MARKER = /^[ \t]*(?:#+|;+|\/\/+(?=[ \t])|--(?=[ \t])|\*(?=[ \t]))[ \t]*/;

export function pemBody(raw: string): string {
  return raw
    .split(/(?:\\+[nr])+|\r?\n|\r/)
    .filter((line) => !line.includes(':'))
    // A key commented out line by line (`# b3Blbn…`, `// MIIE…`): the markers are not base64.
    .map((line) => line.replace(COMMENT_MARKER, ''))
    .join('')
    .replace(/[\s"'+,\\]/g, '');
}

/** True when a PEM body holds a passphrase-protected key. */
export function isEncryptedPem(label: string, raw: string, body: string): boolean {
  if (label.startsWith('ENCRYPTED')) return true;
  if (/Proc-Type:\s*4,\s*ENCRYPTED/i.test(raw)) return true;
  if (label.startsWith('OPENSSH')) {
    // openssh-key-v1\0, then a length-prefixed cipher name: "none" for an unprotected key.
    const head = Buffer.from(body.slice(0, 60), 'base64');
    const magic = 'openssh-key-v1\u0000';
    if (head.toString('latin1', 0, magic.length) !== magic) return false;
    const length = head.readUInt32BE(magic.length);
    return head.toString('latin1', magic.length + 4, magic.length + 4 + length) !== 'none';
  }
  return false;
}

/** A plausible key body: long enough, pure base64, random-looking, with the right structure. */
function isKeyBody(label: string, body: string, encrypted: boolean): boolean {
  if (body.length < MIN_BODY || !/^[A-Za-z0-9+/]+={0,2}(?:=[A-Za-z0-9+/]{4})?$/.test(body)) return false;
  if (hasPlaceholderText(body) || shannonEntropy(body) < 4) return false;
  if (label.startsWith('OPENSSH')) return body.startsWith('b3BlbnNzaC1rZXktdjE');
  // DER: every PKCS#1/PKCS#8/SEC1/DSA structure is a SEQUENCE (0x30), whose base64 starts with "M".
  if (!label.startsWith('PGP') && !encrypted) return body.startsWith('M');
  return true;
}

function pemPattern(labels: string): RegExp {
  return new RegExp(`-----BEGIN (?<label>${labels})PRIVATE KEY(?: BLOCK)?-----(?<body>(?:[^-]|-(?!----)){1,${MAX_BODY}})-----END \\k<label>PRIVATE KEY(?: BLOCK)?-----`);
}

function acceptsPem(wantEncrypted: boolean) {
  return (_secret: string, match: RegExpExecArray): boolean => {
    const label = match.groups?.label ?? '';
    const raw = match.groups?.body ?? '';
    const body = pemBody(raw);
    const encrypted = isEncryptedPem(label, raw, body);
    return encrypted === wantEncrypted && isKeyBody(label, body, encrypted);
  };
}

// ---- fake example keys (generated, visibly fake, structurally valid) ----
const derBody = (label: string, n = 600) => `MII${chars(BASE64, n, `pem:${label}`)}`;
const opensshBody = (label: string, cipher = 'none') =>
  Buffer.concat([
    Buffer.from('openssh-key-v1\u0000', 'latin1'),
    Buffer.from([0, 0, 0, cipher.length]),
    Buffer.from(cipher, 'latin1'),
    Buffer.from(chars(HEX, 600, `pem:${label}`), 'hex'),
  ]).toString('base64');
const wrap = (body: string, eol: string) => body.match(/.{1,64}/g)!.join(eol);
export const fakePem = (label: string, body: string, eol = '\n', headers = '') =>
  `-----BEGIN ${label}PRIVATE KEY-----${eol}${headers}${wrap(body, eol)}${eol}-----END ${label}PRIVATE KEY-----`;

const pemRule = (id: string, title: string, labelRegex: string, keyword: string, sample: (n: string) => string, envName: string): SecretRule => ({
  id,
  title,
  provider: 'Private key',
  keywords: [keyword],
  window: { after: MAX_BODY + 200 },
  pattern: pemPattern(labelRegex),
  validate: acceptsPem(false),
  allowPlaceholderLike: true,
  severity: 'error',
  envName,
  remediation: KEY_ROTATE,
  examples: {
    positive: [sample('a'), `{"private_key": "${sample('b').replace(/\n/g, '\\n')}\\n"}`],
    negative: [
      sample('c').replace(/(-----\n)[\s\S]*(\n-----END)/, '$1...$2'),
      sample('d').replace(/(-----\n)[\s\S]*(\n-----END)/, '$1XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX$2'),
      sample('e').replace(/(-----\n)[\s\S]*(\n-----END)/, '$1***$2'),
    ],
  },
});

/**
 * A DER private key: PKCS#8 (version 0 or 1, an AlgorithmIdentifier, the key in an OCTET STRING),
 * SEC1 EC (version 1, then an OCTET STRING), or PKCS#1 RSA / DSA (version 0, then integers only).
 * The whole value must be that one SEQUENCE, so random base64 does not pass by chance.
 */
function isDerPrivateKey(base64: string): boolean {
  const bytes = decodeBase64(base64);
  const top = bytes && readElement(bytes, 0);
  if (!bytes || !top || top.tag !== TAG.sequence || top.end !== bytes.length) return false;
  const parts = children(bytes, top);
  if (!parts || parts.length < 3) return false;
  const version = readUnsigned(bytes, parts[0]);
  if ((version === 0 || version === 1) && parts[1].tag === TAG.sequence && parts[2].tag === TAG.octetString) return true;
  if (version === 1 && parts[1].tag === TAG.octetString) return true;
  return version === 0 && parts.length >= 6 && parts.every((p) => p.tag === TAG.integer);
}

/** DER of a PKCS#1-shaped key: SEQUENCE of version 0 and eight random INTEGERs (for examples only). */
function rsaLikeDer(label: string): Uint8Array {
  const integers = [Uint8Array.of(0x02, 0x01, 0x00)];
  for (let i = 0; i < 8; i++) {
    const body = Buffer.from(chars(HEX, 64, `${label}:${i}`), 'hex');
    body[0] &= 0x7f;
    integers.push(Uint8Array.of(0x02, body.length, ...body));
  }
  return derSequence(integers);
}

/** DER shaped like a certificate: SEQUENCE { SEQUENCE { … }, SEQUENCE { … }, BIT STRING } (for examples only). */
function certificateLikeDer(label: string): Uint8Array {
  const body = Buffer.from(chars(HEX, 120, label), 'hex');
  return derSequence([derSequence([Uint8Array.of(0x02, 0x01, 0x02, 0x02, body.length, ...body)]), derSequence([Uint8Array.of(0x06, 0x01, 0x2a)]), Uint8Array.of(0x03, 0x03, 0x00, 0x01, 0x02)]);
}

/** PKCS#8 PrivateKeyInfo around a PKCS#1-shaped key (rsaEncryption) (for examples only). */
function pkcs8LikeDer(label: string): Uint8Array {
  const algorithm = derSequence([Uint8Array.of(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01), Uint8Array.of(0x05, 0x00)]);
  return derSequence([Uint8Array.of(0x02, 0x01, 0x00), algorithm, derElement(0x04, [rsaLikeDer(label)])]);
}

const derSequence = (items: Uint8Array[]) => derElement(0x30, items);

function derElement(tag: number, items: Uint8Array[]): Uint8Array {
  const length = items.reduce((n, i) => n + i.length, 0);
  const header = length < 0x80 ? [tag, length] : length < 0x100 ? [tag, 0x81, length] : [tag, 0x82, length >> 8, length & 0xff];
  return Uint8Array.from([...header, ...items.flatMap((i) => [...i])]);
}

export const privateKeyRules: SecretRule[] = [
  pemRule('private-key-rsa', 'RSA private key', 'RSA ', 'begin rsa private key', (n) => fakePem('RSA ', derBody(`rsa${n}`)), 'RSA_PRIVATE_KEY'),
  pemRule('private-key-ec', 'EC private key', 'EC ', 'begin ec private key', (n) => fakePem('EC ', derBody(`ec${n}`, 160)), 'EC_PRIVATE_KEY'),
  pemRule('private-key-dsa', 'DSA private key', 'DSA ', 'begin dsa private key', (n) => fakePem('DSA ', derBody(`dsa${n}`, 600)), 'DSA_PRIVATE_KEY'),
  pemRule('private-key-openssh', 'OpenSSH private key', 'OPENSSH ', 'begin openssh private key', (n) => fakePem('OPENSSH ', opensshBody(`ssh${n}`)), 'SSH_PRIVATE_KEY'),
  pemRule('private-key-pkcs8', 'Private key (PKCS#8)', '', 'begin private key', (n) => fakePem('', derBody(`p8${n}`, 900)), 'PRIVATE_KEY'),
  pemRule('private-key-pgp', 'PGP private key block', 'PGP ', 'begin pgp private key block', (n) => fakePem('PGP ', `lQ${chars(BASE64, 900, `pgp${n}`)}`).replace(/PRIVATE KEY-----/g, 'PRIVATE KEY BLOCK-----').replace('-----\n', '-----\n\n'), 'PGP_PRIVATE_KEY'),
  pemRule('private-key-other', 'Private key (PEM)', '(?!RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )[A-Z0-9]{2,16} ', 'private key-----', (n) => fakePem('ANY ', derBody(`any${n}`, 400)), 'PRIVATE_KEY'),
  {
    // Passphrase-protected keys still allow offline guessing of the passphrase: a warning.
    id: 'private-key-encrypted',
    title: 'Encrypted (passphrase-protected) private key',
    provider: 'Private key',
    keywords: ['private key-----'],
    window: { after: MAX_BODY + 200 },
    pattern: pemPattern('(?:ENCRYPTED |RSA |EC |DSA |OPENSSH )'),
    validate: acceptsPem(true),
    allowPlaceholderLike: true,
    severity: 'warning',
    envName: 'PRIVATE_KEY',
    description: 'A passphrase-protected private key is written in the file; anyone with a copy can try passphrases offline, without limit.',
    remediation: KEY_ROTATE,
    examples: {
      positive: [
        fakePem('ENCRYPTED ', derBody('enc1', 1200)),
        fakePem('RSA ', chars(BASE64, 800, 'pem:enc2'), '\n', 'Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\n'),
        fakePem('OPENSSH ', opensshBody('enc3', 'aes256-ctr')),
      ],
      negative: [fakePem('OPENSSH ', opensshBody('enc4')), '-----BEGIN ENCRYPTED PRIVATE KEY-----\n...\n-----END ENCRYPTED PRIVATE KEY-----'],
    },
  },
  {
    // A private key as bare base64 DER, without PEM armour: SAML and JWT settings (`"privateKey": "MIIE…"`),
    // .NET and Java configuration, Terraform outputs. Certificates and public keys have other structures.
    id: 'private-key-der-base64',
    title: 'Private key (base64 DER, no PEM header)',
    provider: 'Private key',
    keywords: ['mii', 'mig', 'mhccaqee', 'mc4caqaw'],
    window: { before: 0, after: 8200 },
    // Spelled out per keyword so the scanner tries it only where one starts (DER SEQUENCE headers in base64:
    // MII… over 255 bytes, MIG… 128 to 255 bytes such as P-256 PKCS#8 and P-384 SEC1 keys).
    pattern: /(?<![A-Za-z0-9+/])(?<secret>(?:MII[A-Za-z0-9+/]{58,7998}|MIG[A-Za-z0-9+/]{58,7998}|MHcCAQEE[A-Za-z0-9+/]{53,7993}|MC4CAQAw[A-Za-z0-9+/]{53,7993})={0,2})(?![A-Za-z0-9+/=])/,
    validate: (secret) => isDerPrivateKey(secret),
    allowPlaceholderLike: true,
    severity: 'error',
    envName: 'PRIVATE_KEY',
    remediation: KEY_ROTATE,
    examples: {
      positive: [
        `{ "sp": { "entityId": "https://app.example.net/saml", "privateKey": "${Buffer.from(pkcs8LikeDer('der1')).toString('base64')}" } }`,
        `SIGNING_KEY=${Buffer.from(rsaLikeDer('der2')).toString('base64')}`,
      ],
      negative: [
        // A certificate and a public key (SubjectPublicKeyInfo) in the same form.
        `"certificate": "${Buffer.from(certificateLikeDer('der3')).toString('base64')}"`,
        `"publicKey": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${chars(BASE64, 300, 'der4')}IDAQAB"`,
      ],
    },
  },
  {
    // A JSON Web Key holds its private part in `d` (RSA, EC, OKP) or, for a symmetric key, in `k`.
    id: 'jwk-private-key',
    title: 'Private or symmetric JSON Web Key (JWK)',
    provider: 'Private key',
    keywords: ['"kty"'],
    window: { before: 4000, after: 4000 },
    pattern: /"(?:d|k)"[ \t\r\n]*:[ \t\r\n]*"(?<secret>[A-Za-z0-9_-]{32,2048})"/,
    validate: (secret) => !hasPlaceholderText(secret),
    allowPlaceholderLike: true,
    minEntropy: 4,
    severity: 'error',
    envName: 'JWK_PRIVATE_KEY',
    description: 'A JSON Web Key with its private part (`d`) or its symmetric key (`k`) is written in the file: whoever reads it can sign or decrypt tokens as the key owner.',
    remediation: `${KEY_ROTATE} For a JWKS, publish a new key under a new \`kid\`, sign with it, then remove the old key.`,
    examples: {
      positive: [
        `{\n  "kty": "RSA",\n  "kid": "2024-signing",\n  "n": "${chars(BASE64URL, 342, 'jwk:n')}",\n  "e": "AQAB",\n  "d": "${chars(BASE64URL, 342, 'jwk:d')}",\n  "p": "${chars(BASE64URL, 171, 'jwk:p')}"\n}`,
        `{"keys":[{"kty":"EC","crv":"P-256","x":"${chars(BASE64URL, 43, 'jwk:x')}","y":"${chars(BASE64URL, 43, 'jwk:y')}","d":"${chars(BASE64URL, 43, 'jwk:ec-d')}"}]}`,
        `{"kty":"oct","alg":"HS256","k":"${chars(BASE64URL, 43, 'jwk:k')}"}`,
      ],
      negative: [
        // Public keys (no private part), and a placeholder.
        `{"kty":"RSA","kid":"2024-signing","use":"sig","n":"${chars(BASE64URL, 342, 'jwk:pub')}","e":"AQAB"}`,
        `{"kty":"EC","crv":"P-256","x":"${chars(BASE64URL, 43, 'jwk:px')}","y":"${chars(BASE64URL, 43, 'jwk:py')}"}`,
        '{"kty":"oct","k":"your-base64url-encoded-secret-key-goes-here"}',
      ],
    },
  },
  {
    id: 'putty-private-key',
    title: 'PuTTY private key file',
    provider: 'Private key',
    keywords: ['putty-user-key-file-'],
    window: { after: 12000 },
    pattern:
      /PuTTY-User-Key-File-[23]: [^\r\n]{1,64}\r?\nEncryption: [^\r\n]{1,40}\r?\n(?:[^\r\n]{0,200}\r?\n){0,60}?Private-Lines: \d{1,3}\r?\n(?<body>(?:[A-Za-z0-9+/=]{1,128}\r?\n){1,200})Private-MAC: [0-9a-fA-F]{40,64}/,
    validate: (_secret, match) => {
      const body = (match.groups?.body ?? '').replace(/\s/g, '');
      return body.length >= 40 && !hasPlaceholderText(body) && shannonEntropy(body) >= 4;
    },
    allowPlaceholderLike: true,
    severity: 'error',
    envName: 'SSH_PRIVATE_KEY',
    remediation: KEY_ROTATE,
    examples: {
      positive: [
        `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: fake-key\nPublic-Lines: 2\n${wrap(`AAAAC3NzaC1lZDI1NTE5AAAAI${chars(BASE64, 43, 'ppk1')}`, '\n')}\nPrivate-Lines: 1\n${chars(BASE64, 44, 'ppk2')}\nPrivate-MAC: ${chars(HEX, 64, 'ppk3')}\n`,
        `PuTTY-User-Key-File-2: ssh-rsa\r\nEncryption: none\r\nComment: rsa-key\r\nPublic-Lines: 1\r\nAAAAB3NzaC1yc2E\r\nPrivate-Lines: 3\r\n${wrap(chars(BASE64, 180, 'ppk4'), '\r\n')}\r\nPrivate-MAC: ${chars(HEX, 40, 'ppk5')}\r\n`,
      ],
      negative: [
        'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: x\nPublic-Lines: 1\nAAAA\nPrivate-Lines: 1\nXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\nPrivate-MAC: 0000000000000000000000000000000000000000\n',
        'Save the key as PuTTY-User-Key-File-3 (.ppk) with PuTTYgen.',
      ],
    },
  },
];
