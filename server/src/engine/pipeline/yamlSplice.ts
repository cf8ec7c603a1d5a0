/**
 * Incremental YAML: after a small edit, re-parse only the block-collection entry (a map pair or a
 * sequence item, the deepest one that holds the whole edit) and splice it into the previous parse,
 * shifting the source ranges of everything after it. A 1,000-line workflow edited in one step costs
 * the parse of that step instead of the whole file.
 *
 * It only applies where the result is the same as a full parse (test/unit/yamlSplice.test.ts checks
 * that on thousands of random edits): one document, no parse error before or after, no anchors or
 * aliases, spaces-only indentation, and an entry whose extent is fixed by indentation alone. In every
 * other case it returns undefined and the caller parses the whole text.
 *
 * The previous document is updated in place: the caller must drop every other use of it.
 */
import { isAlias, isMap, isPair, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { changedRegion } from '../text/changedRegion';

export const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false } as const;

type Range = [number, number, number];
type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;
type Entry = Pair<unknown, unknown> | Node;

/** An entry of a block collection that starts its own line: `key: ...` or `- ...`. */
interface Segment {
  /** The collections from the root down to the one holding the entry (ancestors of the entry). */
  chain: Collection[];
  index: number;
  kind: 'pair' | 'item';
  /** Column of the key, or of the item's dash. */
  column: number;
  /** Start of the entry's first line, and the start of the first line after it (old text). */
  start: number;
  end: number;
}

/**
 * Whether a document can take splices: no errors, no anchors, no aliases. Checked once per full
 * parse (each splice checks its own new entry).
 */
export function isSpliceable(doc: Document): boolean {
  if (doc.errors.length > 0) return false;
  let plain = true;
  visit(doc.contents as Node | null, (node) => {
    if (isAlias(node) || (node as { anchor?: string }).anchor) plain = false;
  });
  return plain;
}

/** The new document for `newText`, made from `doc` (the parse of `oldText`), or undefined. */
export function spliceEdit(oldText: string, doc: Document, newText: string): Document | undefined {
  const root = doc.contents as Node | null;
  if (!isBlockCollection(root)) return undefined;
  const { from, oldTo, newTo } = changedRegion(oldText, newText);
  if (oldTo === from && newTo === from) return doc;
  const segment = locate(oldText, root, from, oldTo, [root]);
  if (!segment) return undefined;
  const delta = newText.length - oldText.length;
  const newEnd = segment.end + delta;
  if (newEnd <= segment.start || segmentEnd(newText, segment.start, segment.column, segment.kind) !== newEnd) return undefined;
  // Trailing comments belong to whichever collection their indentation selects, and extend its range.
  if (endsWithComment(oldText, segment.start, segment.end) || endsWithComment(newText, segment.start, newEnd)) return undefined;
  const entry = parseEntry(newText.slice(segment.start, newEnd), segment);
  if (!entry) return undefined;
  visitEntry(entry, (node) => shiftRange(node, (v) => v + segment.start));

  const parent = segment.chain[segment.chain.length - 1];
  const oldEntry = parent.items[segment.index] as Entry;
  if (hasTrailingComment(oldEntry) || segment.chain.some((c) => c.comment)) return undefined;
  const oldEnds = entryEnds(oldEntry);
  const newEnds = entryEnds(entry);
  if (!oldEnds || !newEnds) return undefined;
  // Ancestors start before the change (the text there is the same); they may end inside the entry
  // (when it is their last), and then follow its ends; or after it, and then shift with the text.
  const ancestorEnd = (v: number): number | undefined => {
    if (v === oldEnds[0] || v === oldEnds[1]) {
      // Which of the two ends an ancestor follows is ambiguous when they were equal and now differ.
      if (oldEnds[0] === oldEnds[1] && newEnds[0] !== newEnds[1]) return undefined;
      return v === oldEnds[1] ? newEnds[1] : newEnds[0];
    }
    return v >= segment.end ? v + delta : undefined;
  };
  const mapped = new Map<{ range: Range }, Range>();
  for (const a of segment.chain as unknown as { range: Range }[]) {
    const r = [a.range[0] < from ? a.range[0] : undefined, ancestorEnd(a.range[1]), ancestorEnd(a.range[2])];
    if (r.some((v) => v === undefined)) return undefined;
    mapped.set(a, r as Range);
  }
  // The document: its value ends with the root collection, its own end takes what follows up to
  // the end of the text (compose-doc.js in the yaml package).
  const docRange = (doc as unknown as { range?: Range }).range;
  const rootRange = mapped.get(root as unknown as { range: Range })!;
  // At the end of the text, the trailing part is known only when the entry reaches the text's end.
  const last = segment.end === oldText.length;
  if (last && !(oldEnds[1] === oldText.length && newEnds[1] === newText.length)) return undefined;
  const docEnd = last ? newText.length : docRange ? ancestorEnd(docRange[2]) : undefined;
  if (!docRange || docEnd === undefined || docRange[1] !== root.range![2]) return undefined;
  mapped.set(doc as unknown as { range: Range }, [docRange[0], rootRange[2], docEnd]);

  // Committed from here: nothing below can fail.
  const inAncestors = new Set<unknown>(segment.chain);
  visit(
    root,
    (node) => {
      if (!inAncestors.has(node) && node.range) shiftRange(node, (v) => (v >= segment.end ? v + delta : v));
    },
    oldEntry,
  );
  for (const [a, r] of mapped) a.range = r;
  parent.items[segment.index] = entry as never;
  return doc;
}

function isBlockCollection(node: unknown): node is Collection {
  return (isMap(node) || isSeq(node)) && !node.flow && !!node.range;
}

/** Where an entry starts: its key, or its item node (after the dash). */
function entryStart(entry: Entry | null | undefined): number | undefined {
  if (!entry) return undefined;
  if (isPair(entry)) return (entry.key as Node | null)?.range?.[0];
  return (entry as Node).range?.[0];
}

/** The entry's value end and node end, as its collection records them. */
function entryEnds(entry: Entry): [number, number] | undefined {
  if (isPair(entry)) {
    const last = (entry.value ?? entry.key) as Node | null;
    return last?.range ? [last.range[1], last.range[2]] : undefined;
  }
  return entry.range ? [entry.range[1], entry.range[2]] : undefined;
}

/** The deepest entry starting its own line that holds the old change [from, to). */
function locate(text: string, collection: Collection, from: number, to: number, chain: Collection[]): Segment | undefined {
  const items = collection.items as (Entry | null)[];
  let index = -1;
  for (let i = 0; i < items.length; i++) {
    const start = entryStart(items[i]);
    if (start === undefined) return undefined;
    if (start <= from) index = i;
    else break;
  }
  if (index < 0) return undefined;
  const entry = items[index]!;
  const start = entryStart(entry)!;
  const kind = isPair(entry) ? 'pair' : 'item';
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const prefix = text.slice(lineStart, start);
  const column = kind === 'pair' ? (/^ *$/.test(prefix) ? prefix.length : -1) : (/^ *- +$/.test(prefix) ? prefix.indexOf('-') : -1);
  let segment: Segment | undefined;
  if (column >= 0) {
    const end = segmentEnd(text, lineStart, column, kind);
    const ends = entryEnds(entry);
    const next = entryStart(items[index + 1]);
    if (to < end && ends && ends[1] <= end && (next === undefined || next >= end)) segment = { chain, index, kind, column, start: lineStart, end };
  }
  const value = isPair(entry) ? entry.value : entry;
  if (isBlockCollection(value) && value.range![0] <= from) {
    const deeper = locate(text, value, from, to, [...chain, value]);
    if (deeper) return deeper;
  }
  return segment;
}

/**
 * Start of the first line after the entry whose first line starts at `lineStart`: the next line with
 * content (not blank, not only a comment) indented less than `column`, or at `column` unless it is a
 * compact sequence item of a pair's value. -1 when indentation uses tabs or a document marker shows.
 */
function segmentEnd(text: string, lineStart: number, column: number, kind: 'pair' | 'item'): number {
  let pos = text.indexOf('\n', lineStart);
  while (pos !== -1) {
    const line = pos + 1;
    let i = line;
    while (i < text.length && text.charCodeAt(i) === 32) i++;
    const c = text[i];
    if (c === '\t') return -1;
    const indent = i - line;
    const blank = i >= text.length || c === '\n' || c === '\r' || c === '#';
    if (!blank) {
      if (indent === 0 && (text.startsWith('---', line) || text.startsWith('...', line) || c === '%')) return -1;
      if (indent < column) return line;
      if (indent === column) {
        const dash = c === '-' && (i + 1 >= text.length || ' \n\r'.includes(text[i + 1]));
        if (kind === 'item' || !dash) return line;
      }
    }
    pos = text.indexOf('\n', line);
  }
  return text.length;
}

/** Parses an entry's text on its own: exactly one pair or item, at the same column, no error. */
function parseEntry(source: string, segment: Segment): Entry | undefined {
  const doc = parseDocument(source, YAML_OPTIONS);
  const root = doc.contents as Node | null;
  if (doc.errors.length > 0 || !isSpliceable(doc) || doc.comment || (root as { comment?: string } | null)?.comment) return undefined;
  if (segment.kind === 'pair') {
    if (!isMap(root) || root.flow || root.items.length !== 1) return undefined;
    const entry = root.items[0] as Pair<unknown, unknown>;
    // An empty key (`: value`) is placed by context (the line start, or after the indentation).
    const key = entry.key as Node | null;
    return key?.range && key.range[1] > key.range[0] && key.range[0] === segment.column && !hasTrailingComment(entry) ? entry : undefined;
  }
  if (!isSeq(root) || root.flow || root.items.length !== 1) return undefined;
  const item = root.items[0] as Node | null;
  if (!item?.range || item.range[1] === item.range[0] || source.indexOf('-') !== segment.column || hasTrailingComment(item)) return undefined;
  return item;
}

/** Whether the last line with anything on it in [start, end) is a comment. */
function endsWithComment(text: string, start: number, end: number): boolean {
  let lineEnd = end;
  while (lineEnd > start) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 2) + 1;
    const line = text.slice(Math.max(lineStart, start), lineEnd).trim();
    if (line !== '') return line.startsWith('#');
    lineEnd = lineStart;
  }
  return false;
}

function hasTrailingComment(entry: Entry): boolean {
  let found = false;
  visitEntry(entry, (node) => {
    if ((node as { comment?: string | null }).comment) found = true;
  });
  return found;
}

function shiftRange(node: Node, f: (v: number) => number): void {
  const r = node.range as Range;
  node.range = [f(r[0]), f(r[1]), f(r[2])];
}

/** Every node under `node` (keys and values of pairs included), skipping the subtree `skip`. */
function visit(node: Node | null | undefined, f: (node: Node) => void, skip?: unknown): void {
  if (!node || node === skip) return;
  f(node);
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      if (item === skip) continue;
      if (isPair(item)) {
        visit(item.key as Node | null, f, skip);
        visit(item.value as Node | null, f, skip);
      } else visit(item as Node | null, f, skip);
    }
  }
}

function visitEntry(entry: Entry, f: (node: Node) => void): void {
  if (isPair(entry)) {
    visit(entry.key as Node | null, f);
    visit(entry.value as Node | null, f);
  } else visit(entry, f);
}
