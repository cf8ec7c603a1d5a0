import { isSecretName } from '../pipeline/names';
import type { Finding } from '../types';
import { enclosingString } from './context';
import type { OffsetEdit } from './types';
import { lineStartOf, nextLineStart } from './yamlLocate';

/** A line of the text: its start, end (before the newline) and content. */
export interface Line {
  start: number;
  end: number;
  text: string;
}

export function lineAt(text: string, offset: number): Line {
  const start = lineStartOf(text, offset);
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end, text: text.slice(start, end) };
}

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

const isPwsh = (f: Finding) => /^(pwsh|powershell)$/i.test(String(f.data?.shell ?? ''));

/** The lines after `from` that belong to the same script block (same or deeper indentation). */
function followingBlockLines(text: string, from: Line): Line[] {
  const indent = indentOf(from.text).length;
  const out: Line[] = [];
  let at = nextLineStart(text, from.end);
  while (at < text.length) {
    const line = lineAt(text, at);
    if (line.text.trim() !== '' && indentOf(line.text).length < indent) break;
    out.push(line);
    at = nextLineStart(text, line.end);
  }
  return out;
}

/** Env dump -> a listing of names only (preferred), or the command removed. */
export function envDumpFixes(text: string, finding: Finding): { id: string; title: string; edits: OffsetEdit[] }[] {
  const line = lineAt(text, finding.startOffset);
  const fromCommand = text.slice(finding.startOffset, line.end);
  const stop = /[|;&>]/.exec(fromCommand);
  const commandEnd = finding.startOffset + (stop ? stop.index : fromCommand.length);
  const command = text.slice(finding.startOffset, commandEnd).trimEnd();
  const piped = stop?.[0] === '|';
  // Not `env | cut ...`: the dump check (rightly) flags `env` whatever follows it.
  const names = isPwsh(finding)
    ? '[Environment]::GetEnvironmentVariables().Keys'
    : piped ? "awk 'BEGIN { for (name in ENVIRON) print name }'" : "awk 'BEGIN { for (name in ENVIRON) print name }' | sort";
  const out = [{ id: 'names-only', title: 'List variable names only (no values)', edits: [{ start: finding.startOffset, end: finding.startOffset + command.length, newText: names }] }];
  const wholeLine = line.text.trim() === command && text.slice(line.start, finding.startOffset).trim() === '';
  if (wholeLine) out.push({ id: 'remove', title: `Remove the ${command} command`, edits: [{ start: line.start, end: nextLineStart(text, line.end), newText: '' }] });
  return out;
}

/** Code that dumps the environment -> only the names (keys) are logged. */
export function codeEnvDumpEdit(text: string, finding: Finding): OffsetEdit | undefined {
  const target = text.slice(finding.startOffset, finding.endOffset);
  const language = String(finding.data?.language ?? '');
  const wrap: Record<string, (t: string) => string | undefined> = {
    js: (t) => (t === 'process.env' ? 'Object.keys(process.env)' : undefined),
    python: (t) => `sorted(${t.replace(/\.items\(\)$/, '').replace(/\.copy\(\)$/, '')})`,
    ruby: (t) => (t === 'ENV' || t === 'ENV.to_h' ? 'ENV.keys' : undefined),
    java: (t) => (/^System\.getenv\(\)$/.test(t) ? 'System.getenv().keySet()' : undefined),
    csharp: (t) => (/GetEnvironmentVariables\(\)$/.test(t) ? `${t}.Keys` : undefined),
    php: (t) => (/^(getenv\(\)|\$_ENV|\$_SERVER)$/.test(t) ? `array_keys(${t})` : undefined),
  };
  const newText = wrap[language]?.(target);
  return newText ? { start: finding.startOffset, end: finding.endOffset, newText } : undefined;
}

/** Variables holding secrets in a script: secret-looking names and env bindings of `secrets.*`. */
function secretVariablesIn(text: string): Set<string> {
  const vars = new Set<string>();
  for (const m of text.matchAll(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*\$\{\{\s*secrets\./gm)) vars.add(m[1]);
  return vars;
}

function usesSecret(line: string, bound: Set<string>): boolean {
  if (/\$\{\{\s*secrets\./.test(line)) return true;
  for (const m of line.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (bound.has(m[1]) || isSecretName(m[1])) return true;
  return false;
}

/** `set -x` with secrets in scope -> tracing removed (`set -ex` keeps `-e`). */
export function xtraceRemoveEdit(text: string, finding: Finding): OffsetEdit | undefined {
  const line = lineAt(text, finding.startOffset);
  const word = text.slice(finding.startOffset, finding.endOffset);
  if (/^-x$/.test(word) && /^\s*set\s+-x\s*$/.test(line.text)) return { start: line.start, end: nextLineStart(text, line.end), newText: '' };
  if (/^-[a-wyz]*x[a-z]*$/.test(word) && word.length > 2) return { start: finding.startOffset, end: finding.endOffset, newText: word.replace('x', '') };
  return undefined;
}

/** `set -x` with secrets in scope -> tracing off around the lines that use a secret. */
export function xtraceEdits(text: string, finding: Finding): OffsetEdit[] | undefined {
  const line = lineAt(text, finding.startOffset);
  if (!/^\s*(?:-\s+|run:\s*[|>]?\s*)?set\s+-[a-wyz]*x[a-z]*\s*$/.test(line.text) && !/^\s*set\s+-o\s+xtrace\s*$/.test(line.text)) {
    return undefined;
  }
  const bound = secretVariablesIn(text);
  const block = followingBlockLines(text, line);
  const edits: OffsetEdit[] = [];
  let i = 0;
  while (i < block.length) {
    if (!usesSecret(block[i].text, bound) || block[i].text.trimEnd().endsWith('\\')) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < block.length && usesSecret(block[j + 1].text, bound) && !block[j].text.trimEnd().endsWith('\\')) j++;
    const indent = indentOf(block[i].text);
    edits.push({ start: block[i].start, end: block[i].start, newText: `${indent}{ set +x; } 2>/dev/null\n` });
    const after = nextLineStart(text, block[j].end);
    const eol = after === text.length && !text.endsWith('\n') ? '\n' : '';
    edits.push({ start: after, end: after, newText: `${eol}${indent}set -x\n` });
    i = j + 1;
  }
  return edits.length > 0 ? edits : undefined;
}

/** Offset after the line (and its continuations) that assigns `variable` before `before`. */
function assignmentLineEnd(text: string, variable: string, before: number, searchFrom: number): { at: number; indent: string } | undefined {
  const region = text.slice(searchFrom, before);
  const re = new RegExp(`^([ \\t]*)(?:-[ \\t]+)?(?:export[ \\t]+|local[ \\t]+|readonly[ \\t]+|declare[ \\t]+(?:-\\w+[ \\t]+)*)?(?:${variable}=|\\$${variable}[ \\t]*=|\\$env:${variable}[ \\t]*=|read[ \\t].*\\b${variable}\\b)`, 'gm');
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(region); m; m = re.exec(region)) last = m;
  if (!last) return undefined;
  let line = lineAt(text, searchFrom + last.index);
  while (line.text.trimEnd().endsWith('\\') && line.end < text.length) line = lineAt(text, nextLineStart(text, line.end));
  return { at: nextLineStart(text, line.end), indent: indentOf(line.text).replace(/-/g, ' ') };
}

/** Derived secret not masked -> `echo "::add-mask::$VALUE"` right after it is computed (GitHub). */
export function addMaskEdits(text: string, finding: Finding, scriptStart: number): OffsetEdit[] | undefined {
  const variable = finding.data?.variable;
  if (typeof variable !== 'string' || finding.data?.ci !== 'github' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) return undefined;
  const found = assignmentLineEnd(text, variable, finding.startOffset, scriptStart);
  if (!found) return undefined;
  const eol = found.at === text.length && !text.endsWith('\n') ? '\n' : '';
  const mask = isPwsh(finding) ? `Write-Output "::add-mask::$${variable}"` : `echo "::add-mask::$${variable}"`;
  return [{ start: found.at, end: found.at, newText: `${eol}${found.indent}${mask}\n` }];
}

/** `::add-mask::` after the value was printed -> moved right after the value is computed. */
export function moveMaskEdits(text: string, finding: Finding, scriptStart: number): OffsetEdit[] | undefined {
  const variable = finding.data?.variable;
  if (typeof variable !== 'string') return undefined;
  const maskLine = lineAt(text, finding.startOffset);
  if (!maskLine.text.includes('::add-mask::')) return undefined;
  const found = assignmentLineEnd(text, variable, maskLine.start, scriptStart);
  if (!found || found.at >= maskLine.start) return undefined;
  return [
    { start: found.at, end: found.at, newText: `${found.indent}${maskLine.text.trim()}\n` },
    { start: maskLine.start, end: nextLineStart(text, maskLine.end), newText: '' },
  ];
}

/** Azure `##vso[task.setvariable variable=X]` -> `;issecret=true`. */
export function azureIsSecretEdit(text: string, finding: Finding): OffsetEdit | undefined {
  const slice = text.slice(finding.startOffset, finding.endOffset);
  const m = /##vso\[task\.setvariable\b[^\]]*/.exec(slice);
  if (!m || /issecret\s*=/i.test(m[0])) return undefined;
  const at = finding.startOffset + m.index + m[0].length;
  const sep = m[0].endsWith(';') ? '' : ';';
  return { start: at, end: at, newText: `${sep}issecret=true` };
}

/**
 * Printing a secret with a lone echo/printf (a script line, a `- ` list item or a one-line `run:`)
 * -> print whether it is set, never its value. `variable` is the shell variable to test.
 */
export function secretPrintEdit(text: string, finding: Finding, variable = finding.data?.variable): OffsetEdit | undefined {
  if (typeof variable !== 'string' || isPwsh(finding) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) return undefined;
  const line = lineAt(text, finding.startOffset);
  const m = /^([ \t]*(?:-[ \t]+)?(?:run:[ \t]+)?)(?:echo|printf)\b/.exec(line.text);
  if (!m || line.text.trimEnd().endsWith('\\')) return undefined;
  const afterSpan = line.text.slice(finding.endOffset - line.start);
  const comment = /\s+#/.exec(afterSpan);
  const end = comment ? finding.endOffset + comment.index : line.end;
  const command = text.slice(line.start + m[1].length, end);
  if (/[|;&<>`]/.test(command.replace(/\$\{\{[^}]*\}\}/g, ''))) return undefined;
  return { start: line.start + m[1].length, end, newText: `if [ -n "$${variable}" ]; then echo "${variable} is set"; fi` };
}

/** Jenkins: a double-quoted Groovy string interpolating a credential -> single quotes, the shell expands it. */
export function jenkinsSingleQuoteEdit(text: string, finding: Finding): OffsetEdit | undefined {
  const lit = enclosingString(text, finding.startOffset, finding.endOffset, '"', true);
  if (!lit || lit.prefix) return undefined;
  const open = lit.open - (lit.quote.length - 1);
  const content = text.slice(lit.open + 1, lit.close);
  const groovyExprs = [...content.matchAll(/(?<!\\)\$\{([^}]*)\}/g)].map((m) => m[1].trim());
  if (groovyExprs.some((e) => !/^(?:env\.)?[A-Za-z_][A-Za-z0-9_]*$/.test(e))) return undefined;
  const shellText = content
    .replace(/(?<!\\)\$\{env\.([A-Za-z_][A-Za-z0-9_]*)\}/g, '${$1}')
    .replace(/\\\$/g, '$')
    .replace(/\\"/g, '"');
  if (shellText.includes("'''") || shellText.endsWith("'") || /\\(?![$"])/.test(content)) return undefined;
  const quote = shellText.includes("'") || lit.quote.length === 3 ? "'''" : "'";
  return { start: open, end: lit.close + lit.quote.length, newText: `${quote}${shellText}${quote}` };
}
