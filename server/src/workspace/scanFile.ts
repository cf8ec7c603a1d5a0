/** Scanning one workspace file for the index: read, decode, scan, collect facts. */
import { LineIndex, type Engine, type FindingKind, type ScanResult, type SuppressionIndex } from '../engine';
import { collectFileFacts } from '../engine/inventory';
import { platformSignals } from '../engine/inventory/signals';
import { readAndScan } from '../files/readAndScan';
import type { IndexedFile } from './indexProtocol';

/**
 * Shared empty values. Most files hold no secret, reference, signal or finding: their entries point
 * to these instead of fresh empty arrays, so a batch the worker posts carries one copy of each (the
 * structured clone keeps shared objects shared), and the server's thread keeps two small objects per
 * such file instead of seven, which shortens its garbage collections while a large folder is indexed.
 * Frozen: nothing may add to them.
 */
const NONE: never[] = Object.freeze([]) as never[];
const NO_COUNTS: IndexedFile['counts'] = Object.freeze({});

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
  const facts = collectFileFacts(relativePath, text, new LineIndex(text), result.findings);
  const signals = result.skipped ? [] : platformSignals(relativePath, text);
  return {
    facts: {
      ...facts,
      hardCoded: facts.hardCoded.length ? facts.hardCoded : NONE,
      references: facts.references.length ? facts.references : NONE,
    },
    signals: signals.length ? signals : NONE,
    counts: result.findings.length ? counts : NO_COUNTS,
    checkRules: checkRules.size ? [...checkRules] : NONE,
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
