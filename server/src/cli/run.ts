import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import {
  Engine,
  emptySuppressions,
  IGNORE_FILE,
  parseGitleaksIgnore,
  parseIgnoreFile,
  parseSecretsBaseline,
  resolveSettings,
  scanText,
  type SuppressionIndex,
} from '../engine';
import { parseArgs, UsageError, USAGE, type FailOn, type ScanCommand } from './args';
import { ConfigError, loadSettings } from './config';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { decodeFile } from './readText';
import { SEVERITY_RANK, type FileFinding, type FileNotice, type ScanReport } from './report';
import { errorCode, walk } from './walk';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  version: string;
}

const SUPPRESSION_FILES = [IGNORE_FILE, '.gitleaksignore', '.secrets.baseline'];

/** Runs the CLI and returns its exit code: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let command;
  try {
    command = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`secret-hygiene: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command.command === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (command.command === 'version') {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  try {
    return runScan(command, io);
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

function runScan(command: ScanCommand, io: CliIo): number {
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
  const suppressions = readSuppressions(root);
  const maxFileSize = engine.settings.maxFileSize;

  const findings: FileFinding[] = [];
  const notices: FileNotice[] = [];
  let files = 0;
  let bytes = 0;
  for (const entry of walk({ root, targets, gitignore: command.gitignore, isExcluded: (p) => engine.isExcluded(p) })) {
    if (entry.type === 'notice') {
      notices.push({ file: entry.relativePath, level: entry.level, message: entry.message });
      continue;
    }
    const file = entry.relativePath;
    if (SUPPRESSION_FILES.includes(file)) continue; // fingerprints and hashes, not secrets
    if (entry.size > maxFileSize) {
      notices.push({ file, level: 'info', message: `not scanned: ${entry.size} bytes is over the ${maxFileSize}-byte limit (--max-file-size)` });
      continue;
    }
    let content: Buffer;
    try {
      content = readFileSync(entry.path);
    } catch (e) {
      notices.push({ file, level: 'warning', message: `not scanned: ${errorCode(e)}` });
      continue;
    }
    const decoded = decodeFile(content);
    if (decoded.binary) {
      notices.push({ file, level: 'info', message: `not scanned: ${decoded.reason}` });
      continue;
    }
    const result = engine.scan(decoded.text, file, { suppressions, byteLength: content.length });
    for (const n of result.notices) notices.push({ file, level: n.level, message: n.message });
    if (result.skipped) continue;
    files++;
    bytes += content.length;
    for (const finding of result.findings) findings.push({ file, finding });
  }

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

function readSuppressions(root: string): SuppressionIndex {
  const index = emptySuppressions();
  const read = (name: string): string | undefined => {
    try {
      return readFileSync(resolve(root, name), 'utf8');
    } catch {
      return undefined;
    }
  };
  const ignoreFile = read(IGNORE_FILE);
  if (ignoreFile !== undefined) parseIgnoreFile(ignoreFile, index);
  const gitleaks = read('.gitleaksignore');
  if (gitleaks !== undefined) parseGitleaksIgnore(gitleaks, index);
  const baseline = read('.secrets.baseline');
  if (baseline !== undefined) parseSecretsBaseline(baseline, index);
  return index;
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
