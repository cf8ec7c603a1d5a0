import { enclosingString, type FileContext, type StringLiteral } from './context';
import type { OffsetEdit } from './types';

/** How a language reads an environment variable, and what it must import for that. */
export function envRead(context: FileContext, name: string): string {
  switch (context) {
    case 'js': return `process.env.${name}`;
    case 'python': return `os.environ["${name}"]`;
    case 'go': return `os.Getenv("${name}")`;
    case 'java': return `System.getenv("${name}")`;
    case 'csharp': return `Environment.GetEnvironmentVariable("${name}")`;
    case 'ruby': return `ENV.fetch("${name}")`;
    case 'php': return `getenv('${name}')`;
    case 'rust': return `std::env::var("${name}").expect("${name} must be set")`;
    case 'pwsh': return `$env:${name}`;
    default: return `"$${name}"`;
  }
}

function literalBounds(lit: StringLiteral): { start: number; end: number } {
  return { start: lit.open - (lit.quote.length - 1) - lit.prefix.length, end: lit.close + lit.quote.length };
}

/** Concatenation operator of a language. */
function concat(context: FileContext): string {
  return context === 'php' ? '.' : '+';
}

/**
 * Replaces the secret span [start, end) of a code file by the environment read: the whole string
 * literal when the secret is all of it, else the literal is split around it (concatenation, or
 * interpolation where the literal already interpolates: JS template strings, Ruby "#{}").
 */
export function codeReplacement(text: string, start: number, end: number, context: FileContext, name: string): OffsetEdit {
  const read = envRead(context, name);
  const quotes = context === 'go' || context === 'js' ? '"\'`' : context === 'rust' || context === 'csharp' || context === 'java' ? '"' : `"'`;
  const lit = enclosingString(text, start, end, quotes);
  if (!lit) return { start, end, newText: read };
  const bounds = literalBounds(lit);
  const whole = lit.open + 1 === start && lit.close === end;
  if (whole) return { start: bounds.start, end: bounds.end, newText: read };
  const q = lit.quote;
  if (context === 'js' && q === '`') return { start, end, newText: `\${${read}}` };
  if (context === 'ruby' && q === '"') return { start, end, newText: `#{${read}}` };
  if (context === 'python' && /f/i.test(lit.prefix)) return { start, end, newText: `{${read.replace(/"/g, q.includes("'") ? '"' : "'")}}` };
  if (context === 'rust') {
    const inner = text.slice(lit.open + 1, lit.close);
    const before = inner.slice(0, start - lit.open - 1).replace(/[{}]/g, (b) => b + b);
    const after = inner.slice(end - lit.open - 1).replace(/[{}]/g, (b) => b + b);
    return { start: bounds.start, end: bounds.end, newText: `&format!("${before}{}${after}", ${read})` };
  }
  const op = concat(context);
  const head = start === lit.open + 1 ? '' : `${q} ${op} `;
  const tail = end === lit.close ? '' : ` ${op} ${lit.prefix}${q}`;
  // `"abc" + read` : when the secret starts the literal the opening quote goes with it.
  if (!head) return { start: bounds.start, end, newText: `${read}${tail}` };
  if (!tail) return { start, end: bounds.end, newText: `${head}${read}` };
  return { start, end, newText: `${head}${read}${tail}` };
}

/** The import a language needs for its environment read, as an insertion; undefined if present. */
export function importEdit(text: string, context: FileContext): OffsetEdit | undefined {
  switch (context) {
    case 'python': {
      if (/^\s*import\s+(?:[\w.]+\s*,\s*)*os\b(?!\.)/m.test(text)) return undefined;
      const firstImport = /^(?:import|from)\s/m.exec(text);
      const future = /^from\s+__future__\s+import[^\n]*\n/gm;
      let at = firstImport ? firstImport.index : skipPythonPreamble(text);
      let m: RegExpExecArray | null;
      while ((m = future.exec(text))) at = Math.max(at, m.index + m[0].length);
      return { start: at, end: at, newText: firstImport ? 'import os\n' : 'import os\n\n' };
    }
    case 'go': {
      if (/^\s*(?:import\s+)?(?:\w+\s+)?"os"\s*$/m.test(text) && /\bimport\b/.test(text)) return undefined;
      const block = /^import\s*\(\s*\n/m.exec(text);
      if (block) return { start: block.index + block[0].length, end: block.index + block[0].length, newText: '\t"os"\n' };
      const pkg = /^package\s+\w+[^\n]*\n/m.exec(text);
      const at = pkg ? pkg.index + pkg[0].length : 0;
      return { start: at, end: at, newText: '\nimport "os"\n' };
    }
    case 'csharp': {
      if (/^\s*(?:global\s+)?using\s+System\s*;/m.test(text)) return undefined;
      const firstUsing = /^\s*using\s+[\w.]+\s*;/m.exec(text);
      const at = firstUsing ? firstUsing.index + (firstUsing[0].length - firstUsing[0].trimStart().length) : 0;
      return { start: at, end: at, newText: firstUsing ? 'using System;\n' : 'using System;\n\n' };
    }
    default:
      return undefined;
  }
}

/** Offset after a Python shebang, encoding line, leading comments and module docstring. */
function skipPythonPreamble(text: string): number {
  let at = 0;
  const comments = /^(?:#[^\n]*\n|\s*\n)*/.exec(text);
  if (comments) at = comments[0].length;
  const doc = /^("""|''')[\s\S]*?\1[^\n]*\n/.exec(text.slice(at));
  if (doc) at += doc[0].length;
  return at;
}

/**
 * Shell: the secret span replaced by the variable, keeping the word's quoting valid:
 * inside double quotes `${NAME}`, inside single quotes `'"${NAME}"'`, unquoted `"${NAME}"`.
 */
export function shellReplacement(text: string, start: number, end: number, name: string, pwsh = false): OffsetEdit {
  if (pwsh) {
    const lit = enclosingString(text, start, end, `"'`, false);
    if (!lit) return { start, end, newText: `$env:${name}` };
    if (lit.open + 1 === start && lit.close === end) return { start: lit.open, end: lit.close + 1, newText: `$env:${name}` };
    if (lit.quote === '"') return { start, end, newText: `$($env:${name})` };
    return { start, end, newText: `' + $env:${name} + '` };
  }
  const lit = enclosingString(text, start, end, `"'`, true);
  if (!lit) {
    const wholeWord = /[\s=]/.test(text[start - 1] ?? ' ') && /[\s;|&)]/.test(text[end] ?? ' ');
    return { start, end, newText: wholeWord ? `"$${name}"` : `"\${${name}}"` };
  }
  if (lit.quote === '"') {
    if (lit.open + 1 === start && lit.close === end) return { start: lit.open, end: lit.close + 1, newText: `"$${name}"` };
    return { start, end, newText: `\${${name}}` };
  }
  if (lit.open + 1 === start && lit.close === end) return { start: lit.open, end: lit.close + 1, newText: `"$${name}"` };
  return { start, end, newText: `'"\${${name}}"'` };
}
