/** Scanning one workspace file for the index: read, decode, scan, collect facts. */
import { readFileSync } from 'node:fs';
import { LineIndex, wantsBinaryScan, type Engine, type FindingKind, type ScanResult, type SuppressionIndex } from '../engine';
import { collectFileFacts } from '../engine/inventory';
import { platformSignals } from '../engine/inventory/signals';
import { decodeFile } from '../cli/readText';
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

/** Reads and indexes a file; undefined when it is binary or unreadable (the reason is not needed here). */
export function indexFile(engine: Engine, absolutePath: string, relativePath: string, suppressions?: SuppressionIndex): IndexedFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch {
    return undefined;
  }
  if (bytes.length > engine.settings.maxFileSize) return undefined;
  const decoded = decodeFile(bytes);
  if (decoded.binary) {
    // Key stores (.p12/.pfx) are listed by their binary findings; other binary files are not indexed.
    if (!wantsBinaryScan(relativePath)) return undefined;
    return indexScanned(relativePath, '', engine.scanBinary(bytes, relativePath, { suppressions }));
  }
  return indexText(engine, relativePath, decoded.text, suppressions);
}
