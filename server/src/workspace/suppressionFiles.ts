/** Reads the committed suppression files at a folder root into one SuppressionIndex. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptySuppressions, IGNORE_FILE, parseGitleaksIgnore, parseIgnoreFile, parseSecretsBaseline, type SuppressionIndex } from '../engine';

export function loadSuppressions(root: string): SuppressionIndex {
  const index = emptySuppressions();
  const read = (name: string) => {
    try {
      return readFileSync(join(root, name), 'utf8');
    } catch {
      return undefined;
    }
  };
  const own = read(IGNORE_FILE);
  if (own !== undefined) parseIgnoreFile(own, index);
  const gitleaks = read('.gitleaksignore');
  if (gitleaks !== undefined) parseGitleaksIgnore(gitleaks, index);
  const baseline = read('.secrets.baseline');
  if (baseline !== undefined) parseSecretsBaseline(baseline, index);
  return index;
}
