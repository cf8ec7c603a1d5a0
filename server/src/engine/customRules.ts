import type { CustomRuleSpec } from './settings';
import type { SecretRule } from './rules/secretRule';

/** Rejects patterns that can backtrack catastrophically: a quantified group holding a quantifier. */
export function unsafePatternReason(source: string): string | undefined {
  if (source.length > 2000) return 'pattern longer than 2000 characters';
  if (/\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,\d*\})/.test(source)) {
    return 'nested quantifiers can backtrack catastrophically';
  }
  if (/\\[1-9]/.test(source)) return 'back-references are not allowed';
  return undefined;
}

/** Turns user custom rules into SecretRules; invalid ones are reported, not thrown. */
export function compileCustomRules(specs: readonly CustomRuleSpec[]): { rules: SecretRule[]; problems: string[] } {
  const rules: SecretRule[] = [];
  const problems: string[] = [];
  for (const spec of specs) {
    const unsafe = unsafePatternReason(spec.pattern);
    if (unsafe) {
      problems.push(`custom rule ${spec.id}: ${unsafe}`);
      continue;
    }
    let pattern: RegExp;
    try {
      pattern = new RegExp(spec.pattern);
    } catch (e) {
      problems.push(`custom rule ${spec.id}: invalid regular expression (${(e as Error).message})`);
      continue;
    }
    if (!spec.keywords.every((k) => /^[\x20-\x7e]+$/.test(k))) {
      problems.push(`custom rule ${spec.id}: keywords must be printable ASCII`);
      continue;
    }
    rules.push({
      id: spec.id.startsWith('custom-') ? spec.id : `custom-${spec.id}`,
      title: spec.title ?? `Custom secret (${spec.id})`,
      provider: 'Custom',
      keywords: spec.keywords,
      pattern,
      severity: spec.severity ?? 'warning',
      remediation: spec.remediation ?? 'Revoke the credential where it was issued, issue a new one and keep it in a secret manager.',
      examples: { positive: [], negative: [] },
    });
  }
  return { rules, problems };
}
