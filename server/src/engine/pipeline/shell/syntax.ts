/** The syntax tree the shell tokenizer produces: commands, words, expansions and redirects. */

export type ShellDialect = 'posix' | 'pwsh' | 'cmd';

export interface Expansion {
  /** var: `$X`/`${X}`/`$env:X`/`%X%`/Azure `$(X)` macro; expr: `${{ ... }}`; subst: `$(...)` or backticks. */
  kind: 'var' | 'expr' | 'subst';
  /** Variable name, or the expression text without `${{ }}`. */
  name: string;
  start: number;
  end: number;
  /** For subst: the commands inside, with offsets into the same script. */
  commands?: Command[];
}

export interface Word {
  start: number;
  end: number;
  raw: string;
  /** The word with quotes removed (expansions kept as written). */
  value: string;
  expansions: Expansion[];
}

export interface Redirect {
  /** `>`, `>>`, `<`, `2>`, `&>`, `<<`, `<<<`... */
  op: string;
  start: number;
  end: number;
  target?: Word;
  /** Heredoc body span and its expansions (none when the delimiter is quoted). */
  heredoc?: { start: number; end: number; expansions: Expansion[] };
}

export interface Command {
  /** All words, assignments first. */
  words: Word[];
  /** Leading `NAME=value` words. */
  assignments: Word[];
  /** Words after assignments and leading keywords (`if`, `then`, `!`, `sudo`...): args[0] is the command name. */
  args: Word[];
  redirects: Redirect[];
  start: number;
  end: number;
  /** Output goes to the next command through `|`. */
  pipesTo?: Command;
  /** Input comes from the previous command through `|`. */
  pipedFrom?: Command;
  /** Inside `$(...)` or backticks: its output is captured, not printed. */
  captured: boolean;
}

export interface TokenizeOptions {
  dialect?: ShellDialect;
  /** Azure Pipelines: `$(Name.Sub)` is a macro variable, not a command substitution. */
  azureMacros?: boolean;
}

/** Name of the command (`echo`, `Write-Host`...), lower-cased, without a path. */
export function commandName(cmd: Command): string {
  const first = cmd.args[0];
  if (!first) return '';
  const v = first.value;
  return v.slice(v.lastIndexOf('/') + 1).toLowerCase();
}

/** Every expansion in a word, nested substitutions' words included. */
export function* allExpansions(expansions: Expansion[]): Generator<Expansion> {
  for (const e of expansions) {
    yield e;
    if (e.commands) for (const c of e.commands) for (const w of c.words) yield* allExpansions(w.expansions);
  }
}
