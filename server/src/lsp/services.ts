import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, ScanResult } from '../engine';

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
}

/**
 * What the language-server handlers share. Built by server.ts (the composition root); each
 * handler module in server/src/lsp/ exports a `register*(services)` function and holds no globals.
 */
export interface ServerServices {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  flags: ClientFlags;
  /** Engine compiled for the settings of the document's workspace folder (cached per settings). */
  engineFor(uri: string): Promise<Engine>;
  /** Latest scan of an open document, cached by version; includes suppressions from ignore files. */
  scanDocument(document: TextDocument): Promise<ScanResult>;
  /** Workspace-relative path with forward slashes (or the file name when outside any folder). */
  relativePath(uri: string): string;
  /** File-system path of the workspace folder holding `uri`, if any. */
  workspaceRootFor(uri: string): string | undefined;
  /** Asks for fresh diagnostics of every open document (after settings or ignore-file changes). */
  refreshDiagnostics(): void;
  /** Logs to the client's output channel. Never pass secret text. */
  log(message: string): void;
}
