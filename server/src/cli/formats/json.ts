import type { ScanReport } from '../report';

/**
 * The CLI JSON contract (design.md): `{version: 1, findings: [...], stats}` plus the additive
 * `notices` list of skipped files. Offsets and characters are UTF-16 code units, lines zero-based.
 */
export function formatJson(report: ScanReport): string {
  const json = {
    version: 1,
    findings: report.findings.map(({ file, finding: f }) => ({
      file,
      rule: f.ruleId,
      kind: f.kind,
      severity: f.severity,
      message: f.message,
      range: f.range,
      startOffset: f.startOffset,
      endOffset: f.endOffset,
      fingerprint: f.fingerprint,
      preview: f.preview,
    })),
    notices: report.notices.map((n) => ({ file: n.file, level: n.level, message: n.message })),
    stats: report.stats,
  };
  return JSON.stringify(json, null, 2) + '\n';
}
