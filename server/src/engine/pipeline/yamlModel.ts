/**
 * A thin model over the `yaml` package's document: safe accessors for maps and sequences, exact source
 * ranges, and the text of a scalar mapped character by character back to file offsets (block scalars
 * `|` and `>` included), so that checks on a script can report inside the YAML file.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { ScanNotice } from '../types';
import { editMemory } from '../editMemory';
import { RecentCache } from '../recentCache';
import type { LineIndex } from '../text/lineIndex';
import { isSpliceable, spliceEdit, YAML_OPTIONS } from './yamlSplice';

export type YNode = Node | null | undefined;

/**
 * Text of a scalar and, for each character, its offset in the file: `base + map[i]`
 * (`map[text.length]` is the end). `base` is 0 when `map` holds file offsets already.
 */
export interface MappedText {
  text: string;
  map: readonly number[];
  base?: number;
}

export interface ParsedYaml {
  /** The first document (most CI files hold one). */
  doc: Document;
  /** Every document of the stream (a GitLab component's `spec:` header, then `---`, then the jobs). */
  docs: Document[];
  notices: ScanNotice[];
}

/**
 * Recent parses by cache key (the file's path), most recent last. The same text is never parsed twice
 * (the language server scans one document version for diagnostics, code actions and hovers), and a
 * new version of a file is spliced into its previous parse where that gives the same result
 * (yamlSplice.ts). Checks never mutate a document.
 */
const recent = editMemory<{ text: string; parsed: ParsedYaml; spliceable: boolean }>(8);

/**
 * Parses once; a syntax problem becomes an information notice and whatever parsed is still analysed.
 * `cacheKey` names the file, so that its next version can reuse this parse; files scanned once share
 * the empty key (the analyzers of one scan still share one parse).
 */
export function parseYaml(text: string, lines: LineIndex, cacheKey = ''): ParsedYaml {
  const previous = recent.get(cacheKey);
  if (previous && previous.text === text) return previous.parsed;
  let parsed: ParsedYaml | undefined;
  let spliceable = false;
  if (previous?.spliceable) {
    // The previous parse is updated in place (or left untouched when the splice does not apply).
    recent.delete(cacheKey);
    const doc = spliceEdit(previous.text, previous.parsed.doc, text);
    if (doc) {
      parsed = { doc, docs: [doc], notices: [] };
      spliceable = true;
    }
  }
  if (!parsed) {
    parsed = parseFresh(text, lines);
    spliceable = parsed.docs.length === 1 && isSpliceable(parsed.doc);
  }
  recent.set(cacheKey, { text, parsed, spliceable });
  return parsed;
}

function parseFresh(text: string, lines: LineIndex): ParsedYaml {
  const parsed = parseAllDocuments(text, YAML_OPTIONS);
  const docs = (Array.isArray(parsed) ? parsed : []) as Document[];
  const empty = docs.length === 0;
  const notices: ScanNotice[] = [];
  const first = empty ? (parsed as { errors?: { code: string; message: string; pos: [number, number] }[] }).errors?.[0] : docs.flatMap((d) => d.errors)[0];
  if (first) {
    const start = Math.min(first.pos[0], text.length);
    const end = Math.min(Math.max(first.pos[1], start), text.length);
    const message = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    notices.push({
      level: 'info',
      message: `YAML problem (${first.code}): ${message}; the parts that parse were still checked`,
      range: lines.rangeOf(start, end),
    });
  }
  const doc = docs[0] ?? ({ contents: null, errors: [] } as unknown as Document);
  return { doc, docs: docs.length > 0 ? docs : [doc], notices };
}

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function seqItems(node: unknown): Node[] {
  return isSeq(node) ? (node.items.filter((n) => n != null) as Node[]) : [];
}

export function pairs(node: unknown): Pair<Scalar | Node, Node | null>[] {
  return isMap(node) ? (node.items.filter(isPair) as Pair<Scalar | Node, Node | null>[]) : [];
}

export function keyOf(pair: Pair<unknown, unknown>): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}

/** Value of `key` in a map (first match), as a node. */
export function getNode(map: unknown, key: string): YNode {
  for (const p of pairs(map)) if (keyOf(p) === key) return p.value;
  return undefined;
}

export function getPair(map: unknown, key: string): Pair<Scalar | Node, Node | null> | undefined {
  for (const p of pairs(map)) if (keyOf(p) === key) return p;
  return undefined;
}

/** String value of a scalar (numbers and booleans as text), or undefined. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node) || node.value == null) return undefined;
  return String(node.value);
}

export function getString(map: unknown, key: string): string | undefined {
  return scalarString(getNode(map, key));
}

/** [start, end) of a node's value in the source. */
export function nodeSpan(node: YNode): [number, number] | undefined {
  if (!node || !node.range) return undefined;
  return [node.range[0], node.range[1]];
}

export function keySpan(pair: Pair<unknown, unknown>): [number, number] | undefined {
  return nodeSpan(pair.key as YNode);
}

/**
 * Recent scalar texts by kind and source, with offsets relative to the scalar's start: after an edit
 * of a workflow, every other step's script is the same source and is not walked again.
 */
const recentScalars = new RecentCache<{ text: string; map: number[] }>(512);

/** Text of a scalar with its offset map. Non-scalars give undefined. */
export function mappedScalar(node: unknown, source: string): MappedText | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  const raw = source.slice(start, end);
  const key = `${node.type}\u0000${raw}`;
  let relative = recentScalars.get(key);
  if (!relative) {
    switch (node.type) {
      case 'BLOCK_LITERAL':
      case 'BLOCK_FOLDED':
        relative = blockScalar(raw, 0, raw.length, node.type === 'BLOCK_FOLDED');
        break;
      case 'QUOTE_DOUBLE':
      case 'QUOTE_SINGLE':
        relative = flowLines(raw, 1, Math.max(1, raw.length - 1));
        break;
      default:
        relative = flowLines(raw, 0, raw.length);
    }
    recentScalars.set(key, relative);
  }
  return { text: relative.text, map: relative.map, base: start };
}

/** Plain or quoted scalar: 1:1 with the source; line breaks fold to spaces, indentation stays as spaces. */
function flowLines(source: string, start: number, end: number): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = start; i < end; i++) {
    const c = source[i];
    text += c === '\n' || c === '\r' ? ' ' : c;
    map.push(i);
  }
  map.push(end);
  return { text, map };
}

/**
 * Block scalar: the header line is skipped, indentation removed. Literal keeps line breaks; folded
 * joins two text lines with a space (same width as the break), keeping breaks around empty or
 * more-indented lines, as YAML does.
 */
function blockScalar(source: string, start: number, end: number, folded: boolean): { text: string; map: number[] } {
  const headerEnd = source.indexOf('\n', start);
  if (headerEnd === -1 || headerEnd >= end) return { text: '', map: [end] };
  const header = source.slice(start, headerEnd);
  const explicit = /[1-9]/.exec(header.slice(1));
  const rawLines: { from: number; to: number }[] = [];
  let pos = headerEnd + 1;
  while (pos < end) {
    let nl = source.indexOf('\n', pos);
    if (nl === -1 || nl > end) nl = end;
    rawLines.push({ from: pos, to: nl > pos && source[nl - 1] === '\r' ? nl - 1 : nl });
    pos = nl + 1;
  }
  let indent = Infinity;
  if (explicit) indent = Number(explicit[0]);
  else {
    for (const l of rawLines) {
      const content = source.slice(l.from, l.to);
      if (content.trim() === '') continue;
      indent = content.length - content.trimStart().length;
      break;
    }
  }
  if (!Number.isFinite(indent)) return { text: '', map: [end] };
  let text = '';
  const map: number[] = [];
  let prevFoldable = false;
  for (let li = 0; li < rawLines.length; li++) {
    const { from, to } = rawLines[li];
    const bodyStart = Math.min(from + indent, to);
    const body = source.slice(bodyStart, to);
    const empty = body.trim() === '';
    const moreIndented = /^[ \t]/.test(body);
    if (li > 0) {
      // The break that ended the previous line.
      const joinWithSpace = folded && prevFoldable && !empty && !moreIndented;
      text += joinWithSpace ? ' ' : '\n';
      map.push(from - 1);
    }
    for (let i = 0; i < body.length; i++) {
      text += body[i];
      map.push(bodyStart + i);
    }
    prevFoldable = !empty && !moreIndented;
  }
  map.push(end);
  return { text, map };
}

/** Maps [start, end) of a MappedText to file offsets. */
export function mapSpan(mapped: MappedText, start: number, end: number): [number, number] {
  const base = mapped.base ?? 0;
  const s = base + mapped.map[Math.min(start, mapped.map.length - 1)];
  const last = end > start ? base + mapped.map[Math.min(end - 1, mapped.map.length - 1)] + 1 : s;
  return [s, Math.max(s, last)];
}

export { isMap, isScalar, isSeq };
