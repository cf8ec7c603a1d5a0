import { fileURLToPath } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver/node';

/** The client's workspace folders, and where a document sits in them. */
export class WorkspaceFolders {
  private folders: { uri: string; prefix: string; name: string }[] = [];

  set(folders: readonly WorkspaceFolder[]): void {
    this.folders = folders
      .map((f) => ({ uri: f.uri, prefix: f.uri.endsWith('/') ? f.uri : `${f.uri}/`, name: f.name }))
      // Longest prefix first, so nested folders win.
      .sort((a, b) => b.prefix.length - a.prefix.length);
  }

  add(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => f.uri));
    const kept = this.list().filter((f) => !gone.has(f.uri));
    this.set([...kept, ...added]);
  }

  list(): WorkspaceFolder[] {
    return this.folders.map((f) => ({ uri: f.uri, name: f.name }));
  }

  /** URI of the folder holding `uri`, if any. */
  folderUriFor(uri: string): string | undefined {
    return this.folders.find((f) => uri.startsWith(f.prefix))?.uri;
  }

  /** Workspace-relative path with forward slashes, or the file name when outside every folder. */
  relativePath(uri: string): string {
    const folder = this.folders.find((f) => uri.startsWith(f.prefix));
    if (folder) return safeDecode(uri.slice(folder.prefix.length));
    const path = uri.replace(/[?#].*$/, '');
    return safeDecode(path.slice(path.lastIndexOf('/') + 1)) || path;
  }

  /** File-system path of the folder holding `uri` (only for `file:` folders). */
  rootPathFor(uri: string): string | undefined {
    const folder = this.folderUriFor(uri);
    return folder ? filePath(folder) : undefined;
  }
}

/** File-system path of a `file:` URI, or undefined for other schemes. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
