// Quick fixes in the real extension host: vscode.executeCodeActionProvider returns the fixes for a
// finding; applying the preferred one replaces the literal with an environment reference, moves the value
// into a git-ignored .env (never lost), and the diagnostic goes away. Works on src/deploy.ts only.
import * as assert from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { codeOf, loadManifest, openFixture, ours, waitFor, workspaceUri } from './helpers';

async function quickFixes(uri: vscode.Uri, range: vscode.Range, resolveCount?: number): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, resolveCount);
  return actions ?? [];
}

describe('quick fixes', () => {
  const manifest = loadManifest();
  const target = manifest.fixTarget;
  let originalText: string | undefined;

  before(async () => {
    originalText = (await vscode.workspace.openTextDocument(workspaceUri(target.path))).getText();
  });

  it('offers fixes for the finding, a preferred one first among them', async () => {
    const document = await openFixture(target.path);
    const diagnostic = await waitFor('the fix target diagnostic', () => ours(document.uri).find((d) => codeOf(d) === target.code));
    assert.deepStrictEqual([diagnostic.range.start.line, diagnostic.range.start.character], [target.line, target.character]);
    // Only quick fixes (TypeScript's refactorings are another kind). The command's results carry no
    // diagnostics, so ours are recognised by their titles.
    const actions = await quickFixes(document.uri, diagnostic.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /from the environment|\.env/.test(t)), `a fix moving the value to .env: ${titles.join(' | ')}`);
    assert.ok(titles.some((t) => /^Ignore /.test(t)), `a suppression: ${titles.join(' | ')}`);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.strictEqual(preferred.length, 1, `exactly one preferred fix: ${titles.join(' | ')}`);
    assert.ok(!/^Ignore /.test(preferred[0].title), 'a suppression is never the preferred fix');
  });

  it('applying the preferred fix moves the value to a git-ignored .env and clears the diagnostic', async () => {
    const document = await openFixture(target.path);
    const diagnostic = await waitFor('the fix target diagnostic', () => ours(document.uri).find((d) => codeOf(d) === target.code));
    const secret = document.getText(diagnostic.range);
    // The resolve count makes VS Code resolve the actions' edits (the server resolves them lazily).
    const preferred = (await quickFixes(document.uri, diagnostic.range, 50)).find((a) => a.isPreferred);
    assert.ok(preferred, 'a preferred quick fix exists');
    assert.ok(preferred.edit, `the preferred fix "${preferred.title}" carries an edit once resolved`);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit), 'the edit applies');
    if (preferred.command) await vscode.commands.executeCommand(preferred.command.command, ...(preferred.command.arguments ?? []));
    await vscode.workspace.saveAll(false);

    const line = document.lineAt(target.line).text;
    assert.ok(!document.getText().includes(secret), 'the literal is gone from the source file');
    const reference = /process\.env\.([A-Z_][A-Z0-9_]*)/.exec(line);
    assert.ok(reference, 'the literal became a process.env reference');

    // The created files may still be open and unsaved: check the documents, save them, then the disk.
    const envDocument = await vscode.workspace.openTextDocument(workspaceUri('.env'));
    const envLines = envDocument.getText().split(/\r?\n/);
    const keys = envLines.map((l) => l.split('=')[0]).join(', ');
    assert.ok(envLines.some((l) => l.startsWith(`${reference[1]}=`) && l.includes(secret)), `.env holds ${reference[1]} with the original value (keys: ${keys})`);
    const gitignoreDocument = await vscode.workspace.openTextDocument(workspaceUri('.gitignore'));
    assert.ok(gitignoreDocument.getText().split(/\r?\n/).some((l) => l.trim() === '.env' || l.trim() === '/.env'), '.gitignore ignores .env');
    await envDocument.save();
    await gitignoreDocument.save();
    await waitFor('.env on disk', () => (existsSync(envDocument.uri.fsPath) && readFileSync(envDocument.uri.fsPath, 'utf8').includes(secret) ? true : undefined), 10_000);

    await waitFor('the diagnostic to clear after the fix', () => (ours(document.uri).some((d) => codeOf(d) === target.code) ? undefined : true));
  });

  // Later suites share the workspace: put the fix target back and remove the files the fix created.
  after(async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(target.path));
    if (originalText !== undefined && document.getText() !== originalText) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), originalText);
      await vscode.workspace.applyEdit(edit);
      await document.save();
    }
    for (const created of ['.env', '.gitignore']) {
      await vscode.workspace.fs.delete(workspaceUri(created)).then(undefined, () => undefined);
    }
  });
});
