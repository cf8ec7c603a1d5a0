/**
 * Core types of the detection engine. The engine is pure: it imports nothing from VS Code or the
 * LSP libraries, and every detector is a function of (text, file path, settings).
 *
 * Positions follow LSP: zero-based lines, characters and offsets in UTF-16 code units.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** The `kind` of a finding, as in the CLI JSON contract. */
export type FindingKind = 'secret' | 'env-dump' | 'secret-print' | 'missing-mask' | 'access-model' | 'exposure';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * What a detector reports before the engine turns it into a Finding. `value` is the secret text
 * (or the exposed expression) used only to compute the masked preview and the fingerprint; it never
 * leaves the engine.
 */
export interface RawFinding {
  ruleId: string;
  start: number;
  end: number;
  /** Text the fingerprint and preview are computed from; defaults to text.slice(start, end). */
  value?: string;
  /** Overrides the rule's default message. Must never contain the secret. */
  message?: string;
  /** Overrides the rule's default severity (before user overrides). */
  severity?: Severity;
  /** Structured, secret-free facts for quick fixes and the inventory (key names, context...). */
  data?: FindingData;
}

/** Secret-free facts a detector knows about a finding; used by fixes and the inventory. */
export interface FindingData {
  /** Name the value was assigned to in the source (e.g. `apiKey`, `DB_PASSWORD`), when known. */
  keyName?: string;
  /** Suggested environment / secret name for a reference (e.g. `GITHUB_TOKEN`). */
  suggestedName?: string;
  /** Provider of the credential, for the inventory and leak response (e.g. `GitHub`). */
  provider?: string;
  [key: string]: string | number | boolean | string[] | undefined;
}

export interface Finding {
  ruleId: string;
  kind: FindingKind;
  severity: Severity;
  title: string;
  message: string;
  range: Range;
  startOffset: number;
  endOffset: number;
  /** Masked preview: a short prefix and the length, e.g. `ghp_…(40 chars)`. Never the value. */
  preview: string;
  /** Keyed hash of rule id and value; stable across edits and machines. */
  fingerprint: string;
  data?: FindingData;
}

/** A file (or part of one) the engine could not scan fully, with a human reason. */
export interface ScanNotice {
  level: 'info' | 'warning';
  message: string;
  range?: Range;
}

export interface ScanResult {
  findings: Finding[];
  /** Why scanning was skipped or partial (binary content, size limit, YAML parse problem...). */
  notices: ScanNotice[];
  /** True when the file was not scanned at all. */
  skipped: boolean;
}

/** Static description of a rule: secret rules and structural checks alike. */
export interface RuleInfo {
  id: string;
  title: string;
  kind: FindingKind;
  severity: Severity;
  /** Why it matters, one or two sentences. */
  description: string;
  /** What to do: how to revoke and rotate that credential, or how to fix the pipeline. */
  remediation: string;
  /** Provider name for secret rules (GitHub, AWS...). */
  provider?: string;
  /** Documentation link; defaults to the project's rule page. */
  docsUrl?: string;
}
