import { leakFixes } from './leakFixes';
import { referenceFixes, type NamingState } from './referenceFix';
import { suppressionFixes } from './suppressionFix';
import type { Fix, FixInput } from './types';
import { verifyFix } from './verify';

/**
 * Every fix for one finding, best first: the preferred reference or leak fix, alternatives, then the
 * suppressions (never preferred). A fix whose result would not parse is dropped (see verify.ts).
 */
export function computeFixes(input: FixInput, state?: NamingState): Fix[] {
  const primary = input.finding.kind === 'secret' ? referenceFixes(input, state) : leakFixes(input);
  return [...primary.filter((f) => verifyFix(input, f)), ...suppressionFixes(input)];
}
