import { enclosingString } from './context';
import { shellReplacement } from './code';
import { toKebab } from './naming';
import type { OffsetEdit } from './types';
import { lineStartOf, nextLineStart } from './yamlLocate';

/** Result of a reference fix: document edits, the .env name, a title. */
export interface Replacement {
  edits: OffsetEdit[];
  name: string;
  title: string;
}

/** Terraform: a `sensitive` variable in place of the literal, set through TF_VAR_<name> from .env. */
export function terraformReplacement(text: string, start: number, end: number, path: string, name: (base: string) => string, base: string): Replacement | undefined {
  const lit = enclosingString(text, start, end, '"');
  if (!lit) return undefined;
  const envName = name(`TF_VAR_${base.toLowerCase()}`);
  const variable = envName.slice('TF_VAR_'.length);
  const whole = lit.open + 1 === start && lit.close === end;
  if (path.endsWith('.tfvars')) {
    if (!whole) return undefined;
    const from = lineStartOf(text, start);
    return { name: envName, title: `Set ${variable} through ${envName} in .env instead (line removed)`, edits: [{ start: from, end: nextLineStart(text, end), newText: '' }] };
  }
  const edits: OffsetEdit[] = [whole ? { start: lit.open, end: lit.close + 1, newText: `var.${variable}` } : { start, end, newText: `\${var.${variable}}` }];
  if (!new RegExp(`^\\s*variable\\s+"${variable}"`, 'm').test(text)) {
    const sep = text.endsWith('\n') ? '\n' : '\n\n';
    edits.push({ start: text.length, end: text.length, newText: `${sep}variable "${variable}" {\n  type      = string\n  sensitive = true\n}\n` });
  }
  return { name: envName, title: `Replace with sensitive variable var.${variable} (value moved to .env as ${envName})`, edits };
}

/** True when `offset` sits inside an `environment { ... }` block of a Jenkinsfile. */
function inJenkinsEnvironment(text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  const at = before.lastIndexOf('environment');
  if (at === -1 || !/^environment\s*\{/.test(text.slice(at))) return false;
  let depth = 0;
  for (let i = text.indexOf('{', at); i < offset; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') depth--;
  }
  return depth > 0;
}

/** Jenkinsfile: `credentials('id')` in environment {}, else the line wrapped in withCredentials. */
export function jenkinsReplacement(text: string, start: number, end: number, name: (base: string) => string, base: string): Replacement | undefined {
  const lit = enclosingString(text, start, end, `"'`);
  if (!lit) return undefined;
  const envName = name(base);
  const id = toKebab(envName);
  const whole = lit.open + 1 === start && lit.close === end;
  if (inJenkinsEnvironment(text, start)) {
    // An environment {} entry cannot be wrapped in withCredentials; a partial value has no clean fix.
    if (!whole) return undefined;
    return { name: envName, title: `Replace with credentials('${id}') (value moved to .env)`, edits: [{ start: lit.open, end: lit.close + 1, newText: `credentials('${id}')` }] };
  }
  const lineStart = lineStartOf(text, start);
  const lineEnd = nextLineStart(text, end);
  const line = text.slice(lineStart, lineEnd).replace(/\r?\n$/, '');
  const indent = /^\s*/.exec(line)![0];
  const isShell = /^\s*(sh|bat|powershell)\b/.test(line);
  let replaced: OffsetEdit;
  if (isShell) replaced = { start, end, newText: lit.quote === '"' ? `\\$${envName}` : `$${envName}` };
  else if (whole) replaced = { start: lit.open, end: lit.close + 1, newText: `env.${envName}` };
  else replaced = { start, end, newText: lit.quote === '"' ? `\${env.${envName}}` : `' + env.${envName} + '` };
  const newLine = text.slice(lineStart, replaced.start) + replaced.newText + text.slice(replaced.end, lineStart + line.length);
  const wrapped = `${indent}withCredentials([string(credentialsId: '${id}', variable: '${envName}')]) {\n  ${newLine}\n${indent}}`;
  return { name: envName, title: `Bind credential '${id}' with withCredentials (value moved to .env)`, edits: [{ start: lineStart, end: lineStart + line.length, newText: wrapped }] };
}

/** Dockerfile: ARG/ENV secret or literal in RUN -> build secret mounted as an env var in RUN. */
export function dockerfileReplacement(text: string, start: number, end: number, name: (base: string) => string, base: string): Replacement | undefined {
  const lineStart = lineStartOf(text, start);
  const lineEnd = nextLineStart(text, end);
  const line = text.slice(lineStart, lineEnd);
  const envName = name(base);
  const id = toKebab(envName);
  const mount = (variable: string) => `--mount=type=secret,id=${id},env=${variable} `;
  const edits: OffsetEdit[] = [];
  const decl = /^\s*(ARG|ENV)\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s*=\s*|\s+)/i.exec(line);
  if (decl) {
    const declared = decl[2];
    edits.push({ start: lineStart, end: lineEnd, newText: '' });
    const run = /^(\s*RUN\s+)/gim;
    run.lastIndex = lineEnd;
    const uses = new RegExp(`\\$\\{?${declared}\\b`);
    let m: RegExpExecArray | null;
    while ((m = run.exec(text))) {
      const stop = findInstructionEnd(text, m.index);
      const body = text.slice(m.index, stop);
      if (!uses.test(body)) continue;
      edits.push({ start: m.index + m[1].length, end: m.index + m[1].length, newText: mount(declared) });
    }
  } else {
    const run = /^(\s*RUN\s+)/i.exec(line);
    if (!run) return undefined;
    edits.push({ start: lineStart + run[1].length, end: lineStart + run[1].length, newText: mount(envName) });
    edits.push(shellReplacement(text, start, end, envName));
  }
  if (!/^#\s*syntax=/m.test(text)) edits.push({ start: 0, end: 0, newText: '# syntax=docker/dockerfile:1.10\n' });
  return { name: envName, title: `Pass it as a build secret (docker build --secret id=${id},env=${envName}; value moved to .env)`, edits };
}

/** End offset of a Dockerfile instruction, following backslash continuations. */
function findInstructionEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    const next = nextLineStart(text, at);
    const line = text.slice(at, next).replace(/\r?\n$/, '');
    if (!line.endsWith('\\') || next >= text.length) return next;
    at = next;
  }
}
