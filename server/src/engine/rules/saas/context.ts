/**
 * Pattern builders and checks shared by the saas and keys rules.
 */
import type { SecretRule } from '../secretRule';
import { hasFilledBody, isReference as isEngineReference, LONG_PLACEHOLDER_WORDS, spellsWords } from '../../values';

/** A name that mentions one of `names`, then an assignment (`=`, `:`, `:=`, `=>` or a space) and an opening quote. */
export function nameAssignment(names: string): string {
  return `(?:${names})[\\w.\\-]{0,32}?["'\\]]?[ \\t]{0,4}(?::=|=>|[:=]|[ \\t])[ \\t]{0,4}["'\`]?`;
}

/**
 * A value assigned to a name that mentions one of `names` (a regex alternation, matched
 * case-insensitively): `DATADOG_API_KEY=v`, `"mailgunKey": "v"`, `dd-api-key: v`, `--sentry-token v`.
 * The value is the named group `secret`; `orAfter` is the regex source of another lead-in to it (an
 * SDK constructor: `cohere.Client("`). Linear: every quantifier is bounded and the parts are
 * separated by fixed characters.
 */
export function assigned(names: string, value: string, orAfter?: string): RegExp {
  return new RegExp(`(?:${nameAssignment(names)}${orAfter ? `|${orAfter}` : ''})(?<secret>${value})(?![\\w\\-])`, 'i');
}

/**
 * Like `assigned`, or the value as a query parameter of a provider's API URL:
 * `api.example.com/v1/x?q=1&token=v`. `url` and `param` are regex sources (`url` ends before the path).
 */
export function assignedOrInUrl(names: string, url: string, param: string, value: string): RegExp {
  const inUrl = `${url}/[^\\s"'?#]{0,100}\\?(?:[^\\s"'#&]{0,80}&){0,8}${param}=`;
  return new RegExp(`(?:${nameAssignment(names)}|${inUrl})(?<secret>${value})(?![\\w\\-])`, 'i');
}

/** Boundary before a token: not preceded by a token character. */
export const B = '(?<![A-Za-z0-9_\\-])';
/** Boundary after a token. */
export const E = '(?![A-Za-z0-9_\\-])';

/**
 * Descriptive stand-ins such as `my-api-key`, `test-token-12345` or `api_key_here`: words joined by `-`
 * or `_`, spelt as words (`gZqRaBcDeFgH-IJKL12a` is a random token with a dash).
 */
export function looksDescriptive(value: string): boolean {
  return /^(?:[A-Za-z]{2,}[-_])+[A-Za-z0-9]*$/.test(value) && spellsWords(value);
}

/** A reference to a value held elsewhere: `${VAR}`, `$VAR`, `$(VAR)`, `%VAR%`, `{{ x }}`, `{x}`, `<x>`. */
export function isReference(value: string): boolean {
  // The engine's references too: secret-manager URIs (vault:, op://...), SOPS ENC[...], dotenvx ciphertext.
  if (isEngineReference(value)) return true;
  return /^(?:\$\{[^}]*\}?|\$\([^)]*\)?|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|\{\{[\s\S]*|\{[^}]*\}|<[^>]*>|#\{[^}]*\}|@[A-Za-z_]+@)$/.test(value) ||
    value.includes('${') || value.includes('$(') || value.includes('{{') ||
    // Python %-format and configparser interpolation: `%(DB_PASS)s` (alembic.ini, supervisord.conf);
    // Swift `\(x)` and PHP `{$x}` interpolation; deploy-time tokens `__DbPassword__`.
    /%\([\w.-]+\)[sdr]/.test(value) || value.includes('\\(') || value.includes('{$') || /^__[A-Za-z][\w.]*__$/.test(value);
}

/** Password values that are documentation placeholders or default credentials, not secrets. */
const WEAK_PASSWORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'pw', 'secret', 'mypassword', 'mysecret', 'mypass', 'yourpassword', 'your_password',
  'changeme', 'change_me', 'changeit', 'password1', 'password123', 'pass123', 'admin', 'root', 'user', 'username', 'test',
  'guest', 'default', 'postgres', 'mysql', 'mongodb', 'mongo', 'redis', 'rabbitmq', 'example', 'foo', 'bar', 'baz', 'foobar',
  'letmein', 'qwerty', 'abc123', 'dbpassword', 'db_password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'xxx', 'token',
  'apikey', 'api_key', 'null', 'none', 'undefined', 'empty', 'hunter2', 'tiger', 'pa55word', 'userpass', 'sa', 'dbpass',
  // Azure App Service requires root:Docker! for SSH into custom containers (a documented fixed value).
  'docker!',
]);

/**
 * A password worth reporting: long enough, not a reference, not a known placeholder or default,
 * and not simply the user name again.
 */
export function isRealPassword(password: string, user?: string): boolean {
  if (password.length < 4) return false;
  // `password <api key>`: a placeholder, cut at its first blank by rules that read one word.
  if (isReference(password) || password.startsWith('<')) return false;
  const lower = password.toLowerCase();
  if (WEAK_PASSWORDS.has(lower)) return false;
  if (/^(?:your|my|the|some|enter|insert|replace|put)[_-]?[a-z_-]*(?:pass|pwd|secret|key|token)[a-z_-]*$/i.test(password)) return false;
  if (/^[*x.•-]+$/i.test(password)) return false;
  if (user !== undefined && lower === user.toLowerCase()) return false;
  return true;
}

/** Decodes standard or URL-safe base64 (padding optional); undefined when it is not base64. */
export function decodeBase64(value: string): string | undefined {
  const clean = value.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/_-]*$/.test(clean) || clean.length % 4 === 1) return undefined;
  return Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

/** The JSON object a base64 (or base64url) text decodes to, or undefined. */
export function decodeBase64Json(value: string): Record<string, unknown> | undefined {
  const decoded = decodeBase64(value);
  if (decoded === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(decoded);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Printable text only (no control characters besides tab), as credentials decoded from base64 are. */
export function isPrintable(value: string): boolean {
  return value.length > 0 && !/[\u0000-\u0008\u000a-\u001f\u007f\ufffd]/.test(value);
}

/**
 * Visible placeholder text in a long random value. Narrower than the engine's generic filter (which
 * also rejects short words such as "tbd" or "fake"): long random bodies (private keys, 100+ character
 * tokens) contain those by chance, so rules for them use this check instead.
 */
export function hasPlaceholderText(value: string): boolean {
  return hasFilledBody(value) || LONG_PLACEHOLDER_WORDS.test(value) || /\*{3,}|\.{3,}|<[^>]*>/.test(value);
}

/**
 * For tokens of 100+ random characters: swap the engine's generic placeholder filter (whose short
 * words turn up by chance in about 1% of such values) for `hasPlaceholderText`.
 */
export function longToken(rule: SecretRule): SecretRule {
  const inner = rule.validate;
  return {
    ...rule,
    allowPlaceholderLike: true,
    validate: (secret, match, text) => !hasPlaceholderText(secret) && (inner ? inner(secret, match, text) : true),
  };
}
