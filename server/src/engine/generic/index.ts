import type { Analyzer } from '../analyzer';
import { assignmentAnalyzer } from './assignmentAnalyzer';
import { pgpassAnalyzer } from './pgpass';

/**
 * Generic detection: secret-looking names assigned password-like or high-entropy literals, and
 * password files recognised by their name (.pgpass).
 */
export const genericAnalyzers: Analyzer[] = [assignmentAnalyzer(), pgpassAnalyzer];
