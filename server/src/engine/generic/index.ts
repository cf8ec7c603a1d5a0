import type { Analyzer } from '../analyzer';
import { assignmentAnalyzer } from './assignmentAnalyzer';
import { keyFileAnalyzer } from './keyFiles';
import { passwordFileAnalyzer, pgpassAnalyzer } from './pgpass';
import { proseLoginAnalyzer } from './proseLogins';
import { tableAnalyzer } from './tables';
import { tfstateAnalyzer } from './tfstate';

/**
 * Generic detection: secret-looking names assigned password-like or high-entropy literals, and
 * password and key files recognised by their name (.pgpass, Rails' master.key), and secret columns
 * of tables (Markdown, CSV, SQL INSERT), values Terraform state marks sensitive, and logins written
 * as prose in documentation (`admin / …`).
 */
export const genericAnalyzers: Analyzer[] = [assignmentAnalyzer(), pgpassAnalyzer, passwordFileAnalyzer, keyFileAnalyzer, tableAnalyzer, tfstateAnalyzer, proseLoginAnalyzer];
