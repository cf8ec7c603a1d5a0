/** Helpers shared by the CI adapters: tree walking and running the script checks on YAML scripts. */
import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import type { FindingData, RawFinding } from '../../types';
import { isSecretName } from '../names';
import { analyzeScript } from '../shell/analyzeScript';
import type { CiSystem, ScriptResult, SecretBinding } from '../shell/script';
import type { ShellDialect } from '../shell/tokenizer';
import { keyOf, keySpan, mappedScalar, nodeSpan, pairs, scalarString, seqItems } from '../yamlModel';

/** Visits every map in the tree (depth-first, parents first), with the keys leading to it. */
export function walkMaps(node: unknown, visit: (map: YAMLMap, path: string[]) => void, path: string[] = []): void {
  if (isMap(node)) {
    visit(node, path);
    for (const p of node.items) walkMaps(p.value, visit, [...path, keyOf(p)]);
  } else if (isSeq(node)) {
    for (const item of node.items) walkMaps(item, visit, path);
  }
}

export interface ScriptRun {
  findings: RawFinding[];
  results: ScriptResult[];
}

/**
 * Runs the script checks on a scalar script, or on a (nested) sequence of script lines joined into one
 * script (GitLab and Bitbucket run the lines of a job in one shell: `set -x` or a variable set on one
 * line applies to the next).
 */
export function checkScripts(node: unknown, source: string, ci: CiSystem, dialect: ShellDialect, secretVars: Map<string, SecretBinding>, where: FindingData): ScriptRun {
  const run: ScriptRun = { findings: [], results: [] };
  let text = '';
  const map: number[] = [];
  const visit = (n: unknown) => {
    if (isSeq(n)) {
      for (const item of seqItems(n)) visit(item);
      return;
    }
    const mapped = mappedScalar(n, source);
    if (!mapped || mapped.text.trim() === '') return;
    if (text !== '') {
      text += '\n';
      map.push(map[map.length - 1]);
    }
    text += mapped.text;
    const base = mapped.base ?? 0;
    for (let i = 0; i < mapped.text.length; i++) map.push(base + mapped.map[i]);
    lastEnd = base + mapped.map[mapped.text.length];
  };
  let lastEnd = 0;
  visit(node);
  if (text === '') return run;
  map.push(lastEnd);
  const result = analyzeScript({ mapped: { text, map }, dialect, ci, secretVars, where });
  run.results.push(result);
  run.findings.push(...result.findings);
  return run;
}

export interface VariableEntry {
  name: string;
  /** Literal value when the entry is a scalar or `{value: ...}`. */
  value?: string;
  valueNode?: Node | null;
  keySpan: [number, number];
  /** Value span without quotes. */
  valueSpan?: [number, number];
  /** End of the value node, closing quote included. */
  valueEnd?: number;
}

/** `variables:`/`environment:` as a map (`NAME: value` or `NAME: {value: ...}`) or a list (`- NAME=value`, `- name: x value: y`). */
export function variableEntries(node: unknown): VariableEntry[] {
  const out: VariableEntry[] = [];
  for (const p of pairs(node)) {
    const ks = keySpan(p);
    if (!ks) continue;
    let valueNode = p.value as Node | null;
    if (isMap(valueNode)) valueNode = (pairs(valueNode).find((q) => keyOf(q) === 'value')?.value as Node | null) ?? null;
    out.push({ name: keyOf(p), value: scalarString(valueNode), valueNode, keySpan: ks, valueSpan: innerSpan(valueNode), valueEnd: nodeSpan(valueNode as Node)?.[1] });
  }
  for (const item of seqItems(node)) {
    if (isMap(item)) {
      const nameNode = pairs(item).find((q) => keyOf(q) === 'name')?.value;
      const valueNode = (pairs(item).find((q) => keyOf(q) === 'value')?.value as Node | null) ?? null;
      const name = scalarString(nameNode);
      const ks = nodeSpan(nameNode as Node);
      if (name && ks) out.push({ name, value: scalarString(valueNode), valueNode, keySpan: ks, valueSpan: innerSpan(valueNode), valueEnd: nodeSpan(valueNode as Node)?.[1] });
      continue;
    }
    const text = scalarString(item);
    const span = nodeSpan(item);
    if (!text || !span) continue;
    const eq = text.indexOf('=');
    if (eq <= 0) continue;
    const start = span[0] + (isQuoted(item) ? 1 : 0);
    out.push({ name: text.slice(0, eq), value: text.slice(eq + 1), valueNode: item, keySpan: [start, start + eq], valueSpan: [start + eq + 1, start + text.length], valueEnd: span[1] });
  }
  return out;
}

/** Span of a scalar's value without its quotes. */
function innerSpan(node: unknown): [number, number] | undefined {
  const span = nodeSpan(node as Node);
  if (!span) return undefined;
  return isQuoted(node) ? [span[0] + 1, Math.max(span[0] + 1, span[1] - 1)] : span;
}

function isQuoted(node: unknown): boolean {
  const t = (node as { type?: string }).type;
  return t === 'QUOTE_DOUBLE' || t === 'QUOTE_SINGLE';
}

/** Secret bindings from variables whose name (or the variable they reference) names a secret. */
export function secretBindings(entries: VariableEntry[], scope: SecretBinding['scope']): Map<string, SecretBinding> {
  const out = new Map<string, SecretBinding>();
  for (const e of entries) {
    const ref = /^\$\(?\{?([A-Za-z_][\w.]*)/.exec(e.value ?? '')?.[1];
    if (isSecretName(e.name) || (ref && isSecretName(ref))) out.set(e.name, { scope, derived: false, secretName: ref });
  }
  return out;
}

/** Test-database passwords for service containers (`POSTGRES_PASSWORD: postgres`), not real secrets. */
export function isThrowawayServicePassword(name: string, value: string): boolean {
  return /^(?:POSTGRES|PG|MYSQL|MARIADB|MONGO|MONGO_INITDB_ROOT|REDIS|RABBITMQ_DEFAULT|MSSQL|SA|MINIO_ROOT|KEYCLOAK_ADMIN|DB|DATABASE)_?[A-Z_]*PASS(?:WORD)?$/.test(name) && /^[A-Za-z]+[0-9]*$/.test(value) && value.length <= 12;
}
