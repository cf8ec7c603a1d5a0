// UI test on the INSTALLED extension: packages the VSIX, installs it into a fresh code-server, and drives
// the real workbench with Debian's Chromium: the Problems panel lists the findings, a hover shows the
// masked preview, the activity-bar badge and the Secrets view show the inventory, the lightbulb applies
// the preferred quick fix, and no page text ever holds the secret
// (outside the editor's own text, which naturally shows the file). Screenshots go to docs/images/ with
// the token masked. Usage: npx tsx test/e2e/ui/uiTest.ts [--verbose]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../browser';
import { codeServerEntry, installExtension, makeStateDir, removeDir, repoRoot, startCodeServer } from '../codeServer';
import { generateWorkspace } from '../fixtures';
import { assertPageHasNoSecret, maskedScreenshot, runCommand, step } from './workbench';

const verbose = process.argv.includes('--verbose');
const imagesDir = path.join(repoRoot, 'docs/images');

async function main(): Promise<void> {
  const vsix = execFileSync(process.execPath, [path.join(repoRoot, 'scripts/package.mjs')], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    .trim().split('\n').pop()!;
  const entry = codeServerEntry();
  const stateDir = makeStateDir('ui');
  const installed = installExtension(entry, stateDir, vsix);
  if (!/successfully installed/i.test(installed)) throw new Error(`VSIX did not install:\n${installed}`);
  console.log(`[ui] installed ${path.relative(repoRoot, vsix)}`);
  mkdirSync(path.join(stateDir, 'user-data/User'), { recursive: true });
  writeFileSync(path.join(stateDir, 'user-data/User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'editor.hover.delay': 300,
    'editor.minimap.enabled': false,
    'window.commandCenter': false,
  }, null, 2));

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sh-ui-'));
  const manifest = generateWorkspace(path.join(scratch, 'workspace'), { withCustomRules: false });
  const primary = manifest.files.find((f) => f.path === manifest.primary.path)!;
  const finding = primary.expected.find((e) => e.code === manifest.primary.code)!;
  const primaryText = readFileSync(path.join(manifest.workspace, primary.path), 'utf8');
  const secret = primaryText.split('\n')[finding.range.start.line].slice(finding.range.start.character, finding.range.end.character);

  const server = await startCodeServer(entry, { workspace: manifest.workspace, stateDir, verbose });
  const browser = await launchChromium();
  let page: Page | undefined;
  let failed = false;
  try {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    if (verbose) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
    await page.goto(`${server.url}?folder=${encodeURIComponent(manifest.workspace)}`);
    const p = page;

    await step('workbench loads with the extension', async () => {
      await p.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
      await p.locator('.part.activitybar').waitFor();
    });

    await step(`open ${primary.path}`, async () => {
      await runCommand(p, 'workbench.action.quickOpen', '');
      await p.keyboard.type(path.basename(primary.path));
      await p.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(primary.path) }).first().waitFor();
      await p.keyboard.press('Enter');
      await p.locator('.monaco-editor .view-lines', { hasText: 'export const settings' }).waitFor();
    });

    await step('the Problems panel lists the findings', async () => {
      await runCommand(p, 'Problems: Focus on Problems View');
      const panel = p.locator('.markers-panel');
      await panel.waitFor();
      for (const expected of primary.expected) {
        await panel.locator('.monaco-list-row', { hasText: expected.code }).first().waitFor({ timeout: 30_000 });
      }
      await assertPageHasNoSecret(p, secret);
      await maskedScreenshot(p, secret, path.join(imagesDir, 'problems-panel.png'));
    });

    await step('a hover shows the masked preview, never the secret', async () => {
      await runCommand(p, 'Go to Line/Column...', `${finding.range.start.line + 1}:${finding.range.start.character + 6}`);
      await runCommand(p, 'Show or Focus Hover');
      // Our hover (not only the problem's message) holds the masked value and the rotation advice.
      const hover = p.locator('.monaco-hover', { hasText: `Value: ${finding.preview}` }).filter({ hasText: 'Revoke and rotate' }).first();
      await hover.waitFor({ timeout: 30_000 });
      await assertPageHasNoSecret(p, secret);
      await maskedScreenshot(p, secret, path.join(imagesDir, 'hover.png'));
      await p.keyboard.press('Escape');
    });

    await step('the activity-bar badge and the Secrets view show the inventory', async () => {
      const container = p.locator('.part.activitybar .action-item', { has: p.locator('[aria-label*="Secret Hygiene"]') }).first();
      await container.waitFor({ timeout: 30_000 });
      const badge = container.locator('.badge-content');
      await badge.filter({ hasText: /^[1-9]\d*$/ }).waitFor({ timeout: 30_000 });
      await container.click();
      const view = p.locator('.pane', { has: p.locator('.pane-header', { hasText: /Secrets/i }) }).first();
      await view.locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
      // Expand until the config.ts occurrence shows (groups are collapsed or expanded by the view's state).
      for (let round = 0; round < 4; round++) {
        if (await view.locator('.monaco-list-row', { hasText: 'config.ts' }).count()) break;
        const collapsed = view.locator('.monaco-list-row[aria-expanded="false"]');
        const count = await collapsed.count();
        for (let i = count - 1; i >= 0; i--) await collapsed.nth(i).click();
      }
      await view.locator('.monaco-list-row', { hasText: 'config.ts' }).first().waitFor({ timeout: 10_000 });
      await assertPageHasNoSecret(p, secret);
      await maskedScreenshot(p, secret, path.join(imagesDir, 'inventory.png'));
      await runCommand(p, 'View: Show Explorer');
    });

    await step('the lightbulb applies the preferred quick fix', async () => {
      // The editor's lightbulb shows only while the editor has focus (the Problems view had it).
      await p.locator('.monaco-editor .view-lines', { hasText: 'export const settings' }).click();
      await runCommand(p, 'Go to Line/Column...', `${finding.range.start.line + 1}:${finding.range.start.character + 6}`);
      const bulb = p.locator('.lightBulbWidget').first();
      await bulb.waitFor({ state: 'visible', timeout: 30_000 });
      await bulb.click();
      const menu = p.locator('.action-widget');
      // The preferred fix is the one the menu focuses first; Enter applies it (the menu's pointer
      // block intercepts synthetic clicks).
      const preferredItem = menu.locator('.monaco-list-row.focused', { hasText: 'moved to .env' }).first();
      await preferredItem.waitFor({ timeout: 30_000 });
      await maskedScreenshot(p, secret, path.join(imagesDir, 'quick-fix.png'));
      await p.keyboard.press('Enter');
      await p.locator('.monaco-editor .view-lines', { hasText: 'process.env.' }).first().waitFor({ timeout: 30_000 });
      await p.locator('.markers-panel .monaco-list-row', { hasText: manifest.primary.code }).waitFor({ state: 'detached', timeout: 30_000 });
      await assertPageHasNoSecret(p, secret);
      await maskedScreenshot(p, secret, path.join(imagesDir, 'after-fix.png'));
    });

  } catch (error) {
    failed = true;
    console.error(`[ui] ${error instanceof Error ? error.message : String(error)}`);
    if (page) {
      const shot = path.join(repoRoot, 'out/ui-failure.png');
      await maskedScreenshot(page, secret, shot).catch(() => undefined);
      console.error(`[ui] screenshot of the failure: ${path.relative(repoRoot, shot)}`);
    }
  } finally {
    await browser.close();
    await server.stop();
    removeDir(stateDir);
    removeDir(scratch);
  }
  console.log(`[ui] ${failed ? 'FAILED' : 'passed'}`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(`[ui] ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
