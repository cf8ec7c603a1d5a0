import type { RuleInfo, Severity } from '../../engine';
import type { ScanReport } from '../report';

/** Where a rule without its own `docsUrl` is documented. */
export const RULE_DOCS_BASE = 'https://github.com/secret-hygiene/secret-hygiene/blob/main/docs/rules.md';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT_KEY = 'secretHygiene/v1';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** GitHub code scanning ranks security alerts by this score (critical >= 9, high >= 7, medium >= 4). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0', hint: '1.0' };

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, a rule table of the rules that fired,
 * results with relative URIs under %SRCROOT%, 1-based regions in UTF-16 columns, and the engine
 * fingerprint as a partial fingerprint. No snippets: the file text is never copied.
 */
export function formatSarif(report: ScanReport): string {
  const ruleIndex = new Map<string, number>();
  const rules: object[] = [];
  const results = report.findings.map(({ file, finding }) => {
    let index = ruleIndex.get(finding.ruleId);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(finding.ruleId, index);
      rules.push(sarifRule(finding.ruleId, report.rule(finding.ruleId), finding.severity, finding.title));
    }
    const { start, end } = finding.range;
    return {
      ruleId: finding.ruleId,
      ruleIndex: index,
      level: LEVEL[finding.severity],
      kind: 'fail',
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodePath(file), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: start.line + 1,
              startColumn: start.character + 1,
              endLine: end.line + 1,
              endColumn: end.character + 1,
            },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
      properties: { kind: finding.kind, preview: finding.preview },
    };
  });
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Secret Hygiene',
            semanticVersion: report.toolVersion,
            version: report.toolVersion,
            informationUri: RULE_DOCS_BASE,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.notices.map((n) => ({
              level: n.level === 'warning' ? 'warning' : 'note',
              message: { text: n.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(n.file), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function sarifRule(id: string, info: RuleInfo | undefined, fallbackSeverity: Severity, fallbackTitle: string): object {
  const severity = info?.severity ?? fallbackSeverity;
  const title = info?.title ?? fallbackTitle;
  const description = info?.description || title;
  const remediation = info?.remediation || 'Remove the value from the file, rotate it, and read it from a secret manager.';
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: title },
    fullDescription: { text: description },
    help: { text: remediation, markdown: remediation },
    helpUri: info?.docsUrl ?? `${RULE_DOCS_BASE}#${id}`,
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      tags: ['security', info?.kind ?? 'secret'],
      'security-severity': SECURITY_SEVERITY[severity],
      ...(info?.provider ? { provider: info.provider } : {}),
    },
  };
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** Relative path to a relative URI reference: each segment percent-encoded, slashes kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
