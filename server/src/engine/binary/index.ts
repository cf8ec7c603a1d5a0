/**
 * Scanning binary files: formats whose secrets the text analyzers cannot see (PKCS#12 key stores).
 * `scanBinaryContent` is the engine's binary entry point (Engine.scanBinary); it applies the same
 * exclusions, size limit, rule settings and committed-file suppressions as a text scan.
 *
 * Positions: a binary file has no lines, so a finding spanning the whole file has
 * startOffset 0, endOffset = byte length, and the range line 0, character 0 to line 0,
 * character = byte length. Offsets in binary findings count bytes, not UTF-16 code units.
 */
import type { ResolvedSettings } from '../settings';
import { fingerprint } from '../mask';
import { emptySuppressions, isSuppressedByFiles, type SuppressionIndex } from '../suppression';
import type { Finding, RuleInfo, ScanNotice, ScanResult, Severity } from '../types';
import type { BinaryAnalyzer, BinaryContext } from './analyzer';
import { isPkcs12Path, pkcs12Analyzer } from './pkcs12';

export type { BinaryAnalyzer, BinaryContext } from './analyzer';
export { isPkcs12Path, PKCS12_RULE_ID } from './pkcs12';

export const binaryAnalyzers: readonly BinaryAnalyzer[] = [pkcs12Analyzer];

/** Every rule a binary analyzer can report, for the engine's rule catalogue. */
export const binaryRules: readonly RuleInfo[] = binaryAnalyzers.flatMap((a) => a.rules);

/** True when adapters should hand this binary file to Engine.scanBinary (decided on the name). */
export function wantsBinaryScan(path: string): boolean {
  return isPkcs12Path(path);
}

export interface BinaryScanEnvironment {
  settings: ResolvedSettings;
  excluded: boolean;
  rule(id: string): RuleInfo | undefined;
  suppressions?: SuppressionIndex;
}

export function scanBinaryContent(bytes: Uint8Array, path: string, env: BinaryScanEnvironment): ScanResult {
  const { settings } = env;
  if (env.excluded) return { findings: [], notices: [{ level: 'info', message: 'excluded by secretHygiene.exclude' }], skipped: true };
  if (bytes.length > settings.maxFileSize) {
    const mb = (n: number) => (n / 1048576).toFixed(1);
    return {
      findings: [],
      notices: [{ level: 'info', message: `not scanned: ${mb(bytes.length)} MB is over the ${mb(settings.maxFileSize)} MB limit (secretHygiene.maxFileSize)` }],
      skipped: true,
    };
  }
  const ctx: BinaryContext = { bytes, path, baseName: path.slice(path.lastIndexOf('/') + 1).toLowerCase() };
  const suppressions = env.suppressions ?? emptySuppressions();
  const findings: Finding[] = [];
  const notices: ScanNotice[] = [];
  let ran = false;
  for (const analyzer of binaryAnalyzers) {
    try {
      if (!analyzer.appliesTo(ctx)) continue;
      ran = true;
      const out = analyzer.analyze(ctx);
      if (out.notices) notices.push(...out.notices);
      for (const raw of out.findings) {
        if (settings.disabledRules.has(raw.ruleId)) continue;
        const info = env.rule(raw.ruleId);
        const value = raw.value ?? '';
        const print = fingerprint(raw.ruleId, value, settings.fingerprintKey);
        if (isSuppressedByFiles(suppressions, path, print, value, 0)) continue;
        const severity: Severity = settings.severityOverrides.get(raw.ruleId) ?? raw.severity ?? info?.severity ?? 'warning';
        const preview = `${analyzer.previewLabel}…(${raw.end - raw.start} bytes)`;
        findings.push({
          ruleId: raw.ruleId,
          kind: info?.kind ?? 'secret',
          severity,
          title: info?.title ?? raw.ruleId,
          message: raw.message ?? `${info?.title ?? raw.ruleId} (${preview}).`,
          range: { start: { line: 0, character: raw.start }, end: { line: 0, character: raw.end } },
          startOffset: raw.start,
          endOffset: raw.end,
          preview,
          fingerprint: print,
          data: raw.data,
        });
      }
    } catch (e) {
      notices.push({ level: 'warning', message: `check ${analyzer.id} failed on this file: ${(e as Error).name}` });
    }
  }
  if (!ran) return { findings: [], notices: [{ level: 'info', message: 'not scanned: binary content' }], skipped: true };
  return { findings, notices, skipped: false };
}
