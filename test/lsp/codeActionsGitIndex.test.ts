import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitIndexTracks } from '../../server/src/lsp/fixWorkspace';
import { applyEdits, computeFixes, resolveBackendSettings } from '../../server/src/engine/fixes';
import { Engine } from '../../server/src/engine';
import { fakeGithubToken } from './fixtures';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args], { cwd, stdio: 'ignore' });
}

describe('quick fixes when git tracks .env', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sh-git-index-'));
    git(dir, 'init', '-q');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the git index without running git: tracked .env is detected, an untracked one is not', () => {
    fs.writeFileSync(path.join(dir, '.env'), 'PORT=3000\n');
    fs.writeFileSync(path.join(dir, 'x.env'), 'A=1\n');
    assert.equal(gitIndexTracks(dir, '.env'), false);
    git(dir, 'add', 'x.env');
    assert.equal(gitIndexTracks(dir, '.env'), false, 'a different file with a similar name');
    git(dir, 'add', '.env');
    assert.equal(gitIndexTracks(dir, '.env'), true);
    assert.equal(gitIndexTracks(path.join(dir, 'missing'), '.env'), false);
  });

  it('sends the value to the git-ignored .env.local instead of a tracked .env', () => {
    const value = fakeGithubToken('tracked-env');
    const text = `const token = "${value}";\n`;
    const finding = new Engine().scan(text, 'src/a.ts').findings[0];
    const fix = computeFixes({ text, path: 'src/a.ts', finding, workspace: { envText: 'PORT=3000\n', envTracked: true, gitignoreText: 'node_modules\n' }, backend: resolveBackendSettings({}) }).find((f) => f.preferred)!;
    assert.deepEqual(fix.files.map((f) => f.path), ['src/a.ts', '.env.local', '.gitignore']);
    assert.equal(applyEdits('', fix.files[1].edits), `# moved here by Secret Hygiene from src/a.ts\nGITHUB_TOKEN=${value}\n`);
    assert.equal(applyEdits('node_modules\n', fix.files[2].edits), 'node_modules\n.env.local\n');
    assert.match(fix.title, /\.env\.local, as git tracks \.env/);
  });
});
