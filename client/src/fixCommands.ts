/**
 * Client side of the quick fixes: the SecretStorage stash command (the value comes from the server
 * by a one-time id, never through a command argument), copying a stashed secret back, and a palette
 * command running the server's fix-all on the active editor.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  ClientFixFeaturesNotification,
  FIX_ALL_COMMAND,
  STASH_COMMAND,
  TakeStashedSecretRequest,
  type FixAllCommandResult,
} from '../../shared/fixProtocol';

/** globalState key of the stashed names (names only; values live in SecretStorage). */
const STASHED_NAMES = 'secretHygiene.stashedNames';

function storageKey(name: string, folderUri: string | undefined): string {
  return `secretHygiene:${folderUri ?? 'no-folder'}:${name}`;
}

export function registerFixCommands(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): vscode.Disposable {
  ready.then(
    () => client.sendNotification(ClientFixFeaturesNotification.type, { stashCommand: true }),
    () => undefined,
  );
  const names = () => context.globalState.get<{ name: string; folderUri?: string }[]>(STASHED_NAMES, []);

  return vscode.Disposable.from(
    vscode.commands.registerCommand(STASH_COMMAND, async (id: unknown) => {
      const taken = await client.sendRequest(TakeStashedSecretRequest.type, { id: String(id) });
      if (!taken) {
        void vscode.window.showWarningMessage('Secret Hygiene: the removed value expired before it could be stored. Undo the edit (Ctrl+Z) to get it back.');
        return;
      }
      await context.secrets.store(storageKey(taken.name, taken.folderUri), taken.value);
      const list = names().filter((n) => !(n.name === taken.name && n.folderUri === taken.folderUri));
      await context.globalState.update(STASHED_NAMES, [...list, { name: taken.name, folderUri: taken.folderUri }]);
      void vscode.window.showInformationMessage(`Secret Hygiene: ${taken.name} is kept in VS Code SecretStorage. Rotate it if it was ever committed.`);
    }),
    vscode.commands.registerCommand('secretHygiene.copyStashedSecret', async () => {
      const stored = names();
      if (stored.length === 0) {
        void vscode.window.showInformationMessage('Secret Hygiene: no secret is kept in SecretStorage.');
        return;
      }
      const pick = await vscode.window.showQuickPick(
        stored.map((s) => ({ label: s.name, description: s.folderUri ? vscode.Uri.parse(s.folderUri).fsPath : undefined, entry: s })),
        { placeHolder: 'Secret to copy to the clipboard' },
      );
      if (!pick) return;
      const value = await context.secrets.get(storageKey(pick.entry.name, pick.entry.folderUri));
      if (value === undefined) {
        void vscode.window.showWarningMessage(`Secret Hygiene: ${pick.entry.name} is no longer in SecretStorage.`);
        return;
      }
      await vscode.env.clipboard.writeText(value);
      void vscode.window.showInformationMessage(`Secret Hygiene: ${pick.entry.name} copied to the clipboard.`);
    }),
    vscode.commands.registerCommand('secretHygiene.fixAllInEditor', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      await ready;
      const result = (await client.sendRequest(ExecuteCommandRequest.type, {
        command: FIX_ALL_COMMAND,
        arguments: [editor.document.uri.toString()],
      })) as FixAllCommandResult | null;
      if (!result) return;
      const left = result.remaining > 0 ? `; ${result.remaining} left need a manual fix or a suppression` : '';
      void vscode.window.showInformationMessage(`Secret Hygiene: fixed ${result.fixed} problem(s)${left}.`);
    }),
  );
}
