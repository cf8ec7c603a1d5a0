import { isMap, isScalar, type Node } from 'yaml';
import type { Finding } from '../types';
import { toKebab } from './naming';
import { lineAt } from './scriptLeakFixes';
import type { OffsetEdit } from './types';
import type { Workflow } from './workflowEdits';
import { columnOf, nextLineStart, pairOf } from './yamlLocate';

const LOGIN_COMMANDS = /^(?:docker|podman|buildah|skopeo|helm|oras|nerdctl)$/;

/**
 * `docker login -p "$PASSWORD" …` (and podman/helm/oras…) -> the password on stdin:
 * `printf '%s' "$PASSWORD" | docker login … --password-stdin`.
 */
export function passwordStdinEdit(text: string, finding: Finding): OffsetEdit | undefined {
  const flag = finding.data?.flag;
  const command = String(finding.data?.command ?? '');
  if (finding.data?.form !== 'flag' || !LOGIN_COMMANDS.test(command) || (flag !== '-p' && flag !== '--password')) return undefined;
  const line = lineAt(text, finding.startOffset);
  const at = line.text.indexOf(command);
  if (at === -1 || line.start + at > finding.startOffset || /[|;&]/.test(line.text.slice(at)) || line.text.trimEnd().endsWith('\\')) return undefined;
  if (!/\blogin\b/.test(line.text.slice(at))) return undefined;
  const value = text.slice(finding.startOffset, finding.endOffset);
  if (!/^"?\$\{?[A-Za-z_][A-Za-z0-9_]*\}?"?$/.test(value)) return undefined;
  const before = text.slice(line.start + at, finding.startOffset);
  const flagMatch = new RegExp(`(?:^|\\s)(${flag === '-p' ? '-p' : '--password'})(?:\\s+|=)$`).exec(before);
  if (!flagMatch) return undefined;
  const flagStart = line.start + at + flagMatch.index + flagMatch[0].indexOf(flagMatch[1]);
  const quoted = value.startsWith('"') ? value : `"${value}"`;
  const rest = text.slice(finding.endOffset, line.end);
  const commandText = text.slice(line.start + at, flagStart).trimEnd() + ' --password-stdin' + rest;
  return { start: line.start + at, end: line.end, newText: `printf '%s' ${quoted} | ${commandText}` };
}

/** `docker build --build-arg NAME=$NAME` -> `--secret id=name,env=NAME` (BuildKit secret). */
export function buildArgScriptEdit(text: string, finding: Finding): OffsetEdit | undefined {
  const arg = finding.data?.argName;
  if (typeof arg !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(arg)) return undefined;
  const span = text.slice(finding.startOffset, finding.endOffset);
  const m = new RegExp(`^${arg}(?:=\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?|=\"\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?\")?$`).exec(span);
  if (!m) return undefined;
  const variable = m[1] ?? m[2] ?? arg;
  const before = text.slice(lineAt(text, finding.startOffset).start, finding.startOffset);
  const flag = /--build-arg(?:\s+|=)$/.exec(before);
  if (!flag) return undefined;
  const start = finding.startOffset - flag[0].length;
  return { start, end: finding.endOffset, newText: `--secret id=${toKebab(arg)},env=${variable}` };
}

/** docker/build-push-action `build-args:` line holding a secret -> the action's `secrets:` input. */
export function buildPushSecretEdits(text: string, finding: Finding, wf: Workflow): OffsetEdit[] | undefined {
  const arg = finding.data?.argName;
  const step = wf.step(String(finding.data?.jobId), Number(finding.data?.stepIndex));
  const withPair = step ? pairOf(step, 'with') : undefined;
  if (typeof arg !== 'string' || !withPair || !isMap(withPair.value)) return undefined;
  const line = lineAt(text, finding.startOffset);
  const entry = text.slice(finding.startOffset, finding.endOffset);
  const m = new RegExp(`^${arg}=(.+)$`).exec(entry);
  if (!m || line.text.trim() !== entry) return undefined;
  const buildArgs = pairOf(withPair.value, 'build-args');
  if (!buildArgs || !isScalar(buildArgs.value) || !String(buildArgs.value.value).includes('\n')) return undefined;
  const remaining = String(buildArgs.value.value).split('\n').filter((l) => l.trim() && l.trim() !== entry);
  const keyLineStart = text.lastIndexOf('\n', (buildArgs.key as Node).range![0]) + 1;
  const indent = ' '.repeat(columnOf(text, (buildArgs.key as Node).range![0]));
  const secretLine = `"${toKebab(arg)}=${m[1]}"`;
  const secrets = pairOf(withPair.value, 'secrets');
  const edits: OffsetEdit[] = [];
  if (secrets) {
    if (!isScalar(secrets.value) || !secrets.value.range || !/^BLOCK/.test(String(secrets.value.type))) return undefined;
    if (!String(secrets.value.value).includes(secretLine)) {
      const firstLine = lineAt(text, nextLineStart(text, (secrets.key as Node).range![1]));
      const bodyIndent = /^[ \t]*/.exec(firstLine.text)![0];
      let end = secrets.value.range[1];
      while (end > 0 && /\s/.test(text[end - 1])) end--;
      edits.push({ start: end, end, newText: `\n${bodyIndent}${secretLine}` });
    }
    edits.push(remaining.length === 0 ? { start: keyLineStart, end: nextLineStart(text, line.end), newText: '' } : { start: line.start, end: nextLineStart(text, line.end), newText: '' });
    return edits;
  }
  const block = `${indent}secrets: |\n${indent}  ${secretLine}\n`;
  if (remaining.length === 0) return [{ start: keyLineStart, end: nextLineStart(text, line.end), newText: block }];
  return [
    { start: keyLineStart, end: keyLineStart, newText: block },
    { start: line.start, end: nextLineStart(text, line.end), newText: '' },
  ];
}
