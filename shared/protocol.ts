/**
 * The Secret Hygiene protocol: names, payload shapes and custom messages shared by the VS Code client
 * and the language server. Every custom message is declared here once, in its own namespace with its
 * method and type, and says who sends it (the vscode-eslint / rust-analyzer style).
 *
 * This module holds types and constants only: no Node, VS Code or engine imports beyond the protocol
 * library, so any client (and the tests) can import it.
 */
import { NotificationType } from 'vscode-languageserver-protocol';

/** `Diagnostic.source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'Secret Hygiene';

/** Settings section read with `workspace/configuration` (`secretHygiene.*`). */
export const CONFIG_SECTION = 'secretHygiene';

/** Diagnostic code of the single information diagnostic that explains a skipped or partial scan. */
export const SCAN_NOTICE_CODE = 'scan-notice';

/** Default documentation page of a rule; `#<rule-id>` is appended. */
export const RULE_DOCS_BASE = 'https://github.com/secret-hygiene/secret-hygiene/blob/main/docs/rules.md';

/** Files at a workspace folder root whose contents suppress findings; re-read when they change. */
export const IGNORE_FILE_NAMES = ['.secret-hygiene-ignore', '.gitleaksignore', '.secrets.baseline'] as const;

/** Kinds of findings, as in the CLI JSON contract. */
export type FindingKindName = 'secret' | 'env-dump' | 'secret-print' | 'missing-mask' | 'access-model' | 'exposure';

/**
 * `Diagnostic.data` of a finding. Secret-free by construction: the value is never sent, only the rule,
 * the keyed fingerprint (what `.secret-hygiene-ignore` lists) and the kind. Code actions read it back.
 */
export interface FindingDiagnosticData {
  ruleId: string;
  fingerprint: string;
  kind: FindingKindName;
}

/** Settings that an untrusted workspace may not set: they come only from the user's own settings. */
export interface UserOnlySettings {
  /** `secretHygiene.customRules` from user (global) settings. */
  customRules?: unknown;
  /** `secretHygiene.fingerprintKey` from user (global) settings. */
  fingerprintKey?: unknown;
}

/** `initializationOptions` the server understands. Every field is optional; clients may send none. */
export interface InitializationOptions {
  /**
   * False when the workspace is not trusted (VS Code: `workspace.isTrusted`). Then custom rules and
   * the fingerprint key come only from `userSettings`, never from workspace-level configuration.
   * Absent means trusted (editors without a trust model).
   */
  trusted?: boolean;
  /** User-level values of the restricted settings, used when `trusted` is false. */
  userSettings?: UserOnlySettings;
  /**
   * `secretHygiene` settings for clients without `workspace/configuration` (e.g. Neovim 0.7).
   * Clients may also send `{ secretHygiene: {...} }` in `workspace/didChangeConfiguration`.
   */
  settings?: Record<string, unknown>;
}

/**
 * Sent by the client to the server when the workspace trust state changes (trust granted) or when the
 * user-level restricted settings change while the workspace is untrusted. The server rebuilds its
 * engines and asks for fresh diagnostics.
 */
export namespace WorkspaceTrustNotification {
  export const method = 'secretHygiene/workspaceTrust';
  export interface Params {
    trusted: boolean;
    userSettings: UserOnlySettings;
  }
  export const type = new NotificationType<Params>(method);
}
