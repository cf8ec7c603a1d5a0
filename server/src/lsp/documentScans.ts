import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, ScanResult, SuppressionIndex } from '../engine';
import type { IndexPause } from '../workspace/indexPause';
import type { IgnoreFiles } from './ignoreFiles';
import type { SettingsStore } from './settingsStore';
import type { WorkspaceFolders } from './workspaceFolders';

export interface VersionedScan {
  /** Version of the document the result belongs to (the latest when the scan ran). */
  version: number;
  result: ScanResult;
  /** The engine that produced it (for rule titles and docs links). */
  engine: Engine;
}

const NOT_SCANNED: ScanResult = { findings: [], notices: [], skipped: true };

/**
 * Scans open documents with the engine of their folder and the suppressions of their folder's ignore
 * files; caches the result per document version and settings generation. The document object is
 * live (incremental updates mutate it), so a scan always runs on the newest text after its awaits:
 * a newer version supersedes an older request.
 */
export class DocumentScans {
  private generation = 0;
  private readonly cache = new Map<string, { key: string; scan: VersionedScan }>();
  private readonly loggedSkips = new Set<string>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly ignoreFiles: IgnoreFiles,
    private readonly folders: WorkspaceFolders,
    private readonly log: (message: string) => void,
    /** Held while a document is scanned: the workspace index waits, the edited document goes first. */
    private readonly indexPause?: IndexPause,
  ) {}

  /** Settings or ignore files changed: every cached result is stale. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  /** The document closed: its results, and what the engine kept for its next version, go. */
  forget(uri: string): void {
    this.cache.get(uri)?.scan.engine.forget(this.folders.relativePath(uri));
    this.cache.delete(uri);
  }

  async scan(document: TextDocument): Promise<VersionedScan> {
    const uri = document.uri;
    // Settings or ignore files may change while this waits for them: then wait for the new ones,
    // so a result computed with stale settings is neither returned nor cached.
    for (let attempt = 0; ; attempt++) {
      const generation = this.generation;
      const settings = await this.settings.settingsFor(uri);
      const engine = await this.settings.engineFor(uri);
      const suppressions = await this.ignoreFiles.suppressionsFor(this.folders.rootPathFor(uri));
      if (generation !== this.generation && attempt < 3) continue;
      // Synchronous from here: the text and version read below belong together.
      const version = document.version;
      const key = `${version}|${generation}`;
      const cached = this.cache.get(uri);
      if (cached && cached.key === key) return cached.scan;
      const release = this.indexPause?.hold();
      let result: ScanResult;
      try {
        result = this.run(document, engine, settings.enable === false, suppressions);
      } finally {
        release?.();
      }
      const scan = { version, engine, result };
      if (generation === this.generation) this.cache.set(uri, { key, scan });
      return scan;
    }
  }

  private run(document: TextDocument, engine: Engine, disabled: boolean, suppressions: SuppressionIndex): ScanResult {
    const uri = document.uri;
    const path = this.folders.relativePath(uri);
    if (disabled) return NOT_SCANNED;
    if (engine.isExcluded(path)) {
      this.logSkip(uri, `${path}: not scanned, excluded by secretHygiene.exclude`);
      return NOT_SCANNED;
    }
    const text = document.getText();
    let result: ScanResult;
    try {
      // A UTF-16 unit is at most 3 UTF-8 bytes: the exact size (a pass over the text) matters only near the limit.
      const byteLength = text.length * 3 <= engine.settings.maxFileSize ? undefined : Buffer.byteLength(text, 'utf8');
      result = engine.scan(text, path, { suppressions, byteLength, editing: true });
    } catch (e) {
      // The engine guards each detector; this is the last line of defence. No text in the message.
      result = { findings: [], notices: [{ level: 'warning', message: `scan failed: ${(e as Error).name}` }], skipped: true };
    }
    for (const notice of result.notices) this.logSkip(uri, `${path}: ${notice.message}`);
    return result;
  }

  /** Logs each reason once per document, so a notice does not repeat on every keystroke. */
  private logSkip(uri: string, message: string): void {
    const key = `${uri}\n${message}`;
    if (this.loggedSkips.has(key)) return;
    if (this.loggedSkips.size > 5000) this.loggedSkips.clear();
    this.loggedSkips.add(key);
    this.log(message);
  }
}
