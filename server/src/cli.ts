/**
 * `secret-hygiene`: the command-line scanner on the same engine as the language server.
 * Bundled by scripts/build.mjs to dist/cli.js (package.json "bin"). See server/src/cli/args.ts for usage.
 */
import { version } from '../../package.json';
import { runCli } from './cli/run';

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  version,
});
