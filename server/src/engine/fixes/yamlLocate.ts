import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';

/** One step from the document root down to a node: a map key or a sequence index. */
export interface YamlStep {
  key: string | number;
  /** The collection holding the step (a map for string keys, a sequence for indexes). */
  parent: Node;
  /** The pair, for map steps. */
  pair?: Pair;
}

export interface YamlHit {
  scalar: Scalar;
  /** Steps from the root; the last one leads to `scalar`. */
  steps: YamlStep[];
  /** True when the offset is in a key rather than a value. */
  inKey: boolean;
}

/** Parses every document of a YAML text; undefined when any has errors (fixes then leave YAML alone). */
export function parseYaml(text: string) {
  try {
    const docs = parseAllDocuments(text);
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined;
    return docs;
  } catch {
    return undefined;
  }
}

/** The scalar holding `offset`, with its key path. */
export function locateYaml(text: string, offset: number): YamlHit | undefined {
  const docs = parseYaml(text);
  if (!docs) return undefined;
  for (const doc of docs) {
    const hit = descend(doc.contents as Node | null, offset, []);
    if (hit) return hit;
  }
  return undefined;
}

function contains(node: Node | null | undefined, offset: number): boolean {
  const r = node?.range;
  return !!r && r[0] <= offset && offset < Math.max(r[1], r[0] + 1);
}

function descend(node: Node | null, offset: number, steps: YamlStep[]): YamlHit | undefined {
  if (!node) return undefined;
  if (isScalar(node)) return contains(node, offset) ? { scalar: node, steps, inKey: false } : undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      if (isScalar(key) && contains(key, offset)) return { scalar: key, steps, inKey: true };
      const name = isScalar(key) ? String(key.value) : '';
      const hit = descend(pair.value as Node | null, offset, [...steps, { key: name, parent: node, pair }]);
      if (hit) return hit;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const hit = descend(node.items[i] as Node | null, offset, [...steps, { key: i, parent: node }]);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Column of an offset (UTF-16 units from the line start). */
export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the line holding `offset` (after its newline, or the text end). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** End of the last non-blank line of a map node (where new keys of that map go after). */
export function mapContentEnd(text: string, map: YAMLMap): number {
  const r = map.range!;
  let end = Math.min(r[1], text.length);
  while (end > r[0] && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Indentation of a block map: the column of its first key. */
export function mapIndent(text: string, map: YAMLMap): number {
  const first = map.items[0];
  const key = first && isPair(first) ? (first.key as Node | null) : null;
  return key?.range ? columnOf(text, key.range[0]) : 0;
}

/** The pair of `map` whose key is `name`. */
export function pairOf(map: YAMLMap, name: string): Pair | undefined {
  for (const p of map.items) if (isPair(p) && isScalar(p.key) && String(p.key.value) === name) return p;
  return undefined;
}

/** Whole lines of a pair (key line to the end of its value), for deleting an entry. */
export function pairLines(text: string, pair: Pair): { start: number; end: number } | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range) return undefined;
  const start = lineStartOf(text, key.range[0]);
  if (text.slice(start, key.range[0]).trim() !== '') return undefined; // `- key: v` or flow: leave alone
  let end = value?.range ? value.range[1] : key.range[1];
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end: nextLineStart(text, end) };
}
