import type { Analyzer, ScanContext } from './analyzer';
import type { KeywordPool } from './keywordPool';
import type { SecretRule } from './rules/secretRule';
import { SecretRuleScanner } from './secretScanner';
import type { RawFinding, RuleInfo } from './types';

/** RuleInfo of a provider rule, with a default description derived from its title. */
export function secretRuleInfo(rule: SecretRule): RuleInfo {
  return {
    id: rule.id,
    title: rule.title,
    kind: 'secret',
    severity: rule.severity,
    provider: rule.provider,
    description:
      rule.description ??
      `A ${rule.title} is written in the file. Anyone who can read the repository, its history, a fork or a build log can use it.`,
    remediation: rule.remediation,
    docsUrl: rule.docsUrl,
  };
}

/**
 * Runs a set of provider-specific rules (built-in or custom) through one shared prefilter; with a
 * keyword `pool`, that pass is shared with other analyzers too.
 */
export function providerAnalyzer(id: string, rules: readonly SecretRule[], pool?: KeywordPool): Analyzer {
  const scanner = new SecretRuleScanner(rules, pool);
  return {
    id,
    rules: rules.map(secretRuleInfo),
    appliesTo: () => rules.length > 0,
    analyze: (ctx: ScanContext) => {
      const enabled = (ruleId: string) => !ctx.settings.disabledRules.has(ruleId);
      const findings = scanner.scan(ctx.text, enabled, undefined, ctx.editing ? ctx.path : undefined);
      return { findings: ESCAPED_URL.test(ctx.text) ? [...findings, ...escapedSlashFindings(scanner, ctx.text, enabled, findings)] : findings };
    },
  };
}

/** `https:\/\/…`: a URL inside a JSON string whose writer escaped its slashes (PHP's json_encode, Slack exports). */
const ESCAPED_URL = /:\\\/\\\//;

/**
 * Findings in the text read with `\/` as `/`, mapped back to the text, that the plain scan (`plain`)
 * did not make: webhook URLs and URLs with passwords in such JSON.
 */
function escapedSlashFindings(scanner: SecretRuleScanner, text: string, enabled: (ruleId: string) => boolean, plain: readonly RawFinding[]): RawFinding[] {
  const pieces: string[] = [];
  /** Offset in `text` of each offset of the text as read. */
  const origin = new Int32Array(text.length + 1);
  let n = 0;
  let from = 0;
  for (let at = text.indexOf('\\/'); at !== -1; at = text.indexOf('\\/', at + 2)) {
    for (let i = from; i <= at; i++) origin[n++] = i === at ? at + 1 : i;
    pieces.push(text.slice(from, at), '/');
    from = at + 2;
  }
  for (let i = from; i <= text.length; i++) origin[n++] = i;
  pieces.push(text.slice(from));
  const read = pieces.join('');
  const seen = new Set(plain.map((f) => `${f.ruleId}:${f.start}`));
  const found: RawFinding[] = [];
  for (const f of scanner.scan(read, enabled)) {
    const start = origin[f.start];
    if (!seen.has(`${f.ruleId}:${start}`)) found.push({ ...f, start, end: origin[f.end - 1] + 1 });
  }
  return found;
}
