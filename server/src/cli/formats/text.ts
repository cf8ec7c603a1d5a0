import type { ScanReport } from '../report';

/**
 * Human output: one line per finding, `file:line:col  severity  rule-id  preview  message`
 * (1-based line and column), then skipped files, then a summary line.
 */
export function formatText(report: ScanReport): string {
  const lines: string[] = [];
  for (const { file, finding } of report.findings) {
    const { line, character } = finding.range.start;
    lines.push(`${file}:${line + 1}:${character + 1}  ${finding.severity}  ${finding.ruleId}  ${finding.preview}  ${finding.message}`);
  }
  for (const notice of report.notices) lines.push(`${notice.file}  ${notice.level === 'warning' ? 'warning' : 'note'}  ${notice.message}`);
  const counts = new Map<string, number>();
  for (const { finding } of report.findings) counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  const bySeverity = ['error', 'warning', 'info', 'hint']
    .filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${s}`)
    .join(', ');
  const { files, bytes, ms } = report.stats;
  const total = report.findings.length;
  const skipped = report.notices.length ? `, ${report.notices.length} notice${report.notices.length === 1 ? '' : 's'}` : '';
  lines.push(
    `${total} finding${total === 1 ? '' : 's'}${bySeverity ? ` (${bySeverity})` : ''} in ${files} file${files === 1 ? '' : 's'} ` +
      `(${formatBytes(bytes)}, ${ms} ms)${skipped}`,
  );
  return lines.join('\n') + '\n';
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
