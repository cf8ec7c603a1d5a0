/**
 * Jenkinsfiles at text level: a light Groovy lexer (comments, '...', "...", '''...''', """..."""),
 * credential variables bound by withCredentials([...]) and environment { X = credentials('id') },
 * Groovy interpolation of those in double-quoted strings, and the shell inside sh/bat/powershell.
 *
 * Finding data:
 *   jenkins-groovy-credential-interpolation: {ci: 'jenkins', variable, binding: 'withCredentials'|'environment'}
 *   script findings (sh steps): see shell/analyzeScript.ts, with {ci: 'jenkins', step: 'sh'|'bat'|'powershell'}
 */
import type { AnalyzerOutput, ScanContext } from '../analyzer';
import type { RawFinding } from '../types';
import { R } from './rules';
import { analyzeScript } from './shell/analyzeScript';
import type { SecretBinding } from './shell/script';

interface GroovyString {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  interpolated: boolean;
}

interface Lexed {
  strings: GroovyString[];
  /** Offset of each `{` to its matching `}`. */
  braces: Map<number, number>;
}

function lex(text: string): Lexed {
  const strings: GroovyString[] = [];
  const braces = new Map<number, number>();
  const stack: number[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      const triple = text.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      let j = i + q.length;
      while (j < text.length && !text.startsWith(q, j)) {
        if (text[j] === '\\') j++;
        else if (!triple && text[j] === '\n') break;
        j++;
      }
      const contentEnd = Math.min(j, text.length);
      const end = Math.min(contentEnd + q.length, text.length);
      strings.push({ start: i, end, contentStart: i + q.length, contentEnd, interpolated: c === '"' });
      i = end;
      continue;
    }
    if (c === '{') stack.push(i);
    else if (c === '}') {
      const open = stack.pop();
      if (open !== undefined) braces.set(open, i);
    }
    i++;
  }
  return { strings, braces };
}

export function analyzeJenkins(ctx: ScanContext): AnalyzerOutput {
  const text = ctx.text;
  const { strings, braces } = lex(text);
  const findings: RawFinding[] = [];
  const scopes: { start: number; end: number; names: Set<string>; binding: string }[] = [];
  const globalNames = new Set<string>();

  for (let m, re = /\bwithCredentials\s*\(\s*\[/g; (m = re.exec(text)); ) {
    const listEnd = text.indexOf('])', m.index);
    if (listEnd === -1) continue;
    const names = new Set<string>();
    for (const v of text.slice(m.index, listEnd).matchAll(/\w*[vV]ariable\s*:\s*['"]([A-Za-z_]\w*)['"]/g)) names.add(v[1]);
    const open = text.indexOf('{', listEnd);
    const close = braces.get(open);
    if (open !== -1 && close !== undefined && names.size > 0) scopes.push({ start: open, end: close, names, binding: 'withCredentials' });
  }
  for (const m of text.matchAll(/\b([A-Za-z_]\w*)\s*=\s*credentials\s*\(/g)) {
    globalNames.add(m[1]);
    globalNames.add(`${m[1]}_USR`);
    globalNames.add(`${m[1]}_PSW`);
  }
  if (globalNames.size > 0) scopes.push({ start: 0, end: text.length, names: globalNames, binding: 'environment' });

  for (const s of strings) {
    const inScope = scopes.filter((sc) => s.start > sc.start && s.start < sc.end);
    if (inScope.length === 0 && !isShellStep(text, s)) continue;
    const names = new Set(inScope.flatMap((sc) => [...sc.names]));
    if (s.interpolated) {
      const body = text.slice(s.contentStart, s.contentEnd);
      for (const v of body.matchAll(/(?<!\\)\$(?:\{\s*(?:env\.)?([A-Za-z_]\w*)\s*\}|([A-Za-z_]\w*))/g)) {
        const name = v[1] ?? v[2];
        if (!names.has(name)) continue;
        const start = s.contentStart + v.index!;
        const binding = inScope.find((sc) => sc.names.has(name))!.binding;
        findings.push({ ruleId: R.jenkinsInterpolation.id, start, end: start + v[0].length, data: { ci: 'jenkins', variable: name, binding } });
      }
    }
    const step = isShellStep(text, s);
    if (step) {
      const secretVars = new Map<string, SecretBinding>([...names].map((n) => [n, { scope: 'job', derived: false }]));
      const map: number[] = [];
      for (let k = s.contentStart; k <= s.contentEnd; k++) map.push(k);
      const result = analyzeScript({
        mapped: { text: text.slice(s.contentStart, s.contentEnd), map },
        dialect: step === 'sh' ? 'posix' : step === 'bat' ? 'cmd' : 'pwsh',
        ci: 'jenkins',
        secretVars,
        where: { ci: 'jenkins', step },
      });
      // Groovy interpolation is reported above; the shell view reports the rest.
      findings.push(...result.findings);
    }
  }
  return { findings };
}

function isShellStep(text: string, s: GroovyString): 'sh' | 'bat' | 'powershell' | undefined {
  const before = text.slice(Math.max(0, s.start - 80), s.start);
  const m = /\b(sh|bat|powershell|pwsh)\s*(?:\(\s*)?(?:(?:label|returnStdout|returnStatus|encoding)\s*:\s*[^,]+,\s*)*(?:script\s*:\s*)?$/.exec(before);
  if (!m) return undefined;
  return m[1] === 'pwsh' ? 'powershell' : (m[1] as 'sh' | 'bat' | 'powershell');
}
