import { strict as assert } from 'node:assert';
import { Engine, providerRules, resolveSettings } from '../../../server/src/engine';
import { applyEdits, computeFixes, parseDotenv, resolveBackendSettings } from '../../../server/src/engine/fixes';

/**
 * The preferred fix of every positive example of every provider rule (scanned as a plain text file,
 * as the rule tests do): the value moves to .env (and reads back unchanged) and out of the text, and the rule's finding is gone.
 * Test names carry the rule id and the example index, never the example text.
 */
describe('fixes: every provider rule example', () => {
  const engine = new Engine(resolveSettings({}));
  const backend = resolveBackendSettings({});
  let fixed = 0;
  for (const rule of providerRules) {
    rule.examples.positive.forEach((example, i) => {
      it(`${rule.id} #${i + 1}`, () => {
        const path = 'src/example.txt';
        const findings = engine.scan(example, path).findings;
        const finding = findings.find((f) => f.ruleId === rule.id);
        assert.ok(finding, 'example found');
        const fixes = computeFixes({ text: example, path, finding, allFindings: findings, workspace: { gitignoreText: '.env\n' }, backend });
        const preferred = fixes.find((f) => f.preferred);
        assert.ok(preferred, 'a preferred fix');
        const value = example.slice(finding.startOffset, finding.endOffset);
        const after = applyEdits(example, preferred.files[0].edits);
        assert.ok(!after.includes(value), 'value left the text');
        const env = preferred.files.find((f) => f.path === '.env');
        assert.ok(env, 'value kept in .env');
        const kept = [...parseDotenv(env.edits[0].newText).values()];
        assert.deepEqual(kept, [value], '.env reads back the exact value');
        assert.ok(!engine.scan(after, path).findings.some((f) => f.ruleId === rule.id), 'finding gone');
        fixed++;
      });
    });
  }
  after(() => assert.ok(fixed > 0));
});
