/** The secrets inventory in VS Code: the Secrets view, its commands and what the API exposes. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerInventoryCommands } from './commands';
import { InventoryView } from './inventoryView';

export { INVENTORY_COMMANDS } from './commands';
export type { InventoryTreeItemInfo } from './inventoryView';

export function registerInventory(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  ready: Promise<void>,
  log: vscode.LogOutputChannel,
): { view: InventoryView; disposable: vscode.Disposable } {
  const view = new InventoryView(context, client, ready, log);
  const commands = registerInventoryCommands(context, client, ready, view);
  return { view, disposable: vscode.Disposable.from(view, commands) };
}
