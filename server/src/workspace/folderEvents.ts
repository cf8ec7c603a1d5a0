/**
 * File watchers report a created folder without its files when they arrive together (`git checkout`,
 * `mv`, unpacking an archive, or a file written just after its new folder), and a deleted folder
 * without the files it held. The index then looks inside: a new folder's files are indexed (a large
 * one is left to a full index in the worker), and a deleted folder's entries go.
 */
import type { Engine } from '../engine';
import { walk } from '../files/walk';
import { indexExclusion } from './indexFolder';
import { indexFile } from './scanFile';
import type { WorkspaceIndex } from './workspaceIndex';

/** More files than this in a new folder: a full index in the worker instead of scanning them here. */
export const MAX_FOLDER_FILES_HERE = 200;

/**
 * Indexes the files of a folder that appeared (absolute `folder`, inside `root`). Returns false when
 * it holds more than MAX_FOLDER_FILES_HERE files to index: the caller should start a full index.
 */
export function indexNewFolder(index: WorkspaceIndex, engine: Engine, root: string, folder: string, exclude: string[] = []): boolean {
  const files: { path: string; relativePath: string }[] = [];
  // The walk skips node_modules and VCS folders itself, as the full index does.
  for (const entry of walk({ root, targets: [folder], gitignore: true, isExcluded: indexExclusion(engine, exclude) })) {
    if (entry.type !== 'file') continue;
    if (files.length === MAX_FOLDER_FILES_HERE) return false;
    files.push(entry);
  }
  for (const file of files) index.setFile(file.relativePath, indexFile(engine, file.path, file.relativePath));
  return true;
}
