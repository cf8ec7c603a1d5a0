import { base62, crc32 } from './fake';

/**
 * GitHub and npm token checksum: the last 6 characters are the base62 CRC-32 of the 30 random
 * characters before them (after the prefix).
 */
export function hasValidCrc32Base62Suffix(tokenBody: string): boolean {
  if (tokenBody.length !== 36) return false;
  const random = tokenBody.slice(0, 30);
  return base62(crc32(random), 6) === tokenBody.slice(30);
}

/** Cloudflare scannable token checksum: the last 8 characters are the lower-case hex CRC-32 of the body before them. */
export function hasValidCrc32HexSuffix(body: string): boolean {
  if (body.length <= 8) return false;
  return crc32(body.slice(0, -8)).toString(16).padStart(8, '0') === body.slice(-8);
}

/** Decodes standard or URL-safe base64 (padding optional); undefined when the text is not base64. */
export function decodeBase64(text: string): Buffer | undefined {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/_-]*$/.test(clean) || clean.length % 4 === 1) return undefined;
  return Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** True when `text` is base64 of exactly `bytes` bytes. */
export function isBase64OfLength(text: string, bytes: number): boolean {
  return decodeBase64(text)?.length === bytes;
}

/** The decoded JSON payload (middle part) of a JWT, or undefined when it is not a well-formed JWT. */
export function jwtPayload(jwt: string): Record<string, unknown> | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(decodeBase64(parts[0])?.toString('utf8') ?? '');
    if (typeof header !== 'object' || header === null || typeof header.alg !== 'string') return undefined;
    const payload = JSON.parse(decodeBase64(parts[1])?.toString('utf8') ?? '');
    return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

