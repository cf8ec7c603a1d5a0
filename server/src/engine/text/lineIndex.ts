import type { Position, Range } from '../types';
import type { ChangedRegion } from './changedRegion';

/** Maps UTF-16 offsets to LSP positions and back; built once per text in one linear pass. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(
    private readonly text: string,
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.lineStarts = starts;
  }

  /**
   * The index of `text`, a new version of `previous`'s text that differs from it in `change` only:
   * line starts before the change are kept, those after it shifted, and only the changed text is
   * searched for newlines (a keystroke in a 10,000-line file costs an array copy, not a pass).
   */
  static afterEdit(previous: LineIndex, text: string, change: ChangedRegion): LineIndex {
    const { from, oldTo, newTo } = change;
    const old = previous.lineStarts;
    const delta = newTo - oldTo;
    const starts: number[] = [];
    // Kept: starts whose newline (just before them) lies before the change.
    let k = 0;
    while (k < old.length && old[k] <= from) starts.push(old[k++]);
    for (let i = text.indexOf('\n', from); i !== -1 && i < newTo; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    // Shifted: starts whose newline lies after the change.
    while (k < old.length && old[k] <= oldTo) k++;
    while (k < old.length) starts.push(old[k++] + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Zero-based line holding `offset` (binary search). */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset just past the line's last character, before its `\n` (and a `\r` before it). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return next > this.lineStart(line) && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
