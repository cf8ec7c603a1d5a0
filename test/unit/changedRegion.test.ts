import { strict as assert } from 'node:assert';
import { changedRegion } from '../../server/src/engine/text/changedRegion';

/** The reference: character by character. */
function naive(a: string, b: string): { from: number; oldTo: number; newTo: number } {
  const max = Math.min(a.length, b.length);
  let from = 0;
  while (from < max && a[from] === b[from]) from++;
  let tail = 0;
  while (tail < max - from && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { from, oldTo: a.length - tail, newTo: b.length - tail };
}

describe('changed region between two versions of a text', () => {
  const base = Array.from({ length: 9000 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');
  const cases: [string, string, string][] = [
    ['identical', base, base],
    ['both empty', '', ''],
    ['from empty', '', base],
    ['to empty', base, ''],
    ['insert at start', base, `x${base}`],
    ['insert at end', base, `${base}x`],
    ['insert on a block boundary', base, `${base.slice(0, 2048)}xyz${base.slice(2048)}`],
    ['delete across blocks', base, `${base.slice(0, 2000)}${base.slice(6200)}`],
    ['replace one character', base, `${base.slice(0, 4500)}#${base.slice(4501)}`],
    ['repeated text (ambiguous position)', 'aaaaaaaaaa'.repeat(500), 'aaaaaaaaaa'.repeat(500) + 'a'],
    ['non-ASCII', `é${base}ü`, `é${base.slice(0, 10)}ß${base.slice(10)}ü`],
  ];
  for (const [name, a, b] of cases) {
    it(name, () => {
      const region = changedRegion(a, b);
      assert.deepEqual(region, naive(a, b));
      assert.equal(a.slice(0, region.from) + b.slice(region.from, region.newTo) + a.slice(region.oldTo), b);
    });
  }
});
