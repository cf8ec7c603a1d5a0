import { checkKeyword, KeywordPrefilter } from './prefilter';

/** What a keyword consumer needs: its keywords and every hit of them in a text. */
export interface KeywordScanner {
  readonly keywords: readonly string[];
  /** Calls `onHit` for every keyword occurrence, in text order of the keyword's end. */
  scan(text: string, onHit: (keyword: number, start: number) => void): void;
}

/**
 * One keyword pass per text for several consumers: the prefilter's cost is one table step per
 * character whatever the number of keywords, so the built-in provider rules and the generic name
 * detector share a single automaton over the union of their keywords, and the hits of the last text
 * are kept for the next consumer scanning the same text (the engine runs its analyzers in a row).
 * A view reports exactly what `new KeywordPrefilter(keywords).scan` would, in the same order.
 */
export class KeywordPool {
  private readonly union: string[] = [];
  private readonly unionIds = new Map<string, number>();
  private prefilter: KeywordPrefilter | undefined;
  private last: { text: string; hits: Int32Array } | undefined;

  /** Registers a consumer's keywords (lower-case ASCII, as for KeywordPrefilter). */
  view(keywords: readonly string[]): KeywordScanner {
    // Fail on bad keywords now, as the consumer's own prefilter would have.
    keywords.forEach(checkKeyword);
    const local = new Map<number, number>();
    keywords.forEach((keyword, id) => {
      let u = this.unionIds.get(keyword);
      if (u === undefined) {
        u = this.union.length;
        this.union.push(keyword);
        this.unionIds.set(keyword, u);
        this.prefilter = undefined;
        this.last = undefined;
      }
      if (!local.has(u)) local.set(u, id);
    });
    const pool = this;
    // Union id -> this view's keyword id, or -1; rebuilt when later views grew the union.
    let table = new Int32Array(0);
    return {
      keywords,
      scan(text, onHit) {
        const hits = pool.hitsOf(text);
        if (table.length !== pool.union.length) {
          table = new Int32Array(pool.union.length).fill(-1);
          for (const [u, id] of local) table[u] = id;
        }
        for (let i = 0; i < hits.length; i += 2) {
          const id = table[hits[i]];
          if (id >= 0) onHit(id, hits[i + 1]);
        }
      },
    };
  }

  /** Forgets the last text's hits (for timing one consumer alone: scripts/bench/profile.ts). */
  forget(): void {
    this.last = undefined;
  }

  /** Every hit in `text` as flat (keyword, start) pairs of union ids, in the prefilter's order. */
  private hitsOf(text: string): Int32Array {
    if (this.last && this.last.text === text) return this.last.hits;
    this.prefilter ??= new KeywordPrefilter(this.union);
    let hits = new Int32Array(64);
    let n = 0;
    this.prefilter.scan(text, (keyword, start) => {
      if (n + 2 > hits.length) {
        const grown = new Int32Array(hits.length * 2);
        grown.set(hits);
        hits = grown;
      }
      hits[n++] = keyword;
      hits[n++] = start;
    });
    const result = hits.subarray(0, n);
    this.last = { text, hits: result };
    return result;
  }
}

/** The pool shared by the built-in provider rules and the generic detector. */
export const builtinKeywords = new KeywordPool();
