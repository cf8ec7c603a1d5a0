/**
 * Renders the committed examples workspace (markers) into a folder of files with generated fake
 * secrets, and says where every planted value and planted problem is. Used by make-examples.ts,
 * the examples test and the benchmark corpus. Never prints a value.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { FAKE_KINDS } from './fakeKinds';

export const MARKER = /\{\{fake:([a-z0-9-]+)(?::([a-z0-9-]+))?\}\}/g;
/** A comment `planted: RULE-ID` marks a line that holds a non-secret problem that rule should report. */
export const PLANTED_COMMENT = /(?:#|\/\/)\s*planted:\s*([a-z0-9]+(?:-[a-z0-9]+)*)/g;

export interface PlantedValue {
  file: string;
  kind: string;
  /** UTF-16 offsets of the value in the rendered file. */
  start: number;
  end: number;
}

export interface PlantedProblem {
  file: string;
  /** Rule expected to report that line. */
  rule: string;
  /** Zero-based line. */
  line: number;
}

export interface RenderedFile {
  file: string;
  text: string;
  values: PlantedValue[];
  problems: PlantedProblem[];
}

/** Replaces the markers of one file's text. `file` is the relative path (labels default to file + index). */
export function renderText(file: string, source: string): RenderedFile {
  const values: PlantedValue[] = [];
  let out = '';
  let last = 0;
  let index = 0;
  for (const m of source.matchAll(MARKER)) {
    const kind = FAKE_KINDS[m[1]];
    if (!kind) throw new Error(`${file}: unknown fake kind "${m[1]}"`);
    const value = kind.generate(m[2] ?? `${file}#${index++}`);
    out += source.slice(last, m.index);
    values.push({ file, kind: m[1], start: out.length, end: out.length + value.length });
    out += value;
    last = m.index! + m[0].length;
  }
  out += source.slice(last);
  const problems: PlantedProblem[] = [];
  out.split('\n').forEach((lineText, line) => {
    for (const p of lineText.matchAll(PLANTED_COMMENT)) problems.push({ file, rule: p[1], line });
  });
  return { file, text: out, values, problems };
}

/** Every file of `sourceDir` (relative paths with forward slashes), in name order. */
export function listFiles(sourceDir: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else out.push(relative(sourceDir, full).split(sep).join('/'));
    }
  };
  visit(sourceDir);
  return out;
}

/** Renders `sourceDir` into a fresh `outDir`; returns every file with its planted values and problems. */
export function renderExamples(sourceDir: string, outDir: string): RenderedFile[] {
  rmSync(outDir, { recursive: true, force: true });
  const rendered: RenderedFile[] = [];
  for (const file of listFiles(sourceDir)) {
    const result = renderText(file, readFileSync(join(sourceDir, file), 'utf8'));
    const target = join(outDir, ...file.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, result.text);
    rendered.push(result);
  }
  return rendered;
}
