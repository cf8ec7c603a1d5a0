import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNoSecret, ensureCliBuilt, githubToken, makeTree, removeTrees, runCli } from './helpers';

describe('secret-hygiene report', function () {
  this.timeout(60000);
  before(ensureCliBuilt);
  after(removeTrees);

  const workspace = () =>
    makeTree({
      '.github/workflows/deploy.yml': [
        'on: push',
        'jobs:',
        '  deploy:',
        '    environment: production',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: aws-actions/configure-aws-credentials@v4',
        '        with:',
        '          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}',
        '          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
        '          aws-region: eu-west-1',
        '',
      ].join('\n'),
      '.secrets-inventory.yml': 'secrets:\n  - name: AWS_ACCESS_KEY_ID\n    owner: "@acme/platform"\n    rotation: { cadence: 90d, lastRotated: 2026-01-01 }\n',
      'CODEOWNERS': '* @acme/dev\n',
      'src/github.ts': `export const token = "${githubToken('report')}";\n`,
    });

  it('writes the four parts with owners, rotation and a recommendation, and no value', () => {
    const root = workspace();
    const run = runCli(['report', '.', '--today', '2026-11-28'], root);
    assert.equal(run.code, 0, run.stderr);
    const md = run.stdout;
    for (const heading of ['## 1. Secret inventory', '## 2. Recommended backend and access model', '## 3. Integration plan', '## 4. Verification']) {
      assert.ok(md.includes(heading), heading);
    }
    assert.match(md, /\| AWS_ACCESS_KEY_ID \| rotation-overdue, referenced \| \.github\/workflows\/deploy\.yml:9 \| production \| @acme\/platform \| every 90 d, last 2026-01-01, \*\*overdue 241 d\*\* \|/);
    assert.match(md, /\| AWS_SECRET_ACCESS_KEY \| undeclared, referenced \| .*\| production \| @acme\/dev \(CODEOWNERS\) \|/);
    assert.match(md, /\| GITHUB_TOKEN \(ghp_…\(40 chars\)\) \| hard-coded \| src\/github\.ts:1 \|/);
    assert.match(md, /\*\*Backend:\*\* AWS Secrets Manager/);
    assert.match(md, /OIDC tokens exchanged for an IAM role/);
    assert.match(md, /gha-aws-static-keys: 1/);
    assertNoSecret(md + run.stderr, 'report');
  });

  it('writes to --output and rejects bad arguments with exit 2', () => {
    const root = workspace();
    const run = runCli(['report', '--output', 'report.md', '--today', '2026-11-28'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(readFileSync(join(root, 'report.md'), 'utf8'), /^# Secrets report: /);
    assert.equal(runCli(['report', 'a', 'b'], root).code, 2);
    assert.equal(runCli(['report', '--today', 'soon'], root).code, 2);
    assert.equal(runCli(['report', 'missing-folder'], root).code, 2);
    assert.match(runCli(['report', '--help'], root).stdout, /Usage: secret-hygiene report/);
  });
});
