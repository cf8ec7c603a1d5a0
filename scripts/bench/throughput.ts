/** Throughput: the engine in process over a corpus held in memory, and the CLI end to end. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, resolveSettings } from '../../server/src/engine';
import type { CorpusManifest } from './corpus';
import { summarize, type Summary } from './stats';

const MB = 1024 * 1024;
/** GNU time reports a child's CPU time and peak memory; spawnSync does not. */
const TIME_TOOL = '/usr/bin/time';
const TIME_MARK = 'secret-hygiene-bench-usage';

export interface EngineThroughput {
  runs: number;
  mbPerSecond: Summary;
  /** Throughput by this process's CPU time: closer to an idle machine's figure when the machine is busy. */
  cpuMbPerSecond: Summary;
  perFileMs: Summary;
  findings: number;
  plantedFound: number;
  planted: number;
}

export function benchEngine(dir: string, manifest: CorpusManifest, runs: number): EngineThroughput {
  const engine = new Engine(resolveSettings({}));
  const texts = manifest.files.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
  const bytes = manifest.bytes;
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const perFile: number[] = [];
  let findings = 0;
  const hits = new Map<string, [number, number][]>();
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (const { file, text } of texts) {
      const t0 = performance.now();
      const result = engine.scan(text, file);
      if (run === runs) perFile.push(performance.now() - t0);
      if (run === 0) {
        findings += result.findings.length;
        hits.set(file, result.findings.map((f) => [f.startOffset, f.endOffset]));
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    if (run > 0) {
      // run 0 warms the JIT and is not counted
      rates.push(bytes / MB / seconds);
      cpuRates.push(bytes / MB / ((cpu.user + cpu.system) / 1e6));
    }
  }
  const plantedFound = manifest.planted.filter((p) => (hits.get(p.file) ?? []).some(([s, e]) => s < p.end && p.start < e)).length;
  return { runs, mbPerSecond: summarize(rates), cpuMbPerSecond: summarize(cpuRates), perFileMs: summarize(perFile), findings, plantedFound, planted: manifest.planted.length };
}

export interface CliThroughput {
  runs: number;
  mbPerSecond: Summary;
  /** By the CLI process's CPU time (user + system, all threads) when /usr/bin/time is there. */
  cpuMbPerSecond?: Summary;
  /** Peak resident memory of the CLI process, KB, when /usr/bin/time is there. */
  maxRssKb?: number;
  wallMs: Summary;
  findings: number;
  filesScanned: number;
}

export function benchCli(cli: string, dir: string, manifest: CorpusManifest, runs: number, extraArgs: string[] = []): CliThroughput {
  const output = join(tmpdir(), `secret-hygiene-bench-${process.pid}.json`);
  const walls: number[] = [];
  let findings = 0;
  let filesScanned = 0;
  const cpus: number[] = [];
  let maxRssKb: number | undefined;
  const timeTool = existsSync(TIME_TOOL);
  for (let run = 0; run < runs; run++) {
    const args = [cli, 'scan', dir, '--format', 'json', '--fail-on', 'none', '--output', output, ...extraArgs];
    const started = performance.now();
    const result = timeTool
      ? spawnSync(TIME_TOOL, ['-f', `${TIME_MARK} %U %S %M`, process.execPath, ...args], { encoding: 'utf8' })
      : spawnSync(process.execPath, args, { encoding: 'utf8' });
    walls.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`CLI exited ${result.status}: ${result.stderr.slice(0, 300)}`);
    const usage = new RegExp(`${TIME_MARK} ([\\d.]+) ([\\d.]+) (\\d+)`).exec(result.stderr);
    if (usage) {
      cpus.push(Number(usage[1]) + Number(usage[2]));
      maxRssKb = Math.max(maxRssKb ?? 0, Number(usage[3]));
    }
    const report = JSON.parse(readFileSync(output, 'utf8')) as { findings: unknown[]; stats: { files: number } };
    findings = report.findings.length;
    filesScanned = report.stats.files;
  }
  rmSync(output, { force: true });
  return {
    runs,
    wallMs: summarize(walls),
    mbPerSecond: summarize(walls.map((ms) => manifest.bytes / MB / (ms / 1000))),
    cpuMbPerSecond: cpus.length ? summarize(cpus.map((seconds) => manifest.bytes / MB / seconds)) : undefined,
    maxRssKb,
    findings,
    filesScanned,
  };
}
