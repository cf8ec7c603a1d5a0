import { strict as assert } from 'node:assert';
import { Engine } from '../../../server/src/engine';
import { computeFixes, resolveBackendSettings } from '../../../server/src/engine/fixes';
import { ALNUM, chars } from '../../../server/src/engine/rules/fake';

/**
 * Credential stores are read as they are (libpq does not expand `${PGPASSWORD}` in .pgpass, nor git
 * in .git-credentials): a reference there would become the password. Only suppressions are offered.
 */
describe('fixes in credential stores', () => {
  const engine = new Engine();
  const pw = `${chars(ALNUM, 18, 'fix:store')}#5`;
  const cases: [string, string][] = [
    ['.pgpass', `db.internal:5432:orders:app:${pw}\n`],
    ['.netrc', `machine git.internal.net login ci password ${pw}\n`],
    // URL-encoded as git stores it: no # in a URL's password.
    ['.git-credentials', `https://ci-bot:${chars(ALNUM, 24, 'fix:store-url')}@git.internal.net\n`],
  ];
  for (const [path, text] of cases) {
    it(`offers no reference in ${path}, only suppressions`, () => {
      const findings = engine.scan(text, path).findings;
      assert.equal(findings.length, 1, findings.map((f) => f.ruleId).join(', '));
      const fixes = computeFixes({ text, path, finding: findings[0], allFindings: findings, workspace: {}, backend: resolveBackendSettings({}) });
      assert.ok(fixes.length > 0);
      assert.deepEqual([...new Set(fixes.map((f) => f.category))], ['suppression']);
    });
  }

  it('still offers a reference in an ordinary config file', () => {
    const text = `[database]\npassword = ${pw}\n`;
    const findings = engine.scan(text, 'config/app.ini').findings;
    const fixes = computeFixes({ text, path: 'config/app.ini', finding: findings[0], allFindings: findings, workspace: {}, backend: resolveBackendSettings({}) });
    assert.ok(fixes.some((f) => f.category === 'reference'), fixes.map((f) => f.title).join(' | '));
  });
});
