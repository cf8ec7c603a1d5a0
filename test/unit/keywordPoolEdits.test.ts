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
        // Versions of one edited document: the pool works from the previous version's hits.
        assert.deepEqual(hitsOf((t, onHit) => view.scan(t, onHit, 'src/edited.ts'), text), hitsOf(reference.scan.bind(reference), text), `seed ${seed}, edit ${i}`);
      }
    }
  });

  it('handles edits at both ends and a change to an unrelated text', () => {
    const pool = new KeywordPool();
    const view = pool.view(KEYWORDS);
    const reference = new KeywordPrefilter(KEYWORDS);
    const texts = ['token key', 'xtoken key', 'xtoken keyy', 'xtoken ke', 'password and secret', 'pass', '', 'api_key', 'api_key'];
    for (const text of texts) assert.deepEqual(hitsOf((t, onHit) => view.scan(t, onHit, 'doc'), text), hitsOf(reference.scan.bind(reference), text), JSON.stringify(text));
  });

  it('gives full-scan hits when documents alternate and for files scanned once', () => {
    const pool = new KeywordPool();
    const view = pool.view(KEYWORDS);
    const reference = new KeywordPrefilter(KEYWORDS);
    const steps: [string, string | undefined][] = [['token key pass', 'a.ts'], ['token key pass x', 'b.ts'], ['token kez pass', 'a.ts'], ['secret token', undefined], ['secret tokens', 'a.ts']];
    for (const [text, document] of steps) {
      assert.deepEqual(hitsOf((t, onHit) => view.scan(t, onHit, document), text), hitsOf(reference.scan.bind(reference), text), `${document}: ${JSON.stringify(text)}`);
    }
  });
});
