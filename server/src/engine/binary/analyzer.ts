import type { AnalyzerOutput } from '../analyzer';
import type { RuleInfo } from '../types';

/** What a binary analyzer receives: one file's bytes and its path. */
export interface BinaryContext {
  bytes: Uint8Array;
  /** Path relative to the workspace (or scan) root, forward slashes. */
  path: string;
  /** Lower-cased base name of `path`. */
  baseName: string;
}

/**
 * A detector for a binary file format (the text analyzers never see binary files). Findings use byte
 * offsets; `value` must be a stable, secret-free stand-in (e.g. a digest of the bytes), since it
 * feeds the fingerprint.
 */
export interface BinaryAnalyzer {
  id: string;
  rules: RuleInfo[];
  /** Format name shown in the masked preview, e.g. `PKCS#12` gives `PKCS#12…(2429 bytes)`. */
  previewLabel: string;
  /** Cheap decision on the extension or the first bytes. */
  appliesTo(ctx: BinaryContext): boolean;
  analyze(ctx: BinaryContext): AnalyzerOutput;
}
