import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { IGNORE_FILE, PROJECT_MARKER, type Engine, type Finding } from '../engine';
import { ruleDocsUrl } from './diagnosticMapping';
import type { ServerServices } from './services';

/** Hover on a finding: what it is, why it matters, how to rotate, how to suppress. Never the value. */
export function registerHover(services: ServerServices): void {
  services.declareCapabilities(() => ({ hoverProvider: true }));

  services.connection.onHover(async (params, token): Promise<Hover | null> => {
    const document = services.documents.get(params.textDocument.uri);
    if (!document) return null;
    let scan;
    try {
      scan = await services.scanDocumentVersioned(document);
    } catch (e) {
      services.log(`hover failed for ${services.relativePath(document.uri)}: ${(e as Error).name}`);
      return null;
    }
    if (token.isCancellationRequested) return null;
    const { result, engine } = scan;
    const offset = document.offsetAt(params.position);
    const hits = result.findings.filter((f) => f.startOffset <= offset && offset <= f.endOffset);
    if (hits.length === 0) return null;
    const markdown = services.flags.hoverMarkdown;
    const extras = await Promise.all(hits.map((f) => services.contributedHover(document.uri, f)));
    if (token.isCancellationRequested) return null;
    const sections = hits.map((f, i) => {
      const base = markdown ? markdownFor(f, engine) : plainTextFor(f, engine);
      return extras[i].length ? `${base}\n\n${extras[i].map((line) => (markdown ? `**${escapeMarkdown(line)}**` : line)).join('\n\n')}` : base;
    });
    return {
      contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: sections.join(markdown ? '\n\n---\n\n' : '\n\n') },
      range: hits[0].range,
    };
  });
}

function markdownFor(finding: Finding, engine: Engine): string {
  const rule = engine.rule(finding.ruleId);
  const lines = [
    `**${escapeMarkdown(finding.title)}** \`${finding.ruleId}\``,
    '',
    `Value: \`${finding.preview}\` · fingerprint \`${finding.fingerprint}\``,
  ];
  if (rule?.description) lines.push('', `**Why it matters:** ${escapeMarkdown(rule.description)}`);
  if (rule?.remediation) lines.push('', `**Revoke and rotate:** ${escapeMarkdown(rule.remediation)}`);
  lines.push('', `**Suppress:** ${suppressHelp(finding, '`')}`, '', `[Rule documentation](${ruleDocsUrl(engine, finding.ruleId)})`);
  return lines.join('\n');
}

function plainTextFor(finding: Finding, engine: Engine): string {
  const rule = engine.rule(finding.ruleId);
  const lines = [`${finding.title} (${finding.ruleId})`, `Value: ${finding.preview}, fingerprint ${finding.fingerprint}`];
  if (rule?.description) lines.push(`Why it matters: ${rule.description}`);
  if (rule?.remediation) lines.push(`Revoke and rotate: ${rule.remediation}`);
  lines.push(`Suppress: ${suppressHelp(finding, '')}`, `Documentation: ${ruleDocsUrl(engine, finding.ruleId)}`);
  return lines.join('\n');
}

function suppressHelp(finding: Finding, q: string): string {
  return (
    `if this is not a real secret, add a ${q}${PROJECT_MARKER} ${finding.ruleId}${q} comment on the line, ` +
    `or add ${q}${finding.fingerprint}${q} to ${q}${IGNORE_FILE}${q} at the workspace root.`
  );
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
