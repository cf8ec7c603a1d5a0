/**
 * The workspace index on a generated 10,000-file workspace (scripts/bench/inventoryWorkspace.ts):
 *  - `direct`: WorkspaceIndex alone (worker thread scan, batches into the main thread, then the
 *    inventory built once);
 *  - `lsp`: the real language server in process (test/lsp/harness.ts) with the folder open, until
 *    the inventory request reports indexing=false, while a 10,000-line file is open and edited
 *    every 100 ms (per-edit pull diagnostics latency during the index, and after it), the client
 *    answering each InventoryChangedNotification with an inventory request as the Secrets view does;
 *  - `editor`: the same with the built server (dist/server.js) in its own process over stdio, as an
 *    editor runs it: the client's work (decoding inventory answers...) no longer shares the server's
 *    thread, and memory and CPU are the server process's own (/proc, Linux);
 *  - `editor-hidden`: the same while the Secrets view is hidden (the usual case while typing): the
 *    VS Code client then fetches no inventory on announcements (it only updates its badge).
 * Each run is a fresh child process so that its resident memory (process.memoryUsage().rss, which
 * includes the worker thread, sampled every 100 ms) is the index's and not the rest of the bench's.
 * SERVER_NODE_OPTIONS (editor modes) passes Node options to the server's process, e.g.
 * `--cpu-prof --cpu-prof-dir=DIR` to profile what its main thread does while the index runs, and
 * SERVER_PROGRAM runs another build of the server (A/B comparisons).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { summarize, type Summary } from './stats';

const MB = 1024 * 1024;
/** A brisk typist: about ten keystrokes a second. */
const EDIT_EVERY_MS = 100;

export interface IndexRun {
  mode: 'direct' | 'lsp' | 'editor' | 'editor-hidden';
  /** Start to index done (lsp: server start to the inventory request reporting indexing=false). */
  ms: number;
  /** The worker's own figure (walk and scan, first file to last). */
  workerMs: number;
  /** CPU time of the whole process (all threads: the worker, the server, the scripted client). */
  cpuMs: number;
  scanned: number;
  skipped: number;
  mb: number;
  rssStartMb: number;
  rssPeakMb: number;
  /** Building the inventory view once after the index (direct: WorkspaceIndex.inventory; lsp: the request). */
  inventoryMs: number;
  secrets: number;
  /** lsp only: per-edit diagnostics latency while the index ran, and after it. */
  editsDuring?: number[];
  editsAfter?: number[];
}

interface LspFigures {
  ms: Summary;
  cpuMs: Summary;
  rssPeakMb: Summary;
  inventoryMs: Summary;
  editsDuring: Summary;
  editsAfter: Summary;
}

export interface InventoryBench {
  runs: IndexRun[];
  direct: { ms: Summary; workerMs: Summary; cpuMs: Summary; rssPeakMb: Summary; inventoryMs: Summary };
  lsp: LspFigures;
  /** Undefined when dist/server.js is not built. */
  editor?: LspFigures;
  editorViewHidden?: LspFigures;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function rssSampler(): { peakMb: () => number; stop: () => void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return {
    peakMb: () => Math.max(peak, process.memoryUsage().rss) / MB,
    stop: () => clearInterval(timer),
  };
}

async function runDirect(dir: string): Promise<IndexRun> {
  const { WorkspaceIndex } = require('../../server/src/workspace/workspaceIndex') as typeof import('../../server/src/workspace/workspaceIndex');
  const rssStartMb = process.memoryUsage().rss / MB;
  const sampler = rssSampler();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const index = new WorkspaceIndex(dir, { onChange: () => undefined });
  const stats = await index.start({ settings: {}, exclude: [], gitignore: true });
  const ms = performance.now() - started;
  const cpuMs = cpuSince(cpu);
  const t0 = performance.now();
  const inventory = index.inventory(new Date().toISOString().slice(0, 10));
  const inventoryMs = performance.now() - t0;
  const rssPeakMb = sampler.peakMb();
  sampler.stop();
  index.dispose();
  if (!stats) throw new Error('the index did not finish');
  return { mode: 'direct', ms, workerMs: stats.ms, cpuMs, scanned: stats.scanned, skipped: stats.skipped, mb: stats.bytes / MB, rssStartMb, rssPeakMb, inventoryMs, secrets: inventory.secrets.length };
}

/** Peak resident memory (VmHWM) and CPU time of a process, from /proc; undefined elsewhere. */
function processUsage(pid: number): { rssPeakMb: number; cpuMs: number } | undefined {
  try {
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    // Fields 14 and 15 of /proc/PID/stat (after the parenthesised name): user and system ticks.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return hwm ? { rssPeakMb: Number(hwm[1]) / 1024, cpuMs: ticks * 10 } : undefined;
  } catch {
    return undefined;
  }
}

async function runLsp(dir: string, serverProgram?: string, viewVisible = true): Promise<IndexRun> {
  const { startServerInProcess } = require('../../test/lsp/harness') as typeof import('../../test/lsp/harness');
  const { InventoryChangedNotification, InventoryRequest } = require('../../shared/inventoryProtocol') as typeof import('../../shared/inventoryProtocol');
  const { generateTypeScript } = require('./corpus') as typeof import('./corpus');
  const { checksummedToken } = require('../../server/src/engine/rules/fake') as typeof import('../../server/src/engine/rules/fake');
  const rssStartMb = process.memoryUsage().rss / MB;
  const sampler = rssSampler();
  const cpu = process.cpuUsage();
  let cpuMs = 0;
  const started = performance.now();
  const server = await startServerInProcess('vscode', { folders: [dir], waitLimitMs: 300_000, serverProgram, serverExecArgv: process.env.SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) });
  const serverPid = server.serverProcess?.pid;
  try {
    // As the Secrets view does when visible: each change announcement is answered by an inventory request.
    if (viewVisible) server.client.onNotification(InventoryChangedNotification.type, () => void server.client.sendRequest(InventoryRequest.type, {}).catch(() => undefined));
    const indexedLog = () => server.logs.map((l) => /indexed (\d+) files \(([\d.]+) MB\) in (\d+) ms, (\d+) skipped/.exec(l.message)).find((m) => m);
    let done: number | undefined;
    const waitForIndex = (async () => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 50));
        if (!indexedLog()) continue;
        const view = await server.client.sendRequest(InventoryRequest.type, {});
        if (view.folders.length === 1 && !view.indexing) {
          done = performance.now() - started;
          cpuMs = serverPid ? (processUsage(serverPid)?.cpuMs ?? NaN) : cpuSince(cpu);
          return;
        }
      }
    })();
    // Typing in an open file meanwhile: a character inserted and deleted every EDIT_EVERY_MS.
    let text = generateTypeScript(10_000, 11);
    const firstBreak = text.indexOf('\n\n') + 2;
    text = `${text.slice(0, firstBreak)}const ghToken = "${checksummedToken('ghp_', 'bench:inventory-edits')}";\n${text.slice(firstBreak)}`;
    const uri = await server.open('src/editing-big.ts', text, 'typescript');
    await server.diagnostics(uri);
    const editLine = Math.floor(text.split('\n').length / 2);
    const editsDuring: number[] = [];
    const editsAfter: number[] = [];
    for (let i = 0; editsAfter.length < 40; i++) {
      const insert = i % 2 === 0;
      const change = insert
        ? { range: { start: { line: editLine, character: 0 }, end: { line: editLine, character: 0 } }, text: ' ' }
        : { range: { start: { line: editLine, character: 0 }, end: { line: editLine, character: 1 } }, text: '' };
      const indexing = done === undefined;
      const t0 = performance.now();
      await server.change(uri, [change]);
      await server.diagnostics(uri);
      const elapsed = performance.now() - t0;
      if (i >= 3) (indexing ? editsDuring : editsAfter).push(elapsed);
      await new Promise((r) => setTimeout(r, Math.max(0, EDIT_EVERY_MS - elapsed)));
    }
    await waitForIndex;
    const t0 = performance.now();
    const view = await server.client.sendRequest(InventoryRequest.type, {});
    const inventoryMs = performance.now() - t0;
    const rssPeakMb = serverPid ? (processUsage(serverPid)?.rssPeakMb ?? NaN) : sampler.peakMb();
    sampler.stop();
    const log = indexedLog()!;
    return {
      mode: serverPid ? (viewVisible ? 'editor' : 'editor-hidden') : 'lsp',
      ms: done!,
      workerMs: Number(log[3]),
      cpuMs,
      scanned: Number(log[1]),
      skipped: Number(log[4]),
      mb: Number(log[2]),
      rssStartMb,
      rssPeakMb,
      inventoryMs,
      secrets: view.total,
      editsDuring,
      editsAfter,
    };
  } finally {
    await server.dispose();
  }
}

/** One run in a fresh `node` process (clean resident memory). */
function runChild(mode: IndexRun['mode'], dir: string): IndexRun {
  const child = spawnSync(process.execPath, ['--require', 'tsx/cjs', __filename, mode, dir], {
    cwd: resolve(__dirname, '..', '..'),
    encoding: 'utf8',
    maxBuffer: 64 * MB,
    timeout: 600_000,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  if (child.status !== 0 || !line) throw new Error(`inventory bench (${mode}) failed: ${(child.stderr || child.stdout).trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(line) as IndexRun;
}

export function benchInventory(dir: string, runs: number, onRun: (run: IndexRun) => void = () => undefined): InventoryBench {
  const all: IndexRun[] = [];
  // The editor mode runs the built server; without a build it is left out.
  const { existsSync } = require('node:fs') as typeof import('node:fs');
  const modes = existsSync(resolve(__dirname, '..', '..', 'dist', 'server.js')) ? (['direct', 'lsp', 'editor', 'editor-hidden'] as const) : (['direct', 'lsp'] as const);
  for (let i = 0; i < runs; i++) for (const mode of modes) {
    const run = runChild(mode, dir);
    all.push(run);
    onRun(run);
  }
  const of = (mode: IndexRun['mode']) => all.filter((r) => r.mode === mode);
  const pick = (mode: IndexRun['mode'], key: 'ms' | 'workerMs' | 'cpuMs' | 'rssPeakMb' | 'inventoryMs') => summarize(of(mode).map((r) => r[key]));
  const lspFigures = (mode: 'lsp' | 'editor' | 'editor-hidden') => ({
    ms: pick(mode, 'ms'),
    cpuMs: pick(mode, 'cpuMs'),
    rssPeakMb: pick(mode, 'rssPeakMb'),
    inventoryMs: pick(mode, 'inventoryMs'),
    // Edits of all runs pooled: the percentiles are over every edit made while an index ran.
    editsDuring: summarize(of(mode).flatMap((r) => r.editsDuring ?? [])),
    editsAfter: summarize(of(mode).flatMap((r) => r.editsAfter ?? [])),
  });
  return {
    runs: all,
    direct: { ms: pick('direct', 'ms'), workerMs: pick('direct', 'workerMs'), cpuMs: pick('direct', 'cpuMs'), rssPeakMb: pick('direct', 'rssPeakMb'), inventoryMs: pick('direct', 'inventoryMs') },
    lsp: lspFigures('lsp'),
    editor: of('editor').length > 0 ? lspFigures('editor') : undefined,
    editorViewHidden: of('editor-hidden').length > 0 ? lspFigures('editor-hidden') : undefined,
  };
}

if (require.main === module) {
  const [mode, dir] = process.argv.slice(2);
  const serverProgram = process.env.SERVER_PROGRAM ?? resolve(__dirname, '..', '..', 'dist', 'server.js');
  const run =
    mode === 'direct' ? runDirect
    : mode === 'lsp' ? (d: string) => runLsp(d)
    : mode === 'editor' ? (d: string) => runLsp(d, serverProgram)
    : mode === 'editor-hidden' ? (d: string) => runLsp(d, serverProgram, false)
    : undefined;
  if (!run || !dir) {
    console.error('usage: inventory.ts direct|lsp|editor|editor-hidden WORKSPACE_DIR');
    process.exit(2);
  }
  run(join(dir)).then(
    (r) => {
      console.log(JSON.stringify(r));
      process.exit(0);
    },
    (e) => {
      console.error(`${(e as Error).name}: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
