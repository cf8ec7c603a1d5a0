// Runs the headless Neovim test (test/nvim/diagnostics.lua) against the built server: generates a
// fixture workspace (fake secrets, temp dir), passes the engine's expected findings, and exits with
// Neovim's exit code. Usage: npx tsx test/nvim/run.ts
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateWorkspace } from '../e2e/fixtures';
import { checkPrerequisites, runLuaTest } from './neovim';

console.log(`[nvim] ${checkPrerequisites()}`);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'sh-nvim-'));
try {
  const manifest = generateWorkspace(path.join(scratch, 'workspace'), { withCustomRules: false });
  const file = manifest.files.find((f) => f.path === manifest.primary.path)!;
  const status = runLuaTest('diagnostics.lua', scratch, {
    SH_WORKSPACE: manifest.workspace,
    SH_FILE: file.path,
    // The Lua test fixes and inventories the first entry: the GitHub token.
    SH_EXPECT: JSON.stringify([...file.expected].sort((a, b) => Number(b.code === manifest.primary.code) - Number(a.code === manifest.primary.code)).map(({ code, range }) => ({ code, range }))),
  });
  console.log(`[nvim] ${status === 0 ? 'passed' : `FAILED (exit ${status})`}`);
  process.exitCode = status;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
