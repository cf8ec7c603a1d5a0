// Changing a setting re-validates open documents: disabling the rule removes its diagnostic, re-enabling
// brings it back.
import * as vscode from 'vscode';
import { codeOf, loadManifest, openFixture, ours, waitFor } from './helpers';

describe('settings', () => {
  const manifest = loadManifest();

  it('disabling a rule in secretHygiene.rules removes its diagnostic; re-enabling restores it', async () => {
    const document = await openFixture(manifest.primary.path);
    const present = () => ours(document.uri).some((d) => codeOf(d) === manifest.primary.code);
    await waitFor('the primary diagnostic', () => (present() ? true : undefined));
    const config = vscode.workspace.getConfiguration('secretHygiene');
    const before = config.inspect<Record<string, unknown>>('rules')?.workspaceValue;
    await config.update('rules', { ...(before ?? {}), [manifest.primary.code]: false }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(`${manifest.primary.code} to disappear once disabled`, () => (present() ? undefined : true));
    } finally {
      await vscode.workspace.getConfiguration('secretHygiene').update('rules', before, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(`${manifest.primary.code} to return once re-enabled`, () => (present() ? true : undefined));
  });
});
