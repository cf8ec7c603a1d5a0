/** Command-line arguments of `secret-hygiene`: parsed strictly, every mistake is a UsageError (exit 2). */
import { parseReportArgs, type ReportCommand } from './reportCommand';
import { UsageError } from './usageError';

export type OutputFormat = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'info' | 'hint' | 'none';

export interface ScanCommand {
  command: 'scan';
  paths: string[];
  format: OutputFormat;
  failOn: FailOn;
  output?: string;
  config?: string;
  gitignore: boolean;
  maxFileSize?: number;
  exclude: string[];
  /** Worker threads; 1 scans in the main thread. Default: one per core, at most 4. */
  jobs?: number;
}

export type CliCommand = ScanCommand | ReportCommand | { command: 'help'; topic?: 'report' } | { command: 'version' };

export { UsageError };

export const USAGE = `Usage: secret-hygiene scan [paths...] [options]
       secret-hygiene report [folder] [--output FILE]   (see secret-hygiene report --help)

Scans files for hard-coded secrets, environment dumps, secret prints and weak CI secret handling.
Paths default to the current folder.

Options:
  --format text|json|sarif   output format (default: text)
  --fail-on LEVEL            exit 1 when a finding is at or above LEVEL:
                             error|warning|info|hint|none (default: error)
  --output FILE              write the report to FILE instead of standard output
  --config FILE              JSON settings (rules, exclude, maxFileSize, customRules, ...);
                             .secret-hygiene.json at the scan root is read as well
  --exclude GLOB             skip files matching GLOB (relative to the scan root); repeatable
  --max-file-size SIZE       skip larger files with a notice (bytes, or 512k, 4m; default 4m)
  --no-gitignore             also scan files that .gitignore files exclude
  -j, --jobs N               worker threads (default: one per core, at most 4, for scans of
                             64 MB or 8000 files and more; smaller scans use one thread; 1 = none)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error.
With several paths (or a single file), file names are relative to the current folder
when every path is inside it, else to the paths' closest common folder.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'hint', 'none'];

/** `4096`, `512k`, `512kb`, `4m`, `4mb`, `1g` (binary multiples) to bytes; undefined when invalid. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(text.trim());
  if (!m) return undefined;
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  const bytes = Math.floor(Number(m[1]) * scale);
  return bytes > 0 && Number.isFinite(bytes) ? bytes : undefined;
}

/** Parses argv (without `node` and the script). Throws UsageError on any unknown flag or bad value. */
export function parseArgs(argv: readonly string[]): CliCommand {
  if (argv.length === 0) throw new UsageError('missing command (expected "scan" or "report")');
  if (argv[0] === 'report') {
    if (argv.includes('-h') || argv.includes('--help')) return { command: 'help', topic: 'report' };
    return parseReportArgs(argv.slice(1));
  }
  if (argv.includes('-h') || argv.includes('--help')) return { command: 'help' };
  if (argv[0] === 'help') return { command: 'help' };
  if (argv.includes('-v') || argv.includes('--version')) return { command: 'version' };
  if (argv[0] !== 'scan') throw new UsageError(`unknown command "${clip(argv[0])}" (expected "scan" or "report")`);

  const cmd: ScanCommand = { command: 'scan', paths: [], format: 'text', failOn: 'error', gitignore: true, exclude: [] };
  let onlyPaths = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      cmd.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    switch (flag) {
      case '--format': {
        const v = value();
        if (!FORMATS.includes(v as OutputFormat)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
        cmd.format = v as OutputFormat;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (!FAIL_ON.includes(v as FailOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}`);
        cmd.failOn = v as FailOn;
        break;
      }
      case '--output':
      case '-o':
        cmd.output = nonEmpty(flag, value());
        break;
      case '--config':
        cmd.config = nonEmpty(flag, value());
        break;
      case '--exclude':
        cmd.exclude.push(nonEmpty(flag, value()));
        break;
      case '--max-file-size': {
        const size = parseSize(value());
        if (size === undefined) throw new UsageError('--max-file-size must be a positive size such as 1048576, 512k or 4m');
        cmd.maxFileSize = size;
        break;
      }
      case '--jobs':
      case '-j': {
        const v = value();
        if (!/^\d{1,3}$/.test(v) || Number(v) < 1 || Number(v) > 64) throw new UsageError(`${flag} must be a whole number from 1 to 64`);
        cmd.jobs = Number(v);
        break;
      }
      case '--no-gitignore':
        if (inline !== undefined) throw new UsageError('--no-gitignore takes no value');
        cmd.gitignore = false;
        break;
      default:
        throw new UsageError(`unknown option ${clip(flag)}`);
    }
  }
  if (cmd.paths.length === 0) cmd.paths.push('.');
  return cmd;
}

function nonEmpty(flag: string, v: string): string {
  if (v.length === 0) throw new UsageError(`${flag} needs a non-empty value`);
  return v;
}

/** Arguments are echoed in errors only when they look like a word or flag, so a pasted secret never is. */
function clip(text: string): string {
  return /^-{0,2}[a-z][a-z-]{0,30}$/.test(text) ? text : '(argument not shown)';
}
