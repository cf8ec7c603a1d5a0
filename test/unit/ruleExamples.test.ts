import { strict as assert } from 'node:assert';
import { Engine, providerRules, resolveSettings } from '../../server/src/engine';

/**
 * Every example of every provider rule: positives must produce a finding of that rule, negatives none
 * of it. Test names carry the rule id and example index, never the example text.
 */
describe('provider rule examples', () => {
  const engine = new Engine(resolveSettings({}));

  it('has a catalogue of unique, well-formed rules', () => {
    const ids = new Set<string>();
    for (const rule of providerRules) {
      assert.match(rule.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `bad id ${rule.id}`);
      assert.ok(!ids.has(rule.id), `duplicate id ${rule.id}`);
      ids.add(rule.id);
      assert.ok(rule.keywords.length > 0, `${rule.id} has no keywords`);
      assert.ok(!/[gy]/.test(rule.pattern.flags), `${rule.id} must not use g/y flags`);
      assert.ok(rule.remediation.length > 20, `${rule.id} needs a real remediation text`);
      assert.ok(rule.examples.positive.length > 0, `${rule.id} has no positive example`);
      assert.ok(rule.examples.negative.length > 0, `${rule.id} has no negative example`);
    }
  });

  for (const rule of providerRules) {
    describe(rule.id, () => {
      rule.examples.positive.forEach((example, i) => {
        it(`finds positive example #${i + 1}`, () => {
          const result = engine.scan(example, 'src/example.txt');
          const hits = result.findings.filter((f) => f.ruleId === rule.id);
          assert.ok(hits.length > 0, `${rule.id} positive #${i + 1} not found; got [${result.findings.map((f) => f.ruleId).join(', ')}]`);
        });
      });
      rule.examples.negative.forEach((example, i) => {
        it(`ignores negative example #${i + 1}`, () => {
          const result = engine.scan(example, 'src/example.txt');
          const hits = result.findings.filter((f) => f.ruleId === rule.id);
          assert.equal(hits.length, 0, `${rule.id} negative #${i + 1} was flagged`);
        });
      });
    });
  }
});
