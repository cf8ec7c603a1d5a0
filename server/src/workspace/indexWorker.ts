/**
 * Worker thread of the workspace index: walks a folder (respecting .gitignore, exclusions and size
 * limits) and scans every file, posting facts in batches so the language server's thread stays
 * free for the document being edited. Bundled to dist/indexWorker.js.
 */
import { parentPort } from 'node:worker_threads';
import { indexFolder } from './indexFolder';
import type { IndexJob, WorkerMessage } from './indexProtocol';

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

parentPort?.on('message', (job: IndexJob) => {
  try {
    const stats = indexFolder(
      job,
      (files) => post({ type: 'files', files }),
      (scanned, bytes) => post({ type: 'progress', scanned, bytes }),
    );
    post({ type: 'done', ...stats });
  } catch (e) {
    post({ type: 'error', message: `index failed: ${(e as Error).name}` });
  }
});
