import { strict as assert } from 'node:assert';
import { KeywordPool } from '../../server/src/engine/keywordPool';
import { KeywordPrefilter } from '../../server/src/engine/prefilter';
import { seededRandom } from '../../server/src/engine/rules/fake';

// Overlapping keywords (a keyword inside another, shared prefixes and suffixes) and mixed case.
const KEYWORDS = ['token', 'ken', 'to', 'api_key', 'key', 'ghp_', 'password', 'pass', 'assword', 'secret', 'cret', 'xoxb-', 'aws'];
const PIECES = [...KEYWORDS, 'TOKEN', 'Api_Key', ' ', '\n', '=', '"', 'é', 'x', 'ab', 'tok', 'pas', 'secre', '_', 'ke'];

function hitsOf(scan: (text: string, onHit: (k: number, s: number) => void) => void, text: string): string[] {
  const out: string[] = [];
  scan(text, (k, s) => out.push(`${KEYWORDS[k]}@${s}`));
  return out;
}

describe('keyword pool after an edit (only the changed region is scanned again)', () => {
  it('reports the same hits in the same order as a full scan, over random edits', () => {
    const pool = new KeywordPool();
    const view = pool.view(KEYWORDS);
    const reference = new KeywordPrefilter(KEYWORDS);
    for (let seed = 1; seed <= 40; seed++) {
      const next = seededRandom(seed);
      let text = Array.from({ length: 400 }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      for (let i = 0; i < 60; i++) {
        const at = Math.floor(next() * (text.length + 1));
        const removed = next() < 0.5 ? Math.floor(next() * 12) : 0;
        const inserted = Array.from({ length: Math.floor(next() * 4) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
        text = text.slice(0, at) + inserted + text.slice(at + removed);
        assert.deepEqual(hitsOf(view.scan.bind(view), text), hitsOf(reference.scan.bind(reference), text), `seed ${seed}, edit ${i}`);
      }
    }
  });

  it('handles edits at both ends and a change to an unrelated text', () => {
    const pool = new KeywordPool();
    const view = pool.view(KEYWORDS);
    const reference = new KeywordPrefilter(KEYWORDS);
    const texts = ['token key', 'xtoken key', 'xtoken keyy', 'xtoken ke', 'password and secret', 'pass', '', 'api_key', 'api_key'];
    for (const text of texts) assert.deepEqual(hitsOf(view.scan.bind(view), text), hitsOf(reference.scan.bind(reference), text), JSON.stringify(text));
  });
});
