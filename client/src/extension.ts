import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SecretHygieneApi } from './api';
import { countFindings, secretHygieneDiagnostics } from './diagnosticCount';
import { createLanguageClient, watchTrust } from './languageClient';
import { registerFixCommands } from './fixCommands';
import { registerInventory } from './inventory';
import { createStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SecretHygieneApi> {
  // The server logs reasons and counts only, never document text (house rule).
  const output = vscode.window.createOutputChannel('Secret Hygiene', { log: true });
  const trace = vscode.window.createOutputChannel('Secret Hygiene (protocol trace)', { log: true });
  context.subscriptions.push(output, trace);

  const languageClient = createLanguageClient(context, output, trace);
  client = languageClient;
  context.subscriptions.push(
    watchTrust(languageClient),
    createStatusBar(),
    vscode.commands.registerCommand('secretHygiene.restartServer', () => languageClient.restart()),
    vscode.commands.registerCommand('secretHygiene.showOutput', () => output.show(true)),
  );

  const ready = languageClient.start().catch((e: Error) => {
    output.error(`language server failed to start: ${e.message}`);
    throw e;
  });
  // Activation must not fail because the server did; `ready` reports it to whoever awaits it.
  ready.catch(() => undefined);
  context.subscriptions.push(registerFixCommands(context, languageClient, ready));
  const inventory = registerInventory(context, languageClient, ready, output);
  context.subscriptions.push(inventory.disposable);

  return {
    client: languageClient,
    ready,
    getDiagnosticsCount: countFindings,
    getDiagnostics: secretHygieneDiagnostics,
    getInventory: () => inventory.view.fetch(),
    getInventoryTreeItems: (parentId?: string) => inventory.view.items(parentId),
    revealInventoryItem: (id: string) => inventory.view.reveal(id),
    getInventoryBadge: () => {
      const badge = inventory.view.badge();
      return badge ? { value: badge.value, tooltip: badge.tooltip } : undefined;
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
