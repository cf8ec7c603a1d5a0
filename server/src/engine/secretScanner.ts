import type { SecretRule } from './rules/secretRule';
import type { KeywordPool, KeywordScanner } from './keywordPool';
import { leadingLiterals } from './patternPrefix';
import { KeywordPrefilter } from './prefilter';
import { HEX_MIN_ENTROPY, isPlaceholder, shannonEntropy } from './values';
import type { RawFinding } from './types';

const DEFAULT_BEFORE = 64;
const DEFAULT_AFTER = 256;

/** Per-rule counters filled by `SecretRuleScanner.scan` when asked (profiling: scripts/bench/profile.ts). */
export interface RuleScanStats {
  /** Keyword hits that opened or widened a window of this rule. */
  hits: number;
  /** Windows searched after merging. */
  windows: number;
  /** UTF-16 units of text searched by the regex (0 for anchored rules, tried at hits only). */
  windowChars: number;
  /** Regex matches before validation. */
  matches: number;
  /** Time spent in the regex and validation, ms. */
  ms: number;
}

interface CompiledRule {
  rule: SecretRule;
  regex: RegExp;
  before: number;
  after: number;
  /**
   * When every match starts with one of these literals and each literal starts with one of the
   * rule's keywords: the regex can only match where such a keyword hit is, so it is tried there
   * (sticky) instead of searching the whole window. Same matches, same order.
   */
  anchor?: { literals: string[]; ignoreCase: boolean; sticky: RegExp; keywords: Set<string> };
}

/** The anchor of a rule (see CompiledRule.anchor), when its pattern allows one. */
function anchorOf(rule: SecretRule, flags: string): CompiledRule['anchor'] {
  const literals = leadingLiterals(rule.pattern);
  if (!literals) return undefined;
  const lower = literals.map((l) => l.toLowerCase());
  const keywords = new Set(rule.keywords.filter((k) => lower.some((l) => l.startsWith(k))));
  if (!lower.every((l) => rule.keywords.some((k) => l.startsWith(k)))) return undefined;
  const ignoreCase = flags.includes('i');
  return { literals: ignoreCase ? lower : literals, ignoreCase, sticky: new RegExp(rule.pattern.source, flags.replace('g', 'y')), keywords };
}

/** Whether `text` at `at` starts with one of `literals` (ASCII case-insensitively with `ignoreCase`). */
function startsWithAny(text: string, at: number, literals: string[], ignoreCase: boolean): boolean {
  for (const literal of literals) {
    if (ignoreCase ? text.slice(at, at + literal.length).toLowerCase() === literal : text.startsWith(literal, at)) return true;
  }
  return false;
}

/**
 * Runs provider-specific rules: one prefilter pass collects keyword hits, then each rule's regex runs
 * in merged windows around its own hits only.
 */
export class SecretRuleScanner {
  private readonly compiled: CompiledRule[];
  private readonly prefilter: KeywordScanner;
  /** keyword id -> indexes of compiled rules listening for it. */
  private readonly listeners: number[][];
  /** keyword id -> for each listener, whether the keyword is one of the rule's anchor keywords. */
  private readonly anchoring: boolean[][];

  /**
   * With a `pool`, the keyword pass is shared with the pool's other consumers (see KeywordPool).
   * `anchorAtKeywords: false` searches every window whole (the reference behaviour, for tests).
   */
  constructor(rules: readonly SecretRule[], pool?: KeywordPool, options: { anchorAtKeywords?: boolean } = {}) {
    this.compiled = rules.map((rule) => {
      const flags = new Set(rule.pattern.flags.replace(/[gyd]/g, '').split(''));
      flags.add('g');
      flags.add('d');
      const joined = [...flags].join('');
      return {
        rule,
        regex: new RegExp(rule.pattern.source, joined),
        anchor: options.anchorAtKeywords === false ? undefined : anchorOf(rule, joined),
        before: rule.window?.before ?? DEFAULT_BEFORE,
        after: rule.window?.after ?? DEFAULT_AFTER,
      };
    });
    const keywordIds = new Map<string, number>();
    const listeners: number[][] = [];
    this.compiled.forEach((c, ruleIndex) => {
      for (const keyword of new Set(c.rule.keywords)) {
        let id = keywordIds.get(keyword);
        if (id === undefined) {
          id = keywordIds.size;
          keywordIds.set(keyword, id);
          listeners.push([]);
        }
        listeners[id].push(ruleIndex);
      }
    });
    const keywordList = [...keywordIds.keys()];
    this.anchoring = listeners.map((rules, id) => rules.map((r) => this.compiled[r].anchor?.keywords.has(keywordList[id]) ?? false));
    this.prefilter = pool ? pool.view([...keywordIds.keys()]) : new KeywordPrefilter([...keywordIds.keys()]);
    this.listeners = listeners;
  }

  get rules(): SecretRule[] {
    return this.compiled.map((c) => c.rule);
  }

  /** `document`: the path of a document being edited (KeywordScanner.scan). */
  scan(text: string, isEnabled: (ruleId: string) => boolean = () => true, stats?: Map<string, RuleScanStats>, document?: string): RawFinding[] {
    // Windows per rule, merged as hits arrive (hits come in increasing end order per keyword).
    const windows = new Map<number, number[]>();
    /** Anchored rules: starts of their anchor keywords' hits. */
    const anchorHits = new Map<number, number[]>();
    const listeners = this.listeners;
    const anchoring = this.anchoring;
    const compiled = this.compiled;
    const textLength = text.length;
    const hitCounts = stats ? new Map<number, number>() : undefined;
    this.prefilter.scan(text, (keyword, start) => {
      const end = start + this.prefilter.keywords[keyword].length;
      const rules = listeners[keyword];
      for (let r = 0; r < rules.length; r++) {
        const ruleIndex = rules[r];
        const c = compiled[ruleIndex];
        if (anchoring[keyword][r] && startsWithAny(text, start, c.anchor!.literals, c.anchor!.ignoreCase)) {
          let starts = anchorHits.get(ruleIndex);
          if (!starts) anchorHits.set(ruleIndex, (starts = []));
          starts.push(start);
        }
        if (hitCounts) hitCounts.set(ruleIndex, (hitCounts.get(ruleIndex) ?? 0) + 1);
        const ws = Math.max(0, start - c.before);
        const we = Math.min(textLength, end + c.after);
        let list = windows.get(ruleIndex);
        if (!list) windows.set(ruleIndex, (list = []));
        const n = list.length;
        // Merge with the previous window when they overlap (hits are near-sorted by position).
        if (n > 0 && ws <= list[n - 1] && ws >= list[n - 2]) {
          if (we > list[n - 1]) list[n - 1] = we;
        } else list.push(ws, we);
      }
    }, document);
    const findings: RawFinding[] = [];
    // Rule order, so that equal-span findings keep the catalogue's priority (earlier wins).
    const ordered = [...windows].sort((x, y) => x[0] - y[0]);
    for (const [ruleIndex, list] of ordered) {
      const c = compiled[ruleIndex];
      if (!isEnabled(c.rule.id)) continue;
      const seen = new Set<number>();
      const merged = mergeWindows(list);
      const started = stats ? performance.now() : 0;
      let matches = 0;
      const anchor = c.anchor;
      const starts = anchor ? sortedUnique(anchorHits.get(ruleIndex) ?? []) : undefined;
      let next = 0;
      for (let w = 0; w < merged.length; w += 2) {
        const ws = lineStartNear(text, merged[w]);
        const we = merged[w + 1];
        if (anchor && starts) {
          // The regex can only match at an anchor hit: try it there, on the same window text.
          while (next < starts.length && starts[next] < ws) next++;
          if (next >= starts.length || starts[next] >= we) continue;
          const slice = text.slice(ws, we);
          let searchedTo = ws;
          for (; next < starts.length && starts[next] < we; next++) {
            const at = starts[next];
            if (at < searchedTo) continue; // inside the previous match, as a global search would skip
            anchor.sticky.lastIndex = at - ws;
            const m = anchor.sticky.exec(slice);
            if (m === null || m[0].length === 0) continue;
            searchedTo = ws + anchor.sticky.lastIndex;
            matches++;
            this.report(c, m, ws, text, seen, findings);
          }
          continue;
        }
        const slice = text.slice(ws, we);
        c.regex.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = c.regex.exec(slice)) !== null) {
          if (m[0].length === 0) {
            c.regex.lastIndex++;
            continue;
          }
          matches++;
          this.report(c, m, ws, text, seen, findings);
        }
      }
      if (stats) {
        let s = stats.get(c.rule.id);
        if (!s) stats.set(c.rule.id, (s = { hits: 0, windows: 0, windowChars: 0, matches: 0, ms: 0 }));
        s.hits += hitCounts?.get(ruleIndex) ?? 0;
        s.windows += merged.length / 2;
        if (!anchor) for (let w = 0; w < merged.length; w += 2) s.windowChars += merged[w + 1] - merged[w];
        s.matches += matches;
        s.ms += performance.now() - started;
      }
    }
    return findings;
  }

  /** Turns a match in the window starting at `ws` into a finding, unless seen or rejected. */
  private report(c: CompiledRule, m: RegExpExecArray, ws: number, text: string, seen: Set<number>, findings: RawFinding[]): void {
    const span = m.indices?.groups?.secret ?? m.indices?.[0];
    if (!span) return;
    const start = ws + span[0];
    const end = ws + span[1];
    if (seen.has(start)) return;
    seen.add(start);
    if (insideBase64Data(text, start, end)) return;
    const secret = text.slice(start, end);
    if (!this.accepts(c.rule, secret, m, text)) return;
    findings.push({ ruleId: c.rule.id, start, end, data: { provider: c.rule.provider, ...c.rule.data, ...(c.rule.envName ? { suggestedName: c.rule.envName } : {}) } });
  }

  private accepts(rule: SecretRule, secret: string, match: RegExpExecArray, text: string): boolean {
    if (rule.minEntropy !== undefined && shannonEntropy(secret) < entropyThreshold(rule.minEntropy, secret)) return false;
    if (!rule.allowPlaceholderLike && isPlaceholder(secret)) return false;
    if (rule.validate) {
      try {
        if (!rule.validate(secret, match, text)) return false;
      } catch {
        return false;
      }
    }
    return true;
  }
}

/** A rule's entropy threshold, or HEX_MIN_ENTROPY for a hex-only value (its other checks still apply). */
const HEX_VALUE = /^[0-9a-fA-F]{20,}$/;
function entropyThreshold(ruleThreshold: number, secret: string): number {
  return ruleThreshold > HEX_MIN_ENTROPY && HEX_VALUE.test(secret) ? HEX_MIN_ENTROPY : ruleThreshold;
}

/** How far back a window start moves to reach its line's start (further, the window is left cut). */
const LINE_START_REACH = 256;

/**
 * A window starts at its line's start when that is near: validators that read the match's line
 * (`isDigestLine`, `lineBefore`) and lookbehinds then see the whole line, not a cut one.
 */
function lineStartNear(text: string, at: number): number {
  const limit = Math.max(0, at - LINE_START_REACH);
  for (let i = at; i > limit; i--) if (text.charCodeAt(i - 1) === 10) return i;
  return limit === 0 ? 0 : at;
}

function isBase64Char(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47;
}

/** How far base64 data must run on past a match for the match to be a piece of it. */
const BASE64_DATA_AROUND = 128;

/**
 * Base64 data (fonts and images in `data:` URIs, embedded certificates and archives) holds every
 * short token shape somewhere. A match glued to a `+` or `/` of such data, which runs on for
 * BASE64_DATA_AROUND characters or more around it, is a piece of that data, not a token (a token
 * in a URL path is glued to a `/` too, but the path's dots, `?` and `:` end the run soon).
 */
function insideBase64Data(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  if (before !== 43 && before !== 47 && after !== 43 && after !== 47) return false;
  let from = start;
  while (from > 0 && start - from < BASE64_DATA_AROUND && isBase64Char(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < BASE64_DATA_AROUND && isBase64Char(text.charCodeAt(to))) to++;
  return start - from + (to - end) >= BASE64_DATA_AROUND;
}

/** Ascending, without duplicates (hits of keywords of different lengths arrive in end order). */
function sortedUnique(xs: number[]): number[] {
  let sorted = true;
  for (let i = 1; i < xs.length; i++) if (xs[i] <= xs[i - 1]) sorted = false;
  if (sorted) return xs;
  return [...new Set(xs)].sort((a, b) => a - b);
}

/**
 * Sorts and merges flat [start, end] pairs so each region of text is searched once per rule. Hits
 * arrive nearly in order and are merged as they come, so the list is usually final already.
 */
function mergeWindows(flat: number[]): number[] {
  let ordered = true;
  for (let i = 2; i < flat.length && ordered; i += 2) if (flat[i] <= flat[i - 1]) ordered = false;
  if (ordered) return flat;
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [start, end] of pairs) {
    const n = merged.length;
    if (n > 0 && start <= merged[n - 1]) merged[n - 1] = Math.max(merged[n - 1], end);
    else merged.push(start, end);
  }
  return merged;
}
