import type { Analyzer, ScanContext } from './analyzer';
import type { KeywordPool } from './keywordPool';
import type { SecretRule } from './rules/secretRule';
import { SecretRuleScanner } from './secretScanner';
import type { RuleInfo } from './types';

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
    analyze: (ctx: ScanContext) => ({
      findings: scanner.scan(ctx.text, (ruleId) => !ctx.settings.disabledRules.has(ruleId), undefined, ctx.editing ? ctx.path : undefined),
    }),
  };
}
