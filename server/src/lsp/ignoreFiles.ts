import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { emptySuppressions, SUPPRESSION_FILE_PARSERS, type SuppressionIndex } from '../engine';
import { IGNORE_FILE_NAMES } from '../../../shared/protocol';

type IgnoreFileName = (typeof IGNORE_FILE_NAMES)[number];

/** Largest ignore file read; a bigger one is skipped with a logged reason. */
const MAX_IGNORE_FILE_BYTES = 8 * 1024 * 1024;

export function isIgnoreFileName(name: string): name is IgnoreFileName {
  return (IGNORE_FILE_NAMES as readonly string[]).includes(name);
}

/**
 * Suppressions from the ignore files at each workspace folder root, cached per root. An open editor
 * of one of those files wins over the disk copy, so unsaved edits apply at once.
 */
export class IgnoreFiles {
  private readonly cache = new Map<string, Promise<SuppressionIndex>>();

  constructor(
    /** Text of an open document at that file-system path, if any. */
    private readonly openText: (fsPath: string) => string | undefined,
    private readonly log: (message: string) => void,
  ) {}

  suppressionsFor(root: string | undefined): Promise<SuppressionIndex> {
    if (!root) return Promise.resolve(emptySuppressions());
    root = path.resolve(root);
    let pending = this.cache.get(root);
    if (!pending) {
      pending = this.load(root);
      this.cache.set(root, pending);
    }
    return pending;
  }

  /** Forgets the cached index of the folder at `root` (or of every folder). */
  invalidate(root?: string): void {
    if (root === undefined) this.cache.clear();
    else this.cache.delete(path.resolve(root));
  }

  private async load(root: string): Promise<SuppressionIndex> {
    const index = emptySuppressions();
    for (const name of IGNORE_FILE_NAMES) {
      const file = path.join(root, name);
      const text = this.openText(file) ?? (await this.readDisk(file));
      if (text === undefined) continue;
      try {
        SUPPRESSION_FILE_PARSERS[name](text, index);
      } catch (e) {
        this.log(`${name}: could not be parsed (${(e as Error).name}); ignored`);
      }
    }
    return index;
  }

  private async readDisk(file: string): Promise<string | undefined> {
    try {
      const buffer = await readFile(file);
      if (buffer.length > MAX_IGNORE_FILE_BYTES) {
        this.log(`${path.basename(file)}: larger than ${MAX_IGNORE_FILE_BYTES} bytes; ignored`);
        return undefined;
      }
      return buffer.toString('utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.log(`${path.basename(file)}: could not be read (${code ?? 'error'})`);
      return undefined;
    }
  }
}
