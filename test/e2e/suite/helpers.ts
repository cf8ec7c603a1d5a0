// Shared helpers for the extension-host suites: manifest loading, polling (never sleeping for a guess),
// and secret-free assertions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExpectedFinding, Manifest } from '../fixtures';

export const EXTENSION_ID = 'secret-hygiene.secret-hygiene';
export const SOURCE = 'Secret Hygiene';

export function loadManifest(): Manifest {
  const file = process.env.SECRET_HYGIENE_E2E_MANIFEST;
  if (!file) throw new Error('SECRET_HYGIENE_E2E_MANIFEST is not set (run through test/e2e/runExtensionTests.ts)');
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Polls `probe` until it returns a value other than undefined; fails with `what` and the last state. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function sameRange(diagnostic: vscode.Diagnostic, expected: ExpectedFinding): boolean {
  const r = diagnostic.range;
  return r.start.line === expected.range.start.line && r.start.character === expected.range.start.character &&
    r.end.line === expected.range.end.line && r.end.character === expected.range.end.character;
}

export function describeDiagnostics(list: readonly vscode.Diagnostic[]): string {
  return list.map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ') || '(none)';
}

/** Waits until every expected finding is reported at its range. */
export async function waitForExpected(uri: vscode.Uri, expected: ExpectedFinding[]): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics ${expected.map((e) => e.code).join(', ')} on ${path.basename(uri.path)}`, () => {
    const list = ours(uri);
    return expected.every((e) => list.some((d) => codeOf(d) === e.code && sameRange(d, e))) ? list : undefined;
  });
}

/** Fails when `text` holds the secret or any 8-character run of it past its public prefix. */
export function assertNoSecret(text: string, secret: string, where: string, publicPrefixLength = 4): void {
  if (secret.length < 12) throw new Error(`${where}: suspiciously short secret (${secret.length} chars); fixture problem`);
  for (let i = publicPrefixLength; i + 8 <= secret.length; i++) {
    if (text.includes(secret.slice(i, i + 8))) throw new Error(`${where} contains part of the secret value (offset ${i})`);
  }
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))
    .join('\n');
}

export async function openFixture(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
