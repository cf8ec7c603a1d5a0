import type { ResolvedSettings } from './settings';
import type { LineIndex } from './text/lineIndex';
import type { RawFinding, RuleInfo, ScanNotice } from './types';

/** What every analyzer receives: one file's text and what is known about it. */
export interface ScanContext {
  text: string;
  /** Path relative to the workspace (or scan) root, forward slashes. */
  path: string;
  /** Lower-cased base name of `path`. */
  baseName: string;
  lines: LineIndex;
  settings: ResolvedSettings;
  /** A version of a document being edited: keep, per path, what its next version can reuse (ScanOptions.editing). */
  editing?: boolean;
}

export interface AnalyzerOutput {
  findings: RawFinding[];
  notices?: ScanNotice[];
}

/**
 * A detector: the provider secret rules, the generic assignment detector, and each structural
 * check (CI pipelines, Dockerfiles, code that dumps the environment). Pure and synchronous.
 */
export interface Analyzer {
  id: string;
  /** The rules this analyzer can report, for hovers, docs, SARIF and settings. */
  rules: RuleInfo[];
  /** Cheap decision on path (and text if needed) whether to run at all. */
  appliesTo(ctx: ScanContext): boolean;
  analyze(ctx: ScanContext): AnalyzerOutput;
}
