import type { Analyzer } from '../analyzer';
import { assignmentAnalyzer } from './assignmentAnalyzer';
import { keyFileAnalyzer } from './keyFiles';
import { passwordFileAnalyzer, pgpassAnalyzer } from './pgpass';
import { tableAnalyzer } from './tables';
import { tfstateAnalyzer } from './tfstate';

/**
 * Generic detection: secret-looking names assigned password-like or high-entropy literals, and
 * password and key files recognised by their name (.pgpass, Rails' master.key), and secret columns
 * of tables (Markdown, CSV, SQL INSERT), and values Terraform state marks sensitive.
 */
export const genericAnalyzers: Analyzer[] = [assignmentAnalyzer(), pgpassAnalyzer, passwordFileAnalyzer, keyFileAnalyzer, tableAnalyzer, tfstateAnalyzer];
