/**
 * The committed, secret-free inventory file (`.secrets-inventory.yml`): which secrets the project
 * declares, who owns them, where they live and how often they rotate. Its JSON schema ships in
 * schemas/secrets-inventory.schema.json so VS Code validates and completes it.
 */
import { isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

export const INVENTORY_FILE = '.secrets-inventory.yml';
export const INVENTORY_FILE_NAMES = ['.secrets-inventory.yml', '.secrets-inventory.yaml'];

export interface DeclaredSecret {
  name: string;
  description?: string;
  owner?: string;
  backend?: string;
  environments: string[];
  /** Rotation cadence in days, from `90d`, `12w`, `6m`, `1y` or a number of days. */
  rotationDays?: number;
  /** ISO date (YYYY-MM-DD) of the last rotation. */
  lastRotated?: string;
  /** Offsets of the entry's `name` value in the inventory file, for diagnostics. */
  nameStart: number;
  nameEnd: number;
  /** Offsets of the `lastRotated` value (or of the name when absent), for the "mark rotated" edit. */
  lastRotatedStart?: number;
  lastRotatedEnd?: number;
}

export interface InventoryFileProblem {
  message: string;
  start: number;
  end: number;
}

export interface ParsedInventoryFile {
  secrets: DeclaredSecret[];
  problems: InventoryFileProblem[];
}

/** Parses a cadence such as `90d`, `12w`, `6m`, `1y` or `30` into days. */
export function parseCadence(value: unknown): number | undefined {
  if (typeof value === 'number' && value > 0) return value;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+)\s*(d|days?|w|weeks?|m|months?|y|years?)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'd')[0].toLowerCase();
  return n * ({ d: 1, w: 7, m: 30, y: 365 } as Record<string, number>)[unit];
}

function rangeOf(node: YamlNode | null | undefined): [number, number] {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? [r[0], r[1]] : [0, 0];
}

export function parseInventoryFile(text: string): ParsedInventoryFile {
  const problems: InventoryFileProblem[] = [];
  const secrets: DeclaredSecret[] = [];
  const doc = parseDocument(text, { keepSourceTokens: false });
  for (const e of doc.errors) problems.push({ message: `YAML: ${e.message.split('\n')[0]}`, start: e.pos[0], end: e.pos[1] });
  const root = doc.contents;
  if (!isMap(root)) {
    if (text.trim()) problems.push({ message: 'expected a mapping with a `secrets:` list', start: 0, end: Math.min(text.length, 1) });
    return { secrets, problems };
  }
  const list = root.get('secrets', true);
  if (!isSeq(list)) {
    const [s, e] = rangeOf(root);
    problems.push({ message: '`secrets:` must be a list of entries', start: s, end: Math.min(e, s + 1) });
    return { secrets, problems };
  }
  for (const item of list.items) {
    if (!isMap(item)) {
      const [s, e] = rangeOf(item as YamlNode);
      problems.push({ message: 'each secret must be a mapping with at least `name`', start: s, end: e });
      continue;
    }
    const nameNode = item.get('name', true) as YamlNode | undefined;
    const name = item.get('name');
    if (typeof name !== 'string' || !name) {
      const [s, e] = rangeOf(item);
      problems.push({ message: 'secret entry without a `name`', start: s, end: Math.min(e, s + 1) });
      continue;
    }
    const [nameStart, nameEnd] = rangeOf(nameNode);
    const entry: DeclaredSecret = { name, environments: [], nameStart, nameEnd };
    for (const key of ['description', 'owner', 'backend'] as const) {
      const v = item.get(key);
      if (v !== undefined && typeof v !== 'string') {
        const [s, e] = rangeOf(item.get(key, true) as YamlNode);
        problems.push({ message: `\`${key}\` must be a string`, start: s, end: e });
      } else if (typeof v === 'string') entry[key] = v;
    }
    const envs = item.get('environments');
    if (envs !== undefined) {
      const node = item.get('environments', true);
      if (isSeq(node)) entry.environments = node.items.map((n) => String((n as { value?: unknown }).value ?? n));
      else if (typeof envs === 'string') entry.environments = [envs];
    }
    const rotation = item.get('rotation', true);
    if (rotation !== undefined) {
      if (!isMap(rotation)) {
        const [s, e] = rangeOf(rotation as YamlNode);
        problems.push({ message: '`rotation` must be a mapping with `cadence` and `lastRotated`', start: s, end: e });
      } else {
        const cadence = rotation.get('cadence');
        if (cadence !== undefined) {
          entry.rotationDays = parseCadence(cadence);
          if (entry.rotationDays === undefined) {
            const [s, e] = rangeOf(rotation.get('cadence', true) as YamlNode);
            problems.push({ message: '`cadence` must look like 90d, 12w, 6m or 1y', start: s, end: e });
          }
        }
        const lastNode = rotation.get('lastRotated', true) as YamlNode | undefined;
        const last = rotation.get('lastRotated');
        if (lastNode !== undefined) {
          const [s, e] = rangeOf(lastNode);
          const iso = last instanceof Date ? last.toISOString().slice(0, 10) : typeof last === 'string' ? last : undefined;
          if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(iso))) {
            problems.push({ message: '`lastRotated` must be a date (YYYY-MM-DD)', start: s, end: e });
          } else {
            entry.lastRotated = iso;
            entry.lastRotatedStart = s;
            entry.lastRotatedEnd = e;
          }
        }
      }
    }
    if (secrets.some((d) => d.name === name)) problems.push({ message: `\`${name}\` is declared twice`, start: nameStart, end: nameEnd });
    else secrets.push(entry);
  }
  return { secrets, problems };
}
