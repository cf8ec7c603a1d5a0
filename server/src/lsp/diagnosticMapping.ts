import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Engine, Finding, ScanNotice, ScanResult, Severity } from '../engine';
import { DIAGNOSTIC_SOURCE, RULE_DOCS_BASE, SCAN_NOTICE_CODE, type FindingDiagnosticData } from '../../../shared/protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function ruleDocsUrl(engine: Engine, ruleId: string): string {
  return engine.rule(ruleId)?.docsUrl ?? `${RULE_DOCS_BASE}#${ruleId}`;
}

/** One finding as a diagnostic: masked message, rule code and docs link, secret-free data. */
export function findingToDiagnostic(finding: Finding, engine: Engine): Diagnostic {
  const data: FindingDiagnosticData = { ruleId: finding.ruleId, fingerprint: finding.fingerprint, kind: finding.kind };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(engine, finding.ruleId) },
    message: finding.message,
    data,
  };
}

/**
 * Decision: every notice of a scan (binary content, size limit, a detector that failed, a parse
 * problem) becomes ONE information diagnostic, placed at the first notice's range or at the start
 * of line 0, so a person sees why a file shows no findings. Each reason is also logged (once).
 * Files excluded by `secretHygiene.exclude` or with `enable: false` get no notice: the user chose that.
 */
export function noticesToDiagnostic(notices: readonly ScanNotice[]): Diagnostic | undefined {
  if (notices.length === 0) return undefined;
  const at = notices.find((n) => n.range)?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    range: at,
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: SCAN_NOTICE_CODE,
    message: notices.map((n) => n.message).join('; '),
  };
}

export function scanToDiagnostics(result: ScanResult, engine: Engine): Diagnostic[] {
  const diagnostics = result.findings.map((f) => findingToDiagnostic(f, engine));
  const notice = noticesToDiagnostic(result.notices);
  if (notice) diagnostics.unshift(notice);
  return diagnostics;
}
