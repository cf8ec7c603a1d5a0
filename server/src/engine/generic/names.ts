/**
 * Which assigned names are secret slots. A name is split into words (camelCase, snake_case,
 * kebab-case, dotted keys, SCREAMING_CASE); its head word decides: `dbPassword` and `API_KEY_PROD`
 * are secret slots, while `passwordHint`, `tokenUrl`, `max_tokens`, `secretName` or `keyId` only
 * refer to something about a secret (a hint, a URL, a count, a name, an id).
 */

export type SecretSlot = 'password' | 'secret';

/** Trailing words that qualify a slot without changing what it holds (`DB_PASSWORD_PROD`, `apiKey2`). */
const NEUTRAL_TAILS = new Set([
  'value', 'val', 'str', 'string', 'plain', 'plaintext', 'raw', 'b64', 'base64', 'hex', 'encoded', 'prod', 'production',
  'dev', 'development', 'staging', 'stage', 'test', 'local', 'default', 'new', 'old', 'live', 'current', 'primary',
  'secondary', 'backup', 'fallback', 'override', 'literal', 'main', 'master', 'v', 'base',
]);

/** (`authtok`: SSSD's and PAM's word for the bind password.) */
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'passwort', 'pword', 'pw', 'psk', 'authtok']);
const SECRET_WORDS = new Set(['secret', 'secrets', 'token', 'credential', 'credentials', 'creds', 'auth', 'authorization', 'apikey']);
/** Words that make `key` a secret key: `api key`, `access key`, `private key`, `client key`... */
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'private', 'secret', 'auth', 'client', 'signing', 'sign', 'encryption', 'encrypt', 'master',
  'consumer', 'subscription', 'hmac', 'jwt', 'session', 'shared', 'app', 'application', 'service', 'storage',
  'account', 'admin', 'write', 'webhook', 'crypto', 'cipher', 'aes', 'license', 'licence', 'integration', 'server',
  'priv', 'enc', 'deploy',
  // Airflow's and Python cryptography's Fernet keys; PagerDuty's (Alertmanager's) routing keys.
  'fernet', 'routing',
]);
/** Compound heads written as one word (`apikey`, `dbpassword`, `accesstoken`). */
const COMPOUND_PASSWORD = /(?:password|passwd|passphrase|.pw)$/; // `rootpw` (slapd), `adminpw`
const COMPOUND_SECRET = /(?:secret|token|apikey|accesskey|privatekey|privkey|secretkey|authkey|masterkey|signingkey|encryptionkey|credentials?)$/;

/** First words that make the name about a secret rather than a secret (`isPassword`, `hashedPassword`). */
const NON_SECRET_LEADS = new Set([
  'is', 'has', 'use', 'uses', 'enable', 'enabled', 'disable', 'disabled', 'show', 'hide', 'require', 'requires',
  'required', 'allow', 'should', 'can', 'must', 'no', 'validate', 'check', 'verify', 'forgot', 'reset', 'generate',
  'get', 'set', 'fetch', 'load', 'read', 'parse', 'encode', 'decode', 'encrypt', 'encrypted', 'decrypt', 'hash',
  'hashed', 'mask', 'masked', 'redact', 'redacted', 'sanitize', 'remove', 'clear', 'min', 'max', 'num', 'count',
  'invalid', 'wrong', 'placeholder', 'label', 'empty', 'msg', 'error', 'on', 'handle', 'toggle', 'missing', 'need',
  'needs', 'with', 'without', 'ask', 'prompt', 'input', 'print', 'log',
  // Digests of a secret (Helm's `checksum/secret` annotation, `sha256_token`): a hash, not the secret.
  'checksum', 'digest', 'fingerprint', 'sha', 'sha1', 'sha256', 'sha512', 'md5',
]);
/** Words before `token` that mean a non-credential token (pagination, parsing, ML vocabularies, CSRF). */
const NON_SECRET_TOKEN_KINDS = new Set([
  'page', 'next', 'prev', 'previous', 'pagination', 'continuation', 'cancellation', 'cancel', 'sync', 'csrf', 'xsrf',
  'lexer', 'parser', 'max', 'min', 'num', 'total', 'input', 'output', 'prompt', 'completion', 'bos', 'eos', 'pad',
  'unk', 'sep', 'cls', 'mask', 'special', 'start', 'end', 'stop', 'split', 'word', 'sentence', 'sequence', 'first',
  'last', 'current', 'cursor', 'offset', 'resume', 'idempotency', 'request', 'trace', 'span', 'design', 'color',
  // AWS ClientToken (idempotency), Service Bus lockToken, browser SDK client tokens (Datadog RUM),
  // SES DKIM tokens (published in DNS as CNAME records).
  'client', 'lock', 'dkim',
]);
/** Keys public by design: publishable keys, Web Push application server (VAPID public) keys. */
const PUBLIC_WORDS = new Set(['public', 'publishable', 'pub']);
/**
 * Search-only keys (Algolia, Typesense, Meilisearch) are public too: `searchApiKey`, `SEARCH_ONLY_KEY`.
 * Only within the last dotted part: in `search.api-key` (Spring), `search` names the service whose key it is.
 */
const SEARCH_WORDS = new Set(['search', 'searchonly']);

/** Splits an identifier or key into lower-case words: `spring.datasource.DBPassword2` -> spring datasource db password 2. */
export function splitWords(name: string): string[] {
  const words = name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [];
  return words.map((w) => w.toLowerCase());
}

const slotCache = new Map<string, SecretSlot | null>();
const SLOT_CACHE_LIMIT = 20000;

/** The kind of secret a name holds, or undefined when the name is not a secret slot. */
export function secretSlotOf(name: string): SecretSlot | undefined {
  // Names repeat a lot within and across files (`key`, `token`, `password`): remember the answers.
  const cached = slotCache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const slot = name.length > 128 ? undefined : classifyName(name);
  if (slotCache.size >= SLOT_CACHE_LIMIT) slotCache.clear();
  slotCache.set(name, slot ?? null);
  return slot;
}

function classifyName(name: string): SecretSlot | undefined {
  const words = splitWords(name);
  while (words.length > 1 && (NEUTRAL_TAILS.has(words[words.length - 1]) || /^\d+$/.test(words[words.length - 1]))) words.pop();
  if (words.length === 0) return undefined;
  // `ClearTextPassword` (NuGet's credential key) holds a password; `clearPassword` is an action.
  const clearText = words[0] === 'clear' && words[1] === 'text';
  if (NON_SECRET_LEADS.has(words[0]) && words.length > 1 && !clearText) return undefined;
  if (words.some((w) => PUBLIC_WORDS.has(w))) return undefined;
  if (splitWords(name.slice(name.lastIndexOf('.') + 1)).some((w) => SEARCH_WORDS.has(w))) return undefined;
  if (words.join('').endsWith('applicationserverkey')) return undefined;
  // Pusher's app key is the public half (the app secret is the secret).
  if (words.includes('pusher') && words[words.length - 1] === 'key' && !words.includes('secret')) return undefined;
  const head = words[words.length - 1];
  const before = words.length > 1 ? words[words.length - 2] : '';
  if (PASSWORD_WORDS.has(head) || COMPOUND_PASSWORD.test(head)) return 'password';
  if (head === 'key') return KEY_QUALIFIERS.has(before) || COMPOUND_SECRET.test(before) ? 'secret' : undefined;
  if (head === 'token' || head.endsWith('token')) {
    if (NON_SECRET_TOKEN_KINDS.has(before)) return undefined;
    return 'secret';
  }
  // Signed URLs: `X-Amz-Credential` / `X-Goog-Credential` carry the key id and scope; the signature is the secret.
  if (head === 'credential' && (before === 'amz' || before === 'goog')) return undefined;
  if (SECRET_WORDS.has(head) || COMPOUND_SECRET.test(head)) return 'secret';
  return undefined;
}

/**
 * SCREAMING_SNAKE_CASE name for an environment variable or secret: `apiKey` -> `API_KEY`,
 * `spring.datasource.password` -> `SPRING_DATASOURCE_PASSWORD`. With `memberOnly` (code, where a
 * dotted name is an object path such as `config.apiKey`), only the last member counts.
 */
export function suggestedNameOf(name: string, memberOnly = false): string {
  const base = memberOnly ? name.slice(name.lastIndexOf('.') + 1) : name;
  let words = splitWords(base);
  if (words[0] === 'this' || words[0] === 'self') words = words.slice(1);
  return words.join('_').toUpperCase();
}

/** The property a setter or builder method sets: `ds.setPassword` -> `Password`, `with_api_key` -> `api_key`. */
export function setterProperty(methodName: string): string {
  const member = methodName.slice(methodName.lastIndexOf('.') + 1);
  return member.replace(/^(?:[sS]et|[wW]ith)(?=[A-Z_])_?/, '');
}
