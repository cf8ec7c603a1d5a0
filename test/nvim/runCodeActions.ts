// Runs the headless Neovim quick-fix test (test/nvim/codeActions.lua) against the built server on a
// generated workspace (fake token, temp dir). Usage: npm run build && npx tsx test/nvim/runCodeActions.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checksummedToken } from '../../server/src/engine/rules/fake';

const repoRoot = path.resolve(__dirname, '../..');
const server = path.join(repoRoot, 'dist/server.js');
if (!existsSync(server)) throw new Error('dist/server.js is missing: run `npm run build` first');

const scratch = mkdtempSync(path.join(os.tmpdir(), 'sh-nvim-fix-'));
try {
  const workspace = path.join(scratch, 'workspace');
  mkdirSync(path.join(workspace, 'src'), { recursive: true });
  const value = checksummedToken('ghp_', 'nvim-code-actions');
  writeFileSync(path.join(workspace, 'src/token.ts'), `export const token = '${value}';\n`);
  const result = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'codeActions.lua')}`], {
    env: {
      ...process.env,
      HOME: scratch,
      XDG_CONFIG_HOME: path.join(scratch, 'config'),
      XDG_DATA_HOME: path.join(scratch, 'data'),
      XDG_STATE_HOME: path.join(scratch, 'state'),
      XDG_CACHE_HOME: path.join(scratch, 'cache'),
      SH_SERVER: server,
      SH_WORKSPACE: workspace,
      SH_FILE: 'src/token.ts',
      SH_EXPECT_TEXT: 'export const token = process.env.GITHUB_TOKEN;\n',
      SH_EXPECT_ENV_LINE: `GITHUB_TOKEN=${value}`,
      SH_TIMEOUT_MS: '30000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  console.log(`[nvim] code actions ${result.status === 0 ? 'passed' : `FAILED (exit ${result.status})`}`);
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
