import {
  type CharacterClasses,
  characterClasses,
  isDictionaryLike,
  isMostlySequential,
  isPlaceholder,
  hasFilledBody,
  HEX_MIN_ENTROPY,
  LETTER_RUNS,
  spellsWords,
  isSampleCredentialWord,
  LONG_PLACEHOLDER_WORDS,
  isStoredPasswordHash,
  isReference,
  looksLikePath,
  looksLikeUrl,
  shannonEntropy,
} from '../values';
import type { SecretSlot } from './names';
import { isRealPassword } from '../rules/saas/context';

export const GENERIC_PASSWORD = 'generic-password';
export const GENERIC_SECRET = 'generic-secret';

const NON_VALUES = new Set(['null', 'none', 'nil', 'true', 'false', 'undefined', 'yes', 'no', 'on', 'off', '~', 'nan', 'empty', 'required', 'optional', 'string', 'str', 'int', 'text', 'secret', 'password']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Version 4 (random), RFC 4122 variant. */
const RANDOM_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** `ENV_NAME`, `MY_API_KEY`: a variable name, not a value. */
const SCREAMING_IDENTIFIER = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** `response.token`, `com.example.Config`, `cfg.db.password`. */
const DOTTED_IDENTIFIER = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
/** `getPassword()`, `vault.read("x")`: a call, not a literal. */
const CALL = /^[A-Za-z_$][\w$.]*\(.*\)$/;
/**
 * `%s`, `{}`, `{0}`, `{name}`, `{userId}`, `%(name)s`, `?`, `:name`: format strings and bind
 * parameters. A brace field holds an index or words (snake_case or camelCase): `{nM1}` inside a
 * random 64-character key is chance, not a field.
 */
const FORMAT_OR_BIND = /%[sdvq]|%\(|\{(?:\d*|[a-z][a-z0-9_]*|[a-z]{2,}(?:[A-Z][a-z][a-z0-9]*)+|[A-Z][a-z]+(?:[A-Z][a-z][a-z0-9]*)*)\}|^\?$|^:[A-Za-z_]\w*$|^@[A-Za-z_]\w*$/;
/** Integrity and digest strings: `sha512-…`, `sha256:…`. */
const DIGEST = /^(?:sha(?:1|224|256|384|512)|md5|blake2b?)[-:]/i;
/**
 * Values that are public or ciphertext by their shape: public keys (PEM header, DER of an RSA, EC
 * or Ed25519 SubjectPublicKeyInfo in base64), Ethereum addresses (`0x` + 40 hex: a contract or a
 * wallet, not its key) and shorter `0x` numbers (a GnuPG key id: `signingkey = 0x3DC341F044DB4AE0`),
 * Cosmos IBC denominations, Sealed Secrets ciphertext (`Ag…`, hundreds of characters), MuleSoft
 * secure properties `![…]`.
 */
const PUBLIC_OR_SEALED = /^(?:-----BEGIN (?:RSA |EC )?PUBLIC KEY-----|MI[A-Za-z0-9+/]{2}IjANBgkqhkiG9w0BAQEFAAOC|MFkwEwYHKoZIzj0CAQY|MHYwEAYHKoZIzj0CAQY|MCowBQYDK2Vw|0x[0-9a-fA-F]{1,40}$|ibc\/[0-9A-F]{64}$|Ag[A-Za-z0-9+/]{300,}={0,2}$|!\[)/;
/** Base64 of an OpenPGP encrypted message (Renovate's `encrypted` values): ciphertext meant to be committed. */
const PGP_MESSAGE = /^wc[A-Za-z]MA[A-Za-z0-9+/]{100,}/;
/** Words joined by `-`, `_`, `.` or `/` where every part is letters-only or digits-only: names, paths, ids. */
const JOINED_WORDS = /^[A-Za-z0-9]+(?:[-_./:][A-Za-z0-9]+)+$/;
const MASK = /^[*•x#.\-_]+$/i;
/** Pieces of regular expressions: classes with ranges, escapes with quantifiers, group syntax. */
const REGEX_PIECE = /\[\^?[\w\\-]*(?:a-z|A-Z|0-9)|\\[dwsb][+*?{)]|\(\?(?:[:=!]|P?<)/;
/** Documentation markup: reStructuredText roles (`:attr:\`x\``), Markdown code spans, roff escapes (`\[lB]`). */
const DOC_MARKUP = /^:?[A-Za-z]+:`|^`[^`]+`$|\\\[[A-Za-z]{2}\]/;
/** `user:password` in one value (`auth="user:pass"`): judged by its password part. */
const USER_AND_PASSWORD = /^(?<user>[^:\s]{1,128}):(?<password>[^:\s]{1,256})$/;
/** A query string: `&authMechanism=X&authSource=Y`. */
const QUERY_STRING = /^[&?]?[A-Za-z_][\w.-]*=[^&\s]*(?:&[A-Za-z_][\w.-]*=[^&\s]*)+$/;

/** Checks shared by both rules: the value is a literal secret at all, not a reference or a name. */
function isLiteralCandidate(value: string): boolean {
  // Cheap, anchored checks first; the scans over the whole value last.
  if (value.length < 6 || NON_VALUES.has(value.toLowerCase())) return false;
  if (/^[<[{(].*[>\]})]$/.test(value) || /^&lt;.*&gt;$/.test(value)) return false; // <your-token>, [REDACTED], {encrypted}, XML-escaped &lt;must-be-changed&gt;
  // Masked in part: `IQoJb3JpZ2luX2Vj***`, `sk-…••••` (what CLIs and dashboards print).
  if (/^\d+$/.test(value) || MASK.test(value) || /\*{3,}|•{2,}/.test(value)) return false;
  // Long random text whose alphabet has spaces and symbols (WordPress keys and salts) holds `%s`,
  // `{ab}` or a space by chance; prose and format strings stay near 4 bits of entropy per character.
  const random = value.length >= 32 && !/[\r\n\t]/.test(value) && shannonEntropy(value) >= 4.8;
  if (/\s/.test(value) && !random) return false;
  if (looksLikeUrl(value) || looksLikePath(value) || REGEX_PIECE.test(value) || QUERY_STRING.test(value) || DOC_MARKUP.test(value)) return false;
  const pair = USER_AND_PASSWORD.exec(value);
  if (pair && !isRealPassword(decodeURIComponentSafe(pair.groups!.password), decodeURIComponentSafe(pair.groups!.user))) return false;
  if (SCREAMING_IDENTIFIER.test(value) || CALL.test(value) || DIGEST.test(value) || isStoredPasswordHash(value) || PGP_MESSAGE.test(value) || PUBLIC_OR_SEALED.test(value)) return false;
  // Letters of other scripts in numbers are words (a message in Japanese, Russian, Greek...), not a password.
  if (hasNonLatinText(value)) return false;
  if (DOTTED_IDENTIFIER.test(value) && !/\d/.test(value) && !isPassphrase(value)) return false;
  // Long random values hold short placeholder words (`tbd`, `fake`, `todo`) and `<…>` by chance: only long words count there.
  if ((!random && FORMAT_OR_BIND.test(value)) || isReference(value) || (random ? LONG_PLACEHOLDER_WORDS.test(value) || hasFilledBody(value) : isPlaceholder(value)) || isMostlySequential(value)) return false;
  return true;
}

/** A human password: some complexity (a letter and a digit or symbol), not a default or sample word. */
export function isPasswordLike(value: string): boolean {
  // Spring Security's `{noop}` prefix: the rest is the clear-text password.
  if (value.startsWith('{noop}')) return isPasswordLike(value.slice(6));
  if (value.length > 128 || !isLiteralCandidate(value)) return false;
  const c = characterClasses(value);
  if (c.lower + c.upper === 0) return false;
  // ASCII letters joined by `-`, `_`, `.` and nothing else: a passphrase at most (a word is not a password).
  if (c.digit + c.symbol === 0 && /^[A-Za-z._-]+$/.test(value)) return isJoinedWords(value) && !isDictionaryLike(value) && isPassphrase(value);
  // Letters of any alphabet only: a word (`Contraseña`, `Lösenord`, `Parolă` label a password field),
  // which the class count below would take for letters and a symbol.
  if (/^[\p{L}\p{M}' -]+[:*]?[ ]?$/u.test(value)) return false;
  if (c.digit + c.symbol === 0) return false;
  if (isDictionaryLike(value)) return false;
  if (isJoinedWords(value)) return isPassphrase(value);
  return true;
}

/**
 * Words of names, settings and placeholders: joined with them, words name something
 * (`read-only-user`, `orders-db-primary`, `release-v2-key`) rather than make a passphrase.
 * (Words of sample credentials, `password`, `admin`, `my`, `test`..., are in values.ts.)
 */
const NAMING_WORDS = new Set([
  'name', 'names', 'id', 'ids', 'host', 'hostname', 'port', 'url', 'uri', 'path', 'file', 'dir', 'env', 'var', 'vars',
  'config', 'conf', 'settings', 'setting', 'server', 'cache', 'queue', 'bucket', 'region', 'zone', 'cluster', 'node',
  'pod', 'namespace', 'version', 'release', 'build', 'deploy', 'deployer', 'stage', 'main', 'master', 'branch',
  'read', 'write', 'only', 'readonly', 'readwrite', 'true', 'false', 'enabled', 'disabled', 'required', 'optional',
  'keys', 'tokens', 'credential', 'credentials', 'creds', 'cert', 'certificate', 'ssl', 'tls', 'ssh', 'rsa', 'jwt',
  'smtp', 'mail', 'email', 'ldap', 'bind', 'account', 'accounts', 'role', 'roles', 'group', 'team', 'org', 'project',
  'api', 'web', 'backend', 'frontend', 'worker', 'job', 'jobs', 'task', 'tasks', 'primary', 'replica', 'backup',
  'internal', 'external', 'public', 'shared', 'common', 'global', 'site', 'store', 'storage', 'vault', 'kms', 'aws',
  'gcp', 'azure', 'github', 'gitlab', 'ci', 'cd', 'pipeline', 'runner', 'bot', 'svc', 'srv', 'sql', 'rabbit',
  'rabbitmq', 'kafka', 'elastic', 'mongodb', 'mariadb', 'minio', 'grafana', 'jenkins', 'keycloak', 'nginx', 'http',
  'https', 'data', 'info', 'log', 'logs', 'debug', 'set', 'get', 'for', 'and', 'with', 'from', 'this', 'that',
  'live', 'stg', 'uat', 'qa', 'sandbox', 'preview', 'beta', 'alpha', 'latest', 'stable', 'ops', 'devops', 'infra',
  // Dotted names: packages, hosts, properties (`com.acme.billing`, `spring.datasource.url`).
  'com', 'org', 'net', 'www', 'acme', 'spring', 'datasource', 'properties', 'property', 'option', 'options', 'params',
  'self', 'request', 'form', 'field', 'fields', 'input', 'model', 'state', 'props', 'window', 'document', 'process',
]);

/**
 * A passphrase where names also join words: three or more words (`crimson-falcon-harbor-42`,
 * `Maple_river_stone`), or two and a number (`SilverFalcon-929`), each of three letters or more,
 * none a word of names, settings or sample credentials. Only password slots ask this.
 */
function isPassphrase(value: string): boolean {
  const pieces = value.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [];
  const words = pieces.filter((p) => !/^\d/.test(p)).map((w) => w.toLowerCase());
  const hasNumber = pieces.length > words.length;
  if (words.length < (hasNumber ? 2 : 3) || words.some((w) => w.length < 3)) return false;
  if (words.reduce((n, w) => n + w.length, 0) < 10) return false;
  return !words.some((w) => NAMING_WORDS.has(w) || isSampleCredentialWord(w) || ACRONYM_WORDS.has(w));
}

/** A token or key: 16+ characters of high entropy that do not read as words, names or paths. */
export function isHighEntropySecret(value: string): boolean {
  if (value.length < 16 || value.length > 4096 || UUID.test(value)) return false;
  const entropy = shannonEntropy(value);
  const hexOnly = /^[0-9a-fA-F]+$/.test(value);
  if (hexOnly) {
    if (value.length < 20 || entropy < HEX_MIN_ENTROPY) return false;
  } else if (entropy < (value.length < 24 ? 3.2 : 3.5)) return false;
  const c = characterClasses(value);
  if (c.digit <= 2 && readsAsWords(value, c)) return false;
  if (isJoinedWords(value)) return false;
  return isLiteralCandidate(value);
}

/**
 * Letters that read as identifiers rather than random text: a single case without digits
 * (`configurationmanager`), or camelCase words (`platformAuthDomGetToken`), whose case runs are
 * whole words (3+ letters on average) where random text changes case about every other letter.
 */
function readsAsWords(value: string, c: CharacterClasses): boolean {
  if (c.upper === 0 || c.lower === 0) return c.digit === 0;
  const runs = value.match(LETTER_RUNS);
  if (runs === null || (c.upper + c.lower) / runs.length < 3) return false;
  // Words are pronounceable: every longer lower-case run has a vowel (acronyms such as `DOM`, `HTTP` aside),
  // and their letters follow each other as in words of identifiers (`Hybnm`, `Pwenj` have vowels too).
  // (Acronyms count in the pairs: `HTTP`, `JSON` are spelt like words, `MXSN` is not.)
  return runs.every((run) => run.length < 3 || /^[A-Z]{1,5}$/.test(run) || /[aeiouy]/i.test(run) || ACRONYM_WORDS.has(run.toLowerCase())) && spellsWords(value);
}

/** Acronyms written as words in camelCase names (`JwtSigningKeyFromVault`, `SmtpPassword`). */
const ACRONYM_WORDS = new Set(['jwt', 'xml', 'http', 'https', 'sql', 'ssh', 'tls', 'ssl', 'gpg', 'pgp', 'rsa', 'dsa', 'dns', 'smtp', 'html', 'kms', 'hmac', 'crm', 'cdn', 'ldap', 'mfa', 'sdk', 'cli', 'gcp', 'pwd', 'grpc', 'mqtt', 'ftp', 'sftp', 'cdk', 'ttl']);

/** `db-password-v2`, `prod.api.key`, `my_secret_2024`, `s:netrw_passwd`: names and ids, not secrets. */
function isJoinedWords(value: string): boolean {
  // Sentinels such as `__MY-LIB--CUSTOM-TOKEN__`: separators at the ends and doubled are still words.
  // (Trailing `!`s too: `minimum-32-characters-long-secret!` is a description with emphasis.)
  const words = value.replace(/^[-_]+|[-_!.]+$/g, '').replace(/([-_./:])[-_./:]+/g, '$1');
  if (!JOINED_WORDS.test(words) || !words.split(/[-_./:]/).every((part) => /^(?:[A-Za-z]+\d{0,2}|\d+)$/.test(part))) return false;
  // Parts spelt like words: `rmXN-LOYtvYmLCJij8` is random letters around a dash.
  return spellsWords(words);
}

/** Narrows `Bearer <token>` / `Basic <b64>` to the credential part; offsets relative to the value. */
export function credentialSpan(value: string): [number, number] {
  const m = /^(?:bearer|basic|token|digest)\s+(?=\S+$)/i.exec(value);
  return m ? [m[0].length, value.length] : [0, value.length];
}

/** The rule a literal assigned to a slot of this kind breaks, if any. */
export function judge(slot: SecretSlot, value: string, keyName = ''): string | undefined {
  if (slot === 'password') return isPasswordLike(value) || isMailAppPassword(value, keyName) ? GENERIC_PASSWORD : undefined;
  if (isHighEntropySecret(value) || isRandomUuid(value)) return GENERIC_SECRET;
  // A human-made password under a token or key name (`REGISTRY_TOKEN => "Harbor2024*"`): too short for
  // the entropy test, but upper and lower case, a digit and a symbol (not punctuation of names:
  // `.`, `:`, `_`, `-`), ten characters or more, is a password; so is the season-and-year shape people
  // pick (`secret: 'Maple2024'`, an express-session secret), eight characters or more.
  return (value.length >= 10 && isStrongHumanPassword(value)) || (value.length >= 8 && WORD_AND_YEAR.test(value) && isPasswordLike(value)) ? GENERIC_PASSWORD : undefined;
}

/** A capitalised word and two to four digits, a symbol around them at most: `Maple2024`, `Summer24!`. */
const WORD_AND_YEAR = /^[A-Z][a-z]{3,12}[!@#$%^&*+=?~._-]?\d{2,4}[!@#$%^&*+=?~]?$/;

function isStrongHumanPassword(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && /[!@#$%^&*+=?~]/.test(value) && isPasswordLike(value);
}

/**
 * Google's app passwords (what SMTP clients use for Gmail): 16 lower-case letters, shown in groups
 * of four. Letters only fail the human-password test, so they count under a mail or SMTP name.
 */
const APP_PASSWORD = /^[a-z]{16}$|^[a-z]{4}(?: [a-z]{4}){3}$/;
/** Tutorial stand-ins typed along the keyboard: `qwer tyui opas dfgh`. */
const KEYBOARD_ROWS = /^(?:qwertyuiop|asdfghjkl|zxcvbnm|qwer|tyui|opas|dfgh|jklz|xcvb)+/;
function isMailAppPassword(value: string, keyName: string): boolean {
  const letters = value.replace(/ /g, '');
  return APP_PASSWORD.test(value) && /mail|smtp|gmail|google/i.test(keyName) && !isDictionaryLike(letters) && shannonEntropy(letters) >= 3 && !isPlaceholder(letters) && !isMostlySequential(letters) && !KEYBOARD_ROWS.test(letters);
}

/**
 * A random UUID assigned to a token, secret or API key name is the credential itself: Heroku and
 * HubSpot API keys, Consul and Nomad ACL tokens, many self-hosted products' keys are version-4
 * UUIDs. Other versions are identifiers, not credentials: time-based (v1, v7) and name-based (v3,
 * v5) ones, such as RFC 4122's namespace UUIDs, hold little or no randomness. (Under id names,
 * `client_id`, `tenant_id`, any UUID is an identifier; those names are not secret slots.)
 * Repeated or sequential digits and the OpenAPI sample UUID are placeholders.
 */
export function isRandomUuid(value: string): boolean {
  if (!RANDOM_UUID.test(value) || OPENAPI_SAMPLE_UUID.test(value)) return false;
  const digits = value.replace(/-/g, '');
  return shannonEntropy(digits) >= 3 && !isPlaceholder(digits) && !isMostlySequential(digits);
}

/** Swagger UI and OpenAPI generators fill every `uuid` field with this one. */
const OPENAPI_SAMPLE_UUID = /^3fa85f64-5717-4562-b3fc-2c963f66afa6$/i;

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Four characters outside Latin-1 (CJK, Cyrillic, Greek...): text in a language, not a credential. */
function hasNonLatinText(value: string): boolean {
  let count = 0;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff && ++count >= 4) return true;
  return false;
}
