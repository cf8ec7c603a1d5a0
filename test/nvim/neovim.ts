// Shared by the headless Neovim runners: checks prerequisites and runs one Lua test file against the
// built server with its own HOME and XDG folders, returning Neovim's exit code.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
export const serverBundle = path.join(repoRoot, 'dist/server.js');

export function fail(message: string): never {
  console.error(`[nvim] ERROR: ${message}`);
  process.exit(1);
}

/** Fails loudly when the server bundle or Neovim is missing; returns Neovim's version line. */
export function checkPrerequisites(): string {
  if (!existsSync(serverBundle)) fail('dist/server.js is missing: run `npm run build` first');
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) fail('Neovim is not installed: apt-get install neovim');
  return version.stdout.split('\n')[0];
}

/** Runs `nvim --headless` on `luaFile` (beside this module) with test-only HOME/XDG folders under `scratch`. */
export function runLuaTest(luaFile: string, scratch: string, env: Record<string, string>): number {
  const result = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, luaFile)}`], {
    env: {
      ...process.env,
      HOME: scratch,
      XDG_CONFIG_HOME: path.join(scratch, 'config'),
      XDG_DATA_HOME: path.join(scratch, 'data'),
      XDG_STATE_HOME: path.join(scratch, 'state'),
      XDG_CACHE_HOME: path.join(scratch, 'cache'),
      SH_SERVER: serverBundle,
      SH_LUA_DIR: __dirname,
      SH_TIMEOUT_MS: '30000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 120_000,
  });
  if (result.error) fail(`nvim did not finish: ${result.error.message}`);
  return result.status ?? 1;
}
