/**
 * Credentials in tables, where the name is a column header and not next to the value: a Markdown
 * table with a `Password` or `API key` column ("default logins" in a README), a CSV or TSV file
 * whose header has such a column, and an SQL `INSERT INTO t (…, password) VALUES (…), (…)` (seed
 * data). Each cell of a secret column is judged like an assigned value (classify.ts): placeholders,
 * stored password hashes and references stay quiet.
 *
 * A cell's finding depends on a header that can be far above it, beyond the reach of the generic
 * detector's edit reuse, so tables are a separate analyzer that reads the whole file on every
 * version. It only runs on Markdown, CSV/TSV and SQL files, and a cheap test on the text skips
 * files with no table or statement that names a secret column.
 */
import type { Analyzer } from '../analyzer';
import { maskedPreview } from '../mask';
import type { RawFinding } from '../types';
import { isStoredPasswordHash } from '../values';
import { GENERIC_PASSWORD, judge } from './classify';
import { genericRuleInfos } from './assignmentAnalyzer';
import { secretSlotOf, suggestedNameOf, type SecretSlot } from './names';
import { conflictsWithProviderFormat } from './providerNames';

/** Cells longer than this hold text or data, not a credential. */
const MAX_CELL = 512;
/** Rows read per table or statement at most (a data dump is not configuration). */
const MAX_ROWS = 100_000;
/** Cells reported per file at most; past it, a notice counts the rest (a data export, not configuration). */
const MAX_REPORTED = 100;
/** Files larger than this are data exports: not read for tables. */
const MAX_TEXT = 4 * 1024 * 1024;

/** Header words that can name a secret column (a superset: secretSlotOf decides). */
const SECRET_COLUMN_HINT = /pass|pwd|pw\b|secret|token|key|credential|auth/i;

interface Column {
  index: number;
  name: string;
  slot: SecretSlot;
}

interface Cell {
  value: string;
  start: number;
  end: number;
}

export const tableAnalyzer: Analyzer = {
  id: 'generic-tables',
  rules: genericRuleInfos,
  appliesTo: (ctx) => tableKindOf(ctx.baseName) !== undefined && ctx.text.length <= MAX_TEXT,
  analyze: (ctx) => {
    const kind = tableKindOf(ctx.baseName)!;
    // A CSV/TSV file names its columns on its first line; tables and statements can be anywhere.
    if (!SECRET_COLUMN_HINT.test(kind === 'csv' || kind === 'tsv' ? firstLine(ctx.text) : ctx.text)) return { findings: [] };
    const cells = kind === 'markdown' ? markdownCells(ctx.text) : kind === 'sql' ? sqlCells(ctx.text) : delimitedCells(ctx.text, kind === 'tsv' ? '\t' : ',');
    const findings: RawFinding[] = [];
    const { disabledRules } = ctx.settings;
    let unreported = 0;
    for (const { column, cell } of cells) {
      if (cell.value.length === 0 || cell.value.length > MAX_CELL || isStoredPasswordHash(cell.value)) continue;
      const ruleId = judge(column.slot, cell.value, column.name);
      if (!ruleId || disabledRules.has(ruleId) || conflictsWithProviderFormat(column.name, cell.value)) continue;
      if (findings.length >= MAX_REPORTED) {
        unreported++;
        continue;
      }
      const what = ruleId === GENERIC_PASSWORD ? 'password' : 'secret';
      findings.push({
        ruleId,
        start: cell.start,
        end: cell.end,
        message: `Hard-coded ${what} in the \`${column.name}\` column (${maskedPreview(cell.value)}). Move it to a secret manager, keep only a reference here, and rotate it.`,
        data: { keyName: column.name, suggestedName: suggestedNameOf(column.name) },
      });
    }
    if (unreported === 0) return { findings };
    const message = `${unreported} more secret-looking cell${unreported === 1 ? '' : 's'} in secret columns not reported (the first ${MAX_REPORTED} are): the file looks like a data export with credentials`;
    return { findings, notices: [{ level: 'warning', message }] };
  },
};

type TableKind = 'markdown' | 'csv' | 'tsv' | 'sql';

function tableKindOf(baseName: string): TableKind | undefined {
  if (/\.(?:md|markdown|mdx)$/.test(baseName)) return 'markdown';
  if (baseName.endsWith('.csv')) return 'csv';
  if (baseName.endsWith('.tsv')) return 'tsv';
  if (baseName.endsWith('.sql')) return 'sql';
  return undefined;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}

/** The columns of a header whose name is a secret slot. */
function secretColumns(names: string[]): Column[] {
  const columns: Column[] = [];
  names.forEach((raw, index) => {
    const name = raw.replace(/[`*"'[\]]/g, '').trim();
    if (!name || name.length > 64 || !SECRET_COLUMN_HINT.test(name)) return;
    const slot = secretSlotOf(name.replace(/\s+/g, '_'));
    if (slot) columns.push({ index, name, slot });
  });
  return columns;
}

/** Lines of `text` with their offsets. */
function* linesOf(text: string): Generator<{ line: string; start: number }> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    yield { line: text.slice(start, end).replace(/\r$/, ''), start };
    start = end + 1;
  }
}

/** Splits a Markdown table row on unescaped pipes; cells with offsets in the line, trimmed, code ticks removed. */
function markdownRow(line: string): Cell[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') && !/[^\\]\|/.test(trimmed)) return undefined;
  const cells: Cell[] = [];
  let cellStart = line.indexOf(trimmed[0]) + (trimmed.startsWith('|') ? 1 : 0);
  for (let i = cellStart; i <= line.length; i++) {
    if (i === line.length || (line[i] === '|' && line[i - 1] !== '\\')) {
      if (i === line.length && line.slice(cellStart).trim() === '') break; // after a closing pipe
      cells.push(trimCell(line, cellStart, i));
      cellStart = i + 1;
    }
  }
  return cells;
}

/** A cell's text without surrounding blanks and one level of code ticks or quotes. */
function trimCell(line: string, from: number, to: number): Cell {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(line[start])) start++;
  while (end > start && /\s/.test(line[end - 1])) end--;
  for (const quote of ['`', '"', "'"]) {
    if (end - start >= 2 && line[start] === quote && line[end - 1] === quote) {
      start++;
      end--;
      break;
    }
  }
  return { value: line.slice(start, end), start, end };
}

const MARKDOWN_DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function* markdownCells(text: string): Generator<{ column: Column; cell: Cell }> {
  let header: Cell[] | undefined;
  let columns: Column[] = [];
  let inTable = false;
  let rows = 0;
  let inFence = false;
  for (const { line, start } of linesOf(text)) {
    if (/^\s*(?:```|~~~)/.test(line)) {
      inFence = !inFence;
      header = undefined;
      inTable = false;
      continue;
    }
    if (inFence) continue;
    if (inTable) {
      const row = markdownRow(line);
      if (!row || ++rows > MAX_ROWS) {
        inTable = false;
      } else {
        for (const column of columns) {
          const cell = row[column.index];
          if (cell) yield { column, cell: { value: cell.value, start: start + cell.start, end: start + cell.end } };
        }
        continue;
      }
    }
    if (header && MARKDOWN_DELIMITER.test(line)) {
      columns = secretColumns(header.map((c) => c.value));
      inTable = columns.length > 0;
      rows = 0;
      header = undefined;
      continue;
    }
    header = SECRET_COLUMN_HINT.test(line) ? markdownRow(line) : undefined;
  }
}

/** One CSV/TSV record on one line: quoted fields (with doubled quotes) or bare ones. */
function delimitedRow(line: string, separator: string): Cell[] {
  const cells: Cell[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let j = i + 1;
      let value = '';
      while (j < line.length) {
        if (line[j] === '"' && line[j + 1] === '"') {
          value += '"';
          j += 2;
        } else if (line[j] === '"') break;
        else value += line[j++];
      }
      cells.push({ value, start: i + 1, end: j });
      const next = line.indexOf(separator, j);
      i = next === -1 ? line.length + 1 : next + 1;
    } else {
      let next = line.indexOf(separator, i);
      if (next === -1) next = line.length;
      cells.push(trimCell(line, i, next));
      i = next + 1;
    }
  }
  return cells;
}

function* delimitedCells(text: string, separator: string): Generator<{ column: Column; cell: Cell }> {
  let columns: Column[] | undefined;
  let rows = 0;
  for (const { line, start } of linesOf(text)) {
    if (columns === undefined) {
      columns = secretColumns(delimitedRow(line, separator).map((c) => c.value));
      if (columns.length === 0) return;
      continue;
    }
    if (line.trim() === '') continue;
    if (++rows > MAX_ROWS) return;
    const row = delimitedRow(line, separator);
    for (const column of columns) {
      const cell = row[column.index];
      // A cell that differs from its raw text (doubled quotes) has no single range to report.
      if (cell && line.slice(cell.start, cell.end) === cell.value) yield { column, cell: { value: cell.value, start: start + cell.start, end: start + cell.end } };
    }
  }
}

const INSERT = /\binsert\s+(?:ignore\s+)?into\s+[\w.`"[\]]+\s*\(([^()]{1,2000})\)\s*values\s*/gi;

/** The quoted values of each `(…)` tuple after INSERT … VALUES, by column. */
function* sqlCells(text: string): Generator<{ column: Column; cell: Cell }> {
  INSERT.lastIndex = 0;
  for (let m = INSERT.exec(text); m; m = INSERT.exec(text)) {
    const columns = secretColumns(m[1].split(','));
    if (columns.length === 0) continue;
    let at = INSERT.lastIndex;
    for (let rows = 0; rows < MAX_ROWS && text[at] === '('; rows++) {
      const tuple = sqlTuple(text, at + 1);
      if (!tuple) break;
      for (const column of columns) {
        const cell = tuple.values[column.index];
        if (cell) yield { column, cell };
      }
      at = tuple.end;
      const next = /^\s*,\s*/.exec(text.slice(at, at + 200));
      if (!next) break;
      at += next[0].length;
    }
    INSERT.lastIndex = Math.max(INSERT.lastIndex, at);
  }
}

/**
 * One tuple's values from `from` (just after its `(`): string literals (`''` escapes) with their
 * offsets, other values as undefined cells. Ends after the closing `)`; undefined when malformed.
 */
function sqlTuple(text: string, from: number): { values: (Cell | undefined)[]; end: number } | undefined {
  const values: (Cell | undefined)[] = [];
  let i = from;
  const limit = Math.min(text.length, from + 20000);
  let current: Cell | undefined;
  let depth = 0;
  while (i < limit) {
    const c = text[i];
    if (c === "'") {
      let j = i + 1;
      while (j < limit && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
      if (j >= limit) return undefined;
      const raw = text.slice(i + 1, j);
      // Inside a call (`crypt('…', gen_salt('bf'))`) the value is not the column's; escapes leave no single range.
      current = depth > 0 || raw.includes("''") || raw.includes('\\') ? undefined : { value: raw, start: i + 1, end: j };
      i = j + 1;
    } else if (c === '(') {
      depth++;
      current = undefined; // a function call: NOW(), crypt('…', gen_salt('bf'))
      i++;
    } else if (c === ')' && depth > 0) {
      depth--;
      i++;
    } else if ((c === ',' || c === ')') && depth === 0) {
      values.push(current);
      current = undefined;
      i++;
      if (c === ')') return { values, end: i };
    } else {
      if (!/\s/.test(c)) current = undefined;
      i++;
    }
  }
  return undefined;
}
