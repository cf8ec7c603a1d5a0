// Opening the generated fixture files in the real extension host produces the diagnostics the engine
// predicts: same rule ids (diagnostic codes), same ranges, our source, and no secret in any message.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { assertNoSecret, codeOf, describeDiagnostics, EXTENSION_ID, loadManifest, openFixture, ours, waitFor, waitForExpected } from './helpers';

describe('diagnostics in the extension host', () => {
  const manifest = loadManifest();

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await extension.activate();
  });

  // The quick-fix suite rewrites the fix target; it checks that file's diagnostic itself.
  for (const file of manifest.files.filter((f) => f.path !== manifest.fixTarget.path)) {
    const codes = file.expected.map((e) => e.code).join(', ') || 'nothing';
    it(`${file.path} reports ${codes}`, async () => {
      const document = await openFixture(file.path);
      if (file.expected.length === 0) {
        // A clean file: the server must have answered for it; a primary file proves it is running, so
        // wait for the primary's diagnostics first, then require this file to stay clean.
        const primary = await openFixture(manifest.primary.path);
        await waitFor('diagnostics on the primary fixture', () => (ours(primary.uri).length > 0 ? true : undefined));
        assert.deepStrictEqual(ours(document.uri).map(codeOf), [], `unexpected diagnostics: ${describeDiagnostics(ours(document.uri))}`);
        return;
      }
      const diagnostics = await waitForExpected(document.uri, file.expected);
      for (const diagnostic of diagnostics) {
        const secret = document.getText(diagnostic.range);
        if (codeOf(diagnostic) === manifest.primary.code) assertNoSecret(diagnostic.message, secret, `message of ${codeOf(diagnostic)}`);
      }
    });
  }

  it('uses the rule id as the code and an error severity for the GitHub token', async () => {
    const document = await openFixture(manifest.primary.path);
    const diagnostic = await waitFor('the primary diagnostic', () =>
      ours(document.uri).find((d) => codeOf(d) === manifest.primary.code && d.range.start.line === manifest.primary.line));
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(diagnostic.range.start.character, manifest.primary.character);
    assert.ok(/^ghp_[A-Za-z0-9]{36}$/.test(document.getText(diagnostic.range)), 'the range covers exactly the token');
  });

  it('re-validates after an edit removes the token', async () => {
    const document = await openFixture(manifest.primary.path);
    await waitFor('the primary diagnostic', () => ours(document.uri).find((d) => codeOf(d) === manifest.primary.code));
    const line = document.lineAt(manifest.primary.line);
    const editor = await vscode.window.showTextDocument(document);
    const original = line.text;
    await editor.edit((edit) => edit.replace(line.range, '  token: process.env.GITHUB_TOKEN,'));
    try {
      await waitFor('the diagnostic to disappear after the edit', () =>
        ours(document.uri).some((d) => codeOf(d) === manifest.primary.code) ? undefined : true);
    } finally {
      await editor.edit((edit) => edit.replace(document.lineAt(manifest.primary.line).range, original));
    }
    await waitFor('the diagnostic to return after undoing the edit', () =>
      ours(document.uri).find((d) => codeOf(d) === manifest.primary.code));
  });
});
