/**
 * A shell-aware tokenizer for CI scripts: splits a script into simple commands of words, keeping
 * quotes, `$VAR`, `${VAR}`, `$(...)` (parsed recursively), backticks, `${{ expr }}`, pipes,
 * redirections, heredocs and line continuations, with offsets into the script text. It does not
 * evaluate anything. PowerShell (`$env:X`, backtick escapes) and cmd (`%X%`, `^`) are handled in
 * their own modes. One linear pass; never throws on unbalanced input (it ends at the text's end).
 */

import { RecentCache } from '../../recentCache';
import type { Command, Expansion, Redirect, ShellDialect, TokenizeOptions, Word } from './syntax';

export * from './syntax';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', 'time', 'sudo', '{', '}', 'command', 'exec']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
const MAX_DEPTH = 32;

/**
 * Recent results by dialect and script text. An edit of a workflow changes one step: the other
 * steps' scripts are the same texts, and their commands are reused. Results are read-only.
 */
const recent = new RecentCache<Command[]>(512);

/** Every simple command of a script, nested ones (in substitutions) included, in source order. */
export function tokenize(script: string, options: TokenizeOptions = {}): Command[] {
  const dialect = options.dialect ?? 'posix';
  const azureMacros = options.azureMacros ?? false;
  const key = `${dialect}${azureMacros ? '+azure' : ''}\u0000${script}`;
  const known = recent.get(key);
  if (known) return known;
  const t = new Tokenizer(script, dialect, azureMacros);
  t.parseList(0, script.length, false);
  const commands = t.all.sort((a, b) => a.start - b.start);
  recent.set(key, commands);
  return commands;
}

class Tokenizer {
  readonly all: Command[] = [];
  private pendingHeredocs: { redirect: Redirect; delimiter: string; strip: boolean; quoted: boolean }[] = [];
  /** Nesting of `$(...)`; past MAX_DEPTH a substitution is kept as text (no recursion, no stack overflow). */
  private depth = 0;

  constructor(
    private readonly s: string,
    private readonly dialect: ShellDialect,
    private readonly azureMacros: boolean,
  ) {}

  /** Parses commands from `pos` until `limit` (or an unmatched `)` when `inSubst`); returns the stop position. */
  parseList(pos: number, limit: number, inSubst: boolean, out?: Command[]): number {
    const s = this.s;
    let current = this.newCommand(pos, inSubst);
    let previous: Command | undefined;
    let pipeNext = false;
    const finish = (at: number, pipe: boolean) => {
      if (current.words.length > 0 || current.redirects.length > 0) {
        current.end = at;
        this.classify(current);
        if (pipeNext && previous) {
          previous.pipesTo = current;
          current.pipedFrom = previous;
        }
        this.all.push(current);
        out?.push(current);
        previous = current;
        pipeNext = pipe;
      } else if (!pipe) pipeNext = false;
      current = this.newCommand(at, inSubst);
    };
    while (pos < limit) {
      const c = s[pos];
      if (c === ' ' || c === '\t' || c === '\r') {
        pos++;
        continue;
      }
      if (this.isEscape(c) && s[pos + 1] === '\n') {
        pos += 2;
        continue;
      }
      if (this.dialect === 'posix' && c === '\\' && s[pos + 1] === '\r' && s[pos + 2] === '\n') {
        pos += 3;
        continue;
      }
      if (c === '#' && this.dialect !== 'cmd') {
        while (pos < limit && s[pos] !== '\n') pos++;
        continue;
      }
      if (this.dialect === 'cmd' && current.words.length === 0 && (/^rem\b/i.test(s.slice(pos, pos + 4)) || s.startsWith('::', pos))) {
        while (pos < limit && s[pos] !== '\n') pos++;
        continue;
      }
      if (c === '\n') {
        finish(pos, false);
        pos = this.readHeredocBodies(pos + 1, limit);
        continue;
      }
      if (c === ';') {
        finish(pos, false);
        pos++;
        continue;
      }
      if (c === '&') {
        if (s[pos + 1] === '>') {
          pos = this.readRedirect(current, pos, limit, 2);
          continue;
        }
        finish(pos, false);
        pos += s[pos + 1] === '&' ? 2 : 1;
        continue;
      }
      if (c === '|') {
        if (s[pos + 1] === '|') {
          finish(pos, false);
          pos += 2;
        } else {
          finish(pos, true);
          pos += s[pos + 1] === '&' ? 2 : 1;
        }
        continue;
      }
      if (c === ')') {
        finish(pos, false);
        if (inSubst) return pos + 1;
        pos++;
        continue;
      }
      if (c === '(' && this.dialect !== 'cmd') {
        finish(pos, false);
        pos++;
        continue;
      }
      // Process substitution `<(cmd)` / `>(cmd)`: cmd's output goes to a file descriptor, not the log.
      if ((c === '<' || c === '>') && s[pos + 1] === '(' && this.dialect === 'posix' && this.depth < MAX_DEPTH) {
        this.depth++;
        pos = Math.min(this.parseList(pos + 2, limit, true), limit);
        this.depth--;
        continue;
      }
      if (c === '<' || c === '>' || (/[0-9]/.test(c) && (s[pos + 1] === '>' || (s[pos + 1] === '<' && s[pos + 2] !== '('))) ) {
        pos = this.readRedirect(current, pos, limit, 0);
        continue;
      }
      const word = this.readWord(pos, limit);
      if (word.end === pos) {
        pos++;
        continue;
      }
      current.words.push(word);
      pos = word.end;
    }
    finish(Math.min(pos, limit), false);
    return pos;
  }

  private newCommand(start: number, captured: boolean): Command {
    return { words: [], assignments: [], args: [], redirects: [], start, end: start, captured };
  }

  private isEscape(c: string): boolean {
    return this.dialect === 'posix' ? c === '\\' : this.dialect === 'pwsh' ? c === '`' : c === '^';
  }

  private classify(cmd: Command): void {
    let i = 0;
    while (i < cmd.words.length && (KEYWORDS.has(cmd.words[i].raw) || (this.dialect === 'posix' && ASSIGNMENT.test(cmd.words[i].raw)))) {
      if (ASSIGNMENT.test(cmd.words[i].raw)) cmd.assignments.push(cmd.words[i]);
      i++;
    }
    cmd.args = cmd.words.slice(i);
    if (cmd.words.length > 0) cmd.start = Math.min(cmd.start, cmd.words[0].start);
  }

  /** Reads `op` and its target word; `<<` registers a heredoc whose body follows the line. */
  private readRedirect(cmd: Command, pos: number, limit: number, skip: number): number {
    const s = this.s;
    const start = pos;
    const m = /^(?:&>>?|[0-9]?(?:<<<|<<-|<<|>>|>&|<&|>\||<>|>|<))/.exec(s.slice(pos, pos + 4));
    const op = m ? m[0] : s.slice(pos, pos + Math.max(skip, 1));
    pos += op.length;
    while (pos < limit && (s[pos] === ' ' || s[pos] === '\t')) pos++;
    const redirect: Redirect = { op, start, end: pos };
    if (pos < limit && s[pos] !== '\n') {
      const target = this.readWord(pos, limit);
      if (target.end > pos) {
        redirect.target = target;
        redirect.end = target.end;
        pos = target.end;
      }
    }
    if ((op === '<<' || op === '<<-') && redirect.target) {
      const raw = redirect.target.raw;
      this.pendingHeredocs.push({ redirect, delimiter: redirect.target.value, strip: op === '<<-', quoted: /['"\\]/.test(raw) });
    }
    cmd.redirects.push(redirect);
    return pos;
  }

  private readHeredocBodies(pos: number, limit: number): number {
    const s = this.s;
    while (this.pendingHeredocs.length > 0) {
      const h = this.pendingHeredocs.shift()!;
      const bodyStart = pos;
      let bodyEnd = limit;
      while (pos < limit) {
        let nl = s.indexOf('\n', pos);
        if (nl === -1 || nl > limit) nl = limit;
        const line = s.slice(pos, nl).replace(/\r$/, '');
        if ((h.strip ? line.replace(/^\t+/, '') : line).trim() === h.delimiter) {
          bodyEnd = pos;
          pos = Math.min(nl + 1, limit);
          break;
        }
        pos = nl + 1;
        if (pos >= limit) bodyEnd = limit;
      }
      const expansions: Expansion[] = [];
      if (!h.quoted) {
        let i = bodyStart;
        while (i < bodyEnd) {
          if (s[i] === '$') {
            const exp = this.readDollar(i, bodyEnd);
            if (exp) {
              expansions.push(exp);
              i = exp.end;
              continue;
            }
          }
          i++;
        }
      }
      h.redirect.heredoc = { start: bodyStart, end: Math.max(bodyStart, bodyEnd), expansions };
    }
    return pos;
  }

  /** A word: runs until unquoted whitespace or an operator. */
  private readWord(pos: number, limit: number): Word {
    const s = this.s;
    const start = pos;
    let value = '';
    const expansions: Expansion[] = [];
    /** Keeps an expansion's source text in the word's value and returns the offset after it. */
    const take = (exp: Expansion): number => {
      expansions.push(exp);
      value += s.slice(exp.start, exp.end);
      return exp.end;
    };
    while (pos < limit) {
      const c = s[pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '|' || c === '<' || c === '>' || c === ')') break;
      if (c === '&') break;
      if (c === '(' && pos === start && this.dialect !== 'cmd') break;
      if (this.isEscape(c)) {
        if (s[pos + 1] === '\n') break;
        value += s[pos + 1] ?? '';
        pos += 2;
        continue;
      }
      if (c === "'") {
        const close = s.indexOf("'", pos + 1);
        const end = close === -1 || close >= limit ? limit : close;
        value += s.slice(pos + 1, end);
        pos = end + 1;
        continue;
      }
      if (c === '"') {
        pos++;
        while (pos < limit && s[pos] !== '"') {
          if (this.isEscape(s[pos]) && pos + 1 < limit) {
            value += s[pos + 1];
            pos += 2;
            continue;
          }
          const exp = this.expansionAt(pos, limit);
          if (exp) {
            pos = take(exp);
            continue;
          }
          value += s[pos];
          pos++;
        }
        pos++;
        continue;
      }
      const exp = this.expansionAt(pos, limit);
      if (exp) {
        pos = take(exp);
        continue;
      }
      value += c;
      pos++;
    }
    pos = Math.min(pos, limit);
    return { start, end: pos, raw: s.slice(start, pos), value, expansions };
  }

  private expansionAt(pos: number, limit: number): Expansion | undefined {
    const s = this.s;
    const c = s[pos];
    if (c === '$') return this.readDollar(pos, limit);
    if (c === '`' && this.dialect === 'posix') {
      let end = pos + 1;
      while (end < limit && s[end] !== '`') end += s[end] === '\\' ? 2 : 1;
      end = Math.min(end, limit);
      const commands: Command[] = [];
      if (this.depth < MAX_DEPTH) {
        this.depth++;
        this.parseList(pos + 1, end, true, commands);
        this.depth--;
      }
      return { kind: 'subst', name: '', start: pos, end: Math.min(end + 1, limit), commands };
    }
    if (c === '%' && this.dialect === 'cmd') {
      const m = /^%([A-Za-z_][A-Za-z0-9_]*)%/.exec(s.slice(pos, Math.min(limit, pos + 200)));
      if (m) return { kind: 'var', name: m[1], start: pos, end: pos + m[0].length };
    }
    return undefined;
  }

  private readDollar(pos: number, limit: number): Expansion | undefined {
    const s = this.s;
    if (s.startsWith('${{', pos)) {
      const close = s.indexOf('}}', pos + 3);
      const end = close === -1 || close + 2 > limit ? limit : close + 2;
      return { kind: 'expr', name: s.slice(pos + 3, close === -1 ? limit : close).trim(), start: pos, end };
    }
    const rest = s.slice(pos + 1, Math.min(limit, pos + 256));
    if (this.dialect === 'pwsh') {
      const env = /^(?:env:([A-Za-z_][A-Za-z0-9_]*)|\{env:([A-Za-z_][A-Za-z0-9_]*)\})/i.exec(rest);
      if (env) return { kind: 'var', name: env[1] ?? env[2], start: pos, end: pos + 1 + env[0].length };
    }
    if (this.azureMacros) {
      const macro = /^\(([A-Za-z_][A-Za-z0-9_.-]*)\)/.exec(rest);
      if (macro) return { kind: 'var', name: macro[1], start: pos, end: pos + 1 + macro[0].length };
    }
    if (s[pos + 1] === '(' && s[pos + 2] === '(') {
      const close = s.indexOf('))', pos + 3);
      const end = close === -1 || close + 2 > limit ? limit : close + 2;
      return { kind: 'subst', name: '', start: pos, end, commands: [] };
    }
    if (s[pos + 1] === '(') {
      const commands: Command[] = [];
      if (this.depth >= MAX_DEPTH) {
        const close = s.indexOf(')', pos + 2);
        return { kind: 'subst', name: '', start: pos, end: close === -1 || close >= limit ? limit : close + 1, commands };
      }
      this.depth++;
      const end = this.parseList(pos + 2, limit, true, commands);
      this.depth--;
      return { kind: 'subst', name: '', start: pos, end: Math.min(end, limit), commands };
    }
    if (s[pos + 1] === '{') {
      let depth = 1;
      let end = pos + 2;
      while (end < limit && depth > 0) {
        if (s[end] === '{') depth++;
        else if (s[end] === '}') depth--;
        end++;
      }
      const inner = s.slice(pos + 2, end - 1);
      // `${#X}` (length) and `${X:+word}` (word when set) expand to something else than X's value.
      const name = /^#|^[A-Za-z_][A-Za-z0-9_]*:?\+/.test(inner) ? null : /^!?([A-Za-z_][A-Za-z0-9_]*)/.exec(inner);
      return { kind: 'var', name: name ? name[1] : '', start: pos, end };
    }
    const simple = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(rest);
    if (simple) return { kind: 'var', name: simple[0], start: pos, end: pos + 1 + simple[0].length };
    return undefined;
  }
}
