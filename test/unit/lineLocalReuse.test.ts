import { strict as assert } from 'node:assert';
import { seededRandom } from '../../server/src/engine/rules/fake';
import { forgetEditedDocument } from '../../server/src/engine/editMemory';
import { LineLocalReuse, type LineReach } from '../../server/src/engine/text/lineLocalReuse';

/**
 * A toy line-local analysis with the reach the reuse is told about: a line holding `AB` is reported
 * when one of the `linesAfter` lines below holds `@` and none of the `linesBefore` lines above holds
 * `#`. Typing through a text must give what a full analysis of each version gives, while analysing
 * only a few lines per edit.
 */
interface Toy {
  start: number;
  end: number;
  line: string;
}

function toyAnalysis(text: string, reach: LineReach, from: number, to: number): Toy[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const out: Toy[] = [];
  lines.forEach((line, i) => {
    if (starts[i] < from || starts[i] >= to) return;
    const hit = line.indexOf('AB');
    if (hit < 0) return;
    const below = lines.slice(i + 1, i + 1 + reach.linesAfter);
    const above = lines.slice(Math.max(0, i - reach.linesBefore), i);
    if (below.some((l) => l.includes('@')) && !above.some((l) => l.includes('#'))) out.push({ start: starts[i] + hit, end: starts[i] + line.length, line });
  });
  return out;
}

const PIECES = ['AB', '@', '#', '\n', 'x', ' ', '\nAB', 'A', 'B', '\n@\n'];

describe('line-local reuse (findings of the previous version kept away from an edit)', () => {
  for (const reach of [{ linesBefore: 0, linesAfter: 3 }, { linesBefore: 2, linesAfter: 1 }, { linesBefore: 0, linesAfter: 0 }]) {
    it(`gives what a full analysis gives, over random edits (reach ${reach.linesBefore} before, ${reach.linesAfter} after)`, () => {
      const next = seededRandom(reach.linesBefore * 10 + reach.linesAfter + 1);
      let text = Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? `line ${i} AB` : i % 5 === 0 ? '@' : i % 11 === 0 ? '#' : `line ${i}`)).join('\n');
      const reuse = new LineLocalReuse<Toy>(reach);
      let analysed = 0;
      let edits = 0;
      for (let i = 0; i < 600; i++) {
        const at = Math.floor(next() * (text.length + 1));
        text = next() < 0.6 ? text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
        const typed = reuse.analyze('doc', text, (from, to) => {
          analysed += to - from;
          return toyAnalysis(text, reach, from, to);
        });
        edits++;
        assert.deepEqual(typed, toyAnalysis(text, reach, 0, text.length), `edit ${i}`);
      }
      // The point of it: an edit costs a few lines, not the text (about 3,000 characters here).
      assert.ok(analysed / edits < text.length / 10, `analysed ${Math.round(analysed / edits)} characters per edit of a ${text.length}-character text`);
    });
  }

  it('keeps documents apart and analyses a text it has not seen in full', () => {
    const reach = { linesBefore: 0, linesAfter: 1 };
    const reuse = new LineLocalReuse<Toy>(reach);
    const a = 'AB\n@\nx\n';
    const b = 'x\nAB\n@\n';
    const ranges: [number, number][] = [];
    const run = (key: string, text: string) => reuse.analyze(key, text, (from, to) => (ranges.push([from, to]), toyAnalysis(text, reach, from, to)));
    assert.deepEqual(run('a', a).map((f) => f.start), [0]);
    assert.deepEqual(run('b', b).map((f) => f.start), [2]);
    assert.deepEqual(ranges, [[0, a.length], [0, b.length]]);
    // The same text again: nothing analysed.
    run('a', a);
    assert.equal(ranges.length, 2);
  });

  it('forgets a closed document: its next version is analysed whole', () => {
    const reach = { linesBefore: 0, linesAfter: 1 };
    const reuse = new LineLocalReuse<Toy>(reach);
    const ranges: [number, number][] = [];
    const run = (key: string, text: string) => reuse.analyze(key, text, (from, to) => (ranges.push([from, to]), toyAnalysis(text, reach, from, to)));
    const text = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    run('v1|src/a.ts', text);
    run('v1|src/b.ts', text);
    run('v1|src/a.ts', `${text}x`);
    assert.ok(ranges[2][0] > 0, 'an edit is analysed from near its line');
    forgetEditedDocument('src/a.ts');
    run('v1|src/a.ts', `${text}xy`);
    assert.deepEqual(ranges[3], [0, text.length + 2], 'after closing, the document is analysed whole');
    run('v1|src/b.ts', `${text}z`);
    assert.ok(ranges[4][0] > 0, 'other documents keep their memory');
  });
});
