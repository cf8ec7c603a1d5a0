// Hovering a finding shows the masked preview (the engine's preview, e.g. `ghp_…(40 chars)`) and never
// the secret value or a long piece of it.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { assertNoSecret, codeOf, hoverText, loadManifest, openFixture, ours, waitFor } from './helpers';

describe('hover', () => {
  const manifest = loadManifest();

  it('shows the masked preview and never the secret', async () => {
    const document = await openFixture(manifest.primary.path);
    const diagnostic = await waitFor('the primary diagnostic', () =>
      ours(document.uri).find((d) => codeOf(d) === manifest.primary.code));
    const secret = document.getText(diagnostic.range);
    const expected = manifest.files
      .find((f) => f.path === manifest.primary.path)!
      .expected.find((e) => e.code === manifest.primary.code)!;
    const position = new vscode.Position(manifest.primary.line, manifest.primary.character + 6);
    const text = await waitFor('a Secret Hygiene hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      const joined = hoverText(hovers ?? []);
      return joined.includes(expected.preview) ? joined : undefined;
    });
    assert.ok(text.includes(expected.preview), 'hover holds the masked preview');
    assertNoSecret(text, secret, 'the hover');
  });
});
