/**
 * Composition root of the Secret Hygiene language server: connection, documents and wiring only.
 * Detection lives in ./engine; protocol handlers live in ./lsp and are wired with one
 * `registerX(services)` call each.
 *
 * `startServer(connection)` runs the server on any connection (tests and the benchmark use
 * in-memory streams). Run as a program (dist/server.js) it listens on what the command line says:
 * `--node-ipc` (VS Code), `--stdio` (Neovim and other editors) or `--socket=N`.
 */
import {
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from './engine';
import { WorkspaceTrustNotification, type InitializationOptions } from '../../shared/protocol';
import { emptyClientFlags, readClientFlags } from './lsp/clientFlags';
import { registerCodeActions } from './lsp/codeActions';
import { registerDiagnostics } from './lsp/diagnostics';
import { DocumentScans } from './lsp/documentScans';
import { registerHover } from './lsp/hover';
import { registerInventory } from './lsp/inventoryActions';
import { registerIgnoreFileWatching } from './lsp/ignoreFileWatch';
import { IgnoreFiles } from './lsp/ignoreFiles';
import { PendingDiagnostics } from './lsp/pendingDiagnostics';
import { IndexPause } from './workspace/indexPause';
import type { ClientFlags, ServerServices } from './lsp/services';
import { SettingsStore } from './lsp/settingsStore';
import { WorkspaceFolders, filePath } from './lsp/workspaceFolders';

export interface RunningServer {
  services: ServerServices;
  /** Clears timers and disposes the connection (tests; a real server ends on `exit`). */
  dispose(): void;
}

export function startServer(connection: Connection): RunningServer {
  const documents = new TextDocuments(TextDocument);
  const flags: ClientFlags = emptyClientFlags();
  const folders = new WorkspaceFolders();
  const log = (message: string) => {
    try {
      connection.console.info(message);
    } catch {
      // Connection already closed: nothing to log to.
    }
  };
  const settings = new SettingsStore(connection, flags, folders, log);
  const openText = (fsPath: string) => documents.all().find((d) => filePath(d.uri) === fsPath)?.getText();
  const ignoreFiles = new IgnoreFiles(openText, log);
  const indexPause = new IndexPause();
  const scans = new DocumentScans(settings, ignoreFiles, folders, log, indexPause);
  const pendingDiagnostics = new PendingDiagnostics();

  const capabilityProviders: ((f: ClientFlags) => ServerCapabilities)[] = [];
  const initializedListeners: (() => void)[] = [];
  const settingsListeners: (() => void)[] = [];
  const shutdownListeners: (() => void)[] = [];
  const folderListeners: (() => void)[] = [];
  const republishListeners: (() => void)[] = [];
  const watchedFileListeners: ((changes: FileEvent[]) => void)[] = [];
  const diagnosticsContributors: ((uri: string, text: string) => Diagnostic[])[] = [];
  const hoverContributors: ((uri: string, finding: Finding) => Promise<string | undefined>)[] = [];
  const runAll = (listeners: (() => void)[], what: string) => {
    for (const listener of listeners) {
      try {
        listener();
      } catch (e) {
        log(`${what} handler failed: ${(e as Error).message}`);
      }
    }
  };

  const services: ServerServices = {
    connection,
    documents,
    flags,
    engineFor: (uri) => settings.engineFor(uri),
    scanDocument: async (document) => (await scans.scan(document)).result,
    scanDocumentVersioned: (document) => scans.scan(document),
    relativePath: (uri) => folders.relativePath(uri),
    workspaceRootFor: (uri) => folders.rootPathFor(uri),
    settingsFor: (uri) => settings.settingsFor(uri),
    refreshDiagnostics: () => {
      scans.invalidate();
      runAll(settingsListeners, 'settings change');
    },
    log,
    declareCapabilities: (provider) => void capabilityProviders.push(provider),
    onInitialized: (listener) => void initializedListeners.push(listener),
    onDidChangeSettings: (listener) => void settingsListeners.push(listener),
    onShutdown: (listener) => void shutdownListeners.push(listener),
    workspaceFolders: () => folders.list(),
    onDidChangeWorkspaceFolders: (listener) => void folderListeners.push(listener),
    onDidChangeWatchedFiles: (listener) => void watchedFileListeners.push(listener),
    addDiagnosticsContributor: (contributor) => void diagnosticsContributors.push(contributor),
    contributedDiagnostics: (uri, text) => diagnosticsContributors.flatMap((contribute) => {
      try {
        return contribute(uri, text);
      } catch (e) {
        log(`diagnostics contributor failed: ${(e as Error).name}`);
        return [];
      }
    }),
    addHoverContributor: (contributor) => void hoverContributors.push(contributor),
    contributedHover: async (uri, finding) => {
      const lines = await Promise.all(hoverContributors.map((contribute) => contribute(uri, finding).catch(() => undefined)));
      return lines.filter((line): line is string => typeof line === 'string' && line.length > 0);
    },
    republishDiagnostics: () => runAll(republishListeners, 'republish'),
    onRepublishDiagnostics: (listener) => void republishListeners.push(listener),
    pendingDiagnostics,
    indexPause,
  };

  // Registered before the handler modules' listeners: a new version is owed before anyone answers it.
  documents.onDidOpen((e) => pendingDiagnostics.changed(e.document.uri, e.document.version));
  documents.onDidChangeContent((e) => pendingDiagnostics.changed(e.document.uri, e.document.version));
  documents.onDidClose((e) => pendingDiagnostics.closed(e.document.uri));
  shutdownListeners.push(() => pendingDiagnostics.dispose());

  // Handler modules: one line each.
  registerDiagnostics(services);
  registerHover(services);
  registerCodeActions(services);
  registerIgnoreFileWatching(services, ignoreFiles);
  registerInventory(services);

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? undefined) as InitializationOptions | undefined;
    Object.assign(flags, readClientFlags(params.capabilities, options));
    settings.initialize(options);
    const rootUri = params.rootUri ?? undefined;
    folders.set(params.workspaceFolders ?? (rootUri ? [{ uri: rootUri, name: 'root' }] : []));
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      workspace: flags.workspaceFolders ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
    };
    for (const provider of capabilityProviders) Object.assign(capabilities, provider(flags));
    log(
      `started: ${flags.pullDiagnostics ? 'pull' : 'push'} diagnostics, settings from ` +
        `${flags.configuration ? 'workspace/configuration' : 'initialization options'}` +
        `${flags.untrustedWorkspace ? ', untrusted workspace (custom rules from user settings only)' : ''}`,
    );
    return { capabilities, serverInfo: { name: 'secret-hygiene' } };
  });

  connection.onInitialized(() => {
    if (flags.configurationDynamic) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    }
    if (flags.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders.add(e.added, e.removed);
        settings.clear();
        ignoreFiles.invalidate();
        services.refreshDiagnostics();
        runAll(folderListeners, 'workspace folders');
      });
    }
    runAll(initializedListeners, 'initialized');
  });

  connection.onDidChangeConfiguration((params) => {
    settings.didChangeConfiguration(params.settings);
    log('settings changed; re-checking open documents');
    services.refreshDiagnostics();
  });

  connection.onNotification(WorkspaceTrustNotification.type, (params) => {
    settings.setTrust(params.trusted !== false, params.userSettings);
    log(params.trusted ? 'workspace trusted; workspace settings apply in full' : 'user-level restricted settings changed');
    services.refreshDiagnostics();
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const listener of watchedFileListeners) {
      try {
        listener(params.changes);
      } catch (e) {
        log(`file change handler failed: ${(e as Error).name}`);
      }
    }
  });

  documents.onDidClose((e) => scans.forget(e.document.uri));
  connection.onShutdown(() => runAll(shutdownListeners, 'shutdown'));

  documents.listen(connection);
  connection.listen();

  return {
    services,
    dispose: () => {
      runAll(shutdownListeners, 'shutdown');
      connection.dispose();
    },
  };
}

// Bundle entry (dist/server.js): start on the transport named on the command line.
if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all));
}
