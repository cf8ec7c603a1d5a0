import { Worker } from 'node:worker_threads';
import { Engine, resolveSettings, type ScanSettings } from '../engine';
import { scanFile, type FileJob, type FileOutcome } from './scanFile';
import { readSuppressions } from '../files/suppressionFiles';

/** What a scan worker is started with. */
export interface WorkerSetup {
  secretHygieneScanWorker: true;
  settings: ScanSettings;
  root: string;
}

interface JobMessage {
  id: number;
  job: FileJob;
}

interface OutcomeMessage {
  id: number;
  outcome?: FileOutcome;
  /** Error type name when scanning threw (a bug); never a message that could quote file text. */
  failure?: string;
}

/**
 * Scans smaller than both of these run in this thread even when workers are allowed. Each worker
 * starts cold (its own engine and JIT); measured on 2 cores (the CLI, 2 workers against 1 thread):
 * 24 MB in 683 files 1.0 s against 0.8 s, 35 MB in 4000 files 1.4 s against 1.2 s, 48 MB even,
 * 100 MB 1.8 s against 2.2 s. Below these sizes workers cost more than they save.
 */
export const WORKERS_FROM_BYTES = 64 * 1024 * 1024;
export const WORKERS_FROM_FILES = 8000;

/** The items already pulled from the walk, then the rest of it. */
function* prepend(head: WorkItem[], rest: Iterator<WorkItem>, restDone: boolean): Generator<WorkItem> {
  yield* head;
  if (restDone) return;
  for (let next = rest.next(); !next.done; next = rest.next()) yield next.value;
}

/** A stream of work in walk order: files to scan, or outcomes already known (notices, skips). */
export type WorkItem = { kind: 'file'; job: FileJob } | { kind: 'done'; outcome: FileOutcome };

/**
 * Scans the items with `jobs` worker threads (each with its own engine), at most two files in
 * flight per worker, and hands outcomes to `accept` in walk order. With one job it scans in this
 * thread. Memory stays bounded: the walk is pulled only as workers free up.
 */
export async function scanAll(
  walk: Iterator<WorkItem>,
  jobs: number,
  setup: { settings: ScanSettings; root: string; engine: Engine; workerScript?: string; jobsExplicit?: boolean },
  accept: (outcome: FileOutcome) => void,
): Promise<void> {
  // Each worker starts cold (its own engine and JIT, a few hundred ms): by default only worth it for
  // big scans; an explicit --jobs is obeyed whatever the size.
  const head: WorkItem[] = [];
  let headBytes = 0;
  let walkDone = false;
  if (jobs > 1 && !setup.jobsExplicit) {
    while (headBytes < WORKERS_FROM_BYTES && head.length < WORKERS_FROM_FILES) {
      const next = walk.next();
      if (next.done) {
        walkDone = true;
        break;
      }
      head.push(next.value);
      if (next.value.kind === 'file') headBytes += next.value.job.size;
    }
  }
  const items = prepend(head, walk, walkDone);
  if (jobs <= 1 || !setup.workerScript || walkDone) {
    const suppressions = readSuppressions(setup.root);
    for (let next = items.next(); !next.done; next = items.next()) {
      const item = next.value;
      accept(item.kind === 'done' ? item.outcome : scanFile(setup.engine, suppressions, item.job));
    }
    return;
  }
  const workerData: WorkerSetup = { secretHygieneScanWorker: true, settings: setup.settings, root: setup.root };
  const workers = Array.from({ length: jobs }, () => new Worker(setup.workerScript!, { workerData }));
  const pending = new Map<number, FileOutcome | undefined>();
  let nextId = 0;
  let nextToAccept = 0;
  let exhausted = false;
  try {
    await new Promise<void>((resolvePool, rejectPool) => {
      const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
      const flush = () => {
        while (pending.has(nextToAccept) && pending.get(nextToAccept) !== undefined) {
          accept(pending.get(nextToAccept)!);
          pending.delete(nextToAccept++);
        }
        if (exhausted && nextToAccept === nextId) resolvePool();
      };
      const feed = (worker: Worker) => {
        while (!exhausted && inFlight.get(worker)! < 2) {
          const next = items.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          const id = nextId++;
          if (next.value.kind === 'done') {
            pending.set(id, next.value.outcome);
            continue;
          }
          pending.set(id, undefined);
          inFlight.set(worker, inFlight.get(worker)! + 1);
          worker.postMessage({ id, job: next.value.job } satisfies JobMessage);
        }
        flush();
      };
      for (const worker of workers) {
        worker.on('message', (message: OutcomeMessage) => {
          inFlight.set(worker, inFlight.get(worker)! - 1);
          if (!message.outcome) return rejectPool(new Error(`scan worker failed (${message.failure ?? 'unknown'})`));
          pending.set(message.id, message.outcome);
          feed(worker);
        });
        worker.on('error', (e) => rejectPool(new Error(`scan worker stopped (${e.name})`)));
      }
      for (const worker of workers) feed(worker);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Body of a scan worker thread: one engine, one suppression index, then a file per message. */
export function runScanWorker(port: { on(event: 'message', f: (m: JobMessage) => void): void; postMessage(m: OutcomeMessage): void }, setup: WorkerSetup): void {
  const engine = new Engine(resolveSettings(setup.settings));
  const suppressions = readSuppressions(setup.root);
  port.on('message', ({ id, job }) => {
    try {
      port.postMessage({ id, outcome: scanFile(engine, suppressions, job) });
    } catch (e) {
      port.postMessage({ id, failure: (e as Error)?.name ?? 'unknown' });
    }
  });
}
