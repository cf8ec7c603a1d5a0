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

/** Every single-line provider value planted in code and CI files: the fix removes it and keeps the file sound. */
describe('fixes: provider values in code and CI files', () => {
  const engine = new Engine(resolveSettings({}));
  const backend = resolveBackendSettings({});
  const values = new Map<string, string>();
  for (const rule of providerRules) {
    rule.examples.positive.forEach((example) => {
      const f = engine.scan(example, 'src/example.txt').findings.find((x) => x.ruleId === rule.id);
      const v = f && example.slice(f.startOffset, f.endOffset);
      if (v && !/["'\\\n\r`$#{}]/.test(v) && !values.has(rule.id)) values.set(rule.id, v);
    });
  }
  const hosts: { path: string; wrap: (v: string) => string }[] = [
    { path: 'src/config.ts', wrap: (v) => `export const settings = { apiKey: "${v}" };\n` },
    { path: 'app/settings.py', wrap: (v) => `import sys\nCLIENT = dict(api_key='${v}')\n` },
    { path: 'cmd/main.go', wrap: (v) => `package main\n\nfunc key() string { return "${v}" }\n` },
    { path: '.github/workflows/ci.yml', wrap: (v) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: some/action@v1\n        with:\n          api-key: "${v}"\n` },
    { path: 'scripts/deploy.sh', wrap: (v) => `#!/bin/sh\ncurl -H "X-Api-Key: ${v}" https://x.test\n` },
  ];
  let fixed = 0;
  for (const host of hosts) {
    it(`fixes every provider value in ${host.path}`, () => {
      for (const [ruleId, value] of values) {
        const text = host.wrap(value);
        const findings = engine.scan(text, host.path).findings;
        const finding = findings.find((f) => f.kind === 'secret' && text.slice(f.startOffset, f.endOffset) === value);
        if (!finding) continue; // some formats are only recognised in their own context
        const fix = computeFixes({ text, path: host.path, finding, allFindings: findings, workspace: { gitignoreText: '.env\n' }, backend }).find((f) => f.preferred);
        assert.ok(fix, `${ruleId}: a preferred fix in ${host.path}`);
        const after = applyEdits(text, fix.files[0].edits);
        assert.ok(!after.includes(value), `${ruleId}: value left ${host.path}`);
        assert.deepEqual(engine.scan(after, host.path).findings.map((f) => f.ruleId), [], `${ruleId}: nothing left in ${host.path}`);
        fixed++;
      }
      assert.ok(fixed > 50, `fixed ${fixed}`);
    });
  }
});
