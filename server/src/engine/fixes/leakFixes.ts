import type { Fix, FixInput } from './types';

/** Fixes for the pipeline checks' findings (env dumps, prints, masks, access model). */
export function leakFixes(_input: FixInput): Fix[] {
  return [];
}
