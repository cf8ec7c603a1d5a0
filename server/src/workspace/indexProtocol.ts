/** Messages between the workspace index (main thread) and its scanning worker. */
import type { ScanSettings } from '../engine';
import type { FileFacts } from '../engine/inventory';
import type { Signal } from '../engine/inventory/signals';
import type { FindingKind } from '../engine';

export interface IndexJob {
  type: 'index';
  /** Absolute workspace folder. */
  root: string;
  settings: ScanSettings;
  /** Extra exclude globs (VS Code `files.exclude` patterns that are on). */
  exclude: string[];
  gitignore: boolean;
  /** An IndexPause's buffer: the worker waits between files while the server holds it. */
  pause?: SharedArrayBuffer;
  /** Paths already indexed by a worker this one replaces: walked past, not scanned again. */
  skip?: string[];
}

/** What the index keeps per file: facts for the inventory, signals and finding counts by kind. */
export interface IndexedFile {
  facts: FileFacts;
  signals: Signal[];
  counts: Partial<Record<FindingKind, number>>;
  /** Structural check rule ids found (for the report's plan). */
  checkRules: string[];
}

export type WorkerMessage =
  | { type: 'files'; files: IndexedFile[] }
  | { type: 'progress'; scanned: number; bytes: number }
  /** The worker's own thread id (Linux), for its scheduling policy (backgroundScheduling.ts). */
  | { type: 'thread'; threadId: number }
  | { type: 'done'; scanned: number; bytes: number; skipped: number; ms: number }
  | { type: 'error'; message: string };
