// `npm run demo`: builds and packages the extension, renders the examples workspace (out/examples, fake
// secrets generated locally), installs the VSIX into a private code-server profile and serves the
// workbench on loopback. Prints the address to open; Ctrl+C stops it.
//   DEMO_PORT=8080 npm run demo       fixed port (default: any free port)
//   npm run demo -- --check           start, fetch the page once, stop (a smoke test for CI)
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const port = Number(process.env.DEMO_PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`[demo] DEMO_PORT must be a port number, got ${JSON.stringify(process.env.DEMO_PORT)}`);
  process.exit(2);
}

const run = (args, options = {}) => execFileSync(args[0], args.slice(1), { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...options }).trim();

const csFolder = run(['bash', path.join(root, 'scripts/install-code-server.sh')]);
const entry = path.join(csFolder, 'node_modules/code-server/out/node/entry.js');
const vsix = run([process.execPath, path.join(root, 'scripts/package.mjs')]).split('\n').pop();
const examples = path.join(root, 'out/examples');
console.error(run([process.execPath, '--require', 'tsx/cjs', path.join(root, 'scripts/make-examples.ts'), examples]));

const state = mkdtempSync(path.join(os.tmpdir(), 'sh-demo-'));
for (const sub of ['home', 'config', 'data', 'cache', 'user-data/User', 'extensions']) mkdirSync(path.join(state, sub), { recursive: true });
writeFileSync(path.join(state, 'config.yaml'), 'auth: none\n');
writeFileSync(path.join(state, 'user-data/User/settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none' }, null, 2));
const env = {
  ...process.env,
  HOME: path.join(state, 'home'),
  XDG_CONFIG_HOME: path.join(state, 'config'),
  XDG_DATA_HOME: path.join(state, 'data'),
  XDG_CACHE_HOME: path.join(state, 'cache'),
};
const common = ['--user-data-dir', path.join(state, 'user-data'), '--extensions-dir', path.join(state, 'extensions'), '--config', path.join(state, 'config.yaml')];
run([process.execPath, entry, ...common, '--install-extension', vsix], { env });

const child = spawn(process.execPath, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
  '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ...common, examples], { env, stdio: ['ignore', 'pipe', 'pipe'] });

let stopping = false;
const cleanup = () => rmSync(state, { recursive: true, force: true });
const stop = (code) => {
  if (stopping) return;
  stopping = true;
  child.once('exit', () => { cleanup(); process.exit(code); });
  child.kill('SIGTERM');
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
child.on('exit', (code) => {
  if (stopping) return;
  cleanup();
  console.error(`[demo] code-server exited (${code})`);
  process.exit(1);
});

let output = '';
const startupTimer = setTimeout(() => {
  console.error(`[demo] code-server did not report its address within 60s:\n${output}`);
  stop(1);
}, 60_000);
const onData = async (chunk) => {
  output += chunk.toString();
  const match = /HTTP server listening on (http:\/\/\S+?)\/?(\s|$)/.exec(output);
  if (!match || onData.done) return;
  onData.done = true;
  clearTimeout(startupTimer);
  const url = `${match[1]}/?folder=${encodeURIComponent(examples)}`;
  console.log(`\nSecret Hygiene demo: open ${url}\n(code-server ${path.basename(csFolder)}, extension from ${path.relative(root, vsix)}; Ctrl+C to stop)`);
  if (check) {
    const response = await fetch(url).catch((error) => ({ ok: false, status: String(error) }));
    console.log(`[demo] check: GET ${response.ok ? 'ok' : 'FAILED'} (${response.status})`);
    stop(response.ok ? 0 : 1);
  }
};
child.stdout.on('data', onData);
child.stderr.on('data', onData);
