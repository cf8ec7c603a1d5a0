import { chars } from '../fake';

/**
 * Small building blocks shared by the cloud and devtools rule declarations: a pattern for
 * "a named setting assigned a value", and value shape checks. Kept here so each rule stays a
 * one-screen declaration.
 */

/**
 * `name` followed by an assignment in any common syntax (`=`, `:`, `:=`, `=>`, a comma in a call,
 * quotes around the key or the value), then the value as the named group `secret`.
 * Every repetition is bounded, so the pattern stays linear-time.
 *
 * @param name regex source of the setting name (matched case-insensitively)
 * @param value regex source of the value (the `i` flag applies: check case in `validate` if it matters)
 * @param end what must not follow the value (defaults to another word character)
 * @param orAfter regex source of another lead-in to the value (a command: `snyk auth `)
 */
export function namedValue(name: string, value: string, end = '(?![A-Za-z0-9_])', orAfter?: string): RegExp {
  const assignment = `(?:${name})[A-Za-z0-9_.-]{0,24}?["'\\]]{0,2}\\s{0,8}(?::=|=>|=|:|,)\\s{0,8}(?:["'\`]|\\$?["'])?`;
  return new RegExp(`(?:${assignment}${orAfter ? `|${orAfter}` : ''})(?<secret>${value})${end}`, 'i');
}

/** Source for the "no word character before" boundary used at the start of prefixed tokens. */
export const WORD_START = '(?<![A-Za-z0-9_])';
/** Source for the "no word character after" boundary used at the end of prefixed tokens. */
export const WORD_END = '(?![A-Za-z0-9_])';

/** Canonical 8-4-4-4-12 hex UUID (either case). */
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** True when the value mixes upper case, lower case and digits (a random base62/base64 string). */
export function isMixedAlnum(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value);
}

/** True when the value is only lower-case letters, digits and the given extra characters. */
export function isLowerHex(value: string): boolean {
  return /^[0-9a-f]+$/.test(value);
}

/** Text on the same line before the match start (for "is this a reference, not a literal" checks). */
export function lineBefore(match: RegExpExecArray): string {
  const input = match.input;
  const start = input.lastIndexOf('\n', match.index) + 1;
  return input.slice(start, match.index);
}

/** Text around the match within `radius` characters of the window it was found in. */
export function around(match: RegExpExecArray, radius: number): string {
  const input = match.input;
  return input.slice(Math.max(0, match.index - radius), Math.min(input.length, match.index + match[0].length + radius));
}

/** A generated lower-case UUID for rule examples (visibly fake, deterministic per label). */
export function fakeUuid(label: string): string {
  const hex = '0123456789abcdef';
  const h = (n: number, part: string) => chars(hex, n, `uuid:${label}:${part}`);
  return `${h(8, 'a')}-${h(4, 'b')}-4${h(3, 'c')}-a${h(3, 'd')}-${h(12, 'e')}`;
}

/** True when the value has both letters and digits (random tokens whose case is not specified). */
export function hasLetterAndDigit(value: string): boolean {
  return /[A-Za-z]/.test(value) && /[0-9]/.test(value);
}
