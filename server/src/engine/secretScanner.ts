import type { SecretRule } from './rules/secretRule';
import type { KeywordPool, KeywordScanner } from './keywordPool';
import { KeywordPrefilter } from './prefilter';
import { isPlaceholder, shannonEntropy } from './values';
import type { RawFinding } from './types';

const DEFAULT_BEFORE = 64;
const DEFAULT_AFTER = 256;

/** Per-rule counters filled by `SecretRuleScanner.scan` when asked (profiling: scripts/bench/profile.ts). */
export interface RuleScanStats {
  /** Keyword hits that opened or widened a window of this rule. */
  hits: number;
  /** Windows searched after merging. */
  windows: number;
  /** UTF-16 units of text searched by the regex. */
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

  /** With a `pool`, the keyword pass is shared with the pool's other consumers (see KeywordPool). */
  constructor(rules: readonly SecretRule[], pool?: KeywordPool) {
    this.compiled = rules.map((rule) => {
      const flags = new Set(rule.pattern.flags.replace(/[gyd]/g, '').split(''));
      flags.add('g');
      flags.add('d');
      return {
        rule,
        regex: new RegExp(rule.pattern.source, [...flags].join('')),
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
    this.prefilter = pool ? pool.view([...keywordIds.keys()]) : new KeywordPrefilter([...keywordIds.keys()]);
    this.listeners = listeners;
  }

  get rules(): SecretRule[] {
    return this.compiled.map((c) => c.rule);
  }

  scan(text: string, isEnabled: (ruleId: string) => boolean = () => true, stats?: Map<string, RuleScanStats>): RawFinding[] {
    // Windows per rule, merged as hits arrive (hits come in increasing end order per keyword).
    const windows = new Map<number, number[]>();
    const listeners = this.listeners;
    const compiled = this.compiled;
    const textLength = text.length;
    const hitCounts = stats ? new Map<number, number>() : undefined;
    this.prefilter.scan(text, (keyword, start) => {
      const end = start + this.prefilter.keywords[keyword].length;
      for (const ruleIndex of listeners[keyword]) {
        const c = compiled[ruleIndex];
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
    });
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
      for (const [ws, we] of merged) {
        const slice = text.slice(ws, we);
        c.regex.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = c.regex.exec(slice)) !== null) {
          if (m[0].length === 0) {
            c.regex.lastIndex++;
            continue;
          }
          matches++;
          const span = m.indices?.groups?.secret ?? m.indices?.[0];
          if (!span) continue;
          const start = ws + span[0];
          const end = ws + span[1];
          if (seen.has(start)) continue;
          seen.add(start);
          const secret = text.slice(start, end);
          if (!this.accepts(c.rule, secret, m, text)) continue;
          findings.push({ ruleId: c.rule.id, start, end, data: { provider: c.rule.provider, ...c.rule.data, ...(c.rule.envName ? { suggestedName: c.rule.envName } : {}) } });
        }
      }
      if (stats) {
        let s = stats.get(c.rule.id);
        if (!s) stats.set(c.rule.id, (s = { hits: 0, windows: 0, windowChars: 0, matches: 0, ms: 0 }));
        s.hits += hitCounts?.get(ruleIndex) ?? 0;
        s.windows += merged.length;
        for (const [ws, we] of merged) s.windowChars += we - ws;
        s.matches += matches;
        s.ms += performance.now() - started;
      }
    }
    return findings;
  }

  private accepts(rule: SecretRule, secret: string, match: RegExpExecArray, text: string): boolean {
    if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) return false;
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

/** Sorts and merges [start, end] pairs so each region of text is searched once per rule. */
function mergeWindows(flat: number[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const p of pairs) {
    const last = merged[merged.length - 1];
    if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
    else merged.push([p[0], p[1]]);
  }
  return merged;
}
