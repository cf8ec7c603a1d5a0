/**
 * Comparison point for the README: secretlint (the version @vscode/vsce ships, with its recommended
 * preset) over a slice of the same generated corpus, timed end to end like our CLI. Figures only.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { CorpusManifest } from './corpus';
import { summarize, type Summary } from './stats';

const MB = 1024 * 1024;

export interface SecretlintThroughput {
  version: string;
  mb: number;
  files: number;
  mbPerSecond: Summary;
}

/** Runs secretlint on the first `sliceMb` of the corpus `runs` times; undefined when it is not installed. */
export function benchSecretlint(dir: string, manifest: CorpusManifest, sliceMb: number, runs: number): SecretlintThroughput | string {
  const repo = resolve(__dirname, '..', '..');
  const bin = join(repo, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  const preset = join(repo, 'node_modules', '@secretlint', 'secretlint-rule-preset-recommend');
  if (!existsSync(bin) || !existsSync(preset)) return 'not measured: secretlint is not installed (it comes with @vscode/vsce)';
  const work = mkdtempSync(join(tmpdir(), 'sh-bench-secretlint-'));
  try {
    let bytes = 0;
    let files = 0;
    for (const file of manifest.files) {
      if (bytes >= sliceMb * MB) break;
      const target = join(work, 'src', file);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(dir, file), target);
      bytes += statSync(target).size;
      files++;
    }
    writeFileSync(join(work, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
    const rates: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const result = spawnSync(process.execPath, [bin, '--secretlintrc', join(work, '.secretlintrc.json'), '--format', 'json', 'src/**/*'], {
        cwd: work,
        encoding: 'utf8',
        maxBuffer: 256 * MB,
        env: { ...process.env, NODE_PATH: join(repo, 'node_modules') },
      });
      const seconds = (performance.now() - started) / 1000;
      if (result.status !== 0 && result.status !== 1) return `not measured: secretlint exited ${result.status}`;
      rates.push(bytes / MB / seconds);
    }
    const version = (spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).stdout || '').trim();
    return { version, mb: Math.round((bytes / MB) * 100) / 100, files, mbPerSecond: summarize(rates) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
