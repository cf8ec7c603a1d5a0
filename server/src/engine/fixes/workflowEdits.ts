import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { OffsetEdit } from './types';
import { columnOf, lineStartOf, mapContentEnd, mapIndent, pairLines, pairOf } from './yamlLocate';

/** A parsed GitHub workflow with helpers to find jobs and steps. Undefined when it does not parse. */
export interface Workflow {
  root: YAMLMap;
  job(jobId: string | undefined): YAMLMap | undefined;
  step(jobId: string | undefined, index: number | undefined): YAMLMap | undefined;
  /** The job and step holding an offset. */
  stepAt(offset: number): { job?: YAMLMap; step?: YAMLMap };
}

export function parseWorkflow(text: string): Workflow | undefined {
  let doc;
  try {
    doc = parseDocument(text);
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const root = doc.contents;
  const jobs = pairOf(root, 'jobs')?.value;
  const job = (id: string | undefined) => {
    if (!isMap(jobs) || id === undefined) return undefined;
    const j = pairOf(jobs, id)?.value;
    return isMap(j) ? j : undefined;
  };
  const stepsOf = (j: YAMLMap | undefined) => {
    const s = j ? pairOf(j, 'steps')?.value : undefined;
    return isSeq(s) ? s : undefined;
  };
  return {
    root,
    job,
    step: (id, index) => {
      const s = stepsOf(job(id))?.items[index ?? -1];
      return isMap(s) ? s : undefined;
    },
    stepAt: (offset) => {
      if (!isMap(jobs)) return {};
      for (const p of jobs.items) {
        const j = p.value as Node | null;
        if (!isMap(j) || !j.range || offset < j.range[0] || offset >= j.range[2]) continue;
        for (const s of stepsOf(j)?.items ?? []) {
          if (isMap(s) && s.range && offset >= s.range[0] && offset < s.range[2]) return { job: j, step: s };
        }
        return { job: j };
      }
      return {};
    },
  };
}

export function scalarOf(map: YAMLMap | undefined, key: string): string | undefined {
  const p = map ? pairOf(map, key) : undefined;
  return p && isScalar(p.value) && p.value.value !== null ? String(p.value.value) : undefined;
}

/** Source text of a pair's value (as written, e.g. `${{ secrets.X }}`). */
export function valueSource(text: string, pair: Pair): string | undefined {
  const v = pair.value as Node | null;
  return v?.range ? text.slice(v.range[0], v.range[1]).trim() : undefined;
}

/** Deletes a map entry's lines; the parent key goes too when the entry was its only one. */
export function deletePair(text: string, map: YAMLMap, pair: Pair, parentPair?: Pair): OffsetEdit | undefined {
  const lines = (map.items.length === 1 && parentPair ? pairLines(text, parentPair) : undefined) ?? pairLines(text, pair);
  return lines ? { start: lines.start, end: lines.end, newText: '' } : undefined;
}

/**
 * Makes a job grant `permissions: id-token: write` and `contents: read`. When the job has no
 * permissions block, the workflow-level entries are copied (a job block replaces them all).
 */
export function ensureOidcPermissions(text: string, wf: Workflow, job: YAMLMap): OffsetEdit[] {
  const wanted: [string, string][] = [['id-token', 'write'], ['contents', 'read']];
  const perms = pairOf(job, 'permissions');
  if (perms && isMap(perms.value)) {
    const map = perms.value;
    const edits: OffsetEdit[] = [];
    const indent = ' '.repeat(mapIndent(text, map));
    let addition = '';
    for (const [key, value] of wanted) {
      const existing = pairOf(map, key);
      if (!existing) addition += `\n${indent}${key}: ${value}`;
      else if (key === 'id-token' && scalarOf(map, key) !== 'write' && isScalar(existing.value) && existing.value.range) {
        edits.push({ start: existing.value.range[0], end: existing.value.range[1], newText: 'write' });
      }
    }
    if (addition) {
      const at = mapContentEnd(text, map);
      edits.push({ start: at, end: at, newText: addition });
    }
    return edits;
  }
  if (perms) {
    const v = scalarOf(job, 'permissions');
    if (v === 'write-all') return [];
    const lines = pairLines(text, perms);
    if (!lines) return [];
    const indent = ' '.repeat(columnOf(text, (perms.key as Node).range![0]));
    return [{ start: lines.start, end: lines.end, newText: `${indent}permissions:\n${indent}  id-token: write\n${indent}  contents: read\n` }];
  }
  const indent = mapIndent(text, job);
  const pad = ' '.repeat(indent);
  const entries = new Map<string, string>();
  const top = pairOf(wf.root, 'permissions');
  if (top && isMap(top.value)) {
    for (const p of top.value.items) if (isScalar(p.key) && isScalar(p.value)) entries.set(String(p.key.value), String(p.value.value));
  }
  entries.set('id-token', 'write');
  if (!entries.has('contents')) entries.set('contents', 'read');
  const block = `${pad}permissions:\n${[...entries].map(([k, v]) => `${pad}  ${k}: ${v}`).join('\n')}\n`;
  const steps = pairOf(job, 'steps');
  const anchor = steps ?? job.items[job.items.length - 1];
  const key = anchor?.key as Node | null;
  if (steps && key?.range) {
    const at = lineStartOf(text, key.range[0]);
    return [{ start: at, end: at, newText: block }];
  }
  const at = mapContentEnd(text, job);
  return [{ start: at, end: at, newText: `\n${block.replace(/\n$/, '')}` }];
}
