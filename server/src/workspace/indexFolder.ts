/** Indexes a whole folder synchronously: the worker thread and `secret-hygiene report` both use it. */
import picomatch from 'picomatch';
import { Engine, resolveSettings } from '../engine';
import { walk } from '../files/walk';
import { readSuppressions } from '../files/suppressionFiles';
import { indexFile } from './scanFile';
import type { IndexJob, IndexedFile } from './indexProtocol';

export interface IndexStats {
  scanned: number;
  skipped: number;
  bytes: number;
  ms: number;
}

export interface IndexFolderOptions {
  onProgress?: (scanned: number, bytes: number) => void;
  /** Called before each file is read (the worker waits there while the server asks it to pause). */
  beforeFile?: () => void;
  batchSize?: number;
}

/**
 * What the index leaves out besides .gitignore and the always-skipped folders: the engine's
 * `exclude` globs and the editor's `files.exclude` ones (root-relative paths, folders as `dir/`).
 */
export function indexExclusion(engine: Engine, exclude: readonly string[]): (relativePath: string) => boolean {
  const matchers = [...engine.settings.exclude, ...exclude].map((g) => picomatch(g, { dot: true }));
  return (p) => matchers.some((m) => m(p) || m(p.replace(/\/$/, '')));
}

/** Progress is also reported after this long without a full batch (the index's sign of life). */
const PROGRESS_EVERY_MS = 250;

export function indexFolder(
  job: IndexJob,
  onFiles: (files: IndexedFile[]) => void,
  { onProgress = () => undefined, beforeFile = () => undefined, batchSize = 200 }: IndexFolderOptions = {},
): IndexStats {
  const started = performance.now();
  const engine = new Engine(resolveSettings(job.settings));
  const isExcluded = indexExclusion(engine, job.exclude);
  const suppressions = readSuppressions(job.root);
  let batch: IndexedFile[] = [];
  const stats: IndexStats = { scanned: 0, skipped: 0, bytes: 0, ms: 0 };
  let reported = started;
  const skip = new Set(job.skip);
  for (const entry of walk({ root: job.root, targets: [job.root], gitignore: job.gitignore, isExcluded })) {
    if (entry.type !== 'file' || skip.has(entry.relativePath)) continue;
    beforeFile();
    const indexed = entry.size > engine.settings.maxFileSize ? undefined : indexFile(engine, entry.path, entry.relativePath, suppressions);
    if (!indexed) {
      stats.skipped++;
      continue;
    }
    stats.scanned++;
    stats.bytes += entry.size;
    batch.push(indexed);
    const now = performance.now();
    if (batch.length >= batchSize) {
      onFiles(batch);
      batch = [];
    }
    if (batch.length === 0 || now - reported >= PROGRESS_EVERY_MS) {
      onProgress(stats.scanned, stats.bytes);
      reported = now;
    }
  }
  if (batch.length) onFiles(batch);
  stats.ms = Math.round(performance.now() - started);
  return stats;
}
