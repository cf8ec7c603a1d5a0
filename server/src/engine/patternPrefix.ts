/**
 * What every match of a regex starts with: the literal prefixes of its alternatives, read from the
 * source conservatively. The provider-rule scanner uses them to try a rule's regex only where one of
 * its keywords starts such a prefix, instead of searching the whole window around the keyword.
 *
 * `leadingLiterals(/(?<![A-Za-z0-9_])(?<secret>ghp_[A-Za-z0-9]{36})/)` is `['ghp_']`;
 * `leadingLiterals(/(?:https?|ftps?):\/\//)` is `['http', 'ftp']`; `leadingLiterals(/sq[up]_/)` is `['squ_', 'sqp_']`. Anything the reader is not sure
 * of (a leading class, `^`, an optional or repeated group, a back-reference...) gives `undefined`:
 * the rule is then searched the ordinary way.
 */

/** Characters that stand for themselves outside a class. */
const PLAIN = /[A-Za-z0-9_\- :\/=@,'"!<>#%&~`;]/;
/** Escapes of punctuation that stand for the character itself. */
const ESCAPED_PLAIN = /[.\-\/:=@,'"!<>#%&~`;_ ()[\]{}|?*+^$\\]/;

export function leadingLiterals(pattern: RegExp): string[] | undefined {
  // `i` with `u`/`v` folds some non-ASCII letters to ASCII ones (ſ, K): the ASCII prefilter misses those.
  if (pattern.flags.includes('i') && /[uv]/.test(pattern.flags)) return undefined;
  const unicode = /[uv]/.test(pattern.flags);
  const alternatives = readAlternatives(pattern.source, 0, pattern.source.length, unicode, 0);
  if (!alternatives || alternatives.some((a) => a.length === 0)) return undefined;
  return alternatives;
}

/** Index just past the group or class opening at `open` (`(` or `[`), or -1. */
function closing(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        if (source[open] === '[' && depth === 0) return i + 1;
      }
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (i === open) continue;
    } else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Start offsets of the top-level alternatives in source[from, to). */
function splitTopLevel(source: string, from: number, to: number): [number, number][] {
  const parts: [number, number][] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[' || c === '(') {
      const end = closing(source, i);
      if (end === -1) return [];
      i = end - 1;
      continue;
    }
    if (c === '|') {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  parts.push([start, to]);
  return parts;
}

function isQuantifier(c: string | undefined): boolean {
  return c === '?' || c === '*' || c === '+' || c === '{';
}

/** The literal prefix of each alternative of source[from, to), or undefined when unsure. */
function readAlternatives(source: string, from: number, to: number, unicode: boolean, depth: number): string[] | undefined {
  if (depth > 4) return undefined;
  const out: string[] = [];
  for (const [start, end] of splitTopLevel(source, from, to)) {
    const prefixes = readSequence(source, start, end, unicode, depth);
    if (!prefixes) return undefined;
    out.push(...prefixes);
  }
  return out;
}

/** The literal prefixes of one alternative (a sequence), or undefined when unsure. */
function readSequence(source: string, from: number, to: number, unicode: boolean, depth: number): string[] | undefined {
  let i = from;
  // Lookbehinds at the start consume nothing: skip them.
  while (source.startsWith('(?<!', i) || source.startsWith('(?<=', i)) {
    const end = closing(source, i);
    if (end === -1 || end > to) return undefined;
    i = end;
  }
  if (i >= to) return undefined;
  // A group first: its alternatives' prefixes, when the group is required (no quantifier after it).
  if (source[i] === '(') {
    const end = closing(source, i);
    if (end === -1 || end > to || isQuantifier(source[end])) return undefined;
    let inner = i + 1;
    if (source.startsWith('?:', inner)) inner += 2;
    else if (source.startsWith('?<', inner) && source[inner + 2] !== '=' && source[inner + 2] !== '!') {
      const close = source.indexOf('>', inner);
      if (close === -1 || close >= end) return undefined;
      inner = close + 1;
    } else if (source[inner] === '?') return undefined; // lookahead or other assertion
    return readAlternatives(source, inner, end - 1, unicode, depth + 1);
  }
  let literals = [''];
  while (i < to) {
    const c = source[i];
    // A small class of plain characters, required once (`sq[upa]_`, `vc[piar]_`): one prefix a member.
    if (c === '[') {
      const end = closing(source, i);
      const members = end > i && end <= to ? source.slice(i + 1, end - 1) : '';
      if (!/^[A-Za-z0-9_]{1,4}$/.test(members) || isQuantifier(source[end]) || literals.length * members.length > MAX_LITERALS) break;
      literals = literals.flatMap((l) => [...members].map((m) => l + m));
      i = end;
      continue;
    }
    let ch: string | undefined;
    let width = 1;
    if (c === '\\') {
      const next = source[i + 1];
      if (next !== undefined && ESCAPED_PLAIN.test(next) && !(unicode && next === '-')) {
        ch = next;
        width = 2;
      }
    } else if (PLAIN.test(c)) ch = c;
    if (ch === undefined) break;
    // A quantified character may be absent or repeated: the prefix ends before it.
    if (isQuantifier(source[i + width])) break;
    literals = literals.map((l) => l + ch);
    i += width;
  }
  return literals[0] ? literals : undefined;
}

/** Prefixes one alternative may expand to through small classes. */
const MAX_LITERALS = 16;
