// `npm run bench`: figures only, no assertions. Prints a table and writes out/bench/results.json.
//   1. throughput on a generated corpus (>= 20 MB, fake secrets planted at a known rate):
//      the engine in process, and the CLI end to end (node dist/cli.js);
//   2. editor latency through the language server in process (test/lsp/harness.ts);
//   3. the first full workspace index of a generated 10,000-file workspace (scripts/bench/inventory.ts):
//      time, peak resident memory, and per-edit diagnostics latency while it runs, with the server in
//      the bench's process and, when dist/server.js is built, in its own process as editors run it.
// Options (environment): BENCH_MB (corpus size, default 24), BENCH_RUNS (default 5), BENCH_EDITS (default 200),
// BENCH_INDEX_RUNS (workspace index runs, default 3; 0 skips the section).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchAnalyzers } from './bench/analyzers';
import { ensureCorpus } from './bench/corpus';
import { benchInventory } from './bench/inventory';
import { ensureInventoryWorkspace } from './bench/inventoryWorkspace';
import { round, type Summary } from './bench/stats';
import type * as LspModule from './bench/lsp';
import { benchSecretlint } from './bench/secretlint';
import { benchCli, benchEngine } from './bench/throughput';

type LspBench = typeof LspModule;

const repo = resolve(__dirname, '..');
const MB = 1024 * 1024;
const corpusMb = Number(process.env.BENCH_MB ?? 24);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const edits = Number(process.env.BENCH_EDITS ?? 200);
const indexRuns = Number(process.env.BENCH_INDEX_RUNS ?? 3);
const FIRST_DIAGNOSTICS_SAMPLES = 20;
const TARGETS = { mbPerSecond: 50, editP95Ms: 10, firstDiagnostics1MbMs: 50, firstIndexMs: 15_000, indexRssMb: 250 };

type Row = [string, string, string, string, string];
const rows: Row[] = [];
const fmt = (s: Summary, unit: string) => [`${round(s.p50)} ${unit}`, `${round(s.p95)} ${unit}`, `${round(s.min)}..${round(s.max)}`] as const;

/** Errors raised inside the in-process server after a measurement ended (e.g. work finishing after dispose). */
const backgroundErrors: string[] = [];
process.on('unhandledRejection', (reason) => {
  backgroundErrors.push(`${(reason as Error)?.name ?? 'unknown'}: ${String((reason as Error)?.message ?? '').split('\n')[0].slice(0, 120)}`);
});

async function main(): Promise<void> {
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cores: availableParallelism(), targets: TARGETS };
  // Figures from a busy machine are not comparable: say how busy it was.
  results.loadAverageAtStart = loadavg()[0];
  console.log(`node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}`);

  const dir = join(tmpdir(), `secret-hygiene-bench-corpus`);
  const manifest = ensureCorpus(dir, corpusMb * MB);
  const corpus = { dir, files: manifest.files.length, mb: round(manifest.bytes / MB), planted: manifest.planted.length };
  results.corpus = corpus;
  console.log(`corpus: ${corpus.files} files, ${corpus.mb} MB, ${corpus.planted} planted fake secrets (${dir})`);

  const engine = benchEngine(dir, manifest, runs);
  results.engine = engine;
  rows.push(['engine throughput (in process)', ...fmt(engine.mbPerSecond, 'MB/s'), `>= ${TARGETS.mbPerSecond} MB/s`]);
  rows.push(['engine throughput by CPU time', ...fmt(engine.cpuMbPerSecond, 'MB/s'), `>= ${TARGETS.mbPerSecond} MB/s`]);
  rows.push(['engine time per file', ...fmt(engine.perFileMs, 'ms'), '']);

  const analyzers = benchAnalyzers(dir, manifest);
  results.analyzers = analyzers;

  const cli = join(repo, 'dist', 'cli.js');
  if (existsSync(cli)) {
    const cliRuns = Math.max(3, Math.min(runs, 5));
    const cliDefault = benchCli(cli, dir, manifest, cliRuns);
    const cliSingle = benchCli(cli, dir, manifest, cliRuns, ['--jobs', '1']);
    results.cli = { defaultJobs: cliDefault, oneJob: cliSingle, cores: availableParallelism() };
    rows.push([`CLI throughput (end to end, default jobs, ${availableParallelism()} cores)`, ...fmt(cliDefault.mbPerSecond, 'MB/s'), `>= ${TARGETS.mbPerSecond} MB/s`]);
    if (cliDefault.cpuMbPerSecond) rows.push(['  same, by CPU time of all threads', ...fmt(cliDefault.cpuMbPerSecond, 'MB/s'), `>= ${TARGETS.mbPerSecond} MB/s`]);
    rows.push(['CLI throughput (end to end, --jobs 1)', ...fmt(cliSingle.mbPerSecond, 'MB/s'), '']);
    if (cliSingle.cpuMbPerSecond) rows.push(['  same, by CPU time', ...fmt(cliSingle.cpuMbPerSecond, 'MB/s'), `>= ${TARGETS.mbPerSecond} MB/s`]);
    if (cliDefault.maxRssKb && cliSingle.maxRssKb) {
      console.log(`CLI peak memory: ${Math.round(cliDefault.maxRssKb / 1024)} MB (default jobs), ${Math.round(cliSingle.maxRssKb / 1024)} MB (--jobs 1)`);
    }
  } else {
    results.cli = 'not measured: dist/cli.js missing (run node scripts/build.mjs cli)';
    rows.push(['CLI throughput (end to end)', 'not measured', '', '', '']);
  }

  // A comparison point, not a target: secretlint's recommended preset on a slice of the same corpus.
  const secretlint = benchSecretlint(dir, manifest, Number(process.env.BENCH_SECRETLINT_MB ?? 4), 3);
  results.secretlint = secretlint;
  if (typeof secretlint === 'string') rows.push(['secretlint (comparison)', secretlint, '', '', '']);
  else rows.push([`secretlint ${secretlint.version} recommended preset, ${secretlint.mb} MB slice (comparison)`, ...fmt(secretlint.mbPerSecond, 'MB/s'), '']);

  // Loaded lazily: the language server and its harness are other modules that may be mid-change.
  let lsp: LspBench | undefined;
  try {
    lsp = require('./bench/lsp') as LspBench;
  } catch (e) {
    results.lsp = `not measured: the in-process harness did not load (${(e as Error).name})`;
    console.error(`LSP latency not measured: ${(e as Error).message.split('\n')[0]}`);
  }
  if (lsp) {
    const edit = await lsp.benchEditLatency('vscode', 10_000, edits);
    const editPush = await lsp.benchEditLatency('push', 10_000, Math.min(edits, 40));
    const workflow = await lsp.benchEditLatency('vscode', 1000, edits, lsp.workflowDocument(1000));
    // 20 opens: with 9 (as before 2026-12-08) the reported p95 was the single slowest open.
    const first = await lsp.benchFirstDiagnostics('vscode', MB, FIRST_DIAGNOSTICS_SAMPLES);
    const firstPush = await lsp.benchFirstDiagnostics('push', MB, 5);
    results.lsp = { editPull: edit, editPush, editWorkflow: workflow, firstPull: first, firstPush };
    rows.push([`per-edit diagnostics, ${edit.lines} lines (pull)`, ...fmt(edit.ms, 'ms'), `p95 <= ${TARGETS.editP95Ms} ms`]);
    rows.push(['  same, CPU time', ...fmt(edit.cpuMs, 'ms'), `p95 <= ${TARGETS.editP95Ms} ms`]);
    rows.push([`per-edit diagnostics, ${editPush.lines} lines (push, incl. debounce)`, ...fmt(editPush.ms, 'ms'), '']);
    rows.push([`per-edit diagnostics, ${workflow.lines}-line GitHub workflow (pull)`, ...fmt(workflow.ms, 'ms'), `p95 <= ${TARGETS.editP95Ms} ms`]);
    rows.push(['  same, CPU time', ...fmt(workflow.cpuMs, 'ms'), `p95 <= ${TARGETS.editP95Ms} ms`]);
    rows.push([`first diagnostics, ${round(first.bytes / MB)} MB file (pull)`, ...fmt(first.ms, 'ms'), `<= ${TARGETS.firstDiagnostics1MbMs} ms`]);
    rows.push(['  same, CPU time', ...fmt(first.cpuMs, 'ms'), `<= ${TARGETS.firstDiagnostics1MbMs} ms`]);
    rows.push([`first diagnostics, ${round(firstPush.bytes / MB)} MB file (push, incl. debounce)`, ...fmt(firstPush.ms, 'ms'), '']);
  } else rows.push(['LSP latency', 'not measured yet', '', '', '']);

  if (indexRuns > 0) {
    const workspaceDir = join(tmpdir(), 'secret-hygiene-bench-inventory');
    const workspace = ensureInventoryWorkspace(workspaceDir);
    const what = `${workspace.indexed} files, ${round(workspace.indexedBytes / MB, 1)} MB`;
    console.log(`workspace index: ${what} (+${workspace.skipped} ignored or in node_modules), ${indexRuns} runs (${workspaceDir})`);
    const index = benchInventory(workspaceDir, indexRuns, (r) => console.log(`  ${r.mode}: ${Math.round(r.ms)} ms, ${r.scanned} files, peak RSS ${Math.round(r.rssPeakMb)} MB`));
    results.inventory = { workspace, ...index };
    rows.push([`first full index, ${what} (WorkspaceIndex)`, ...fmt(index.direct.ms, 'ms'), `<= ${TARGETS.firstIndexMs} ms`]);
    rows.push(['  same, CPU time (all threads)', ...fmt(index.direct.cpuMs, 'ms'), '']);
    rows.push(['  peak RSS', ...fmt(index.direct.rssPeakMb, 'MB'), `<= ${TARGETS.indexRssMb} MB`]);
    rows.push(['first full index, language server, while typing', ...fmt(index.lsp.ms, 'ms'), `<= ${TARGETS.firstIndexMs} ms`]);
    rows.push(['  same, CPU time (all threads, incl. typing)', ...fmt(index.lsp.cpuMs, 'ms'), '']);
    rows.push(['  peak RSS', ...fmt(index.lsp.rssPeakMb, 'MB'), `<= ${TARGETS.indexRssMb} MB`]);
    rows.push(['  per-edit diagnostics during the index (pull)', ...fmt(index.lsp.editsDuring, 'ms'), `p95 <= ${TARGETS.editP95Ms} ms`]);
    rows.push(['  per-edit diagnostics after the index (pull)', ...fmt(index.lsp.editsAfter, 'ms'), `p95 <= ${TARGETS.editP95Ms} ms`]);
    rows.push(['  inventory request after the index', ...fmt(index.lsp.inventoryMs, 'ms'), '']);
    if (index.editor) {
      rows.push(['first full index, server in its own process (as editors run it), while typing', ...fmt(index.editor.ms, 'ms'), `<= ${TARGETS.firstIndexMs} ms`]);
      rows.push(['  same, CPU time of the server process', ...fmt(index.editor.cpuMs, 'ms'), '']);
      rows.push(['  peak RSS of the server process', ...fmt(index.editor.rssPeakMb, 'MB'), `<= ${TARGETS.indexRssMb} MB`]);
      rows.push(['  per-edit diagnostics during the index (pull)', ...fmt(index.editor.editsDuring, 'ms'), `p95 <= ${TARGETS.editP95Ms} ms`]);
      rows.push(['  per-edit diagnostics after the index (pull)', ...fmt(index.editor.editsAfter, 'ms'), `p95 <= ${TARGETS.editP95Ms} ms`]);
      if (index.editorViewHidden) {
        rows.push(['  same, Secrets view hidden: per-edit during the index', ...fmt(index.editorViewHidden.editsDuring, 'ms'), `p95 <= ${TARGETS.editP95Ms} ms`]);
        rows.push(['  same, Secrets view hidden: index time', ...fmt(index.editorViewHidden.ms, 'ms'), `<= ${TARGETS.firstIndexMs} ms`]);
      }
    } else rows.push(['first full index, server in its own process', 'not measured: dist/server.js missing (npm run build)', '', '', '']);
  }

  const header: Row = ['measure', 'p50', 'p95', 'range', 'target'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i].length)));
  const line = (r: Row) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
  console.log(`\nengine: ${engine.findings} findings; ${engine.plantedFound}/${engine.planted} planted secrets found`);
  console.log(`time per analyzer (one pass): ${analyzers.map((a) => `${a.id} ${a.ms} ms (${a.mbPerSecond} MB/s, worst file ${a.worstFileMs} ms)`).join('; ')}`);

  if (backgroundErrors.length) {
    results.backgroundErrors = backgroundErrors;
    console.log(`note: ${backgroundErrors.length} unhandled rejection(s) from the in-process server, e.g. ${backgroundErrors[0]}`);
  }
  const outDir = join(repo, 'out', 'bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`results: ${join('out', 'bench', 'results.json')}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench failed: ${(e as Error).name}: ${(e as Error).message}`);
    process.exit(1);
  },
);
