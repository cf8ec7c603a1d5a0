import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSuppressions, SUPPRESSION_FILE_NAMES, type SuppressionIndex } from '../engine';

/** Suppression files read at the scan root; they hold fingerprints and hashes, so they are not scanned. */
export const SUPPRESSION_FILES = SUPPRESSION_FILE_NAMES;

/** The suppressions of the files at `root` (the CLI's scan root, the index's workspace folder). */
export function readSuppressions(root: string): SuppressionIndex {
  return buildSuppressions((name) => {
    try {
      return readFileSync(resolve(root, name), 'utf8');
    } catch {
      return undefined;
    }
  });
}
