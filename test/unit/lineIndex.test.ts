import { strict as assert } from 'node:assert';
import { seededRandom } from '../../server/src/engine/rules/fake';
import { changedRegion } from '../../server/src/engine/text/changedRegion';
import { LineIndex } from '../../server/src/engine/text/lineIndex';

/** Every line's start and end through the public API (the index's whole content). */
function linesOf(index: LineIndex): [number, number][] {
  return Array.from({ length: index.lineCount }, (_, line) => [index.lineStart(line), index.lineEnd(line)]);
}

const PIECES = ['\n', '\r\n', 'x', 'ab', '\n\n', 'é', '\r', ''];

describe('line index', () => {
  it('after an edit, equals an index built from scratch (random edits, CRLF and empty lines)', () => {
    const next = seededRandom(7);
    let text = Array.from({ length: 300 }, (_, i) => (i % 9 === 0 ? '' : `line ${i}`)).join('\n').replace(/\n(?=line 1)/g, '\r\n');
    let index = new LineIndex(text);
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(next() * (text.length + 1));
      const removed = next() < 0.4 ? Math.floor(next() * 12) : 0;
      const edited = text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(at + removed);
      index = LineIndex.afterEdit(index, edited, changedRegion(text, edited));
      text = edited;
      const fresh = new LineIndex(text);
      assert.deepEqual(linesOf(index), linesOf(fresh), `edit ${i}`);
    }
    assert.ok(index.lineCount > 10, 'the text still has lines after the edits');
  });

  it('maps offsets to positions and back', () => {
    const index = new LineIndex('ab\r\ncd\n\nef');
    assert.deepEqual(index.positionAt(5), { line: 1, character: 1 });
    assert.equal(index.offsetAt({ line: 3, character: 1 }), 9);
    assert.equal(index.lineText(1), 'cd');
    assert.equal(index.lineAt(7), 2);
  });
});
