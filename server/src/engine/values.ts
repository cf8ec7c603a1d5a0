/**
 * Classifiers for candidate secret values: entropy, placeholders, references. Shared by the
 * provider rules and the generic assignment detector.
 */

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

const PLACEHOLDER_WORDS =
  /(?:example|sample|dummy|placeholder|redacted|changeme|change_me|change-me|your[_-]?(?:api[_-]?)?(?:key|token|secret|password)|insert[_-]?|replace[_-]?me|fake|not[_-]?a[_-]?real|xxxx|\*\*\*\*|\.\.\.\.|<[^>]+>|todo|tbd|fixme)/i;

/** True when the value is visibly not a real secret: a placeholder, mask, repetition or sequence. */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value)) return true;
  if (isRepetitive(value)) return true;
  if (isSequence(value)) return true;
  return false;
}

/** A value made of one or two characters repeated (`aaaaaaaa`, `abababab`, `00000000`). */
export function isRepetitive(value: string): boolean {
  const distinct = new Set(value.replace(/[-_]/g, '')).size;
  return value.length >= 4 && distinct <= 2;
}

/** Alphabetic or numeric runs such as `abcdefgh`, `12345678`, `0123456789abcdef`. */
export function isSequence(value: string): boolean {
  const core = value.replace(/[-_]/g, '').toLowerCase();
  if (core.length < 6) return false;
  let ascending = 0;
  for (let i = 1; i < core.length; i++) if (core.charCodeAt(i) - core.charCodeAt(i - 1) === 1) ascending++;
  return ascending / (core.length - 1) >= 0.8;
}
