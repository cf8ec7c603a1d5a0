import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { emptySuppressions, IGNORE_FILE, parseGitleaksIgnore, parseIgnoreFile, parseSecretsBaseline, type SuppressionIndex } from '../engine';

/** Suppression files read at the scan root; they hold fingerprints and hashes, so they are not scanned. */
export const SUPPRESSION_FILES = [IGNORE_FILE, '.gitleaksignore', '.secrets.baseline'];

export function readSuppressions(root: string): SuppressionIndex {
  const index = emptySuppressions();
  const read = (name: string): string | undefined => {
    try {
      return readFileSync(resolve(root, name), 'utf8');
    } catch {
      return undefined;
    }
  };
  const ignoreFile = read(IGNORE_FILE);
  if (ignoreFile !== undefined) parseIgnoreFile(ignoreFile, index);
  const gitleaks = read('.gitleaksignore');
  if (gitleaks !== undefined) parseGitleaksIgnore(gitleaks, index);
  const baseline = read('.secrets.baseline');
  if (baseline !== undefined) parseSecretsBaseline(baseline, index);
  return index;
}
