import type { ClientCapabilities } from 'vscode-languageserver/node';
import type { InitializationOptions } from '../../../shared/protocol';
import type { ClientFlags } from './services';

/** All false: what a client that sent no capabilities gets. Filled in place at initialize. */
export function emptyClientFlags(): ClientFlags {
  return {
    pullDiagnostics: false,
    configuration: false,
    workspaceFolders: false,
    codeActionLiteralSupport: false,
    codeActionResolve: false,
    workDoneProgress: false,
    untrustedWorkspace: false,
    diagnosticRefresh: false,
    watchedFilesDynamic: false,
    configurationDynamic: false,
    hoverMarkdown: false,
    publishVersion: false,
  };
}

/** Reads the client's capabilities once, into booleans the handlers test. */
export function readClientFlags(capabilities: ClientCapabilities, options: InitializationOptions | undefined): ClientFlags {
  const text = capabilities.textDocument;
  const workspace = capabilities.workspace;
  return {
    pullDiagnostics: !!text?.diagnostic,
    configuration: !!workspace?.configuration,
    workspaceFolders: !!workspace?.workspaceFolders,
    codeActionLiteralSupport: !!text?.codeAction?.codeActionLiteralSupport,
    codeActionResolve: !!text?.codeAction?.resolveSupport?.properties?.includes('edit'),
    workDoneProgress: !!capabilities.window?.workDoneProgress,
    untrustedWorkspace: options?.trusted === false,
    diagnosticRefresh: !!workspace?.diagnostics?.refreshSupport,
    watchedFilesDynamic: !!workspace?.didChangeWatchedFiles?.dynamicRegistration,
    configurationDynamic: !!workspace?.didChangeConfiguration?.dynamicRegistration,
    hoverMarkdown: !!text?.hover?.contentFormat?.includes('markdown'),
    publishVersion: !!text?.publishDiagnostics?.versionSupport,
  };
}
