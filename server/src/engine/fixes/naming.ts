import { enclosingString } from './context';
import type { Finding } from '../types';

/** Leading segments of dotted keys that say nothing about the secret. */
const NOISE_SEGMENTS = new Set(['this', 'self', 'process', 'env', 'os', 'environ', 'config', 'settings', 'options', 'opts', 'props', 'window', 'global', 'module', 'exports']);

/** Key names too vague to name a secret on their own; the rule's suggestion wins over them. */
const VAGUE_KEYS = new Set(['TOKEN', 'SECRET', 'KEY', 'PASSWORD', 'PASS', 'VALUE', 'AUTH', 'CREDENTIAL', 'CREDENTIALS', 'VAL']);
/** Names the shell or OS already uses, or too short to mean anything: never chosen. */
const UNUSABLE_KEYS = new Set(['USER', 'HOME', 'PATH', 'HOST', 'SHELL', 'LANG', 'TERM', 'PWD', 'PS1', 'IFS']);

/** `apiKey` -> `API_KEY`, `db.password` -> `DB_PASSWORD`, `x-api-key` -> `X_API_KEY`. */
export function toEnvName(key: string): string {
  const name = key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  if (!name) return 'SECRET';
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** `API_KEY` -> `api-key` (names in secret managers that prefer kebab-case). */
export function toKebab(envName: string): string {
  return envName.toLowerCase().replace(/_+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Finds the key a literal at [start, end) is assigned to on its line: `key = "…"`, `key: …`,
 * `"key": "…"`, `KEY=…`, `:key => "…"`, `key := "…"`, `setKey("…")` is not an assignment.
 */
export function assignmentKeyBefore(text: string, start: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let at = start;
  const literal = enclosingString(text, start, start + 1);
  if (literal) at = literal.open - (literal.quote.length - 1) - literal.prefix.length;
  const before = text.slice(lineStart, at);
  const flag = /(?:^|\s)--?([A-Za-z][A-Za-z0-9-]{2,})(?:=|\s+)$/.exec(before);
  if (flag) return flag[1];
  const m = /([A-Za-z_][A-Za-z0-9_.-]*)["'`]?\]?\s*(?::=|=>|\+=|=|:)\s*$/.exec(before);
  if (!m) return undefined;
  if (/^value$/i.test(m[1])) return siblingName(text, lineStart) ?? m[1];
  // `db.password` -> db.password (DB_PASSWORD), `spring.datasource.password` -> datasource.password,
  // `this.apiKey` / `config.apiKey` -> apiKey.
  const parts = m[1].split('.').filter((p) => p && !NOISE_SEGMENTS.has(p.toLowerCase()));
  return parts.slice(-2).join('.') || undefined;
}

/** `{"name": "ApiKey", "value": "…"}` / `- name: X` + `value: …`: the name of the entry holding a value. */
function siblingName(text: string, lineStart: number): string | undefined {
  const window = text.slice(Math.max(0, lineStart - 300), lineStart);
  const opener = Math.max(window.lastIndexOf('{'), window.lastIndexOf('- '));
  const m = /["']?name["']?\s*[:=]\s*["']?([A-Za-z_][A-Za-z0-9_.-]*)/.exec(window.slice(Math.max(0, opener)));
  return m?.[1];
}

/** `scheme://user:` right before a value: it is the password of a URL, not the URL. */
const URL_PASSWORD_BEFORE = /([a-z][a-z0-9+.-]{1,24}):\/\/[^\s:@/]{0,128}:$/i;

/** The environment / secret name a finding should be referenced by (before uniqueness). */
export function baseNameFor(finding: Finding, text: string): string {
  // Only the password of `postgres://app:…@db/shop` is replaced: name it a password (DATABASE_URL ->
  // DATABASE_PASSWORD, url -> POSTGRES_PASSWORD), not after the URL it sits in.
  const url = URL_PASSWORD_BEFORE.exec(text.slice(Math.max(0, finding.startOffset - 160), finding.startOffset));
  if (url) {
    const owner = baseNameOf(finding, text).replace(/_?(?:URL|URI|DSN|CONNECTION(?:_STRING)?|CONN)$/, '');
    return `${owner || toEnvName(schemeName(url[1]))}_PASSWORD`;
  }
  return baseNameOf(finding, text);
}

/** `postgresql+psycopg` -> postgres, `rediss` -> redis, `mongodb+srv` -> mongodb: the service a URL scheme names. */
function schemeName(scheme: string): string {
  return scheme.replace(/\+.*$/, '').replace(/^postgresql$/i, 'postgres').replace(/^(redis|amqp|smtp|ftp|http|imap|ldap)s$/i, '$1');
}

function baseNameOf(finding: Finding, text: string): string {
  const data = finding.data ?? {};
  const key = data.keyName ?? assignmentKeyBefore(text, finding.startOffset);
  const candidate = key ? toEnvName(key) : undefined;
  const keyName = candidate && candidate.length > 1 && !UNUSABLE_KEYS.has(candidate) ? candidate : undefined;
  const suggested = data.suggestedName ? toEnvName(data.suggestedName) : undefined;
  if (keyName && !(VAGUE_KEYS.has(keyName) && suggested)) return keyName;
  if (suggested) return suggested;
  if (keyName) return keyName;
  return toEnvName(finding.ruleId.replace(/^custom-/, ''));
}

/** Parses a dotenv text into name -> value (quotes removed; `export` allowed). */
export function parseDotenv(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!text) return out;
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2].trim();
    const q = value[0];
    if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) {
      value = value.slice(1, -1);
      if (q === '"') value = value.replace(/\\(["\\$`nr])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    out.set(m[1], value);
  }
  return out;
}

/**
 * Picks a name unique within the file and the workspace `.env`. When `.env` already holds the same
 * value under the candidate name, that name is reused (so applying a fix twice does not duplicate).
 */
export function uniqueName(base: string, value: string, dotenv: Map<string, string>, fileText: string, taken: Set<string> = new Set()): { name: string; alreadyInEnv: boolean } {
  // One secret, one name: a value already kept in .env is referenced under the name it has there.
  for (const [name, existing] of dotenv) {
    if (existing === value && value.length > 0 && name.startsWith('TF_VAR_') === base.startsWith('TF_VAR_')) return { name, alreadyInEnv: true };
  }
  for (let i = 1; i < 1000; i++) {
    const name = i === 1 ? base : `${base}_${i}`;
    const existing = dotenv.get(name);
    if (existing === value) return { name, alreadyInEnv: true };
    if (taken.has(name)) continue;
    if (existing !== undefined) continue;
    if (i > 1 && new RegExp(`\\b${name}\\b`).test(fileText)) continue;
    return { name, alreadyInEnv: false };
  }
  return { name: `${base}_${Date.now()}`, alreadyInEnv: false };
}
