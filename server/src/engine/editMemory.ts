/**
 * What the engine keeps per path for the next version of a document being edited (ScanOptions
 * editing): the line-local analyzers' findings and the YAML parse. Each such cache is made here, so
 * that closing a document drops everything kept for it (Engine.forget) instead of holding its text
 * until other documents push it out.
 */
import { RecentCache } from './recentCache';

const caches: RecentCache<unknown>[] = [];

/** A cache of per-path state for edited documents; keys are the path, or end with `|` and the path. */
export function editMemory<V>(limit: number): RecentCache<V> {
  const cache = new RecentCache<V>(limit);
  caches.push(cache as RecentCache<unknown>);
  return cache;
}

/** The document at `path` closed: forget what was kept for its next version. */
export function forgetEditedDocument(path: string): void {
  const suffix = `|${path}`;
  for (const cache of caches) cache.deleteWhere((key) => key === path || key.endsWith(suffix));
}
