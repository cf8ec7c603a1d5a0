import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allPipelineRules } from '../../../server/src/engine/pipeline/rules';
import { engine } from './harness';

describe('pipeline check catalogue', () => {
  it('every check is registered with the engine with a structural kind, why and how to fix', () => {
    for (const rule of allPipelineRules) {
      const info = engine.rule(rule.id);
      assert.ok(info, `${rule.id} not registered`);
      assert.notEqual(info.kind, 'secret');
      assert.match(rule.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      assert.ok(rule.description.length > 40 && rule.remediation.length > 30, `${rule.id} needs real docs text`);
    }
    assert.equal(new Set(allPipelineRules.map((r) => r.id)).size, allPipelineRules.length, 'duplicate ids');
  });

  it('docs/checks.md lists every check with its kind', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/checks.md'), 'utf8');
    for (const rule of allPipelineRules) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${rule.id}\` |`));
      assert.ok(row, `${rule.id} missing from docs/checks.md`);
      assert.ok(row.includes(`| ${rule.severity} |`), `${rule.id}: severity in docs differs`);
      const section = doc.slice(0, doc.indexOf(row)).lastIndexOf(`(\`${rule.kind}\`)`);
      const nextSection = doc.slice(0, doc.indexOf(row)).lastIndexOf('## ');
      assert.ok(section !== -1 && section > nextSection, `${rule.id} is not under its kind's section`);
    }
  });
});
