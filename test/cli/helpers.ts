/**
 * Helpers for the CLI tests. They run the real bundle, `node dist/cli.js`, which a mocha before-hook
 * (`ensureCliBuilt`) rebuilds with `node scripts/build.mjs cli` when it is missing or older than any
 * source under server/src or package.json. Fixture trees are generated into temp folders; secret
 * values come from the fake.ts generators and every output is checked for them.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checksummedToken, LOWER_ALNUM, token } from '../../server/src/engine/rules/fake';

export const REPO = resolve(__dirname, '..', '..');
export const CLI = join(REPO, 'dist', 'cli.js');

/** Every secret value a test generated; no CLI output may contain any of them. */
const generatedSecrets = new Set<string>();

/** A GitHub classic token with a valid checksum (the catalogue's `github-classic-pat` rule). */
export function githubToken(label: string): string {
  const value = checksummedToken('ghp_', `cli-test:${label}`);
  generatedSecrets.add(value);
  return value;
}

/** A value for the test-only custom rule `acme-key` below. */
export function acmeKey(label: string): string {
  const value = token('acme_', 24, LOWER_ALNUM, `cli-test:${label}`);
  generatedSecrets.add(value);
  return value;
}

/** A custom rule (settings `customRules`) used where the catalogue has no rule of that kind. */
export const ACME_RULE = {
  id: 'acme-key',
  title: 'Acme API key',
  pattern: '(?<secret>acme_[a-z0-9]{24})',
  keywords: ['acme_'],
  severity: 'warning',
  remediation: 'Revoke the key in the Acme console and issue a new one kept in a secret manager.',
};

/** Custom rules get the `custom-` prefix in findings. */
export const ACME_RULE_ID = `custom-${ACME_RULE.id}`;

export function allGeneratedSecrets(): string[] {
  return [...generatedSecrets];
}

const tempRoots: string[] = [];

/** Writes `files` (path -> text or bytes) under a new temp folder and returns its path. */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'sh-cli-'));
  tempRoots.push(root);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export function removeTrees(): void {
  for (const root of tempRoots.splice(0)) rmSync(root, { recursive: true, force: true });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args` in `cwd`; fails the test if any generated secret is printed. */
export function runCli(args: string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  const run = { code: result.status, stdout: result.stdout, stderr: result.stderr };
  assertNoSecret(run.stdout + run.stderr, `output of ${args.join(' ')}`);
  return run;
}

export function assertNoSecret(text: string, where: string): void {
  for (const secret of generatedSecrets) {
    // Report the position only: the assertion message must not repeat the value either.
    const at = text.indexOf(secret);
    assert.equal(at, -1, `${where} contains a generated secret at offset ${at}`);
  }
}

export function runJson(args: string[], cwd: string): { code: number | null; json: JsonReport; stderr: string } {
  const run = runCli([...args, '--format', 'json'], cwd);
  let json: JsonReport;
  try {
    json = JSON.parse(run.stdout) as JsonReport;
  } catch {
    assert.fail(`not JSON (exit ${run.code}): ${run.stderr.slice(0, 300)}`);
  }
  return { code: run.code, json, stderr: run.stderr };
}

export interface JsonFinding {
  file: string;
  rule: string;
  kind: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  startOffset: number;
  endOffset: number;
  fingerprint: string;
  preview: string;
}

export interface JsonReport {
  version: number;
  findings: JsonFinding[];
  notices: { file: string; level: string; message: string }[];
  stats: { files: number; bytes: number; ms: number };
}

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Rebuilds dist/cli.js when it is missing or older than the sources it is bundled from. */
export function ensureCliBuilt(): void {
  let built = 0;
  try {
    built = statSync(CLI).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = Math.max(newestMtime(join(REPO, 'server', 'src')), statSync(join(REPO, 'package.json')).mtimeMs);
  if (built >= sources) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs', 'cli'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(result.status, 0, `building the CLI failed: ${result.stderr}`);
}
