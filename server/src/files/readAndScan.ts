/**
 * Reading one file from disk and scanning it, shared by the CLI and the workspace index: text goes
 * through engine.scan, key stores (.p12/.pfx) through engine.scanBinary, other binary files are not
 * scanned. Never throws for a file problem.
 */
import { readFileSync } from 'node:fs';
import { wantsBinaryScan, type Engine, type ScanResult, type SuppressionIndex } from '../engine';
import { decodeFile } from './readText';
import { errorCode } from './walk';

export type ReadAndScan =
  | { status: 'unreadable'; reason: string }
  | { status: 'binary'; reason: string }
  /** `text` is empty for a binary scan (its findings span bytes). */
  | { status: 'scanned'; result: ScanResult; text: string; bytes: number };

export function readAndScan(engine: Engine, absolutePath: string, relativePath: string, suppressions?: SuppressionIndex): ReadAndScan {
  let content: Buffer;
  try {
    content = readFileSync(absolutePath);
  } catch (e) {
    return { status: 'unreadable', reason: errorCode(e) };
  }
  const decoded = decodeFile(content);
  if (!decoded.binary) {
    const result = engine.scan(decoded.text, relativePath, { suppressions, byteLength: content.length });
    return { status: 'scanned', result, text: decoded.text, bytes: content.length };
  }
  if (wantsBinaryScan(relativePath)) {
    return { status: 'scanned', result: engine.scanBinary(content, relativePath, { suppressions }), text: '', bytes: content.length };
  }
  return { status: 'binary', reason: decoded.reason };
}
