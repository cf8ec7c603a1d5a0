/**
 * Worker thread of the workspace index: walks a folder (respecting .gitignore, exclusions and size
 * limits) and scans every file, posting facts in batches so the language server's thread stays
 * free for the document being edited. Bundled to dist/indexWorker.js.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { indexFolder } from './indexFolder';
import { IndexPause } from './indexPause';
import type { IndexJob, WorkerMessage } from './indexProtocol';

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

/**
 * How much lower than the editing thread the index runs (a nice increment, 0..19). In A/B runs on a
 * busy 2-core machine (scripts/bench/inventory.ts) +5 lowered per-edit latency during the index
 * (p50 17-27 ms against 28-33 ms at +0) at some cost in index time when other processes compete;
 * +10 slowed the index more and did no better. On an idle machine it changes nothing.
 */
const BACKGROUND_NICENESS = 5;

/**
 * Longest wait for one pause of the server (it holds one while it scans the edited document, a few
 * milliseconds): a pause held longer, or never released, does not stall the index.
 */
const MAX_PAUSE_MS = 100;

/**
 * On Linux a thread has its own scheduling priority: lower this one's so that, on a busy machine,
 * the thread answering the edited document's diagnostics wins the CPU. Elsewhere nothing changes.
 */
function lowerPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return;
    setPriority(threadId, Math.min(19, getPriority(threadId) + BACKGROUND_NICENESS));
    // The server may also put this thread under the idle policy (backgroundScheduling.ts).
    post({ type: 'thread', threadId });
  } catch {
    // not Linux, or not permitted: the index runs at the process's priority
  }
}

parentPort?.on('message', (job: IndexJob) => {
  lowerPriority();
  const pause = job.pause ? new IndexPause(job.pause) : undefined;
  try {
    const stats = indexFolder(job, (files) => post({ type: 'files', files }), {
      onProgress: (scanned, bytes) => post({ type: 'progress', scanned, bytes }),
      beforeFile: () => pause?.waitWhileHeld(MAX_PAUSE_MS),
    });
    post({ type: 'done', ...stats });
  } catch (e) {
    post({ type: 'error', message: `index failed: ${(e as Error).name}` });
  }
});
