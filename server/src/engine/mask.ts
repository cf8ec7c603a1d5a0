import { createHash, createHmac } from 'node:crypto';
import { startsWithProviderPrefix } from './rules/providerPrefixes';

/** Default key of the fingerprint HMAC. Shared by every install so committed ignore files work. */
export const DEFAULT_FINGERPRINT_KEY = 'secret-hygiene/fingerprint/v1';

/**
 * A masked preview: at most a short, non-secret prefix and the length, e.g. `ghp_…(40 chars)`.
 * The prefix is the provider's fixed prefix when it has one (a prefix the provider rules declare,
 * shown up to its first `_`/`-` within 8 characters), else the first two characters for values of
 * 16+ characters, else nothing. (A word before a dash is no prefix: `Glacier-` of a passphrase is a
 * third of the password.)
 */
export function maskedPreview(value: string): string {
  const length = value.length;
  const prefixMatch = /^[A-Za-z0-9]{1,7}[_-]/.exec(value);
  let prefix = '';
  if (prefixMatch && length - prefixMatch[0].length >= 8 && startsWithProviderPrefix(value)) prefix = prefixMatch[0];
  else if (length >= 16) prefix = value.slice(0, 2);
  // Keep multi-line values (private keys) to their header word only.
  if (value.startsWith('-----BEGIN')) prefix = '-----BEGIN';
  return `${prefix}…(${length} chars)`;
}

/** Keyed hash of rule and value: stable across edits, lines and machines; reveals nothing. */
export function fingerprint(ruleId: string, value: string, key: string = DEFAULT_FINGERPRINT_KEY): string {
  return createHmac('sha256', key).update(ruleId).update('\0').update(value).digest('hex').slice(0, 32);
}

/** SHA-1 hex of a value, as detect-secrets stores `hashed_secret` in `.secrets.baseline`. */
export function sha1Hex(value: string): string {
  return createHash('sha1').update(value, 'utf8').digest('hex');
}
