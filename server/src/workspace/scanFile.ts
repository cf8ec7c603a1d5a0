/** Scanning one workspace file for the index: read, decode, scan, collect facts. */
import { LineIndex, type Engine, type FindingKind, type ScanResult, type SuppressionIndex } from '../engine';
import { collectFileFacts } from '../engine/inventory';
import { platformSignals } from '../engine/inventory/signals';
import { readAndScan } from '../files/readAndScan';
import type { IndexedFile } from './indexProtocol';

export function indexText(engine: Engine, relativePath: string, text: string, suppressions?: SuppressionIndex): IndexedFile {
  return indexScanned(relativePath, text, engine.scan(text, relativePath, { suppressions }));
}

/** Index entry from a scan already made (the language server reuses its diagnostics scan). */
export function indexScanned(relativePath: string, text: string, result: ScanResult): IndexedFile {
  const counts: Partial<Record<FindingKind, number>> = {};
  const checkRules = new Set<string>();
  for (const f of result.findings) {
    counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    if (f.kind !== 'secret') checkRules.add(f.ruleId);
  }
  return {
    facts: collectFileFacts(relativePath, text, new LineIndex(text), result.findings),
    signals: result.skipped ? [] : platformSignals(relativePath, text),
    counts,
    checkRules: [...checkRules],
  };
}

/**
 * Reads and indexes a file; undefined when it is unreadable, over the size limit, or binary other than
 * a key store (the reason is not needed here).
 */
export function indexFile(engine: Engine, absolutePath: string, relativePath: string, suppressions?: SuppressionIndex): IndexedFile | undefined {
  const read = readAndScan(engine, absolutePath, relativePath, suppressions);
  if (read.status !== 'scanned' || read.bytes > engine.settings.maxFileSize) return undefined;
  return indexScanned(relativePath, read.text, read.result);
}
