import { statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { Engine, resolveSettings, scanText } from '../engine';
import { parseArgs, UsageError, USAGE, type FailOn, type ScanCommand } from './args';
import { REPORT_USAGE, runReport } from './reportCommand';
import { ConfigError, loadSettings } from './config';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { scanAll, type WorkItem } from './pool';
import { SEVERITY_RANK, type FileFinding, type FileNotice, type ScanReport } from './report';
import { SUPPRESSION_FILES } from '../files/suppressionFiles';
import { enclosingGitRoot, errorCode, walk, type WalkEntry } from '../files/walk';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  version: string;
  /** Script that starts a scan worker thread (the CLI bundle itself); without it, no workers. */
  workerScript?: string;
}

/** Runs the CLI and returns its exit code: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command;
  try {
    command = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`secret-hygiene: ${e.message}\n\n${argv[0] === 'report' ? REPORT_USAGE : USAGE}\n`);
    return 2;
  }
  if (command.command === 'help') {
    io.stdout(`${command.topic === 'report' ? REPORT_USAGE : USAGE}\n`);
    return 0;
  }
  if (command.command === 'version') {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  try {
    if (command.command === 'report') return runReport(command, io.cwd, io.stdout, (message) => io.stderr(`secret-hygiene: ${message}\n`));
    return await runScan(command, io);
  } catch (e) {
    if (e instanceof CliError || e instanceof ConfigError) {
      io.stderr(`secret-hygiene: ${e.message}\n`);
      return 2;
    }
    // An unexpected bug: name the error type only, never a message that could quote scanned text.
    io.stderr(`secret-hygiene: internal error (${(e as Error)?.name ?? 'unknown'}); please report it\n`);
    return 2;
  }
}

class CliError extends Error {}

async function runScan(command: ScanCommand, io: CliIo): Promise<number> {
  const started = performance.now();
  const given = [...new Set(command.paths.map((p) => resolve(io.cwd, p)))];
  const givenIsDirectory = given.map((target, i) => {
    try {
      return statSync(target).isDirectory();
    } catch (e) {
      throw new CliError(`cannot scan ${redact(relative(io.cwd, given[i]) || '.')}: ${errorCode(e)}`);
    }
  });
  // A path inside another scanned folder (or given twice) is scanned once.
  const keep = given.map((t, i) => !given.some((other, j) => j !== i && givenIsDirectory[j] && isInside(other, t)));
  const targets = given.filter((_, i) => keep[i]);
  const isDirectory = givenIsDirectory.filter((_, i) => keep[i]);
  const root = scanRoot(targets, isDirectory, io.cwd);

  const raw = loadSettings(root, command.config === undefined ? undefined : { path: resolve(io.cwd, command.config), shownName: redact(command.config) });
  if (command.exclude.length) raw.exclude = [...(Array.isArray(raw.exclude) ? raw.exclude : []), ...command.exclude];
  if (command.maxFileSize !== undefined) raw.maxFileSize = command.maxFileSize;
  const engine = new Engine(resolveSettings(raw));
  if (engine.problems.length) throw new CliError(`invalid settings:\n  ${engine.problems.join('\n  ')}`);
  const maxFileSize = engine.settings.maxFileSize;

  const findings: FileFinding[] = [];
  const notices: FileNotice[] = [];
  let files = 0;
  let bytes = 0;
  const ignoreTop = command.gitignore ? (enclosingGitRoot(root) ?? root) : root;
  const entries = walk({ root, targets, ignoreTop, gitignore: command.gitignore, isExcluded: (p) => engine.isExcluded(p) });
  await scanAll(workItems(entries, maxFileSize), command.jobs ?? defaultJobs(), { settings: raw, root, engine, workerScript: io.workerScript, jobsExplicit: command.jobs !== undefined }, (outcome) => {
    notices.push(...outcome.notices);
    if (!outcome.scanned) return;
    files++;
    bytes += outcome.bytes;
    for (const finding of outcome.findings) findings.push({ file: outcome.file, finding });
  });

  const report: ScanReport = {
    findings,
    notices,
    stats: { files, bytes, ms: Math.round(performance.now() - started) },
    rule: (id) => engine.rule(id),
    toolVersion: io.version,
  };
  const output = command.format === 'json' ? formatJson(report) : command.format === 'sarif' ? formatSarif(report) : formatText(report);
  if (command.output !== undefined) {
    try {
      writeFileSync(resolve(io.cwd, command.output), output);
    } catch (e) {
      throw new CliError(`cannot write ${redact(command.output)}: ${errorCode(e)}`);
    }
  } else io.stdout(output);
  return failed(findings, command.failOn) ? 1 : 0;
}

/**
 * The folder file names are relative to: a single scanned folder itself; otherwise the current
 * folder when every path is inside it, else the paths' closest common folder.
 */
export function scanRoot(targets: string[], isDirectory: boolean[], cwd: string): string {
  if (targets.length === 1 && isDirectory[0]) return targets[0];
  if (targets.every((t) => isInside(cwd, t))) return cwd;
  let common = isDirectory[0] ? targets[0] : dirname(targets[0]);
  for (const t of targets) while (!isInside(common, t)) common = dirname(common);
  return common;
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Turns the walk into work items; skips and oversize notices are settled without reading the file. */
function* workItems(entries: Iterable<WalkEntry>, maxFileSize: number): Generator<WorkItem> {
  for (const entry of entries) {
    if (entry.type === 'notice') {
      const notice: FileNotice = { file: entry.relativePath, level: entry.level, message: entry.message };
      yield { kind: 'done', outcome: { file: entry.relativePath, scanned: false, bytes: 0, findings: [], notices: [notice] } };
    } else if (SUPPRESSION_FILES.includes(entry.relativePath)) {
      continue; // fingerprints and hashes, not secrets
    } else if (entry.size > maxFileSize) {
      const message = `not scanned: ${entry.size} bytes is over the ${maxFileSize}-byte limit (--max-file-size)`;
      const notice: FileNotice = { file: entry.relativePath, level: 'info', message };
      yield { kind: 'done', outcome: { file: entry.relativePath, scanned: false, bytes: 0, findings: [], notices: [notice] } };
    } else yield { kind: 'file', job: { path: entry.path, relativePath: entry.relativePath, size: entry.size } };
  }
}

/** Worker threads by default: up to 4, one per core; a single core scans in the main thread. */
function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** A path echoed in an error, with anything the engine recognises as a secret masked. */
function redact(text: string): string {
  const findings = scanText(text, 'cli-argument.txt').findings;
  let out = text;
  for (const f of [...findings].sort((a, b) => b.startOffset - a.startOffset)) {
    out = out.slice(0, f.startOffset) + f.preview + out.slice(f.endOffset);
  }
  return out;
}

function failed(findings: FileFinding[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const threshold = SEVERITY_RANK[failOn];
  return findings.some(({ finding }) => SEVERITY_RANK[finding.severity] >= threshold);
}
