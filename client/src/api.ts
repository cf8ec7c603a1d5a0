import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

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
}
