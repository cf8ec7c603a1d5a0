import { readFileSync } from 'node:fs';
import { wantsBinaryScan, type Engine, type Finding, type ScanResult, type SuppressionIndex } from '../engine';
import { decodeFile } from './readText';
import type { FileNotice } from './report';
import { errorCode } from './walk';

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
  let content: Buffer;
  try {
    content = readFileSync(job.path);
  } catch (e) {
    outcome.notices.push({ file, level: 'warning', message: `not scanned: ${errorCode(e)}` });
    return outcome;
  }
  const decoded = decodeFile(content);
  let result: ScanResult;
  if (!decoded.binary) {
    result = engine.scan(decoded.text, file, { suppressions, byteLength: content.length });
  } else if (wantsBinaryScan(file)) {
    // Key stores (.p12/.pfx): binary analyzers; findings span the file in bytes.
    result = engine.scanBinary(content, file, { suppressions });
  } else {
    outcome.notices.push({ file, level: 'info', message: `not scanned: ${decoded.reason}` });
    return outcome;
  }
  for (const n of result.notices) outcome.notices.push({ file, level: n.level, message: n.message });
  if (result.skipped) return outcome;
  outcome.scanned = true;
  outcome.bytes = content.length;
  outcome.findings = result.findings;
  return outcome;
}
