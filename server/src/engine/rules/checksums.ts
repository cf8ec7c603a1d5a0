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
