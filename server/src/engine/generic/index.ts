import type { Analyzer } from '../analyzer';

/** Generic detection: secret-looking names assigned password-like or high-entropy literals. */
export const genericAnalyzers: Analyzer[] = [];
