import { strict as assert } from 'node:assert';
import { Engine } from '../../server/src/engine';
import { computeFixes, resolveBackendSettings } from '../../server/src/engine/fixes';
import { HEX, chars } from '../../server/src/engine/rules/fake';

/** Rails' master key files hold nothing but the key: recognised by their path. */
describe('key files recognised by their path (Rails master key)', () => {
  const engine = new Engine();
  const key = chars(HEX, 32, 'rails-master');
  const ruleFindings = (text: string, path: string) => engine.scan(text, path).findings.filter((f) => f.ruleId === 'rails-master-key');

  for (const path of ['config/master.key', 'apps/shop/config/master.key', 'config/credentials/production.key']) {
    it(`reports the key in ${path}, masked`, () => {
      const [f] = ruleFindings(`${key}\n`, path);
      assert.ok(f, 'one finding');
      assert.deepEqual([f.startOffset, f.endOffset], [0, 32]);
      assert.equal(f.severity, 'error');
      assert.ok(!f.message.includes(key) && !f.preview.includes(key));
    });
  }

  it('offers no reference fix (Rails reads the file as the key), only suppressions', () => {
    const text = `${key}\n`;
    const findings = engine.scan(text, 'config/master.key').findings;
    const fixes = computeFixes({ text, path: 'config/master.key', finding: findings[0], allFindings: findings, workspace: {}, backend: resolveBackendSettings({}) });
    assert.deepEqual([...new Set(fixes.map((f) => f.category))], ['suppression']);
  });

  const negatives: [string, string][] = [
    ['a key file elsewhere', 'keys/master.key'],
    ['a placeholder', 'config/master.key'],
    ['more than the key', 'config/master.key'],
  ];
  const texts = [`${key}\n`, `${'0'.repeat(32)}\n`, `${key}\nsecond line\n`];
  negatives.forEach(([what, path], i) => {
    it(`ignores ${what}`, () => assert.deepEqual(ruleFindings(texts[i], path), []));
  });
});
