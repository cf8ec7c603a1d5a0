/**
 * Custom messages of the secrets inventory (sidebar tree, report, leak response, rotation), declared
 * once here and shared by the VS Code client, the language server and other clients (the Neovim test
 * sends InventoryRequest). Payloads never hold a secret value: masked previews and fingerprints only.
 */
import { NotificationType, RequestType, type Range } from 'vscode-languageserver-protocol';

export type InventoryStatus = 'hard-coded' | 'referenced' | 'declared-unused' | 'undeclared' | 'rotation-overdue';

export interface InventoryOccurrenceView {
  uri: string;
  /** Workspace-relative path. */
  path: string;
  range: Range;
  /** `hard-coded`, or how the secret is referenced (github-secret, env-read, vault...). */
  kind: string;
  environment?: string;
  ruleId?: string;
  /** Masked preview (hard-coded only). */
  preview?: string;
  fingerprint?: string;
}

export interface InventorySecretView {
  /** Stable id: `<folder uri>#<name>` (tree item ids, `reveal`). */
  id: string;
  name: string;
  status: InventoryStatus;
  statuses: InventoryStatus[];
  occurrences: InventoryOccurrenceView[];
  environments: string[];
  owners: string[];
  ownerSource?: 'declared' | 'codeowners';
  providers: string[];
  ruleIds: string[];
  rotation?: { cadenceDays?: number; lastRotated?: string; due?: string; overdue: boolean; daysOverdue?: number };
  description?: string;
  /** The reference a user would paste for this secret (e.g. `${{ secrets.NPM_TOKEN }}`). */
  reference: string;
}

export interface InventoryFolderView {
  uri: string;
  name: string;
  secrets: InventorySecretView[];
  counts: Record<InventoryStatus, number> & { total: number };
  indexing: boolean;
  /** URI of `.secrets-inventory.yml` when the folder has one. */
  inventoryFileUri?: string;
}

export interface InventoryResult {
  folders: InventoryFolderView[];
  /** Total logical secrets across folders (the activity-bar badge). */
  total: number;
  /** Hard-coded secrets across folders (the most urgent count). */
  hardCoded: number;
  indexing: boolean;
}

/** Client -> server: the whole inventory model, for the tree view and other clients. */
export namespace InventoryRequest {
  export const method = 'secretHygiene/inventory';
  export type Params = Record<string, never>;
  export const type = new RequestType<Params, InventoryResult, void>(method);
}

/** Server -> client: the inventory changed (index progress, edits, file changes); re-request it. */
export namespace InventoryChangedNotification {
  export const method = 'secretHygiene/inventoryChanged';
  export interface Params {
    total: number;
    hardCoded: number;
    indexing: boolean;
  }
  export const type = new NotificationType<Params>(method);
}

/** Client -> server: the Markdown secrets report of a folder (the first folder when omitted). */
export namespace ReportRequest {
  export const method = 'secretHygiene/report';
  export interface Params {
    folderUri?: string;
  }
  export interface Result {
    markdown: string;
    folderName: string;
  }
  export const type = new RequestType<Params, Result | null, void>(method);
}

/** Client -> server: the leak-response checklist of the hard-coded secret with this fingerprint. */
export namespace LeakResponseRequest {
  export const method = 'secretHygiene/leakResponse';
  export interface Params {
    uri: string;
    fingerprint: string;
  }
  export interface Result {
    markdown: string;
  }
  export const type = new RequestType<Params, Result | null, void>(method);
}

/**
 * Client -> server: record today's date as the last rotation of a declared secret. The server edits
 * `.secrets-inventory.yml` through `workspace/applyEdit` (one undo step), adding the entry if needed.
 */
export namespace MarkRotatedRequest {
  export const method = 'secretHygiene/markRotated';
  export interface Params {
    folderUri: string;
    name: string;
  }
  export interface Result {
    applied: boolean;
    message: string;
  }
  export const type = new RequestType<Params, Result, void>(method);
}
