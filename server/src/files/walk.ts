import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Folders never entered: dependency trees and version-control metadata. */
export const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.bzr', '_darcs', 'CVS', '.jj', '.sl']);

export interface WalkOptions {
  /** Absolute scan root; reported paths are relative to it, .gitignore files are read from it down. */
  root: string;
  /** Absolute files or folders to scan, each inside `root`. */
  targets: string[];
  gitignore: boolean;
  /**
   * Folder whose .gitignore files (and those below it) apply: the enclosing git work tree when the
   * root is inside one, else the root. Defaults to `root`.
   */
  ignoreTop?: string;
  /** True for root-relative paths (forward slashes) that must not be scanned; folders are tested as `dir/`. */
  isExcluded(relativePath: string): boolean;
}

export type WalkEntry =
  | { type: 'file'; path: string; relativePath: string; size: number }
  | { type: 'notice'; relativePath: string; level: 'info' | 'warning'; message: string };

/** One .gitignore: its folder (absolute, ending with a separator) and its rules. */
interface IgnoreLevel {
  base: string;
  rules: Ignore;
}

/**
 * Lists the files to scan lazily, depth first in name order, so memory stays bounded by the folder
 * depth. Nested .gitignore files apply to their own subtree (the deepest matching rule wins, as in
 * git); symlinked folders are followed once (a loop or a second visit is skipped with a notice).
 */
export function* walk(options: WalkOptions): Generator<WalkEntry> {
  const visited = new Set<string>();
  for (const target of options.targets) {
    const rel = toRelative(options.root, target);
    let stats: Stats;
    try {
      stats = statSync(target);
    } catch (e) {
      yield notice(rel, 'warning', `not scanned: ${errorCode(e)}`);
      continue;
    }
    if (stats.isFile()) {
      yield { type: 'file', path: target, relativePath: rel, size: stats.size };
    } else if (stats.isDirectory()) {
      let levels = options.gitignore ? ancestorLevels(options.ignoreTop ?? options.root, target) : [];
      // A folder named explicitly is scanned even when an enclosing .gitignore excludes it.
      if (levels.length && isIgnored(levels, target, true)) levels = [];
      yield* walkDirectory(target, rel, levels, options, visited);
    }
  }
}

function* walkDirectory(
  dir: string,
  rel: string,
  parentLevels: IgnoreLevel[],
  options: WalkOptions,
  visited: Set<string>,
): Generator<WalkEntry> {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    yield notice(rel || '.', 'warning', `not scanned: ${errorCode(e)}`);
    return;
  }
  if (visited.has(real)) {
    yield notice(rel || '.', 'info', 'not scanned: symlink loop or folder already scanned');
    return;
  }
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    yield notice(rel || '.', 'warning', `folder not read: ${errorCode(e)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const levels = options.gitignore ? withGitignore(dir, parentLevels) : parentLevels;
  for (const entry of entries) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    const childPath = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let size = -1;
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(childPath);
        isDir = target.isDirectory();
        isFile = target.isFile();
        size = target.size;
      } catch {
        continue; // dangling link: nothing to scan
      }
    }
    if (isDir) {
      if (ALWAYS_SKIPPED_DIRS.has(entry.name)) continue;
      if (options.isExcluded(`${childRel}/`) || options.isExcluded(childRel)) continue;
      if (isIgnored(levels, childPath, true)) continue;
      yield* walkDirectory(childPath, childRel, levels, options, visited);
    } else if (isFile) {
      if (options.isExcluded(childRel) || isIgnored(levels, childPath, false)) continue;
      if (size < 0) {
        try {
          size = statSync(childPath).size;
        } catch (e) {
          yield notice(childRel, 'warning', `not scanned: ${errorCode(e)}`);
          continue;
        }
      }
      yield { type: 'file', path: childPath, relativePath: childRel, size };
    }
    // sockets, FIFOs and devices are never read
  }
}

/** Levels of the .gitignore files in `top` and every folder down to `target`'s parent. */
function ancestorLevels(top: string, target: string): IgnoreLevel[] {
  let levels: IgnoreLevel[] = [];
  const rel = relative(top, target);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return levels;
  let current = top;
  levels = withGitignore(current, levels);
  for (const part of rel.split(sep).slice(0, -1)) {
    current = join(current, part);
    levels = withGitignore(current, levels);
  }
  return levels;
}

function withGitignore(dir: string, levels: IgnoreLevel[]): IgnoreLevel[] {
  let text: string;
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    return levels;
  }
  return [...levels, { base: dir.endsWith(sep) ? dir : dir + sep, rules: ignore().add(text) }];
}

/** Git semantics: every level is consulted from the top down; the last rule that matches decides. */
function isIgnored(levels: IgnoreLevel[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    if (!path.startsWith(level.base)) continue;
    let local = path.slice(level.base.length);
    if (sep !== '/') local = local.split(sep).join('/');
    const result = level.rules.test(isDir ? `${local}/` : local);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/** The nearest folder at or above `dir` that holds `.git` (a git work tree), if any. Git itself is never run. */
export function enclosingGitRoot(dir: string): string | undefined {
  for (let current = dir; ; ) {
    if (existsSync(join(current, '.git'))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export function toRelative(root: string, path: string): string {
  const rel = relative(root, path);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

function notice(relativePath: string, level: 'info' | 'warning', message: string): WalkEntry {
  return { type: 'notice', relativePath, level, message };
}

/** The error code only (ENOENT, EACCES...): never a message that could quote file content. */
export function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? 'read error';
}
