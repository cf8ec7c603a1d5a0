import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checksummedToken } from '../../../server/src/engine/rules/fake';
import { firstCommitAdding } from '../../../server/src/workspace/gitHistory';

describe('git history lookup', function () {
  this.timeout(20000);
  let repo: string;
  const token = checksummedToken('ghp_', 'history');
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      env: { ...process.env, GIT_AUTHOR_DATE: '2026-11-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-11-01T10:00:00Z' },
    }).toString().trim();

  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'sh-git-'));
    git('init', '-q');
    git('config', 'user.email', 'dev@example.invalid');
    git('config', 'user.name', 'Dev');
    writeFileSync(join(repo, 'a.ts'), 'export const x = 1;\n');
    git('add', '.');
    git('commit', '-qm', 'first');
    writeFileSync(join(repo, 'a.ts'), `export const x = 1;\nexport const t = "${token}";\n`);
    git('add', '.');
    git('commit', '-qm', 'second');
    writeFileSync(join(repo, 'a.ts'), 'export const x = 1;\n');
    git('commit', '-qam', 'remove it');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('finds the commit that added the value, even after it was removed', async () => {
    const second = git('rev-parse', '--short', 'HEAD~1');
    assert.deepEqual(await firstCommitAdding(repo, token), { shortSha: second, date: '2026-11-01' });
  });

  it('answers undefined for a value never committed and outside a repository', async () => {
    assert.equal(await firstCommitAdding(repo, checksummedToken('ghp_', 'never')), undefined);
    assert.equal(await firstCommitAdding(tmpdir(), token), undefined);
  });
});
