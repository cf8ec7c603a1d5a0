// Runs the headless Neovim test (test/nvim/diagnostics.lua) against the built server: generates a
// fixture workspace (fake secrets, temp dir), passes the engine's expected findings, and exits with
// Neovim's exit code. Usage: npx tsx test/nvim/run.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateWorkspace } from '../e2e/fixtures';

const repoRoot = path.resolve(__dirname, '../..');
const server = path.join(repoRoot, 'dist/server.js');

function fail(message: string): never {
  console.error(`[nvim] ERROR: ${message}`);
  process.exit(1);
}

if (!existsSync(server)) fail('dist/server.js is missing: run `npm run build` first');
const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) fail('Neovim is not installed: apt-get install neovim');
console.log(`[nvim] ${version.stdout.split('\n')[0]}`);

const scratch = mkdtempSync(path.join(os.tmpdir(), 'sh-nvim-'));
try {
  const manifest = generateWorkspace(path.join(scratch, 'workspace'), { withCustomRules: false });
  const file = manifest.files.find((f) => f.path === manifest.primary.path)!;
  const result = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'diagnostics.lua')}`], {
    env: {
      ...process.env,
      HOME: scratch,
      XDG_CONFIG_HOME: path.join(scratch, 'config'),
      XDG_DATA_HOME: path.join(scratch, 'data'),
      XDG_STATE_HOME: path.join(scratch, 'state'),
      XDG_CACHE_HOME: path.join(scratch, 'cache'),
      SH_SERVER: server,
      SH_WORKSPACE: manifest.workspace,
      SH_FILE: file.path,
      // The Lua test fixes and inventories the first entry: the GitHub token.
      SH_EXPECT: JSON.stringify([...file.expected].sort((a, b) => Number(b.code === manifest.primary.code) - Number(a.code === manifest.primary.code)).map(({ code, range }) => ({ code, range }))),
      SH_TIMEOUT_MS: '30000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 120_000,
  });
  if (result.error) fail(`nvim did not finish: ${result.error.message}`);
  console.log(`[nvim] ${result.status === 0 ? 'passed' : `FAILED (exit ${result.status})`}`);
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
