/**
 * Classifiers for candidate secret values: entropy, placeholders, references. Shared by the
 * provider rules and the generic assignment detector.
 */
import { LETTER_PAIR_BITS } from './letterPairTable';

/**
 * Hex digits carry at most 4 bits a character: a random key of 20 to 64 hex digits measures 3.4 to 3.9,
 * under thresholds set for letters and digits (3.5 and up). Hex-only values are held to this one instead.
 */
export const HEX_MIN_ENTROPY = 3.0;

/** Runs of letters as names write words: `platform`, `Auth`, `DOM`, `Get`, `Token`. */
export const LETTER_RUNS = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g;

/**
 * Mean over the pairs of adjacent letters inside `words` (ASCII letters only) of how much likelier the
 * pair is in words of identifiers than among uniform letters, in bits. Names score about +1.8 (99% above
 * +0.6); random letters about -2. (Table and its source: scripts/letter-pairs.ts.)
 */
export function letterPairBits(words: readonly string[]): number {
  let sum = 0;
  let pairs = 0;
  for (const word of words) {
    const lower = word.toLowerCase();
    for (let i = 0; i + 1 < lower.length; i++) {
      sum += (LETTER_PAIR_BITS.charCodeAt((lower.charCodeAt(i) - 97) * 26 + lower.charCodeAt(i + 1) - 97) - 65) / 2 - 10;
      pairs++;
    }
  }
  return pairs === 0 ? 0 : sum / pairs;
}

/**
 * Below this, letters do not read as words. Of 2,040 camelCase names in Python's library, yaml and mocha,
 * only alphabet runs score lower; of random 16-24-character values whose case runs look like words, 9 in 10 do.
 */
export const MIN_WORD_LETTER_PAIR_BITS = -0.5;

/** Whether the letters of `value` are spelt like words of names (`db-password-v2`), not drawn at random (`rmXN-LOYtvYm`). */
export function spellsWords(value: string): boolean {
  return letterPairBits(value.match(LETTER_RUNS) ?? []) >= MIN_WORD_LETTER_PAIR_BITS;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  // ASCII in a flat array (the common case, and much faster than a Map); other code units in a Map.
  const ascii = new Uint32Array(128);
  let others: Map<number, number> | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 128) ascii[c]++;
    else (others ??= new Map()).set(c, (others.get(c) ?? 0) + 1);
  }
  let h = 0;
  const add = (n: number): void => {
    const p = n / value.length;
    h -= p * Math.log2(p);
  };
  for (let c = 0; c < 128; c++) if (ascii[c] > 0) add(ascii[c]);
  if (others) for (const n of others.values()) add(n);
  return h;
}

const PLACEHOLDER_WORDS =
  /(?:example|sample|dummy|placeholder|redacted|changeme|change_me|change-me|your[_-]?(?:api[_-]?)?(?:key|token|secret|password)|^your\w{0,24}(?:pwd|pass|password|key|token|secret)$|replace[_-]?me|not[_-]?a[_-]?real|xxxx|\*\*\*\*|\.\.\.|\u2026|<[A-Za-z][\w .-]*>)/i;

/**
 * Short placeholder words, as words: in one case and not inside other letters (`fake-token`,
 * `FAKE_KEY`, `aFakeToken`, `TODO`). Matched in any case anywhere, they turn up by chance in random
 * keys (`…ctBdy…`), which are then missed.
 */
const SHORT_PLACEHOLDER_WORDS =
  /(?:^|[^A-Za-z])(?:insert|fake|todo|tbd|fixme)(?![a-z])|(?:^|[^A-Z])(?:INSERT|FAKE|TODO|TBD|FIXME)(?![A-Z])|(?:Insert|Fake|Todo|Tbd|Fixme)(?![a-z])/;

/** True when the value is visibly not a real secret: a placeholder, mask, repetition or sequence. */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value) || SHORT_PLACEHOLDER_WORDS.test(value)) return true;
  if (isRepetitive(value) || hasFilledBody(value)) return true;
  if (isSequence(value)) return true;
  return false;
}

/**
 * Stored password hashes (fixtures, user dumps, LDAP and database exports): Django's
 * `pbkdf2_sha256$…`, `argon2$argon2id$…`, `bcrypt_sha256$$2b$…`, unusable marker `!` + 40 characters;
 * Werkzeug's `pbkdf2:sha256:…$…`, `scrypt:…$…`, `sha256$salt$hash`; crypt(3)'s `$2b$`, `$6$`,
 * `$argon2id$`; `{SCHEME}` prefixes (Spring's `{bcrypt}`, LDAP's `{SSHA}`, Dovecot's
 * `{SHA512-CRYPT}`; not Spring's `{noop}`, which is clear text); Jenkins `#jbcrypt:`; PostgreSQL
 * `md5…` and `SCRAM-SHA-256$…`; MySQL `*` + 40 hex. A hash is not the password.
 */
const PASSWORD_HASH =
  /^(?:(?:pbkdf2_sha(?:1|256)|argon2|bcrypt(?:_sha256)?|scrypt|sha1|md5|unsalted_(?:md5|sha1)|crypt)\$|(?:pbkdf2:sha(?:1|256|512)|scrypt):\d+(?::\d+){0,2}\$|(?:sha1|sha256|sha512|md5)\$[^$\s]{1,64}\$[0-9a-f]{32,128}$|\$(?:2[abxy]?|argon2(?:id|i|d)|[1567]|y|sha1|pbkdf2(?:-sha\d+)?)\$|![A-Za-z0-9]{30,48}$|\{(?!noop\})[A-Za-z0-9-]{2,20}\}|#jbcrypt:|md5[0-9a-f]{32}$|SCRAM-SHA-256\$|\*[0-9A-F]{40}$)/;

export function isStoredPasswordHash(value: string): boolean {
  return PASSWORD_HASH.test(value);
}

/** The body after a provider prefix (`sk_live_`, `dop_v1_`, `ghp_`, `sk-ant-api03-`), 8 characters or more. */
const PREFIXED_BODY = /^[A-Za-z0-9]{1,12}[_.-](?:[A-Za-z0-9]{1,8}[_.-])?(.{8,})$/;

/**
 * A provider prefix followed by a filler: one character repeated (`sk_live_000000000000000000000000`,
 * `ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`) or counting up (`shpat_0123456789abcdef0123456789abcdef`,
 * `sk_live_0123456789abcdefghijklmn`: 80% of adjacent characters one code apart, case included). Other
 * runs after a prefix (`tskey-api-AAAA…-BBBB…`, `glpat-aBcDeFgHiJkLmNoPqRsT`, alternating case) are left
 * to the rules: they fit the providers' formats, and labelled corpora count them as keys (tried: taking
 * them for placeholders cost 8 of 62 such cases).
 */
export function hasFilledBody(value: string): boolean {
  const body = PREFIXED_BODY.exec(value)?.[1].replace(/[-_.]/g, '');
  if (body === undefined || body.length < 2) return false;
  if (new Set(body).size === 1) return true;
  let ascending = 0;
  for (let i = 1; i < body.length; i++) if (body.charCodeAt(i) - body.charCodeAt(i - 1) === 1) ascending++;
  return ascending / (body.length - 1) >= 0.8;
}

/**
 * Placeholder words too long to turn up in random text by chance: the only placeholder test for long
 * random values (generic detection, and rules for tokens of 100+ characters: rules/saas/context.ts).
 */
export const LONG_PLACEHOLDER_WORDS = /example|sample|dummy|placeholder|redacted|changeme|your[_-]|not[_-]?a[_-]?real|x{6,}/i;

/** A value made of one or two characters repeated (`aaaaaaaa`, `abababab`, `00000000`). */
export function isRepetitive(value: string): boolean {
  const distinct = new Set(value.replace(/[-_]/g, '')).size;
  return value.length >= 4 && distinct <= 2;
}

/** Alphabetic or numeric runs such as `abcdefgh`, `12345678`, `0123456789abcdef`. */
export function isSequence(value: string): boolean {
  const core = value.replace(/[-_]/g, '').toLowerCase();
  if (core.length < 6) return false;
  let ascending = 0;
  for (let i = 1; i < core.length; i++) if (core.charCodeAt(i) - core.charCodeAt(i - 1) === 1) ascending++;
  return ascending / (core.length - 1) >= 0.8;
}

/**
 * A reference to a secret kept elsewhere, or a value filled in later: template and shell
 * interpolation, environment reads, secret-manager references, SOPS-encrypted values.
 */
const REFERENCE_PATTERN = new RegExp(
  [
    /^\$/.source, // $VAR, ${VAR}, $(cmd), ${{ secrets.X }}
    /\$\{/.source,
    /\$\(/.source, // $(cmd), make's $(VAR) anywhere in the value
    /\{\{/.source, // {{ x }}, {{resolve:...}}
    /\{%/.source,
    /<%/.source, // ERB / JSP
    /#\{/.source, // Ruby / Scala interpolation
    /^%[A-Za-z_][\w()]*%$/.source, // %VAR% (cmd.exe)
    /^%\(/.source, // %(name)s
    /^@\{/.source,
    /^\{\w+:/.source, // {env:X}, {file:...}
    /^(?:vault|op|ref|secret|secrets|sm|gcpsm|awssm|azkv|env|file|keyvault|kms|ssm|aws-sm|bws|doppler|infisical|k8s|sops)\+?:/i.source,
    /arn:aws[\w-]*:(?:secretsmanager|ssm|kms):/.source,
    /@Microsoft\.KeyVault\(/.source,
    /\bprojects\/[^/\s]+\/secrets\//.source,
    /\bsecretKeyRef\b/.source,
    /^ENC\[/.source, // SOPS
    /^encrypted:[A-Za-z0-9+/=]{40,}$/.source, // dotenvx (ECIES ciphertext, committed by design)
    /^\{cipher\}/.source, // Spring Cloud Config encrypted value
    /^!vault\b/.source,
    /\b(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|System\.getenv|Environment\.GetEnvironmentVariable|ENV\[|ENV\.fetch|getenv\(|env\(|std::env::var|os\.Getenv)/.source,
  ].join('|'),
);

export function isReference(value: string): boolean {
  return REFERENCE_PATTERN.test(value);
}

/** `scheme://...` or `www.`: URL rules handle credentials inside URLs. */
export function looksLikeUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^www\./i.test(value);
}

const FILE_EXTENSION = /\.(?:txt|json|ya?ml|pem|key|crt|cer|der|p12|pfx|jks|keystore|pub|env|ini|cfg|conf|toml|xml|properties|gpg|asc|enc|age|bin|dat|db|sqlite|log|csv|js|ts|py|rb|go|sh|secret|secrets|token|pass|passwd)$/i;

/** Absolute, relative or home paths, Windows paths, and bare file names with a known extension. */
export function looksLikePath(value: string): boolean {
  // Padded base64 may start with `/` (a Kubernetes encryption key, `secret: /6zN…=`); paths do not end in `=`.
  if (value.length % 4 === 0 && /^[A-Za-z0-9+/]{14,}={1,2}$/.test(value)) return false;
  if (/^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:[\\/]|\\\\)/.test(value)) return true;
  if (FILE_EXTENSION.test(value) && /^[\w./\\-]+$/.test(value)) return true;
  return false;
}

export interface CharacterClasses {
  lower: number;
  upper: number;
  digit: number;
  /** Characters that are not letters, digits, or the identifier joiners `_`, `-`, `.`. */
  symbol: number;
}

export function characterClasses(value: string): CharacterClasses {
  const out: CharacterClasses = { lower: 0, upper: 0, digit: 0, symbol: 0 };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) out.lower++;
    else if (c >= 65 && c <= 90) out.upper++;
    else if (c >= 48 && c <= 57) out.digit++;
    else if (c !== 95 && c !== 45 && c !== 46) out.symbol++;
  }
  return out;
}

/** Words whose combinations (`mypassword`, `admin`, `testsecret`) make default or sample credentials. */
const DICTIONARY = [
  'password', 'passwd', 'pass', 'pwd', 'passphrase', 'secret', 'secrets', 'token', 'key', 'apikey', 'api',
  'changeme', 'change', 'me', 'example', 'sample', 'dummy', 'test', 'testing', 'tester', 'demo', 'default',
  'admin', 'administrator', 'root', 'user', 'username', 'guest', 'login', 'foo', 'bar', 'baz', 'qux', 'foobar',
  'qwerty', 'asdf', 'letmein', 'welcome', 'abc', 'xyz', 'none', 'null', 'nil', 'empty', 'undefined', 'todo',
  'fixme', 'redacted', 'hidden', 'masked', 'placeholder', 'your', 'my', 'the', 'new', 'old', 'fake',
  'mock', 'local', 'dev', 'development', 'prod', 'production', 'staging', 'db', 'database', 'mysql',
  'postgres', 'postgresql', 'redis', 'mongo', 'sa', 'pw', 'value', 'here', 'insert', 'replace', 'enter',
  'some', 'very', 'super', 'strong', 'str', 'string', 'xxx', 'yyy', 'zzz', 'auth', 'access', 'private',
  'client', 'app', 'service', 'secure', 'insecure', 'random', 'temp', 'tmp', 'dont', 'do', 'not', 'use',
  'real', 'valid', 'invalid', 'wrong', 'bad', 'good', 'correct', 'right', 'hello', 'world', 'anonymous', 'anon',
  'ftp', 'nobody', 'pi', 'raspberry', 'ubuntu', 'vagrant', 'docker', 'oracle', 'scott', 'system', 'manager',
  // bash.org's `hunter2`, the classic joke password of tests and tutorials.
  'hunter',
];
const DICTIONARY_SET = new Set(DICTIONARY);

/** True for a word of default or sample credentials (`password`, `admin`, `changeme`, `test`, `my`). */
export function isSampleCredentialWord(word: string): boolean {
  return DICTIONARY_SET.has(word);
}
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

function composedOfWords(letters: string): boolean {
  if (letters.length === 0) return true;
  // Word break over a small dictionary: reachable[i] = letters[0, i) splits into dictionary words.
  const reachable = new Uint8Array(letters.length + 1);
  reachable[0] = 1;
  for (let i = 1; i <= letters.length; i++) {
    for (let j = Math.max(0, i - 14); j < i && !reachable[i]; j++) {
      if (reachable[j] && DICTIONARY_SET.has(letters.slice(j, i))) reachable[i] = 1;
    }
  }
  return reachable[letters.length] === 1;
}

/**
 * A default or sample credential: its letters (as written, or read as leetspeak) are only
 * dictionary words such as `password`, `admin`, `changeme`, `test` (`Passw0rd!`, `admin123`).
 */
export function isDictionaryLike(value: string): boolean {
  if (value.length > 64) return false;
  const lower = value.toLowerCase();
  const plain = lower.replace(/[^a-z]/g, '');
  if (composedOfWords(plain)) return true;
  // Leetspeak, read two ways: `1` and `!` as `i`, or as decoration (`Passw0rd!`, `adm1n`).
  let leet = '';
  let leetShort = '';
  for (const ch of lower) {
    leet += LEET[ch] ?? ch;
    leetShort += ch === '1' || ch === '!' ? '' : (LEET[ch] ?? ch);
  }
  return composedOfWords(leet.replace(/[^a-z]/g, '')) || composedOfWords(leetShort.replace(/[^a-z]/g, ''));
}

/**
 * Mostly made of ascending runs (`abcdef12345`, `qwe123456`): keyboard and counting patterns used as
 * sample values. True when runs of 3+ consecutive characters cover at least 70% of the value.
 */
export function isMostlySequential(value: string): boolean {
  const lower = value.toLowerCase();
  let covered = 0;
  let run = 1;
  for (let i = 1; i <= lower.length; i++) {
    if (i < lower.length && lower.charCodeAt(i) - lower.charCodeAt(i - 1) === 1) run++;
    else {
      if (run >= 3) covered += run;
      run = 1;
    }
  }
  return value.length > 0 && covered / value.length >= 0.7;
}
