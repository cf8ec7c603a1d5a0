import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../engine';
import { ENV_EXAMPLE_FILE, ENV_FILE, ENV_LOCAL_FILE, GITIGNORE_FILE, type FileEdits, type WorkspaceFacts } from '../engine/fixes';
import { IGNORE_FILE } from '../engine';
import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { ServerServices } from './services';

/** Largest workspace file a fix reads (a .env, a .gitignore, a called workflow). */
const MAX_READ_BYTES = 1024 * 1024;

/** Reads workspace-root files for the fixes: an open editor's text wins over the disk copy. */
export class FixWorkspace {
  constructor(
    private readonly services: ServerServices,
    readonly root: string | undefined,
    private readonly tracked: TrackedFiles = new TrackedFiles(),
  ) {}

  static for(services: ServerServices, uri: string, tracked?: TrackedFiles): FixWorkspace {
    return new FixWorkspace(services, services.workspaceRootFor(uri), tracked);
  }

  uriOf(relative: string): string | undefined {
    if (!this.root) return undefined;
    return pathToFileURL(path.join(this.root, relative)).href;
  }

  openDocument(relative: string): TextDocument | undefined {
    const uri = this.uriOf(relative);
    return uri ? this.services.documents.get(uri) : undefined;
  }

  /** Text of a workspace file, or undefined when it does not exist (or is outside the folder / too big). */
  read(relative: string): string | undefined {
    if (!this.root) return undefined;
    const open = this.openDocument(relative);
    if (open) return open.getText();
    const file = path.resolve(this.root, relative);
    if (!file.startsWith(path.resolve(this.root) + path.sep)) return undefined;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile() || stat.size > MAX_READ_BYTES) return undefined;
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  facts(): WorkspaceFacts {
    return {
      envText: this.read(ENV_FILE),
      envLocalText: this.read(ENV_LOCAL_FILE),
      envTracked: this.root ? this.tracked.tracks(this.root, ENV_FILE) : false,
      gitignoreText: this.read(GITIGNORE_FILE),
      envExampleText: this.read(ENV_EXAMPLE_FILE),
      ignoreFileText: this.read(IGNORE_FILE),
      readFile: (relative) => this.read(relative),
    };
  }

  /**
   * One WorkspaceEdit (one undo step) from the fix's file edits: CreateFile for missing files, then
   * TextDocumentEdits. Offsets are mapped with each file's current text. Undefined without a folder
   * when the fix touches files other than the document.
   */
  toWorkspaceEdit(document: TextDocument, documentPath: string, files: FileEdits[]): WorkspaceEdit | undefined {
    const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
    for (const f of files) {
      if (f.edits.length === 0) continue;
      const isDocument = f.path === documentPath;
      const uri = isDocument ? document.uri : this.uriOf(f.path);
      if (!uri) return undefined;
      const text = isDocument ? document.getText() : f.create ? '' : this.read(f.path);
      if (text === undefined) return undefined;
      if (f.create && !isDocument) documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
      const open = isDocument ? document : this.services.documents.get(uri);
      const lines = new LineIndex(text);
      documentChanges.push({
        textDocument: { uri, version: open ? open.version : null },
        edits: f.edits.map((e) => ({ range: lines.rangeOf(e.start, e.end), newText: e.newText })),
      });
    }
    return { documentChanges };
  }
}

/** Largest git index read to learn whether a file is tracked. */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

/**
 * Whether the git index (v2/v3) of the folder lists `relative` (a top-level name), read as a file:
 * no git process runs (an untrusted repository's config could run programs). An entry's path is
 * preceded by its 16-bit flags (low 12 bits: the path length; usually no high bits set) and
 * followed by a NUL. Index v4 compresses paths: the answer is then "not known to be tracked".
 */
export function gitIndexTracks(root: string, relative: string): boolean {
  try {
    const file = path.join(root, '.git', 'index');
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_INDEX_BYTES) return false;
    const index = fs.readFileSync(file);
    if (index.toString('latin1', 0, 4) !== 'DIRC') return false;
    const version = index.readUInt32BE(4);
    if (version !== 2 && version !== 3) return false;
    const name = Buffer.from(relative, 'utf8');
    const needle = Buffer.concat([Buffer.from([(name.length >> 8) & 0x0f, name.length & 0xff]), name, Buffer.from([0])]);
    // The first entry's path starts after the 12-byte header and its 62-byte fixed part.
    return index.indexOf(needle, 12 + 60) !== -1;
  } catch {
    return false;
  }
}

/** gitIndexTracks answers cached per folder until `.git/index` changes (size or mtime). */
export class TrackedFiles {
  private readonly cache = new Map<string, { stamp: string; tracked: boolean }>();

  tracks(root: string, relative: string): boolean {
    let stamp = 'none';
    try {
      const stat = fs.statSync(path.join(root, '.git', 'index'));
      stamp = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      return false;
    }
    const key = `${root}\0${relative}`;
    const hit = this.cache.get(key);
    if (hit && hit.stamp === stamp) return hit.tracked;
    const tracked = gitIndexTracks(root, relative);
    this.cache.set(key, { stamp, tracked });
    return tracked;
  }
}
