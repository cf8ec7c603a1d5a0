/**
 * What the user asks of the inventory: the Markdown report, the leak-response checklist (with the
 * commit that added the secret, trusted workspaces only), marking a secret rotated; and the wiring of
 * the inventory into the server (requests, notifications, document and file events).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, type TextEdit } from 'vscode-languageserver/node';
import { LineIndex } from '../engine';
import { INVENTORY_FILE, historyNote, markRotatedEdits, renderLeakResponse, renderReport } from '../engine/inventory';
import { InventoryRequest, LeakResponseRequest, MarkRotatedRequest, ReportRequest } from '../../../shared/inventoryProtocol';
import { firstCommitAdding, type CommitInfo } from '../workspace/gitHistory';
import { InventoryService, today } from './inventory';
import type { ServerServices } from './services';

export class InventoryActions {
  private readonly history = new Map<string, Promise<CommitInfo | undefined>>();

  constructor(
    private readonly services: ServerServices,
    private readonly inventory: InventoryService,
  ) {}

  report(folderUri?: string): ReportRequest.Result | null {
    const state = this.inventory.folderState(folderUri);
    if (!state) return null;
    const markdown = renderReport({
      title: state.folder.name,
      today: today(),
      inventory: state.index.inventory(today()),
      signals: state.index.signals(),
      checkCounts: state.index.checkCounts(),
    });
    return { markdown, folderName: state.folder.name };
  }

  /** First commit holding a hard-coded secret; trusted workspaces only, cached per fingerprint. */
  commitOf(uri: string, fingerprint: string, value: () => string | undefined): Promise<CommitInfo | undefined> {
    if (this.services.flags.untrustedWorkspace) return Promise.resolve(undefined);
    const state = this.inventory.folderHolding(uri);
    if (!state) return Promise.resolve(undefined);
    let pending = this.history.get(fingerprint);
    if (!pending) {
      const secret = value();
      if (!secret) return Promise.resolve(undefined);
      pending = firstCommitAdding(state.root, secret);
      this.history.set(fingerprint, pending);
    }
    return pending;
  }

  async leakResponse(params: LeakResponseRequest.Params): Promise<LeakResponseRequest.Result | null> {
    const document = this.services.documents.get(params.uri);
    if (!document) return null;
    const engine = await this.services.engineFor(params.uri);
    const result = await this.services.scanDocument(document);
    const finding = result.findings.find((f) => f.fingerprint === params.fingerprint);
    if (!finding) return null;
    const rule = engine.rule(finding.ruleId);
    const text = document.getText();
    const commit = await this.commitOf(params.uri, finding.fingerprint, () => text.slice(finding.startOffset, finding.endOffset));
    const markdown = renderLeakResponse({
      ruleId: finding.ruleId,
      title: finding.title,
      provider: rule?.provider,
      remediation: rule?.remediation ?? 'Revoke the credential where it was issued and create a new one.',
      preview: finding.preview,
      fingerprint: finding.fingerprint,
      path: this.services.relativePath(params.uri),
      line: finding.range.start.line,
      commit,
      today: today(),
    });
    return { markdown };
  }

  async markRotated(params: MarkRotatedRequest.Params): Promise<MarkRotatedRequest.Result> {
    const state = this.inventory.folderState(params.folderUri);
    if (!state) return { applied: false, message: 'unknown workspace folder' };
    const path = state.index.inventoryFilePath ?? INVENTORY_FILE;
    const uri = pathToFileURL(join(state.root, path)).toString();
    const open = this.services.documents.get(uri);
    let text: string | undefined = open?.getText();
    if (text === undefined) {
      try {
        text = readFileSync(join(state.root, path), 'utf8');
      } catch {
        text = undefined;
      }
    }
    let offsetEdits;
    try {
      offsetEdits = markRotatedEdits(text, params.name, today());
    } catch (e) {
      return { applied: false, message: (e as Error).message };
    }
    const lines = new LineIndex(text ?? '');
    const edits: TextEdit[] = offsetEdits.map((e) => ({ range: lines.rangeOf(e.start, e.end), newText: e.newText }));
    const applied = await this.services.connection.workspace.applyEdit({
      label: `Mark ${params.name} rotated`,
      edit: text === undefined
        ? { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits }] }
        : { documentChanges: [{ textDocument: { uri, version: open?.version ?? null }, edits }] },
    });
    if (applied.applied && !open) state.index.reloadProjectFiles();
    return { applied: applied.applied, message: applied.applied ? `${params.name} marked rotated on ${today()}` : applied.failureReason ?? 'the editor refused the edit' };
  }
}

/** Wires the inventory into the server: requests, notifications, document and file events. */
export function registerInventory(services: ServerServices): InventoryService {
  const inventory = new InventoryService(services);
  const actions = new InventoryActions(services, inventory);
  const { connection, documents } = services;
  connection.onRequest(InventoryRequest.type, () => inventory.view());
  connection.onRequest(ReportRequest.type, (params) => actions.report(params?.folderUri));
  connection.onRequest(LeakResponseRequest.type, (params) => actions.leakResponse(params));
  connection.onRequest(MarkRotatedRequest.type, (params) => actions.markRotated(params));
  services.addDiagnosticsContributor((uri, text) => inventory.diagnosticsFor(uri, text));
  services.addHoverContributor(async (uri, finding) => {
    if (finding.kind !== 'secret') return undefined;
    const text = documents.get(uri)?.getText();
    const commit = await actions.commitOf(uri, finding.fingerprint, () => text?.slice(finding.startOffset, finding.endOffset));
    return historyNote(commit);
  });
  inventory.onDiagnosticsChanged(() => services.republishDiagnostics());
  services.onInitialized(() => {
    if (services.flags.watchedFilesDynamic) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] })
        .catch((e: Error) => services.log(`could not watch workspace files (${e.message})`));
    }
    void inventory.setFolders(services.workspaceFolders());
  });
  services.onDidChangeWorkspaceFolders(() => void inventory.setFolders(services.workspaceFolders()));
  services.onDidChangeWatchedFiles((changes) => void inventory.filesChanged(changes.map((c) => c.uri)));
  services.onDidChangeSettings(() => void inventory.reindexAll());
  documents.onDidChangeContent((e) => inventory.documentChanged(e.document.uri));
  documents.onDidClose((e) => inventory.documentClosed(e.document.uri));
  services.onShutdown(() => inventory.dispose());
  return inventory;
}
