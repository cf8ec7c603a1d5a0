import { checkKeyword, KeywordPrefilter } from './prefilter';
import { changedRegion } from './text/changedRegion';

/** What a keyword consumer needs: its keywords and every hit of them in a text. */
export interface KeywordScanner {
  readonly keywords: readonly string[];
  /**
   * Calls `onHit` for every keyword occurrence, in text order of the keyword's end. `document` names
   * a document being edited (ScanOptions.editing): the hits of its next version are then found from
   * this version's (see hitsAfterEdit); files scanned once pass nothing.
   */
  scan(text: string, onHit: (keyword: number, start: number) => void, document?: string): void;
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
  private last: { text: string; hits: Int32Array; document: string | undefined } | undefined;

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
      scan(text, onHit, document) {
        const hits = pool.hitsOf(text, document);
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

  /**
   * Every hit in `text` as flat (keyword, start) pairs of union ids, in the prefilter's order. The
   * last text's hits serve the next consumer of the same text, and, for the next version of the same
   * edited document, the edit. (Tried between different files, the edit path cost 10 to 30% more
   * than a fresh pass: they rarely differ in under a quarter of their text.)
   */
  private hitsOf(text: string, document: string | undefined): Int32Array {
    const last = this.last;
    if (last && last.text === text) return last.hits;
    this.prefilter ??= new KeywordPrefilter(this.union);
    const sameDocument = last !== undefined && document !== undefined && last.document === document;
    const result = (sameDocument && hitsAfterEdit(this.prefilter, last.text, last.hits, text)) || allHits(this.prefilter, text, 0, text.length);
    this.last = { text, hits: result, document };
    return result;
  }
}

/** Flat (keyword, start) pairs of the hits that start in [from, to) of `text`, in the prefilter's order. */
function allHits(prefilter: KeywordPrefilter, text: string, from: number, to: number, out = new HitList()): Int32Array {
  const longest = prefilter.longest;
  const scanFrom = Math.max(0, from);
  const scanTo = Math.min(text.length, to + longest - 1);
  const slice = scanFrom === 0 && scanTo === text.length ? text : text.slice(scanFrom, scanTo);
  prefilter.scan(slice, (keyword, start) => {
    const at = scanFrom + start;
    if (at >= from && at < to) out.push(keyword, at);
  });
  return out.done();
}

/**
 * The hits of `text` from those of `previous`, the text before one edit (the usual case in an
 * editor): hits that end before the change are kept, hits that start after it are shifted, and only
 * the changed region (widened by the longest keyword) is scanned again. Same hits, same order as a
 * full scan: by end, then by start (the automaton reports the longer keyword first at one end).
 * Undefined when the change is too large for this to pay.
 */
function hitsAfterEdit(prefilter: KeywordPrefilter, previous: string, hits: Int32Array, text: string): Int32Array | undefined {
  const { from, oldTo, newTo } = changedRegion(previous, text);
  if (newTo - from > text.length / 4) return undefined;
  const lengths = prefilter.keywords;
  const delta = text.length - previous.length;
  const longest = prefilter.longest;
  const out = new HitList(hits.length + 16);
  // Kept: hits that end at or before the change (hits are ordered by end).
  let i = 0;
  for (; i < hits.length; i += 2) {
    if (hits[i + 1] + lengths[hits[i]].length > from) break;
    out.push(hits[i], hits[i + 1]);
  }
  // Rescanned: hits that start in [from - longest + 1, newTo) and end after `from`.
  const rescanned = new HitList();
  const scanFrom = Math.max(0, from - longest + 1);
  allHits(prefilter, text, scanFrom, newTo, rescanned);
  const fresh = rescanned.done();
  // Shifted: old hits that start at or after the old change's end.
  const shifted = new HitList();
  for (; i < hits.length; i += 2) if (hits[i + 1] >= oldTo) shifted.push(hits[i], hits[i + 1] + delta);
  const moved = shifted.done();
  // Merge the last two by (end, start); the rescanned ones that end before `from` are dropped.
  let a = 0;
  let b = 0;
  const endOf = (list: Int32Array, k: number) => list[k + 1] + lengths[list[k]].length;
  while (a < fresh.length && endOf(fresh, a) <= from) a += 2;
  while (a < fresh.length || b < moved.length) {
    const takeFresh = b >= moved.length || (a < fresh.length && (endOf(fresh, a) < endOf(moved, b) || (endOf(fresh, a) === endOf(moved, b) && fresh[a + 1] < moved[b + 1])));
    if (takeFresh) {
      out.push(fresh[a], fresh[a + 1]);
      a += 2;
    } else {
      out.push(moved[b], moved[b + 1]);
      b += 2;
    }
  }
  return out.done();
}

/** A growable list of (keyword, start) pairs. */
class HitList {
  private data: Int32Array;
  private n = 0;

  constructor(capacity = 64) {
    this.data = new Int32Array(Math.max(2, capacity));
  }

  push(keyword: number, start: number): void {
    if (this.n + 2 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.n++] = keyword;
    this.data[this.n++] = start;
  }

  done(): Int32Array {
    return this.data.subarray(0, this.n);
  }
}

/** The pool shared by the built-in provider rules and the generic detector. */
export const builtinKeywords = new KeywordPool();
