// Restricted mode: the folder is opened with workspace trust enabled and never trusted. Built-in rules
// still run; the workspace's secretHygiene.customRules (regexes from the repository) must be ignored.
// The trusted run (diagnostics.test.ts) proves the same custom rule fires when the folder is trusted.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { CUSTOM_RULE_ID } from '../fixtures';
import { codeOf, describeDiagnostics, EXTENSION_ID, loadManifest, openFixture, waitForExpected } from './helpers';

describe('untrusted workspace (restricted mode)', () => {
  const manifest = loadManifest();

  it('the workspace is not trusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('the extension still runs (limited support for untrusted workspaces)', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is disabled in restricted mode; declare capabilities.untrustedWorkspaces`);
    await extension.activate();
  });

  it('reports built-in findings but ignores the workspace custom rule', async () => {
    const file = manifest.files.find((f) => f.path === manifest.primary.path)!;
    assert.ok(file.expected.some((e) => e.fromWorkspaceRule), 'fixture problem: the custom rule matches nothing');
    const document = await openFixture(file.path);
    const builtIn = file.expected.filter((e) => !e.fromWorkspaceRule);
    const diagnostics = await waitForExpected(document.uri, builtIn);
    // Built-in and custom findings come from the same scan, so once the built-ins are in, so would it be.
    const custom = diagnostics.filter((d) => codeOf(d) === CUSTOM_RULE_ID);
    assert.deepStrictEqual(custom.map(codeOf), [], `workspace custom rule ran in restricted mode: ${describeDiagnostics(custom)}`);
  });
});
