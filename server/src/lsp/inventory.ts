/**
 * The workspace inventory over LSP: one WorkspaceIndex per folder (indexed in a worker thread with
 * work-done progress on the first scan), kept current from open documents and file events, its view
 * for InventoryRequest, InventoryChangedNotification, and the inventory diagnostics (rotation overdue,
 * used but undeclared). Requests that act on it and the wiring live in inventoryActions.ts.
 */
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type WorkspaceFolder } from 'vscode-languageserver/node';
import { LineIndex, type Severity } from '../engine';
import { INVENTORY_FILE, inventoryDiagnostics, type Inventory, type InventoryDiagnostic } from '../engine/inventory';
import { InventoryChangedNotification, type InventoryAnswer, type InventoryOccurrence, type InventorySecretView } from '../../../shared/inventoryProtocol';
import { DIAGNOSTIC_SOURCE, RULE_DOCS_BASE } from '../../../shared/protocol';
import { indexNewFolder } from '../workspace/folderEvents';
import { indexFile, indexScanned } from '../workspace/scanFile';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { secretView } from './inventoryView';
import type { ServerServices } from './services';
import { filePath } from './workspaceFolders';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const DOCUMENT_DEBOUNCE_MS = 300;
const NOTIFY_DEBOUNCE_MS = 200;
/**
 * While a folder is being indexed, batches arrive several times a second and each notification
 * makes the inventory be rebuilt (here and by the client's request): announce at most this often,
 * so the thread that answers the edited document's diagnostics stays mostly free.
 */
const NOTIFY_WHILE_INDEXING_MS = 2000;

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface FolderState {
  folder: WorkspaceFolder;
  root: string;
  index: WorkspaceIndex;
  /** Work-done progress of the first index, while it runs. */
  progress?: { report(message: string): void; done(): void };
  /**
   * The last inventory built while no index ran: what inventory diagnostics show (announce() keeps
   * it current; while an index runs it stays as it was).
   */
  settled?: Inventory;
}

export class InventoryService {
  private readonly folders = new Map<string, FolderState>();
  private notifyTimer: NodeJS.Timeout | undefined;
  private notifyDelay = NOTIFY_DEBOUNCE_MS;
  private readonly diagnosticsCache = new WeakMap<Inventory, Map<string, InventoryDiagnostic[]>>();
  /** Protocol views of an inventory's secrets (the client asks again after each announcement). */
  private readonly viewCache = new WeakMap<Inventory, InventorySecretView<InventoryOccurrence>[]>();
  private readonly documentTimers = new Map<string, NodeJS.Timeout>();
  /** Signature of the last published inventory diagnostics: republish only when it changes. */
  private diagnosticsSignature = '';
  private disposed = false;
  private diagnosticsChanged: () => void = () => undefined;

  constructor(private readonly services: ServerServices) {}

  /** Called when inventory diagnostics may have changed (the diagnostics module re-pulls or re-pushes). */
  onDiagnosticsChanged(listener: () => void): void {
    this.diagnosticsChanged = listener;
  }

  async setFolders(folders: readonly WorkspaceFolder[]): Promise<void> {
    const wanted = new Set(folders.map((f) => f.uri));
    for (const [uri, state] of this.folders) {
      if (!wanted.has(uri)) {
        state.index.dispose();
        this.folders.delete(uri);
      }
    }
    await Promise.all(folders.filter((f) => !this.folders.has(f.uri)).map((f) => this.startFolder(f)));
  }

  /** Re-indexes every folder (settings changed). */
  async reindexAll(): Promise<void> {
    await Promise.all([...this.folders.values()].map((s) => this.index(s, false)));
  }

  private async startFolder(folder: WorkspaceFolder): Promise<void> {
    const root = filePath(folder.uri);
    if (!root) return;
    const state: FolderState = {
      folder,
      root,
      index: new WorkspaceIndex(root, {
        onChange: () => this.changed(),
        onProgress: (scanned) => state.progress?.report(`${scanned} files`),
        onError: (message) => this.services.log(`${folder.name}: ${message}`),
        onNote: (message) => this.services.log(`${folder.name}: ${message}`),
      }, { pause: this.services.indexPause }),
    };
    this.folders.set(folder.uri, state);
    await this.index(state, true);
  }

  private async index(state: FolderState, first: boolean): Promise<void> {
    const settings = await this.services.settingsFor(state.folder.uri);
    const exclude = await this.filesExclude(state.folder.uri);
    if (this.disposed) return;
    if (first && this.services.flags.workDoneProgress) {
      try {
        const progress = await this.services.connection.window.createWorkDoneProgress();
        progress.begin('Secret Hygiene: indexing secrets', undefined, state.folder.name, true);
        progress.token.onCancellationRequested(() => state.index.stop());
        // The connection may close while indexing: progress must never throw into the index.
        state.progress = {
          report: (message) => {
            try {
              progress.report(message);
            } catch {
              // closed
            }
          },
          done: () => {
            try {
              progress.done();
            } catch {
              // closed
            }
          },
        };
      } catch {
        state.progress = undefined;
      }
    }
    const stats = await state.index.start({ settings, exclude, gitignore: true });
    state.progress?.done();
    state.progress = undefined;
    if (this.disposed) return;
    if (stats) {
      const mb = (stats.bytes / 1048576).toFixed(1);
      this.services.log(`${state.folder.name}: indexed ${stats.scanned} files (${mb} MB) in ${stats.ms} ms, ${stats.skipped} skipped`);
    }
    this.changed();
  }

  /** The editor's `files.exclude` globs that are on, for the folder (empty when the client cannot say). */
  private async filesExclude(folderUri: string): Promise<string[]> {
    if (!this.services.flags.configuration) return [];
    try {
      const value = (await this.services.connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files.exclude' })) as unknown;
      if (!value || typeof value !== 'object') return [];
      return Object.entries(value as Record<string, unknown>)
        .filter(([glob, on]) => on === true && glob.length > 0)
        .map(([glob]) => glob);
    } catch {
      return [];
    }
  }

  private stateFor(uri: string): FolderState | undefined {
    let best: FolderState | undefined;
    for (const s of this.folders.values()) {
      const prefix = s.folder.uri.endsWith('/') ? s.folder.uri : `${s.folder.uri}/`;
      if (uri.startsWith(prefix) && (!best || prefix.length > best.folder.uri.length)) best = s;
    }
    return best;
  }

  /**
   * An open document changed: after a pause, index its live text from the scan the diagnostics
   * already made (cached by version), so typing costs no second scan.
   */
  documentChanged(uri: string): void {
    clearTimeout(this.documentTimers.get(uri));
    this.documentTimers.set(uri, setTimeout(() => {
      this.documentTimers.delete(uri);
      void this.indexOpenDocument(uri);
    }, DOCUMENT_DEBOUNCE_MS));
  }

  private async indexOpenDocument(uri: string): Promise<void> {
    const state = this.stateFor(uri);
    const document = this.services.documents.get(uri);
    if (!state || !document) return;
    const path = this.services.relativePath(uri);
    const text = document.getText();
    const { result } = await this.services.scanDocumentVersioned(document);
    if (this.services.documents.get(uri) !== document) return;
    state.index.setOpenDocument(path, indexScanned(path, text, result));
    if (path === INVENTORY_FILE || path === '.secrets-inventory.yaml') state.index.reloadProjectFiles({ path, text });
  }

  documentClosed(uri: string): void {
    clearTimeout(this.documentTimers.get(uri));
    this.documentTimers.delete(uri);
    const state = this.stateFor(uri);
    if (!state) return;
    const path = this.services.relativePath(uri);
    state.index.setOpenDocument(path, undefined);
    if (path === INVENTORY_FILE || path === '.secrets-inventory.yaml') state.index.reloadProjectFiles();
  }

  /** Files changed on disk (created, changed or deleted). */
  async filesChanged(uris: string[]): Promise<void> {
    for (const uri of uris) {
      const state = this.stateFor(uri);
      const fsPath = filePath(uri);
      if (!state || !fsPath) continue;
      const path = this.services.relativePath(uri);
      if (/(^|\/)(node_modules|\.git)(\/|$)/.test(path)) continue;
      const engine = await this.services.engineFor(uri);
      if (engine.isExcluded(path)) continue;
      const kind = kindOf(fsPath);
      if (kind === 'folder') {
        // A new folder (its files may come without events of their own): index what it holds.
        if (!indexNewFolder(state.index, engine, state.root, fsPath, await this.filesExclude(state.folder.uri))) void this.index(state, false);
        continue;
      }
      if (kind === 'missing') state.index.forgetFolder(path);
      state.index.setFile(path, indexFile(engine, fsPath, path));
      if (/^(\.secrets-inventory\.ya?ml|CODEOWNERS|\.github\/CODEOWNERS|docs\/CODEOWNERS|\.gitlab\/CODEOWNERS)$/.test(path)) state.index.reloadProjectFiles();
    }
  }

  private changed(): void {
    if (this.disposed) return;
    const delay = this.indexing() ? NOTIFY_WHILE_INDEXING_MS : NOTIFY_DEBOUNCE_MS;
    // A slow announcement made while indexing is brought forward once the index is done.
    if (this.notifyTimer && (delay === NOTIFY_WHILE_INDEXING_MS || this.notifyDelay === NOTIFY_DEBOUNCE_MS)) return;
    clearTimeout(this.notifyTimer);
    this.notifyDelay = delay;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      void this.announce();
    }, delay);
  }

  /**
   * Tells the client the inventory changed and republishes inventory diagnostics when they did:
   * it rebuilds the inventory, so it waits until the edited documents' diagnostics are answered.
   */
  private async announce(): Promise<void> {
    await this.services.pendingDiagnostics.idle();
    if (this.disposed) return;
    const built = await this.buildAll();
    if (this.disposed) return;
    let total = 0;
    let hardCoded = 0;
    let overdue = 0;
    for (const { state, inventory, complete } of built) {
      total += inventory.counts.total;
      hardCoded += inventory.counts['hard-coded'];
      overdue += inventory.counts['rotation-overdue'];
      // What inventory diagnostics show: the last inventory of a complete index (a partial one
      // would flash "declared but unused").
      if (complete) state.settled = inventory;
    }
    const indexing = this.indexing();
    try {
      void this.services.connection.sendNotification(InventoryChangedNotification.type, { total, hardCoded, overdue, indexing }).catch(() => undefined);
    } catch {
      return; // connection closed
    }
    // Workspace-level diagnostics (declared but unused...) are only true of a complete index.
    if (indexing) return;
    const signature = JSON.stringify(
      [...this.folders.values()].map((st) => (st.settled ? inventoryDiagnostics(st.settled, st.index.inventoryFilePath, st.index.parsedInventoryFile) : [])),
    );
    if (signature !== this.diagnosticsSignature) {
      this.diagnosticsSignature = signature;
      this.diagnosticsChanged();
    }
  }

  /**
   * Every folder's inventory, built in slices between which the edited documents' diagnostics go
   * first; `complete` when its folder was not being indexed.
   */
  private async buildAll(): Promise<{ state: FolderState; inventory: Inventory; complete: boolean }[]> {
    const out: { state: FolderState; inventory: Inventory; complete: boolean }[] = [];
    for (const state of [...this.folders.values()]) {
      const wasIndexing = state.index.indexing;
      const inventory = await state.index.inventoryInSlices(today(), () => this.services.pendingDiagnostics.idle());
      out.push({ state, inventory, complete: !wasIndexing && !state.index.indexing });
    }
    // A folder removed while its inventory was being built is left out.
    return out.filter(({ state }) => this.folders.get(state.folder.uri) === state);
  }

  /**
   * The workspace's inventory diagnostics by file, computed once per inventory (every diagnostics
   * pull of an edited document asks for its own).
   */
  private inventoryDiagnosticsByPath(state: FolderState, inventory: Inventory): Map<string, InventoryDiagnostic[]> {
    let byPath = this.diagnosticsCache.get(inventory);
    if (!byPath) {
      byPath = new Map();
      for (const d of inventoryDiagnostics(inventory, state.index.inventoryFilePath, state.index.parsedInventoryFile)) {
        const list = byPath.get(d.path);
        if (list) list.push(d);
        else byPath.set(d.path, [d]);
      }
      this.diagnosticsCache.set(inventory, byPath);
    }
    return byPath;
  }

  private indexing(): boolean {
    for (const state of this.folders.values()) if (state.index.indexing) return true;
    return false;
  }

  /**
   * The view for InventoryRequest. Built once the edited documents' diagnostics are answered, in
   * slices between which they go first.
   */
  async view(): Promise<InventoryAnswer> {
    await this.services.pendingDiagnostics.idle();
    const folders: InventoryAnswer['folders'] = [];
    for (const { state, inventory } of await this.buildAll()) {
      let secrets = this.viewCache.get(inventory);
      if (!secrets) {
        secrets = inventory.secrets.map((s) => secretView(state.folder.uri, s));
        this.viewCache.set(inventory, secrets);
      }
      folders.push({
        uri: state.folder.uri,
        name: state.folder.name,
        secrets,
        counts: inventory.counts,
        indexing: state.index.indexing,
        inventoryFileUri: state.index.inventoryFilePath ? pathToFileURL(join(state.root, state.index.inventoryFilePath)).toString() : undefined,
      });
    }
    return {
      folders,
      total: folders.reduce((n, f) => n + f.counts.total, 0),
      hardCoded: folders.reduce((n, f) => n + f.counts['hard-coded'], 0),
      indexing: folders.some((f) => f.indexing),
    };
  }

  /** Inventory diagnostics of one document (workspace-level facts shown where they apply). */
  diagnosticsFor(uri: string, text: string): Diagnostic[] {
    const state = this.stateFor(uri);
    if (!state) return [];
    const path = this.services.relativePath(uri);
    // Never built here (this runs for every keystroke's diagnostics): announce() keeps it current
    // and asks for fresh diagnostics when the inventory's change them.
    const inventory = state.settled;
    if (!inventory) return [];
    const all = this.inventoryDiagnosticsByPath(state, inventory).get(path) ?? [];
    if (all.length === 0) return [];
    const lines = new LineIndex(text);
    return all.map((d) => ({
      range: lines.rangeOf(Math.min(d.start, text.length), Math.min(d.end, text.length)),
      severity: SEVERITY[d.severity],
      source: DIAGNOSTIC_SOURCE,
      code: d.ruleId,
      codeDescription: { href: `${RULE_DOCS_BASE}#${d.ruleId}` },
      message: d.message,
      data: { ruleId: d.ruleId, kind: 'access-model' },
    }));
  }

  /** The folder with this URI, or the first folder when none is given. */
  folderState(folderUri?: string): FolderState | undefined {
    return folderUri ? this.folders.get(folderUri) : this.folders.values().next().value;
  }

  /** The innermost folder holding `uri`. */
  folderHolding(uri: string): FolderState | undefined {
    return this.stateFor(uri);
  }

  dispose(): void {
    this.disposed = true;
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    for (const t of this.documentTimers.values()) clearTimeout(t);
    for (const s of this.folders.values()) s.index.dispose();
    this.folders.clear();
  }
}

/** What is at a path now: a file, a folder, or nothing (deleted). */
function kindOf(fsPath: string): 'file' | 'folder' | 'missing' {
  try {
    return statSync(fsPath).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}
