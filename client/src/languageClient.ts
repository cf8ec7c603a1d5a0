import * as path from 'node:path';
import * as vscode from 'vscode';
import { redactedTraceChannel } from './redactedTrace';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  CONFIG_SECTION,
  WorkspaceTrustNotification,
  type InitializationOptions,
  type UserOnlySettings,
} from '../../shared/protocol';

/**
 * Restricted settings read from user (global) settings only: an untrusted workspace cannot supply
 * regular expressions or the fingerprint key (package.json `restrictedConfigurations`).
 */
export function userOnlySettings(): UserOnlySettings {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return {
    customRules: config.inspect('customRules')?.globalValue,
    fingerprintKey: config.inspect('fingerprintKey')?.globalValue,
  };
}

export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  trace: vscode.LogOutputChannel,
): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const initializationOptions: InitializationOptions = {
    trusted: vscode.workspace.isTrusted,
    userSettings: userOnlySettings(),
  };
  const clientOptions: LanguageClientOptions = {
    // Every text document, whatever its language: secrets hide in any file.
    documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
    outputChannel: output,
    // Protocol traces (secretHygiene.trace.server) go to their own channel, never to the main log,
    // and keep only each message's header: bodies hold document text.
    traceOutputChannel: redactedTraceChannel(trace),
    initializationOptions,
    diagnosticCollectionName: 'secretHygiene',
  };
  return new LanguageClient('secretHygiene', 'Secret Hygiene', serverOptions, clientOptions);
}

/** Tells the server when trust is granted, and when user-level restricted settings change while untrusted. */
export function watchTrust(client: LanguageClient): vscode.Disposable {
  const send = () =>
    client
      .sendNotification(WorkspaceTrustNotification.type, { trusted: vscode.workspace.isTrusted, userSettings: userOnlySettings() })
      .catch(() => undefined);
  return vscode.Disposable.from(
    vscode.workspace.onDidGrantWorkspaceTrust(send),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (vscode.workspace.isTrusted) return;
      if (e.affectsConfiguration(`${CONFIG_SECTION}.customRules`) || e.affectsConfiguration(`${CONFIG_SECTION}.fingerprintKey`)) send();
    }),
  );
}
