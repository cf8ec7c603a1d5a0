import type { Analyzer } from '../analyzer';
import { assignmentAnalyzer } from './assignmentAnalyzer';

/** Generic detection: secret-looking names assigned password-like or high-entropy literals. */
export const genericAnalyzers: Analyzer[] = [assignmentAnalyzer()];
