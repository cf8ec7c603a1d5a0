// Installs (through scripts/install-code-server.sh, cached by version) and starts code-server on loopback
// with its own HOME / XDG folders, so tests never touch the user's VS Code state.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');

export interface CodeServer {
  /** Base URL it listens on, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** host:port, as used in vscode-remote:// URIs */
  authority: string;
  /** The process's private state folder (HOME, XDG dirs, user data, extensions). */
  stateDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  workspace: string;
  /** Keep workspace trust enabled (default: disabled, i.e. every folder is trusted). */
  workspaceTrust?: boolean;
  /** Extra environment for the server and therefore the extension host. */
  env?: Record<string, string>;
  /** Reuse an existing state folder (e.g. one an extension was installed into). */
  stateDir?: string;
  /** Print the server's output (default: only when it fails to start). */
  verbose?: boolean;
}

/** Returns code-server's entry.js, installing it first when the cache is missing. */
export function codeServerEntry(): string {
  const installer = path.join(repoRoot, 'scripts/install-code-server.sh');
  const folder = execFileSync('bash', [installer], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  return path.join(folder, 'node_modules/code-server/out/node/entry.js');
}

export function makeStateDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `sh-${label}-`));
  for (const sub of ['home', 'config', 'data', 'cache', 'user-data', 'extensions']) mkdirSync(path.join(dir, sub), { recursive: true });
  writeFileSync(path.join(dir, 'config.yaml'), 'auth: none\n');
  return dir;
}

function isolatedEnv(stateDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: path.join(stateDir, 'home'),
    XDG_CONFIG_HOME: path.join(stateDir, 'config'),
    XDG_DATA_HOME: path.join(stateDir, 'data'),
    XDG_CACHE_HOME: path.join(stateDir, 'cache'),
    ...extra,
  };
}

function commonArgs(stateDir: string): string[] {
  return [
    '--user-data-dir', path.join(stateDir, 'user-data'),
    '--extensions-dir', path.join(stateDir, 'extensions'),
    '--config', path.join(stateDir, 'config.yaml'),
  ];
}

/** Installs a packaged VSIX into the state folder's extensions dir. */
export function installExtension(entry: string, stateDir: string, vsix: string): string {
  return execFileSync(process.execPath, [entry, ...commonArgs(stateDir), '--install-extension', vsix], {
    env: isolatedEnv(stateDir),
    encoding: 'utf8',
  });
}

export async function startCodeServer(entry: string, options: StartOptions): Promise<CodeServer> {
  const stateDir = options.stateDir ?? makeStateDir('code-server');
  const args = [
    entry, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
    '--disable-getting-started-override', ...commonArgs(stateDir),
  ];
  if (!options.workspaceTrust) args.push('--disable-workspace-trust');
  args.push(options.workspace);
  // Its own process group, so stopping it also ends the extension host and other helpers it started.
  const child = spawn(process.execPath, args, { env: isolatedEnv(stateDir, options.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not report its address within 60s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (options.verbose) process.stderr.write(text);
      const match = /HTTP server listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].endsWith('/') ? match[1] : `${match[1]}/`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code} before listening:\n${output}`));
    });
  });
  const authority = new URL(url).host;
  return {
    url,
    authority,
    stateDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const signalGroup = (signal: NodeJS.Signals) => {
          try {
            process.kill(-child.pid!, signal);
          } catch {
            child.kill(signal);
          }
        };
        child.once('exit', () => resolve());
        signalGroup('SIGTERM');
        setTimeout(() => signalGroup('SIGKILL'), 5_000).unref();
      }),
  };
}

/** Removes a temp folder; a straggling writer (an exiting extension host) gets retries, then a warning. */
export function removeDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    console.warn(`could not remove ${dir}: ${(error as Error).message}`);
  }
}
