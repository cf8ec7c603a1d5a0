import * as path from 'node:path';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver/node';
import { IGNORE_FILE_NAMES } from '../../../shared/protocol';
import { isIgnoreFileName, type IgnoreFiles } from './ignoreFiles';
import type { ServerServices } from './services';
import { filePath } from './workspaceFolders';

/**
 * Re-reads ignore files when they change on disk (`workspace/didChangeWatchedFiles`, with watchers
 * registered dynamically when the client allows it) or in an open editor.
 */
export function registerIgnoreFileWatching(services: ServerServices, ignoreFiles: IgnoreFiles): void {
  const { connection, documents, flags } = services;

  services.onInitialized(() => {
    if (!flags.watchedFilesDynamic) return;
    const watchers = [{ globPattern: `**/{${IGNORE_FILE_NAMES.join(',')}}` }];
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((e: Error) => {
      services.log(`could not watch ignore files (${e.message})`);
    });
  });

  const changed = (uri: string) => {
    const fsPath = filePath(uri);
    if (!fsPath || !isIgnoreFileName(path.basename(fsPath))) return false;
    ignoreFiles.invalidate(path.dirname(fsPath));
    return true;
  };

  services.onDidChangeWatchedFiles((changes) => {
    let any = false;
    for (const change of changes) any = changed(change.uri) || any;
    if (any) {
      services.log('ignore files changed; re-checking open documents');
      services.refreshDiagnostics();
    }
  });

  const onEditor = (uri: string) => {
    if (changed(uri)) services.refreshDiagnostics();
  };
  documents.onDidChangeContent((e) => onEditor(e.document.uri));
  documents.onDidClose((e) => onEditor(e.document.uri));
}
