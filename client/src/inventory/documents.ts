/**
 * Documents the inventory produces: the secrets report (ReportRequest), the leak-response checklist
 * (LeakResponseRequest), and a starter `.secrets-inventory.yml`. The server writes the Markdown; it
 * holds masked previews and fingerprints only.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LeakResponseRequest, ReportRequest, type InventoryFolderView } from '../../../shared/inventoryProtocol';
import { INVENTORY_FILE_NAMES, starterInventory } from './starterInventory';

export async function openMarkdown(markdown: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** The workspace folder to act on: the given one, the only one, or the user's pick. */
export async function pickFolder(folderUri?: string, placeHolder = 'Workspace folder'): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folderUri) return folders.find((f) => f.uri.toString() === folderUri) ?? folders.find((f) => f.uri.toString() === vscode.Uri.parse(folderUri).toString());
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder });
}

export interface ReportOptions {
  folderUri?: string;
  /** `untitled` opens an editor, `file` saves (to `uri`, else where the user picks). Asked when omitted. */
  target?: 'untitled' | 'file';
  uri?: vscode.Uri;
}

/** Secret Hygiene: Write Secrets Report. Returns the document or file written, if any. */
export async function writeReport(client: LanguageClient, ready: Promise<void>, options: ReportOptions = {}): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(options.folderUri, 'Folder to write the secrets report for');
  if (!folder && (vscode.workspace.workspaceFolders?.length ?? 0) > 0) return undefined;
  await ready;
  const report = await client.sendRequest(ReportRequest.type, { folderUri: folder?.uri.toString() });
  if (!report) {
    void vscode.window.showWarningMessage('Secret Hygiene: no report: the folder is not indexed (open a folder, or wait for indexing to finish).');
    return undefined;
  }
  let target = options.target;
  if (!target) {
    const choice = await vscode.window.showQuickPick(
      [
        { label: '$(file) Open in an editor', target: 'untitled' as const },
        { label: '$(save) Save to a file…', target: 'file' as const },
      ],
      { placeHolder: `Secrets report of ${report.folderName}` },
    );
    if (!choice) return undefined;
    target = choice.target;
  }
  if (target === 'untitled') return (await openMarkdown(report.markdown)).uri;
  const uri =
    options.uri ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder.uri, 'secrets-report.md') : undefined,
      filters: { Markdown: ['md'] },
      saveLabel: 'Save report',
    }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(report.markdown));
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

/** The leak-response checklist of a hard-coded secret, in an untitled Markdown document. */
export async function showLeakResponse(client: LanguageClient, ready: Promise<void>, uri: string, fingerprint: string): Promise<vscode.TextDocument | undefined> {
  await ready;
  const response = await client.sendRequest(LeakResponseRequest.type, { uri, fingerprint });
  if (!response) {
    void vscode.window.showInformationMessage('Secret Hygiene: this secret is no longer in the file; refresh the Secrets view.');
    return undefined;
  }
  return openMarkdown(response.markdown);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Opens the folder's inventory file, creating a starter one (names only) when there is none. */
export async function createInventoryFile(folderView: (folderUri: string) => Promise<InventoryFolderView | undefined>, folderUri?: string): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(folderUri, 'Folder to declare secrets for');
  if (!folder) {
    void vscode.window.showInformationMessage('Secret Hygiene: open a folder first; the inventory file lives at its root.');
    return undefined;
  }
  for (const name of INVENTORY_FILE_NAMES) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    if (await exists(uri)) {
      await vscode.window.showTextDocument(uri, { preview: false });
      return uri;
    }
  }
  const uri = vscode.Uri.joinPath(folder.uri, INVENTORY_FILE_NAMES[0]);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterInventory(await folderView(folder.uri.toString()))));
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

/** The README (how the inventory works) in the Markdown preview, else as text. */
export async function openDocs(extensionUri: vscode.Uri): Promise<void> {
  const readme = vscode.Uri.joinPath(extensionUri, 'README.md');
  try {
    await vscode.commands.executeCommand('markdown.showPreview', readme);
  } catch {
    await vscode.window.showTextDocument(readme, { preview: true });
  }
}
