// Small helpers for driving the code-server workbench from Playwright, without sleeping for a guess:
// every wait is on a DOM state.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export async function step(name: string, body: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await body();
  } catch (error) {
    throw new Error(`step "${name}" failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`[ui] ok  ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}

/**
 * Runs a command through the command palette (F1). `command` is the palette label; with `input`, the
 * text typed into the quick input that follows (e.g. Go to Line). Passing a command id with input ''
 * opens quick open directly.
 */
export async function runCommand(page: Page, command: string, input?: string): Promise<void> {
  const quickInput = page.locator('.quick-input-widget');
  if (command === 'workbench.action.quickOpen') {
    await page.keyboard.press('Control+P');
    await quickInput.waitFor({ state: 'visible' });
    return;
  }
  await page.keyboard.press('F1');
  await quickInput.waitFor({ state: 'visible' });
  await page.keyboard.type(command);
  await quickInput.locator('.monaco-list-row', { hasText: command }).first().waitFor();
  await page.keyboard.press('Enter');
  if (input !== undefined) {
    await quickInput.waitFor({ state: 'visible' });
    await page.keyboard.type(input);
    await page.keyboard.press('Enter');
  }
  await quickInput.waitFor({ state: 'hidden' });
}

// Skipped: the editor's rendered lines and the accessibility mirrors of them (.native-edit-context,
// the textarea, and the ARIA live region .monaco-aria-container that reads the current line aloud).
const FIND_IN_PAGE = `(needle) => {
  const skip = '.view-lines, .native-edit-context, textarea.inputarea, .monaco-aria-container';
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    if (element && element.closest(skip)) continue;
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.textContent.includes(needle)) found.push('text in <' + element.tagName.toLowerCase() + ' class="' + element.className + '">');
    } else {
      for (const attribute of Array.from(node.attributes)) {
        if (attribute.value.includes(needle)) found.push('attribute ' + attribute.name + ' of <' + node.tagName.toLowerCase() + '>');
      }
    }
  }
  return found;
}`;

/**
 * Fails when any text or attribute of the page, outside the editor's rendered lines and its
 * accessibility mirror of the current line, holds the secret or its body.
 */
export async function assertPageHasNoSecret(page: Page, secret: string): Promise<void> {
  const body = secret.slice(4);
  // Runs in the page (this project compiles without DOM types, so the function is plain JavaScript).
  const leaks = (await page.evaluate(`(${FIND_IN_PAGE})(${JSON.stringify(body)})`)) as string[];
  if (leaks.length) throw new Error(`the page shows the secret: ${leaks.slice(0, 5).join('; ')}`);
}

/** Saves a screenshot with the secret's characters masked wherever the editor renders them. */
export async function maskedScreenshot(page: Page, secret: string, file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const spans = page.locator('.view-lines span > span', { hasText: secret.slice(0, 12) });
  await page.screenshot({ path: file, mask: [spans], maskColor: '#3a3d41' });
}
