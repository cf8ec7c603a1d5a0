import type { Connection, Diagnostic, FileEvent, ServerCapabilities, TextDocuments, WorkspaceFolder } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, Finding, ScanResult } from '../engine';
import type { IndexPause } from '../workspace/indexPause';
import type { PendingDiagnostics } from './pendingDiagnostics';

/** Booleans read once from the client's capabilities at initialize. */
export interface ClientFlags {
  pullDiagnostics: boolean;
  configuration: boolean;
  workspaceFolders: boolean;
  codeActionLiteralSupport: boolean;
  codeActionResolve: boolean;
  workDoneProgress: boolean;
  /** True when the client said (initializationOptions.trusted === false) the workspace is untrusted. */
  untrustedWorkspace: boolean;
  /** The client can be asked to re-pull every diagnostic (`workspace/diagnostic/refresh`). */
  diagnosticRefresh: boolean;
  /** The client accepts dynamic registration of `workspace/didChangeWatchedFiles` watchers. */
  watchedFilesDynamic: boolean;
  /** The client accepts dynamic registration of `workspace/didChangeConfiguration`. */
  configurationDynamic: boolean;
  /** The client renders Markdown in hovers. */
  hoverMarkdown: boolean;
  /** The client accepts `version` in `textDocument/publishDiagnostics`. */
  publishVersion: boolean;
}

/**
 * What the language-server handlers share. Built by server.ts (the composition root); each
 * handler module in server/src/lsp/ exports a `register*(services)` function and holds no globals.
 *
 * `flags` is filled in place when `initialize` arrives: register functions run before that, so they
 * read flags inside their handlers (or in `declareCapabilities` / `onInitialized` callbacks).
 */
export interface ServerServices {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  flags: ClientFlags;
  /** Engine compiled for the settings of the document's workspace folder (cached per settings). */
  engineFor(uri: string): Promise<Engine>;
  /** Latest scan of an open document, cached by version; includes suppressions from ignore files. */
  scanDocument(document: TextDocument): Promise<ScanResult>;
  /**
   * Like scanDocument, with the document version the result belongs to (for publishDiagnostics)
   * and the engine that produced it (rule titles and docs links consistent with the result).
   */
  scanDocumentVersioned(document: TextDocument): Promise<{ version: number; result: ScanResult; engine: Engine }>;
  /** Workspace-relative path with forward slashes (or the file name when outside any folder). */
  relativePath(uri: string): string;
  /** File-system path of the workspace folder holding `uri`, if any. */
  workspaceRootFor(uri: string): string | undefined;
  /** Asks for fresh diagnostics of every open document (after settings or ignore-file changes). */
  refreshDiagnostics(): void;
  /** Logs to the client's output channel. Never pass secret text. */
  log(message: string): void;
  /**
   * Raw `secretHygiene` settings of the folder holding `uri` (after the untrusted-workspace filter),
   * for settings the engine does not read (e.g. a preferred secret backend). Never throws.
   */
  settingsFor(uri: string): Promise<Record<string, unknown>>;
  /** Adds server capabilities to the `initialize` answer; call from a register function. */
  declareCapabilities(provider: (flags: ClientFlags) => ServerCapabilities): void;
  /** Runs after the client's `initialized` notification (dynamic registrations go here). */
  onInitialized(listener: () => void): void;
  /**
   * Runs on every refreshDiagnostics() call (settings, trust or ignore files changed), after the
   * caches were cleared. The diagnostics module re-pulls or re-pushes here; others may reload.
   */
  onDidChangeSettings(listener: () => void): void;
  /** Runs when the client sends `shutdown` or the server is disposed (clear timers here). */
  onShutdown(listener: () => void): void;
  /** The client's workspace folders (after initialize; updated on folder changes). */
  workspaceFolders(): WorkspaceFolder[];
  /** Runs after workspace folders were added or removed. */
  onDidChangeWorkspaceFolders(listener: () => void): void;
  /** Fan-out of `workspace/didChangeWatchedFiles` (the connection takes one handler only). */
  onDidChangeWatchedFiles(listener: (changes: FileEvent[]) => void): void;
  /**
   * Adds diagnostics that need more than the document's own scan (e.g. workspace inventory facts);
   * called with the document's URI and text each time its diagnostics are computed.
   */
  addDiagnosticsContributor(contributor: (uri: string, text: string) => Diagnostic[]): void;
  /** Diagnostics of every contributor for one document (the diagnostics module appends them). */
  contributedDiagnostics(uri: string, text: string): Diagnostic[];
  /** Adds a line to the hover of a finding (e.g. "committed in <sha>"); may resolve undefined. */
  addHoverContributor(contributor: (uri: string, finding: Finding) => Promise<string | undefined>): void;
  /** Lines of every hover contributor for one finding. */
  contributedHover(uri: string, finding: Finding): Promise<string[]>;
  /** Asks the client for fresh diagnostics without invalidating cached scans (contributors changed). */
  republishDiagnostics(): void;
  /** Runs on republishDiagnostics() (the diagnostics module re-pulls or re-pushes). */
  onRepublishDiagnostics(listener: () => void): void;
  /**
   * Documents whose diagnostics the editor waits for: the diagnostics module marks them delivered;
   * background work awaits `idle()` so that it never delays them.
   */
  pendingDiagnostics: PendingDiagnostics;
  /** Held while an open document is scanned: workspace index workers wait meanwhile. */
  indexPause: IndexPause;
}
