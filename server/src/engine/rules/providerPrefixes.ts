/**
 * Value prefixes that belong to one provider's credential format (`ghp_`, `glpat-`, `dckr_pat_`,
 * `sk_live_`, `xoxb-`...), read from the provider rules' own patterns. A value that starts with one
 * but that the provider rule rejected (wrong length, alphabet or checksum) is not that provider's
 * credential: a truncated copy, a typo or a made-up sample. Detectors that judge any value (the
 * generic detector, the HTTP Authorization rule) leave such values to the provider rule.
 *
 * Only prefixes that say "this provider" are kept: case-sensitive rules, the prefix up to its last
 * separator (`_`, `-`, `.`), with a head of three characters or more, two separators (`sk_live_`,
 * `dop_v1_`) or two capitals and a dot (`SG.`), and not words any format could start with (`api-`,
 * `key-`, `secret_`); and literals of four or more letters of mixed case (`AIza`).
 */
import { leadingLiterals } from '../patternPrefix';
import { SecretRuleScanner } from '../secretScanner';
// A cycle (the rules import this module): providerRules is only read when a scan first asks.
import { providerRules } from './index';
import type { SecretRule } from './secretRule';

const GENERIC_HEADS = new Set(['', 'api', 'access', 'client', 'key', 'pat', 'sdk', 'secret', 'v1', 'ico', 'maker', 'oapi', 'http', 'https']);

export function providerPrefixesOf(rules: readonly SecretRule[]): string[] {
  const prefixes = new Set<string>();
  for (const rule of rules) {
    if (rule.pattern.flags.includes('i')) continue;
    for (const literal of leadingLiterals(rule.pattern) ?? []) {
      // Without a separator, a literal of mixed case says the provider by itself (`AIza`, `AKCp`).
      if (/^(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{4,}$/.test(literal)) prefixes.add(literal);
      const m = /^[A-Za-z0-9_.-]*[_.-]/.exec(literal);
      if (!m) continue;
      const prefix = m[0];
      const separators = prefix.replace(/[^_.-]/g, '').length;
      const head = prefix.split(/[_.-]/)[0];
      if (GENERIC_HEADS.has(head.toLowerCase()) || (head.length < 3 && separators < 2 && !/^[A-Z]{2}\.$/.test(prefix))) continue;
      prefixes.add(prefix);
    }
  }
  return [...prefixes].sort();
}

let cached: RegExp | undefined;

/** True when `value` starts with a built-in provider's credential prefix (see above). */
export function startsWithProviderPrefix(value: string): boolean {
  cached ??= new RegExp(`^(?:${providerPrefixesOf(providerRules).map((p) => p.replace(/[.\-]/g, '\\$&')).join('|')})`);
  return cached.test(value);
}

let scanner: SecretRuleScanner | undefined;

/**
 * A value with a provider's prefix that no provider rule accepts: a truncated, mistyped or made-up
 * credential (a GitHub token whose checksum fails, `glpat-` with 11 characters), not a secret.
 */
export function isRejectedProviderValue(value: string): boolean {
  if (!startsWithProviderPrefix(value)) return false;
  scanner ??= new SecretRuleScanner(providerRules);
  return scanner.scan(value).length === 0;
}
