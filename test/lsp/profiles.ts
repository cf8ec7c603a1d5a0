/** Client capabilities of the two LSP client profiles the in-process tests (and the benchmark) use. */
import type { ClientCapabilities } from 'vscode-languageserver-protocol';

export type ClientProfile = 'vscode' | 'push';
export const PROFILES: readonly ClientProfile[] = ['vscode', 'push'];

/** What VS Code 1.91+ with vscode-languageclient 9+ sends (the parts the server reads). */
export const VSCODE_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, relatedInformation: true },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      dynamicRegistration: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
    },
  },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    applyEdit: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    diagnostics: { refreshSupport: true },
  },
  window: { workDoneProgress: true, showMessage: {} },
};

/** Roughly what Neovim 0.7.2 sends: push diagnostics, no configuration, no dynamic registration. */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: true, willSave: false },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
    },
  },
  workspace: { workspaceFolders: true, applyEdit: true },
  window: { workDoneProgress: true },
};

export const PROFILE_CAPABILITIES: Record<ClientProfile, ClientCapabilities> = {
  vscode: VSCODE_CAPABILITIES,
  push: PUSH_CAPABILITIES,
};
