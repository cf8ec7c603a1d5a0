/**
 * `secret-hygiene report [folder] [--output FILE] [--config FILE] [--no-gitignore] [--today DATE]`:
 * indexes the folder like the editor's inventory and writes the Markdown secrets report (inventory,
 * recommended backend and access model, integration plan, verification). Never holds a value.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildInventory, CodeOwners, CODEOWNERS_PATHS, INVENTORY_FILE_NAMES, parseInventoryFile, renderReport, type Signal } from '../engine/inventory';
import { indexFolder } from '../workspace/indexFolder';
import type { IndexedFile } from '../workspace/indexProtocol';
import { UsageError } from './usageError';
import { ConfigError, loadSettings } from './config';

export interface ReportCommand {
  command: 'report';
  folder: string;
  output?: string;
  config?: string;
  gitignore: boolean;
  /** YYYY-MM-DD used for rotation due dates (default: today, UTC). */
  today?: string;
}

export const REPORT_USAGE = `Usage: secret-hygiene report [folder] [options]

Writes a Markdown secrets report of the folder (default: the current folder): the inventory (what,
where, owner, rotation), the recommended backend and access model with reasons, the integration
plan, and the verification steps. Secret values never appear in it.

Options:
  --output FILE        write the report to FILE instead of standard output
  --config FILE        JSON settings as for scan
  --no-gitignore       also index files that .gitignore files exclude
  --today YYYY-MM-DD   the date rotation is judged against (default: today)`;

export function parseReportArgs(argv: readonly string[]): ReportCommand {
  const cmd: ReportCommand = { command: 'report', folder: '.', gitignore: true };
  let folderSet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--output') cmd.output = value();
    else if (arg === '--config') cmd.config = value();
    else if (arg === '--no-gitignore') cmd.gitignore = false;
    else if (arg === '--today') {
      const v = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError('--today expects a date such as 2026-01-31');
      cmd.today = v;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg.slice(0, 40)} for report`);
    else if (folderSet) throw new UsageError('report takes one folder');
    else {
      cmd.folder = arg;
      folderSet = true;
    }
  }
  return cmd;
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Runs the report; returns the exit code (0, or 2 on a usage or I/O problem reported through `fail`). */
export function runReport(cmd: ReportCommand, cwd: string, out: (text: string) => void, fail: (message: string) => void): number {
  const root = resolve(cwd, cmd.folder);
  try {
    if (!statSync(root).isDirectory()) {
      fail('report expects a folder');
      return 2;
    }
  } catch (e) {
    fail(`cannot read the folder: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    return 2;
  }
  let settings;
  try {
    settings = loadSettings(root, cmd.config === undefined ? undefined : { path: resolve(cwd, cmd.config), shownName: cmd.config });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    fail(e.message);
    return 2;
  }
  const files: IndexedFile[] = [];
  indexFolder({ type: 'index', root, settings: settings as never, exclude: [], gitignore: cmd.gitignore }, (batch) => files.push(...batch));
  let inventoryFile;
  for (const name of INVENTORY_FILE_NAMES) {
    const text = readOptional(join(root, name));
    if (text !== undefined) {
      inventoryFile = parseInventoryFile(text);
      break;
    }
  }
  let codeowners;
  for (const p of CODEOWNERS_PATHS) {
    const text = readOptional(join(root, p));
    if (text !== undefined) {
      codeowners = new CodeOwners(text);
      break;
    }
  }
  const today = cmd.today ?? new Date().toISOString().slice(0, 10);
  const signals = new Set<Signal>(files.flatMap((f) => f.signals));
  const checkCounts = new Map<string, number>();
  for (const f of files) for (const r of f.checkRules) checkCounts.set(r, (checkCounts.get(r) ?? 0) + 1);
  const markdown = renderReport({
    title: basename(root),
    today,
    inventory: buildInventory({ files: files.map((f) => f.facts), inventoryFile, codeowners, today }),
    signals,
    checkCounts,
  });
  if (cmd.output) {
    try {
      writeFileSync(resolve(cwd, cmd.output), markdown);
    } catch (e) {
      fail(`cannot write the report: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      return 2;
    }
  } else out(markdown);
  return 0;
}
