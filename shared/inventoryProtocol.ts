/**
 * Custom messages of the secrets inventory (sidebar tree, report, leak response, rotation), declared
 * once here and shared by the VS Code client, the language server and other clients (the Neovim test
 * sends InventoryRequest). Payloads never hold a secret value: masked previews and fingerprints only.
 */
import { NotificationType, RequestType, type Range } from 'vscode-languageserver-protocol';

export type InventoryStatus = 'hard-coded' | 'referenced' | 'declared-unused' | 'undeclared' | 'rotation-overdue';

/**
 * One occurrence as the server sends it: the file by its folder-relative path, the span by its line,
 * character and length (an occurrence never spans lines). A large workspace has thousands of them,
 * so each carries no URI nor LSP range: `expandInventory` adds both on the client.
 */
export interface InventoryOccurrence {
  /** Workspace-relative path. */
  path: string;
  line: number;
  character: number;
  length: number;
  /** `hard-coded`, or how the secret is referenced (github-secret, env-read, vault...). */
  kind: string;
  environment?: string;
  ruleId?: string;
  /** Masked preview (hard-coded only). */
  preview?: string;
  fingerprint?: string;
}

/** An occurrence as clients use it: with the file's URI and the LSP range. */
export interface InventoryOccurrenceView extends InventoryOccurrence {
  uri: string;
  range: Range;
}

export interface InventorySecretView<O extends InventoryOccurrence = InventoryOccurrenceView> {
  /** Stable id: `<folder uri>#<name>` (tree item ids, `reveal`). */
  id: string;
  name: string;
  status: InventoryStatus;
  statuses: InventoryStatus[];
  occurrences: O[];
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

export interface InventoryFolderView<O extends InventoryOccurrence = InventoryOccurrenceView> {
  uri: string;
  name: string;
  secrets: InventorySecretView<O>[];
  counts: Record<InventoryStatus, number> & { total: number };
  indexing: boolean;
  /** URI of `.secrets-inventory.yml` when the folder has one. */
  inventoryFileUri?: string;
}

export interface InventoryResult<O extends InventoryOccurrence = InventoryOccurrenceView> {
  folders: InventoryFolderView<O>[];
  /** Total logical secrets across folders (the activity-bar badge). */
  total: number;
  /** Hard-coded secrets across folders (the most urgent count). */
  hardCoded: number;
  indexing: boolean;
}

/** What InventoryRequest answers: occurrences without URIs nor ranges (see expandInventory). */
export type InventoryAnswer = InventoryResult<InventoryOccurrence>;

/**
 * Client -> server: the whole inventory model, for the tree view and other clients. Pass the answer
 * to `expandInventory` for occurrences with URIs and ranges.
 */
export namespace InventoryRequest {
  export const method = 'secretHygiene/inventory';
  export type Params = Record<string, never>;
  export const type = new RequestType<Params, InventoryAnswer, void>(method);
}

/** Characters encodeURIComponent leaves as they are (and the path separator). */
const URI_SAFE_PATH = /^[A-Za-z0-9\-_.!~*'()/]*$/;

/** The URI of a file of the folder at `folderUri`, from its folder-relative path. */
export function occurrenceUri(folderUri: string, path: string): string {
  const base = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
  // Most paths need no escaping: the fast way first.
  return base + (URI_SAFE_PATH.test(path) ? path : path.split('/').map(encodeURIComponent).join('/'));
}

/** The inventory with each occurrence's URI (resolved against its folder's) and LSP range. */
export function expandInventory(answer: InventoryAnswer): InventoryResult {
  return {
    ...answer,
    folders: answer.folders.map((folder) => ({
      ...folder,
      secrets: folder.secrets.map((secret) => ({
        ...secret,
        occurrences: secret.occurrences.map((o) => ({
          ...o,
          uri: occurrenceUri(folder.uri, o.path),
          range: { start: { line: o.line, character: o.character }, end: { line: o.line, character: o.character + o.length } },
        })),
      })),
    })),
  };
}

/** Server -> client: the inventory changed (index progress, edits, file changes); re-request it. */
export namespace InventoryChangedNotification {
  export const method = 'secretHygiene/inventoryChanged';
  export interface Params {
    total: number;
    hardCoded: number;
    /** Secrets overdue for rotation: with hardCoded, the badge, kept current without a request. */
    overdue: number;
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
