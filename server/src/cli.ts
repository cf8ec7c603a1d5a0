/**
 * `secret-hygiene`: the command-line scanner on the same engine as the language server.
 * Bundled by scripts/build.mjs to dist/cli.js (package.json "bin"). See server/src/cli/args.ts for usage.
 * The same bundle is the body of the scan worker threads (started with `secretHygieneScanWorker`).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { version } from '../../package.json';
import { runScanWorker, type WorkerSetup } from './cli/pool';
import { runCli } from './cli/run';

const setup = workerData as WorkerSetup | undefined;
if (!isMainThread && parentPort && setup?.secretHygieneScanWorker) {
  runScanWorker(parentPort, setup);
} else {
  // A reader that stops early (`| head`) closes the pipe: stop quietly instead of crashing.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    version,
    workerScript: __filename,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.stderr.write('secret-hygiene: internal error; please report it\n');
      process.exitCode = 2;
    },
  );
}
