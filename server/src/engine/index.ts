/** Public API of the engine: pure, editor-free. */
export * from './types';
export type { Analyzer, AnalyzerOutput, ScanContext } from './analyzer';
export type { SecretRule } from './rules/secretRule';
export { Engine, scanText, looksBinary, isTestOrDocPath, type ScanOptions } from './scan';
export { resolveSettings, DEFAULT_MAX_FILE_SIZE, type ScanSettings, type ResolvedSettings, type CustomRuleSpec } from './settings';
export {
  emptySuppressions,
  parseIgnoreFile,
  parseGitleaksIgnore,
  parseSecretsBaseline,
  IGNORE_FILE,
  PROJECT_MARKER,
  SUPPRESSION_FILE_NAMES,
  SUPPRESSION_FILE_PARSERS,
  buildSuppressions,
  type SuppressionIndex,
} from './suppression';
export { maskedPreview, fingerprint } from './mask';
export { LineIndex } from './text/lineIndex';
export { providerRules } from './rules';
export { wantsBinaryScan, isPkcs12Path, PKCS12_RULE_ID, type BinaryAnalyzer, type BinaryContext } from './binary';
