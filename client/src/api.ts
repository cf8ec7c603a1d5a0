import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { InventoryResult } from '../../shared/inventoryProtocol';
import type { InventoryTreeItemInfo } from './inventory';

/** What `activate()` returns: for end-to-end tests and other extensions. */
export interface SecretHygieneApi {
  /** The running language client (its server is dist/server.js over IPC). */
  readonly client: LanguageClient;
  /** Resolves once the language server has started (rejects if it could not start). */
  readonly ready: Promise<void>;
  /** Number of Secret Hygiene findings in open documents (scan notices not counted). */
  getDiagnosticsCount(): number;
  /** Secret Hygiene diagnostics of one document, scan notices included. */
  getDiagnostics(uri: vscode.Uri): vscode.Diagnostic[];
  /** Asks the server for the secrets inventory now (the Secrets view is updated with it too). */
  getInventory(): Promise<InventoryResult>;
  /**
   * The items the Secrets view shows now, under the item with `parentId` (top level when omitted):
   * label, description, tooltip (Markdown), context value, icon and click command, as rendered.
   */
  getInventoryTreeItems(parentId?: string): Promise<InventoryTreeItemInfo[]>;
  /** Reveals (expands to and selects) a Secrets view item by id; rejects when getParent cannot reach it. */
  revealInventoryItem(id: string): Promise<void>;
  /** The Secrets view badge (hard-coded plus rotation-overdue secrets), undefined when zero. */
  getInventoryBadge(): { value: number; tooltip: string } | undefined;
}
