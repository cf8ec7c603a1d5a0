/**
 * Generators of visibly fake, deterministic secret values for rule examples and tests, so that no
 * secret-shaped literal sits in the source tree or the bundle (vsce and push protection refuse those).
 * Values are random-looking but come from a seeded generator: the same label gives the same value.
 */

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const HEX = '0123456789abcdef';
export const UPPER_HEX = '0123456789ABCDEF';
export const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const DIGITS = '0123456789';

function seedOf(label: string): number {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32): fake values, and seeded tests. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` characters from `alphabet`, determined by `label` (use a distinct label per example). */
export function chars(alphabet: string, length: number, label = `${alphabet.length}:${length}`): string {
  const next = seededRandom(seedOf(label));
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

/** Prefix followed by `length` random characters. */
export function token(prefix: string, length: number, alphabet = ALNUM, label = prefix): string {
  return prefix + chars(alphabet, length, `${label}:${length}`);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE) of an ASCII string, as GitHub and npm tokens use for their checksum. */
export function crc32(value: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < value.length; i++) crc = CRC_TABLE[(crc ^ value.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Base62 (0-9A-Za-z order used by GitHub and npm), left-padded with `0` to `width`. */
export function base62(n: number, width: number): string {
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let out = '';
  let v = n;
  do {
    out = digits[v % 62] + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out.padStart(width, '0');
}

/** A token of `prefix` + 30 random chars + 6-char base62 CRC32 checksum (GitHub, npm formats). */
export function checksummedToken(prefix: string, label = prefix): string {
  const body = chars(ALNUM, 30, `crc:${label}`);
  return prefix + body + base62(crc32(body), 6);
}

/** base64url of a string or JSON value, without padding. */
export function b64url(value: string | object): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return Buffer.from(s, 'utf8').toString('base64url');
}
