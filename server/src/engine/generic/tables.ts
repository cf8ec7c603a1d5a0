/**
 * Credentials in tables, where the name is a column header and not next to the value: a Markdown
 * table with a `Password` or `API key` column ("default logins" in a README), a CSV or TSV file
 * whose header has such a column, and SQL: `INSERT INTO t (…, password) VALUES (…), (…)` (seed
 * data), pg_dump's `COPY t (…) FROM stdin;` rows, and key-value settings tables. Each cell of a
 * secret column is judged like an assigned value (classify.ts): placeholders,
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
  /** A row of a key-value settings table names the secret (`'smtp_password', '…'`), not a column header. */
  setting?: boolean;
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
    const seen = new Set<number>(); // a cell both in a secret column and after a secret name
    for (const { column, cell } of cells) {
      if (seen.has(cell.start)) continue;
      seen.add(cell.start);
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
        message: `Hard-coded ${what} ${column.setting ? 'for' : 'in'} the \`${column.name}\` ${column.setting ? 'setting' : 'column'} (${maskedPreview(cell.value)}). Move it to a secret manager, keep only a reference here, and rotate it.`,
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

const INSERT = /\binsert\s+(?:ignore\s+)?into\s+[\w.`"[\]]+\s*(?:\(([^()]{1,2000})\)\s*)?values\s*/gi;
/** `COPY t (…) FROM stdin;` then tab-separated rows up to `\.`: what pg_dump writes by default. */
const COPY = /\bcopy\s+[\w.`"[\]]+\s*\(([^()]{1,2000})\)\s+from\s+stdin;[ \t]*\r?\n/gi;
/** A key-value settings table updated in place: `UPDATE settings SET value = '…' WHERE key = 'smtp_password'`. */
const UPDATE_SETTING = /\bupdate\s+[\w.`"[\]]+\s+set\s+[\w`"]*value[\w`"]*\s*=\s*'([^'\\\r\n]{1,512})'\s+where\s+[\w`"]*(?:key|name)[\w`"]*\s*=\s*'([^'\\\r\n]{1,64})'/gi;

/**
 * SQL: the quoted values of each `(…)` tuple after INSERT … VALUES by column; in any tuple, a value
 * after a secret-looking name (`(89, 'wp_mail_smtp_pass', '…', 'yes')` of a key-value table such
 * as WordPress' `wp_options`); COPY rows by column; key-value UPDATEs.
 */
function* sqlCells(text: string): Generator<{ column: Column; cell: Cell }> {
  INSERT.lastIndex = 0;
  for (let m = INSERT.exec(text); m; m = INSERT.exec(text)) {
    const columns = m[1] === undefined ? [] : secretColumns(m[1].split(','));
    let at = INSERT.lastIndex;
    for (let rows = 0; rows < MAX_ROWS && text[at] === '('; rows++) {
      const tuple = sqlTuple(text, at + 1);
      if (!tuple) break;
      for (const column of columns) {
        const cell = tuple.values[column.index];
        if (cell) yield { column, cell };
      }
      yield* namedPairs(tuple.values);
      at = tuple.end;
      const next = /^\s*,\s*/.exec(text.slice(at, at + 200));
      if (!next) break;
      at += next[0].length;
    }
    INSERT.lastIndex = Math.max(INSERT.lastIndex, at);
  }
  COPY.lastIndex = 0;
  for (let m = COPY.exec(text); m; m = COPY.exec(text)) {
    const columns = secretColumns(m[1].split(','));
    if (columns.length === 0) continue;
    let start = COPY.lastIndex;
    for (let rows = 0; rows < MAX_ROWS && start < text.length; rows++) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const line = text.slice(start, end).replace(/\r$/, '');
      if (line === '\\.') break;
      const fields = line.split('\t');
      for (const column of columns) {
        const offset = fields.slice(0, column.index).reduce((n, f) => n + f.length + 1, 0);
        const value = fields[column.index];
        // `\N` is NULL; escaped text has no single range.
        if (value !== undefined && value !== '\\N' && !value.includes('\\')) yield { column, cell: { value, start: start + offset, end: start + offset + value.length } };
      }
      start = end + 1;
    }
    COPY.lastIndex = Math.max(COPY.lastIndex, start);
  }
  UPDATE_SETTING.lastIndex = 0;
  for (let m = UPDATE_SETTING.exec(text); m; m = UPDATE_SETTING.exec(text)) {
    const slot = secretSlotOf(m[2]);
    const at = m.index + m[0].indexOf(`'${m[1]}'`) + 1;
    if (slot) yield { column: { index: 0, name: m[2], slot, setting: true }, cell: { value: m[1], start: at, end: at + m[1].length } };
  }
}

/** In a tuple, a quoted value right after a quoted secret-looking name: a key-value row. */
function* namedPairs(values: (Cell | undefined)[]): Generator<{ column: Column; cell: Cell }> {
  for (let i = 0; i + 1 < values.length; i++) {
    const name = values[i];
    const cell = values[i + 1];
    if (!name || !cell || name.value.length > 64 || !/^[A-Za-z_][\w.-]*$/.test(name.value)) continue;
    const slot = secretSlotOf(name.value);
    if (slot) yield { column: { index: i + 1, name: name.value, slot, setting: true }, cell };
  }
}

/** Calls that hash or encrypt their first argument in the database: the literal is the clear-text password. */
const HASHING_CALL = /^(?:crypt|md5|sha1|sha2|password|encrypt|digest|hmac)$/i;

/**
 * One tuple's values from `from` (just after its `(`): string literals (`''` escapes) with their
 * offsets, other values as undefined cells, except that a hashing call's literal first argument
 * (`crypt('…', gen_salt('bf'))`, `MD5('…')`) stands for the value. Ends after the closing `)`;
 * undefined when malformed.
 */
function sqlTuple(text: string, from: number): { values: (Cell | undefined)[]; end: number } | undefined {
  const values: (Cell | undefined)[] = [];
  let i = from;
  const limit = Math.min(text.length, from + 20000);
  let current: Cell | undefined;
  let depth = 0;
  /** In a hashing call: 'first' until its first argument is read, then its literal (if it was one). */
  let hashed: 'first' | Cell | undefined;
  while (i < limit) {
    const c = text[i];
    if (c === "'") {
      let j = i + 1;
      while (j < limit && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
      if (j >= limit) return undefined;
      const raw = text.slice(i + 1, j);
      // Escapes leave no single range; inside other calls the value is not the column's.
      const cell = raw.includes("''") || raw.includes('\\') ? undefined : { value: raw, start: i + 1, end: j };
      if (depth === 1 && hashed === 'first') hashed = cell;
      current = depth > 0 ? undefined : cell;
      i = j + 1;
    } else if (c === '(') {
      depth++;
      const callee = /([A-Za-z_]\w*)\s*$/.exec(text.slice(Math.max(from, i - 24), i))?.[1];
      if (depth === 1) hashed = callee && HASHING_CALL.test(callee) ? 'first' : undefined;
      current = undefined; // a function call: NOW(), gen_salt('bf')
      i++;
    } else if (c === ')' && depth > 0) {
      depth--;
      if (depth === 0 && hashed !== undefined && hashed !== 'first') current = hashed;
      if (depth === 0) hashed = undefined;
      i++;
    } else if (c === ',' && depth === 1 && hashed === 'first') {
      hashed = undefined; // the first argument was not a literal
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
