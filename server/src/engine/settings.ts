import type { Severity } from './types';

/** A custom rule from the user's settings (never from an untrusted workspace). */
export interface CustomRuleSpec {
  id: string;
  title?: string;
  /** JavaScript regular expression source; the named group `secret` marks the value if present. */
  pattern: string;
  /** Lower-case keywords for the prefilter; the pattern only runs near them. */
  keywords: string[];
  severity?: Severity;
  remediation?: string;
}

/** Settings as the user writes them (`secretHygiene.*`); every field optional and untrusted. */
export interface ScanSettings {
  /** Rule id -> false to disable, or a severity override. */
  rules?: Record<string, boolean | Severity | 'off'>;
  /** Glob patterns (workspace-relative, forward slashes) of files never scanned. */
  exclude?: string[];
  /** Files larger than this many bytes are skipped with a notice. */
  maxFileSize?: number;
  customRules?: CustomRuleSpec[];
  /** Key of the fingerprint HMAC (default shared key, so committed ignore files work everywhere). */
  fingerprintKey?: string;
  /** Lower generic findings to this severity in test, fixture and documentation paths. */
  testPathSeverity?: Severity | 'off';
}

export interface ResolvedSettings {
  disabledRules: Set<string>;
  severityOverrides: Map<string, Severity>;
  exclude: string[];
  maxFileSize: number;
  customRules: CustomRuleSpec[];
  fingerprintKey?: string;
  testPathSeverity: Severity | 'off';
  /** Problems found while reading the settings, reported once as notices. */
  problems: string[];
}

export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/** Validates raw settings; bad entries are dropped with a readable problem, never a crash. */
export function resolveSettings(raw: unknown): ResolvedSettings {
  const problems: string[] = [];
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (raw !== undefined && raw !== null && typeof raw !== 'object') problems.push('settings: expected an object');
  const disabledRules = new Set<string>();
  const severityOverrides = new Map<string, Severity>();
  if (input.rules !== undefined) {
    if (typeof input.rules !== 'object' || input.rules === null || Array.isArray(input.rules)) {
      problems.push('secretHygiene.rules: expected an object of rule id to true/false/severity');
    } else {
      for (const [id, v] of Object.entries(input.rules as Record<string, unknown>)) {
        if (v === false || v === 'off') disabledRules.add(id);
        else if (typeof v === 'string' && SEVERITIES.has(v)) severityOverrides.set(id, v as Severity);
        else if (v !== true) problems.push(`secretHygiene.rules.${id}: expected true, false, "off" or a severity`);
      }
    }
  }
  const exclude: string[] = [];
  if (input.exclude !== undefined) {
    if (Array.isArray(input.exclude)) {
      for (const g of input.exclude) {
        if (typeof g === 'string' && g.length > 0) exclude.push(g);
        else problems.push('secretHygiene.exclude: entries must be non-empty strings');
      }
    } else problems.push('secretHygiene.exclude: expected an array of glob strings');
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (input.maxFileSize !== undefined) {
    if (typeof input.maxFileSize === 'number' && Number.isFinite(input.maxFileSize) && input.maxFileSize > 0) {
      maxFileSize = input.maxFileSize;
    } else problems.push('secretHygiene.maxFileSize: expected a positive number of bytes');
  }
  const customRules: CustomRuleSpec[] = [];
  if (input.customRules !== undefined) {
    if (!Array.isArray(input.customRules)) problems.push('secretHygiene.customRules: expected an array');
    else {
      for (const r of input.customRules as unknown[]) {
        const spec = r as Partial<CustomRuleSpec> | null;
        if (
          !spec || typeof spec.id !== 'string' || typeof spec.pattern !== 'string' ||
          !Array.isArray(spec.keywords) || spec.keywords.length === 0 ||
          !spec.keywords.every((k) => typeof k === 'string' && k.length > 0)
        ) {
          problems.push('secretHygiene.customRules: each rule needs id, pattern and non-empty keywords');
          continue;
        }
        if (spec.severity !== undefined && !SEVERITIES.has(spec.severity)) {
          problems.push(`secretHygiene.customRules.${spec.id}: unknown severity`);
          continue;
        }
        customRules.push({ ...spec, keywords: spec.keywords.map((k) => k.toLowerCase()) } as CustomRuleSpec);
      }
    }
  }
  let testPathSeverity: Severity | 'off' = 'info';
  if (input.testPathSeverity !== undefined) {
    if (typeof input.testPathSeverity === 'string' && (SEVERITIES.has(input.testPathSeverity) || input.testPathSeverity === 'off')) {
      testPathSeverity = input.testPathSeverity as Severity | 'off';
    } else problems.push('secretHygiene.testPathSeverity: expected a severity or "off"');
  }
  const fingerprintKey = typeof input.fingerprintKey === 'string' && input.fingerprintKey ? input.fingerprintKey : undefined;
  return { disabledRules, severityOverrides, exclude, maxFileSize, customRules, fingerprintKey, testPathSeverity, problems };
}
