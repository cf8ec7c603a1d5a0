import type { Finding, RuleInfo, Severity } from '../engine';

/** A finding and the file it is in (relative to the scan root, forward slashes). */
export interface FileFinding {
  file: string;
  finding: Finding;
}

/** A file or folder that was skipped or only partly scanned, and why. */
export interface FileNotice {
  file: string;
  level: 'info' | 'warning';
  message: string;
}

export interface ScanStats {
  /** Files scanned (read and handed to the engine). */
  files: number;
  /** Bytes of the scanned files. */
  bytes: number;
  ms: number;
}

/** Everything a formatter needs; secret-free by construction (findings carry masked previews only). */
export interface ScanReport {
  findings: FileFinding[];
  notices: FileNotice[];
  stats: ScanStats;
  /** Static descriptions of the rules, for SARIF's rule table. */
  rule(id: string): RuleInfo | undefined;
  toolVersion: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };
