// Runs the headless Neovim quick-fix test (test/nvim/codeActions.lua) against the built server on a
// generated workspace (fake token, temp dir). Usage: npm run build && npx tsx test/nvim/runCodeActions.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checksummedToken } from '../../server/src/engine/rules/fake';
import { checkPrerequisites, runLuaTest } from './neovim';

checkPrerequisites();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'sh-nvim-fix-'));
try {
  const workspace = path.join(scratch, 'workspace');
  mkdirSync(path.join(workspace, 'src'), { recursive: true });
  const value = checksummedToken('ghp_', 'nvim-code-actions');
  writeFileSync(path.join(workspace, 'src/token.ts'), `export const token = '${value}';\n`);
  const status = runLuaTest('codeActions.lua', scratch, {
    SH_WORKSPACE: workspace,
    SH_FILE: 'src/token.ts',
    SH_EXPECT_TEXT: 'export const token = process.env.GITHUB_TOKEN;\n',
    SH_EXPECT_ENV_LINE: `GITHUB_TOKEN=${value}`,
  });
  console.log(`[nvim] code actions ${status === 0 ? 'passed' : `FAILED (exit ${status})`}`);
  process.exitCode = status;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
