import { editMemory } from '../editMemory';
import { changedRegion } from './changedRegion';

/** A finding's span in the text; nothing else in it may hold an offset (only these two are shifted). */
export interface Spanned {
  start: number;
  end: number;
}

/**
 * What a line-local analysis promises: whether a finding starting on line X is reported, and what it
 * says, depends only on the text of lines X - linesBefore to X + linesAfter (not on where they are in
 * the file), and its span ends within them.
 */
export interface LineReach {
  linesBefore: number;
  linesAfter: number;
}

/** Above this share of the text changed, analysing the whole text again costs about the same. */
const MOST_OF_THE_TEXT = 0.25;

/**
 * Reuses the findings of a line-local analysis on the previous version of a text (the language server
 * scans every version of an edited file): findings far enough from the edit are kept (shifted when
 * after it) and only the lines the edit can reach are analysed again. The result equals a full
 * analysis of the new text, in the same order (findings sorted by start, as `analyzeLines` must give
 * them); test/unit/lineLocalReuse.test.ts and the code checks' editing test compare the two.
 */
export class LineLocalReuse<F extends Spanned> {
  private readonly previous = editMemory<{ text: string; findings: F[] }>(8);

  constructor(private readonly reach: LineReach) {}

  /**
   * `analyzeLines(from, to)` analyses the text from line start `from` to line end `to` (`to` is the
   * text's length or just after a newline) and returns, sorted by start, at least every finding of a
   * full analysis that starts in [from, to); findings outside are dropped here. `key` names the
   * document: anything else the analysis depends on, `|`, then its path (see editMemory); without
   * one (a file scanned once), the text is analysed whole and nothing is kept.
   */
  analyze(key: string | undefined, text: string, analyzeLines: (from: number, to: number) => F[]): F[] {
    if (key === undefined) return analyzeLines(0, text.length);
    const before = this.previous.get(key);
    const findings = (before && this.reuse(before.text, before.findings, text, analyzeLines)) ?? analyzeLines(0, text.length);
    this.previous.set(key, { text, findings });
    return findings;
  }

  private reuse(previous: string, old: F[], text: string, analyzeLines: (from: number, to: number) => F[]): F[] | undefined {
    if (previous === text) return old;
    const { from, newTo } = changedRegion(previous, text);
    if (newTo - from > text.length * MOST_OF_THE_TEXT) return undefined;
    // Lines whose findings can change: those within reach of a changed line (the line holding the
    // change's start to the one holding its end, the character after it included).
    const start = linesBack(text, lineStartAt(text, from), this.reach.linesAfter);
    const end = linesForward(text, newTo, this.reach.linesBefore);
    const delta = text.length - previous.length;
    const findings: F[] = [];
    let i = 0;
    for (; i < old.length && old[i].start < start; i++) {
      if (old[i].end > from) return undefined; // a span across the edit breaks the promise: start over
      findings.push(old[i]);
    }
    for (const f of analyzeLines(start, end)) if (f.start >= start && f.start < end) findings.push(f);
    const oldEnd = end - delta;
    while (i < old.length && old[i].start < oldEnd) i++;
    for (; i < old.length; i++) findings.push({ ...old[i], start: old[i].start + delta, end: old[i].end + delta });
    return findings;
  }
}

function lineStartAt(text: string, offset: number): number {
  return offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** The start of the line `count` lines above the line starting at `lineStart` (0 at most). */
function linesBack(text: string, lineStart: number, count: number): number {
  let at = lineStart;
  for (let i = 0; i < count && at > 0; i++) at = lineStartAt(text, at - 1);
  return at;
}

/** Just past the end of the line `count` lines below the line holding `offset` (its newline included). */
function linesForward(text: string, offset: number, count: number): number {
  let at = offset;
  for (let i = 0; i <= count; i++) {
    const newline = text.indexOf('\n', at);
    if (newline === -1) return text.length;
    at = newline + 1;
  }
  return at;
}
