import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../server/src/engine';
import { renderRuleDocs } from '../../scripts/rule-docs';

describe('rule documentation', () => {
  it('docs/rules.md is generated from the current catalogue (run `npm run docs` after changing rules)', () => {
    const current = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    assert.ok(current === renderRuleDocs(), 'docs/rules.md is out of date: run `npm run docs`');
  });

  it('has a section for every rule a diagnostic can link to', () => {
    const current = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    const missing = new Engine().allRules().filter((r) => !current.includes(`\n### ${r.id}\n`));
    assert.deepEqual(missing.map((r) => r.id), []);
  });

  it('has at least 150 provider-specific secret rules', () => {
    const providerRules = new Engine().allRules().filter((r) => r.kind === 'secret' && r.provider && r.provider !== 'Custom');
    assert.ok(providerRules.length >= 150, `only ${providerRules.length}`);
  });
});
