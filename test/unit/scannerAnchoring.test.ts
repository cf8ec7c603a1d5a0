import { strict as assert } from 'node:assert';
import { KeywordPool } from '../../server/src/engine/keywordPool';
import { leadingLiterals } from '../../server/src/engine/patternPrefix';
import { KeywordPrefilter } from '../../server/src/engine/prefilter';
import { providerRules } from '../../server/src/engine/rules';
import { ALNUM, token } from '../../server/src/engine/rules/fake';
import { SecretRuleScanner } from '../../server/src/engine/secretScanner';

/**
 * The provider scanner's speed-ups must not change what it finds: trying an anchored rule's regex
 * only at its keyword hits, and sharing one keyword pass between consumers, give exactly the
 * findings of the plain windowed search.
 */
describe('leading literals of a pattern', () => {
  const cases: [RegExp, string[] | undefined][] = [
    [/(?<![A-Za-z0-9_])(?<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9])/, ['ghp_']],
    [/(?<![A-Za-z0-9+.-])(?:https?|ftps?):\/\/x/, ['http', 'ftp']],
    [/(?<secret>SK(?:[0-9a-f]{32}|[0-9A-F]{32}))/, ['SK']],
    [/-----BEGIN (?<label>RSA )PRIVATE/, ['-----BEGIN ']],
    [/ab?c/, ['a']],
    [/ab\.c/, ['ab.c']],
    [/a|b/, ['a', 'b']],
    // Small classes of plain characters expand; ranges, quantified and large classes end the prefix.
    [/a|[b]/, ['a', 'b']],
    [/(?<secret>sq[upa]_[a-f0-9]{40})/, ['squ_', 'sqp_', 'sqa_']],
    [/ab[c-e]x/, ['ab']],
    [/ab[cd]?x/, ['ab']],
    [/ab[cdefg]x/, ['ab']],
  ];
  for (const [pattern, expected] of cases) {
    it(`reads ${pattern.source.slice(0, 40)}`, () => assert.deepEqual(leadingLiterals(pattern), expected));
  }
  const unsure = [/^abc/, /[a-z]abc/, /(?:ab)?cd/, /a|[^b]/, /(?=x)abc/, /\bab/, /(?:a|b)*c/, /x/iu, /\dabc/, /(?:abc){0,2}x/];
  for (const pattern of unsure) {
    it(`gives up on ${pattern.source}`, () => assert.equal(leadingLiterals(pattern), undefined));
  }
});

describe('anchored provider scanning', () => {
  const anchored = new SecretRuleScanner(providerRules, new KeywordPool());
  const reference = new SecretRuleScanner(providerRules, undefined, { anchorAtKeywords: false });
  const key = (f: { ruleId: string; start: number; end: number }) => `${f.ruleId}@${f.start}-${f.end}`;
  const same = (text: string, label: string) => {
    assert.deepEqual(anchored.scan(text).map(key), reference.scan(text).map(key), label);
  };

  it('finds what the windowed search finds in every rule example', () => {
    for (const rule of providerRules) {
      [...rule.examples.positive, ...rule.examples.negative].forEach((example, i) => same(example, `${rule.id} example #${i + 1}`));
    }
  });

  it('finds what the windowed search finds in all examples at once, glued and overlapping', () => {
    const all = providerRules.flatMap((r) => [...r.examples.positive, ...r.examples.negative]);
    same(all.join('\n'), 'joined by lines');
    same(all.join(''), 'glued');
    same(all.join(' ac sk http token '), 'with frequent keywords between');
  });

  it('keeps a global search\'s skipping of hits inside an earlier match', () => {
    const ghp = token('ghp_', 36, ALNUM, 'anchoring:overlap');
    same(`x = "${ghp}ghp_${ghp.slice(4)}"`, 'a token glued to another');
    same(`AC${'0'.repeat(32)}:${'a'.repeat(32)} SK${'f'.repeat(32)}`, 'hex runs');
  });
});

describe('keyword prefilter over the whole catalogue', () => {
  it('reports exactly the occurrences a naive search finds', () => {
    const keywords = [...new Set(providerRules.flatMap((r) => r.keywords))];
    const text = providerRules.flatMap((r) => [...r.examples.positive, ...r.examples.negative]).join('\n').slice(0, 200_000);
    const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c | 0x20 : c);
    const naive: string[] = [];
    keywords.forEach((k, id) => {
      for (let i = 0; i + k.length <= text.length; i++) {
        let j = 0;
        while (j < k.length && lowerAscii(text.charCodeAt(i + j)) === k.charCodeAt(j)) j++;
        if (j === k.length) naive.push(`${id}@${i}`);
      }
    });
    const found: string[] = [];
    new KeywordPrefilter(keywords).scan(text, (k, start) => found.push(`${k}@${start}`));
    assert.ok(naive.length > 500);
    assert.deepEqual([...found].sort(), [...naive].sort());
  });
});

describe('shared keyword pool', () => {
  it('reports what a prefilter of the same keywords reports, in the same order', () => {
    const pool = new KeywordPool();
    const a = ['pass', 'secret', 'token', 'key'];
    const b = ['ac', 'sk', 'http', 'token', 'ghp_', 'passecret'];
    const views = [pool.view(a), pool.view(b)];
    const text = 'passecret tokenKEY ACsk http://x ghp_token PASS\u00e9key secretoken';
    [a, b].forEach((keywords, i) => {
      const own: [number, number][] = [];
      new KeywordPrefilter(keywords).scan(text, (k, s) => own.push([k, s]));
      const shared: [number, number][] = [];
      views[i].scan(text, (k, s) => shared.push([k, s]));
      assert.deepEqual(shared, own);
      assert.ok(own.length > 3);
    });
  });
});
