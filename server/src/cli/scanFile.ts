import type { Engine, Finding, SuppressionIndex } from '../engine';
import { readAndScan } from '../files/readAndScan';
import type { FileNotice } from './report';

/** A file to scan, as the walker found it. */
export interface FileJob {
  path: string;
  relativePath: string;
  /** Size from the walk, in bytes. */
  size: number;
}

/** What scanning one file gave; plain data, so it crosses a worker boundary unchanged. */
export interface FileOutcome {
  file: string;
  scanned: boolean;
  bytes: number;
  findings: Finding[];
  notices: FileNotice[];
}

/** Reads one file, applies the binary rule and scans it. Never throws for a file problem. */
export function scanFile(engine: Engine, suppressions: SuppressionIndex, job: FileJob): FileOutcome {
  const file = job.relativePath;
  const outcome: FileOutcome = { file, scanned: false, bytes: 0, findings: [], notices: [] };
  const read = readAndScan(engine, job.path, file, suppressions);
  if (read.status === 'unreadable') {
    outcome.notices.push({ file, level: 'warning', message: `not scanned: ${read.reason}` });
    return outcome;
  }
  if (read.status === 'binary') {
    outcome.notices.push({ file, level: 'info', message: `not scanned: ${read.reason}` });
    return outcome;
  }
  for (const n of read.result.notices) outcome.notices.push({ file, level: n.level, message: n.message });
  if (read.result.skipped) return outcome;
  outcome.scanned = true;
  outcome.bytes = read.bytes;
  outcome.findings = read.result.findings;
  return outcome;
}
