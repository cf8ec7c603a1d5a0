import type { Finding } from '../types';

/**
 * Types of the quick-fix engine. Fixes are pure: given a document's text, its workspace-relative
 * path, one finding and what is known about the workspace, they compute edits. No I/O happens here;
 * the LSP layer turns the result into a WorkspaceEdit (one undo step).
 */

export type Backend = 'env' | 'github' | 'gitlab' | 'vault' | 'aws' | 'gcp' | 'azure' | '1password' | 'doppler';
export const BACKENDS: readonly Backend[] = ['env', 'github', 'gitlab', 'vault', 'aws', 'gcp', 'azure', '1password', 'doppler'];

/** `secretHygiene.backend` and friends: what references to a secret manager look like. */
export interface BackendSettings {
  backend: Backend;
  /**
   * Template of the secret's name in the manager. Placeholders: `{NAME}` (env name, e.g. API_KEY),
   * `{name}` (kebab-case, e.g. api-key), `{project}` (workspace folder name). Default per backend.
   */
  nameTemplate?: string;
  /** Workspace folder name, for `{project}`. */
  project?: string;
  /** Vault KV v2 mount (default `secret`). */
  vaultMount?: string;
  /** GCP project id (default placeholder `PROJECT_ID`). */
  gcpProject?: string;
  /** Azure Key Vault name (default placeholder `VAULT_NAME`). */
  azureVault?: string;
  /** 1Password vault (default `Private`). */
  onePasswordVault?: string;
}

/** What the fixes know about the workspace; every file is optional (undefined = does not exist). */
export interface WorkspaceFacts {
  /** Text of `.env` at the workspace root. */
  envText?: string;
  /**
   * True when git tracks `.env` (some frameworks commit it with defaults): values then go to the
   * git-ignored `.env.local` instead, so they never land in a tracked file.
   */
  envTracked?: boolean;
  /** Text of `.env.local` at the workspace root. */
  envLocalText?: string;
  /** Text of `.gitignore` at the workspace root. */
  gitignoreText?: string;
  /** Text of `.env.example` at the workspace root. */
  envExampleText?: string;
  /** Text of `.secret-hygiene-ignore` at the workspace root. */
  ignoreFileText?: string;
  /** Reads another workspace file (relative path), e.g. a called reusable workflow. */
  readFile?(relativePath: string): string | undefined;
}

/** An edit by UTF-16 offsets into the file's current text (an empty/absent file is ""). */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Edits of one file; `create` when the file does not exist yet (its text is then ""). */
export interface FileEdits {
  /** Workspace-relative path, forward slashes. */
  path: string;
  create?: boolean;
  edits: OffsetEdit[];
}

export type FixCategory = 'reference' | 'leak' | 'suppression';

/** One quick fix, fully computed. */
export interface Fix {
  /** Stable id within the finding (e.g. `reference`, `stash`, `suppress-inline`), used to resolve lazily. */
  id: string;
  title: string;
  category: FixCategory;
  /** The best fix for the finding; never a suppression. */
  preferred: boolean;
  /** Edits per file; the document itself comes first. */
  files: FileEdits[];
  /**
   * The removed secret, when the fix moves it out of the file without writing it to `.env`
   * (the SecretStorage variant). Only the LSP layer reads this, to hand it over by a one-time id.
   */
  stash?: { name: string; value: string };
}

export interface FixInput {
  text: string;
  /** Workspace-relative path, forward slashes. */
  path: string;
  finding: Finding;
  /** All findings of the document, to keep generated names unique and fixes consistent. */
  allFindings?: Finding[];
  workspace: WorkspaceFacts;
  backend: BackendSettings;
  /** Offer the SecretStorage variant (VS Code client with its stash command). */
  offerStash?: boolean;
}
