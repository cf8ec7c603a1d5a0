import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allPipelineRules, LITERAL_SECRET_RULE_IDS } from '../../../server/src/engine/pipeline/rules';
import { ALNUM, chars } from '../../../server/src/engine/rules/fake';
import { engine } from './harness';

describe('pipeline check catalogue', () => {
  it('every check is registered with the engine with a structural kind (secret only for literal values), why and how to fix', () => {
    for (const rule of allPipelineRules) {
      const info = engine.rule(rule.id);
      assert.ok(info, `${rule.id} not registered`);
      // Kind `secret` means a secret's value is written in the file: only checks that span a literal may say so.
      if (info.kind === 'secret') assert.ok(LITERAL_SECRET_RULE_IDS.has(rule.id), `${rule.id} is of kind secret but does not span a literal`);
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

  it('reports literal values in compose and GitLab files as hard-coded secrets, not as generic ones', () => {
    const value = `${chars(ALNUM, 16, 'catalogue:literal')}#7`;
    for (const [path, text] of [
      ['docker-compose.yml', `services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: ${value}\n`],
      ['.gitlab-ci.yml', `variables:\n  API_TOKEN: "${value}"\ntest:\n  script: [make]\n`],
    ]) {
      const secrets = engine.scan(text, path).findings.filter((f) => f.kind === 'secret');
      assert.deepEqual(secrets.map((f) => f.ruleId), [path === '.gitlab-ci.yml' ? 'gitlab-variable-literal-secret' : 'compose-literal-secret'], path);
      assert.equal(text.slice(secrets[0].startOffset, secrets[0].endOffset), value);
    }
  });
});
