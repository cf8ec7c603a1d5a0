/**
 * The default of an environment read: `process.env.JWT_SECRET || "v"`, `os.getenv("DB_PASSWORD", "v")`,
 * `ENV.fetch("TOKEN", "v")`, `env('APP_KEY', 'v')` (Laravel), `GetEnvironmentVariable("X") ?? "v"`.
 * Reading the secret from the environment is right; the literal used when it is missing is the
 * secret hard-coded all the same (and it is what runs wherever the variable is not set).
 */

/** Text just before the variable's name when the name is read from the environment. */
const ENV_READ_BEFORE =
  /(?:\bprocess\.env\.|\bprocess\.env\[["'`]|\bimport\.meta\.env\.|\bDeno\.env\.get\(["']|\bENV\[["']|\bENV\.fetch\(["']|\bos\.environ\[["']|\benviron\.get\(["']|\bgetenv\(["']|\bos\.Getenv\(["']|\bLookupEnv\(["']|\bGetEnvironmentVariable\(["']|\bSystem\.getenv\(["']|\bgetOrDefault\(["']|(?:^|[^\w$.])env\(["']|\bgetEnv\(["']|\bstd::env::var\(["'])$/;

/** Calls whose second argument is the default: `os.getenv("X", "v")`, `environ.get`, `ENV.fetch`, `env()`, `getOrDefault`, `getEnv` helpers. */
const DEFAULT_ARGUMENT_BEFORE =
  /(?:\benviron\.get\(["']|\bgetenv\(["']|\bENV\.fetch\(["']|\bgetOrDefault\(["']|(?:^|[^\w$.])env\(["']|\bgetEnv\(["'])$/;
/** Of those, the ones whose default is optional, so that dropping it still calls them correctly. */
const OPTIONAL_DEFAULT_BEFORE = /(?:\benviron\.get\(["']|\bgetenv\(["']|\bENV\.fetch\(["']|(?:^|[^\w$.])env\(["'])$/;

export interface EnvDefault {
  /** Where the default literal (or its opening quote) starts. */
  valueAt: number;
  /** The environment variable's name. */
  variable: string;
  /** Whether deleting the operator (or the argument) and the default leaves valid code. */
  removable: boolean;
}

/** The operators that give a default: `||`, `??`, `?:`, `or` (detection and the fix's removal share them). */
const OPERATOR = String.raw`\|\||\?\?|\?:|\bor\b`;
/** The operators of a default inside an interpolation: `${X:-v}`, `${X:=v}`, `${X-v}`, `${X=v}`, `${x:v}`. */
const INTERPOLATION_OPERATOR = ':-|:=|:|-|=';
/** After the read: closing bracket or parenthesis, then an operator, then the default. */
const FALLBACK_OPERATOR = new RegExp(String.raw`^[\])]?[ \t]*(?:${OPERATOR})[ \t]*`);
const REMOVABLE_OPERATOR = new RegExp(String.raw`(?:[ \t]*(?:${OPERATOR})|,)[ \t]*$`);
const INTERPOLATION_BEFORE_DEFAULT = new RegExp(String.raw`\$\{[A-Za-z_][\w.-]*(${INTERPOLATION_OPERATOR})$`);
const INTERPOLATION_AT = new RegExp(`^(?:${INTERPOLATION_OPERATOR})`);
/** Ruby's `ENV.fetch("X") { "v" }`: the block's value is the default. */
const FETCH_BLOCK = /^\)[ \t]*\{[ \t]*/;
const DEFAULT_ARGUMENT = /^,[ \t]*/;

/** A name that is itself the read: `process.env.JWT_SECRET`, `import.meta.env.VITE_API_KEY`. */
const ENV_MEMBER = /^(?:process\.env|import\.meta\.env)\.[A-Za-z_$][\w$]*$/;

/**
 * The default, when the name `name` at `start` is an environment read followed by one; undefined
 * otherwise. `after` is the first offset after the name (and its closing quote).
 */
export function envDefaultAfter(text: string, lineStart: number, start: number, name: string, after: number): EnvDefault | undefined {
  const member = ENV_MEMBER.test(name);
  const before = member ? '' : text.slice(Math.max(lineStart, start - 40), start);
  if (!member && !ENV_READ_BEFORE.test(before)) return undefined;
  const variable = member ? name.slice(name.lastIndexOf('.') + 1) : name;
  const rest = text.slice(after, after + 16);
  const operator = FALLBACK_OPERATOR.exec(rest);
  if (operator) return { valueAt: after + operator[0].length, variable, removable: true };
  const block = /\bENV\.fetch\(["']$/.test(before) ? FETCH_BLOCK.exec(rest) : null;
  if (block) return { valueAt: after + block[0].length, variable, removable: false };
  const argument = DEFAULT_ARGUMENT_BEFORE.test(before) ? DEFAULT_ARGUMENT.exec(rest) : null;
  return argument ? { valueAt: after + argument[0].length, variable, removable: OPTIONAL_DEFAULT_BEFORE.test(before) } : undefined;
}

/** At a value: the variable an environment read names, quoted (`env('X'`, `os.getenv("X"`) or as a member (`process.env.X`). */
const READ_AT_VALUE = /^[\w$.:]{0,40}\(["']([A-Za-z_][\w.-]{0,127})["']|^(?:process\.env|import\.meta\.env)\.[A-Za-z_$][\w$]{0,127}/;

/**
 * The default of an environment read that is itself the value at `at`: `'api_key' => env('PARTNER_KEY', 'v')`,
 * `token: process.env.T || "v"`. Its variable's name may say nothing (`PARTNER_KEY`); the name it is
 * assigned to does. Undefined when the value is not such a read, or the read has no default.
 */
export function envDefaultAt(text: string, lineStart: number, at: number, lineEnd: number): EnvDefault | undefined {
  const m = READ_AT_VALUE.exec(text.slice(at, Math.min(lineEnd, at + 180)));
  if (!m) return undefined;
  const name = m[1] ?? m[0];
  const nameStart = m[1] === undefined ? at : at + m[0].length - 1 - name.length;
  return envDefaultAfter(text, lineStart, nameStart, name, at + m[0].length);
}

/**
 * The span to delete to drop the default whose literal is [start, end) (quotes outside): from the
 * end of the read (before `||`, `??`, `?:`, `or` or the argument's comma) to the closing quote.
 */
export function envDefaultRemoval(text: string, start: number, end: number): { start: number; end: number } | undefined {
  // Inside an interpolation: `${NAME:-v}` -> `${NAME}`.
  const interpolation = INTERPOLATION_BEFORE_DEFAULT.exec(text.slice(Math.max(0, start - 130), start));
  if (interpolation && text[end] === '}') return { start: start - interpolation[1].length, end };
  const open = text[start - 1];
  if (!`"'\``.includes(open) || text[end] !== open) return undefined;
  const head = text.slice(Math.max(0, start - 24), start - 1);
  const m = REMOVABLE_OPERATOR.exec(head);
  return m ? { start: start - 1 - (head.length - m.index), end: end + 1 } : undefined;
}

/**
 * `${NAME:-v}`, `${NAME-v}`, `${NAME:=v}` (shell, Compose) and `${name:v}` (Spring): the default
 * inside an interpolation whose name ends at `nameEnd`. Offsets of the default, or undefined.
 */
export function interpolationDefault(text: string, nameEnd: number, lineEnd: number): { start: number; end: number } | undefined {
  const op = INTERPOLATION_AT.exec(text.slice(nameEnd, nameEnd + 2));
  if (!op) return undefined;
  const start = nameEnd + op[0].length;
  const close = text.indexOf('}', start);
  if (close < 0 || close > lineEnd) return undefined;
  const inner = text.slice(start, close);
  // A nested interpolation or a quoted default is not one literal; `${X:?message}`, `${X:+alt}`
  // and `${X:0:4}` (substring) are not defaults.
  if (inner.includes('$') || inner.includes('{') || /^["']|["']$/.test(inner) || /^[?+]|^\d+(?::\d+)?$/.test(inner)) return undefined;
  return close > start ? { start, end: close } : undefined;
}
