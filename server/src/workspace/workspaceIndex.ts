/**
 * The workspace index of one folder: files scanned in a worker thread, kept up to date from file
 * changes and open documents, and turned into the inventory on demand (cached until a change).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  addsToInventory,
  buildInventory,
  CodeOwners,
  InventoryBuilder,
  CODEOWNERS_PATHS,
  INVENTORY_FILE_NAMES,
  parseInventoryFile,
  type FileFacts,
  type Inventory,
  type ParsedInventoryFile,
} from '../engine/inventory';
import type { Signal } from '../engine/inventory/signals';
import type { IndexJob, IndexedFile, WorkerMessage } from './indexProtocol';
import type { IndexStats } from './indexFolder';
import type { IndexPause } from './indexPause';
import { linuxThreadScheduling, type ThreadScheduling } from './backgroundScheduling';

/**
 * The worker reads and scans one file after another: nearly everything it allocates dies young, so
 * a small young generation (V8's default is several times larger) lowers resident memory
 * (about 35 MB on a 10,000-file workspace) for a few more, cheap, scavenges.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/** Without a sign of life from a worker under the idle policy for this long, the machine is busy. */
const STARVED_AFTER_MS = 2000;

export interface IndexListener {
  /** Some files changed; the inventory should be re-read (called at most once per batch). */
  onChange(): void;
  onProgress?(scanned: number, bytes: number): void;
  onDone?(stats: IndexStats): void;
  onError?(message: string): void;
  /** How the worker is scheduled, for the log. */
  onNote?(message: string): void;
}

export interface WorkspaceIndexOptions {
  /** Held by the server while it scans an edited document; the worker waits meanwhile. */
  pause?: IndexPause;
  /** Puts the worker's thread under the idle policy, and back (backgroundScheduling.ts). */
  scheduling?: ThreadScheduling;
  /** How long an idle-policy worker may go without progress before normal scheduling returns. */
  starvedAfterMs?: number;
}

/** Where the bundled worker lives (next to dist/server.js), or the TypeScript source under tsx. */
export function workerEntry(): { file: string; execArgv?: string[] } {
  if (__filename.endsWith('.ts')) return { file: join(__dirname, 'indexWorker.ts'), execArgv: ['--require', 'tsx/cjs'] };
  return { file: join(__dirname, 'indexWorker.js') };
}

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  /** Live versions of open documents win over what the worker read from disk. */
  private readonly open = new Map<string, IndexedFile>();
  private worker: Worker | undefined;
  private cached: Inventory | undefined;
  private inventoryFile: { path: string; parsed: ParsedInventoryFile } | undefined;
  private codeowners: CodeOwners | undefined;
  private generation = 0;
  /** Bumped on every change: a build that saw none while it ran is the current inventory. */
  private version = 0;
  /** Paths changed by file events since the running full index started (undefined when none runs). */
  private touchedDuringIndex: Set<string> | undefined;
  indexing = false;
  lastStats: IndexStats | undefined;

  private readonly pause: IndexPause | undefined;
  private readonly scheduling: ThreadScheduling;
  private readonly starvedAfterMs: number;

  constructor(
    readonly root: string,
    private readonly listener: IndexListener,
    options: WorkspaceIndexOptions = {},
  ) {
    this.pause = options.pause;
    this.scheduling = options.scheduling ?? linuxThreadScheduling;
    this.starvedAfterMs = options.starvedAfterMs ?? STARVED_AFTER_MS;
    this.reloadProjectFiles();
  }

  /** (Re)starts a full index; a running one is terminated first (cancellation). */
  start(job: Omit<IndexJob, 'type' | 'root' | 'pause' | 'skip'>): Promise<IndexStats | undefined> {
    this.stop();
    const generation = ++this.generation;
    this.indexing = true;
    const started = performance.now();
    const fresh = new Map<string, IndexedFile>();
    // File events that arrive while the worker runs are newer than what it read: they win.
    const touched = new Set<string>();
    this.touchedDuringIndex = touched;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (stats?: IndexStats) => {
        if (settled) return;
        settled = true;
        if (generation === this.generation) {
          this.indexing = false;
          this.touchedDuringIndex = undefined;
        }
        resolve(stats);
      };
      /**
       * One worker. The first goes under the idle policy; if it starves and cannot be given normal
       * scheduling back (unprivileged users may not leave the idle policy), a new worker, scheduled
       * normally, goes on with the files the first did not send (`resume`).
       */
      const launch = (resume?: { skip: string[]; bytes: number }) => {
        const entry = workerEntry();
        const worker = new Worker(entry.file, { execArgv: entry.execArgv, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
        this.worker = worker;
        let replaced = false;
        let bytes = 0;
        const release = () => {
          watch.stop();
          if (this.worker === worker) this.worker = undefined;
          void worker.terminate();
        };
        const end = (stats?: IndexStats) => {
          release();
          if (!replaced) finish(stats);
        };
        const watch = this.watchScheduling(
          () => generation !== this.generation || replaced,
          () => {
            replaced = true;
            release();
            if (generation !== this.generation) return finish();
            this.listener.onNote?.(`index worker: a new worker, normally scheduled, goes on after ${fresh.size} files`);
            launch({ skip: [...fresh.keys()], bytes: (resume?.bytes ?? 0) + bytes });
          },
        );
        const before = resume ? fresh.size : 0;
        worker.on('message', (m: WorkerMessage) => {
          if (generation !== this.generation || replaced) return;
          watch.alive();
          if (m.type === 'thread') {
            if (!resume) watch.thread(m.threadId);
          } else if (m.type === 'files') {
            for (const f of m.files) {
              fresh.set(f.facts.path, f);
              if (!touched.has(f.facts.path)) this.files.set(f.facts.path, f);
            }
            this.lookUpOwners(m.files);
            this.changed();
          } else if (m.type === 'progress') {
            bytes = m.bytes;
            this.listener.onProgress?.(before + m.scanned, (resume?.bytes ?? 0) + m.bytes);
          } else if (m.type === 'done') {
            // Files that disappeared since the last full index are dropped.
            for (const path of [...this.files.keys()]) if (!fresh.has(path) && !touched.has(path)) this.files.delete(path);
            this.lastStats = {
              scanned: before + m.scanned,
              skipped: m.skipped,
              bytes: (resume?.bytes ?? 0) + m.bytes,
              ms: resume ? Math.round(performance.now() - started) : m.ms,
            };
            this.changed();
            this.listener.onDone?.(this.lastStats);
            end(this.lastStats);
          } else if (m.type === 'error') {
            this.listener.onError?.(m.message);
            end();
          }
        });
        worker.on('error', (e) => {
          this.listener.onError?.(`index worker failed: ${e.name}`);
          end();
        });
        worker.on('exit', () => end());
        worker.postMessage({ type: 'index', root: this.root, ...job, pause: this.pause?.buffer, skip: resume?.skip } satisfies IndexJob);
      };
      launch();
    });
  }

  /**
   * Puts the worker's thread under the idle policy once it says which thread it is. When it then
   * goes starvedAfterMs without a message (every core is busy), it gets normal scheduling back, or,
   * where that is not permitted, `starved` replaces it.
   */
  private watchScheduling(stale: () => boolean, starved: () => void): { thread(id: number): void; alive(): void; stop(): void } {
    let lastSign = performance.now();
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearInterval(timer);
    };
    return {
      alive: () => (lastSign = performance.now()),
      stop,
      thread: (threadId) => {
        void this.scheduling.idle(threadId).then((idle) => {
          if (!idle || stopped || stale()) return;
          this.listener.onNote?.('index worker: idle scheduling (runs on cores nothing else wants)');
          lastSign = performance.now();
          timer = setInterval(() => {
            if (performance.now() - lastSign < this.starvedAfterMs) return;
            stop();
            void this.scheduling.normal(threadId).then((normal) => {
              if (stale()) return;
              if (!normal) return starved();
              this.listener.onNote?.(`index worker: back to normal scheduling, no progress for ${this.starvedAfterMs} ms (the machine is busy)`);
            });
          }, Math.min(500, this.starvedAfterMs));
          timer.unref?.();
        });
      },
    };
  }

  stop(): void {
    this.generation++;
    this.indexing = false;
    if (this.worker) void this.worker.terminate();
    this.worker = undefined;
  }

  /** A file on disk changed (or was created); `indexed` undefined removes it (deleted, binary...). */
  setFile(path: string, indexed: IndexedFile | undefined): void {
    this.touchedDuringIndex?.add(path);
    if (sameEntry(this.files.get(path), indexed)) return;
    if (indexed) this.files.set(path, indexed);
    else this.files.delete(path);
    this.changed();
  }

  /** A folder was deleted: the entries of the files it held go (watchers report the folder alone). */
  forgetFolder(path: string): void {
    const prefix = `${path.replace(/\/$/, '')}/`;
    let removed = false;
    for (const file of [...this.files.keys()]) {
      if (!file.startsWith(prefix)) continue;
      this.touchedDuringIndex?.add(file);
      this.files.delete(file);
      removed = true;
    }
    if (removed) this.changed();
  }

  /** An open document's live content; `undefined` when it is closed (the disk version applies again). */
  setOpenDocument(path: string, indexed: IndexedFile | undefined): void {
    // Most keystrokes change no fact: then the inventory (costly to rebuild in a large workspace) stands.
    if (sameEntry(this.open.get(path), indexed)) return;
    if (indexed) this.open.set(path, indexed);
    else this.open.delete(path);
    this.changed();
  }

  /** Re-reads the inventory file and CODEOWNERS from disk (or from given text of an open document). */
  reloadProjectFiles(inventoryText?: { path: string; text: string }): void {
    this.inventoryFile = undefined;
    if (inventoryText) this.inventoryFile = { path: inventoryText.path, parsed: parseInventoryFile(inventoryText.text) };
    else {
      for (const name of INVENTORY_FILE_NAMES) {
        const text = readOptional(join(this.root, name));
        if (text !== undefined) {
          this.inventoryFile = { path: name, parsed: parseInventoryFile(text) };
          break;
        }
      }
    }
    this.codeowners = undefined;
    for (const p of CODEOWNERS_PATHS) {
      const text = readOptional(join(this.root, p));
      if (text !== undefined) {
        this.codeowners = new CodeOwners(text);
        break;
      }
    }
    this.changed();
  }

  get inventoryFilePath(): string | undefined {
    return this.inventoryFile?.path;
  }

  get parsedInventoryFile(): ParsedInventoryFile | undefined {
    return this.inventoryFile?.parsed;
  }

  private *entries(): Iterable<IndexedFile> {
    for (const [path, f] of this.files) if (!this.open.has(path)) yield f;
    yield* this.open.values();
  }

  /**
   * Owners of the files of a batch that hold a secret or a reference, looked up as the batch
   * arrives: CODEOWNERS remembers them, so the next inventory build does not match thousands of new
   * paths at once on the thread that answers the editor.
   */
  private lookUpOwners(files: readonly IndexedFile[]): void {
    if (!this.codeowners) return;
    for (const f of files) if (addsToInventory(f.facts)) this.codeowners.ownersOf(f.facts.path);
  }

  /** Facts of the files that add to the inventory (a secret or a reference), open documents' own. */
  private inventoryFacts(): FileFacts[] {
    const out: FileFacts[] = [];
    for (const [path, f] of this.files) if (addsToInventory(f.facts) && !this.open.has(path)) out.push(f.facts);
    for (const f of this.open.values()) if (addsToInventory(f.facts)) out.push(f.facts);
    return out;
  }

  inventory(today: string): Inventory {
    this.cached ??= buildInventory({ files: this.inventoryFacts(), inventoryFile: this.inventoryFile?.parsed, codeowners: this.codeowners, today });
    return this.cached;
  }

  /**
   * The inventory built `sliceFiles` files at a time, awaiting `between()` after each slice (the
   * language server lets the editor's requests run there). It is built from the files as they were
   * when it started, and kept as the current inventory only if nothing changed meanwhile.
   */
  async inventoryInSlices(today: string, between: () => Promise<void>, sliceFiles = 100): Promise<Inventory> {
    if (this.cached) return this.cached;
    const version = this.version;
    const files = this.inventoryFacts();
    const builder = new InventoryBuilder({ inventoryFile: this.inventoryFile?.parsed, codeowners: this.codeowners, today });
    for (let i = 0; i < files.length; i++) {
      builder.add(files[i]);
      if ((i + 1) % sliceFiles === 0) await between();
    }
    const inventory = builder.finish();
    if (version === this.version) this.cached ??= inventory;
    return inventory;
  }

  signals(): Set<Signal> {
    const out = new Set<Signal>();
    for (const f of this.entries()) for (const s of f.signals) out.add(s);
    return out;
  }

  checkCounts(): Map<string, number> {
    const out = new Map<string, number>();
    for (const f of this.entries()) for (const r of f.checkRules) out.set(r, (out.get(r) ?? 0) + 1);
    return out;
  }

  get fileCount(): number {
    return new Set([...this.files.keys(), ...this.open.keys()]).size;
  }

  dispose(): void {
    this.stop();
  }

  private changed(): void {
    this.version++;
    this.cached = undefined;
    this.listener.onChange();
  }
}

/** Both absent, or the same facts, signals, counts and check rules. */
function sameEntry(a: IndexedFile | undefined, b: IndexedFile | undefined): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
