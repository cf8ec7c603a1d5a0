/**
 * Classifiers for names and values seen in pipelines: which variable names hold secrets, which values
 * are references (never findings), and which literals look like real secrets.
 */
import { isRejectedProviderValue } from '../rules/providerPrefixes';
import { isRealPassword } from '../rules/saas/context';
import { isDictionaryLike, isMostlySequential, isPlaceholder, isReference as isEngineReference, looksLikePath, shannonEntropy } from '../values';

/** Environment names that hold a credential wherever they appear. */
const WELL_KNOWN_SECRET_NAMES = new Set([
  'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'GITHUB_TOKEN', 'GH_TOKEN', 'GH_PAT', 'NPM_TOKEN', 'NODE_AUTH_TOKEN',
  'PYPI_TOKEN', 'PYPI_API_TOKEN', 'TWINE_PASSWORD', 'DOCKER_PASSWORD', 'DOCKERHUB_TOKEN', 'CI_JOB_TOKEN',
  'CI_REGISTRY_PASSWORD', 'CI_DEPLOY_PASSWORD', 'CARGO_REGISTRY_TOKEN', 'GEM_HOST_API_KEY', 'VAULT_TOKEN',
  'AZURE_CLIENT_SECRET', 'ARM_CLIENT_SECRET', 'GOOGLE_CREDENTIALS', 'SYSTEM_ACCESSTOKEN', 'SYSTEM.ACCESSTOKEN',
  'SONAR_TOKEN', 'CODECOV_TOKEN', 'SLACK_WEBHOOK_URL', 'DATABASE_URL', 'HEROKU_API_KEY', 'TF_TOKEN_APP_TERRAFORM_IO',
]);

/** Names ending in a secret word: `NPM_TOKEN`, `DB_PASSWORD`, `STRIPE_API_KEY`, `CLIENT_SECRET`, `GH_PAT`. */
const SECRET_END =
  /(?:^|[_.-])(?:TOKEN|PASSWORD|PASSWD|PASS|PSW|PASSPHRASE|SECRET|APIKEY|PAT|CREDENTIALS?|(?:API|PRIVATE|ACCESS|SECRET|AUTH|MASTER|ENCRYPTION|SIGNING|CLIENT|DEPLOY|SSH|LICENSE|WEBHOOK)_KEY|WEBHOOK_URL|CONNECTION_STRING)$/;
/** `SECRET` anywhere but at the start of a qualifier list: `AWS_SECRET_ACCESS_KEY`, `SECRET_KEY_BASE`. */
const SECRET_ANYWHERE = /(?:^|[_.-])SECRET(?:[_.-]|$)/;
/** Suffixes that say the variable holds something else than the secret itself. */
const NOT_A_SECRET_SUFFIX =
  /[_.-](?:ID|NAME|USER|USERNAME|FILE|PATH|DIR|URL|URI|ENDPOINT|HOST|TYPE|ARN|REGION|EXPIRY|EXPIRES|TTL|LENGTH|HEADER|PREFIX|ENABLED|KIND|FORMAT|VERSION|SCOPE|SCOPES|AUDIENCE|COUNT|RATE|MODE|POLICY|HASH|ROTATION|REF|REFS|LOCATION|PROVIDER|ISSUER)$/;

/**
 * Settings of secret scanners: GitLab's `SECRET_DETECTION_EXCLUDED_PATHS`, `SECRET_DETECTION_IMAGE_SUFFIX`,
 * `SKIP_SECRET_SCAN`, `SECRET_SCANNING`: about secrets, not secrets.
 */
const SCANNER_SETTING = /(?:^|_)SECRETS?_(?:DETECTION|SCANNING|SCAN|SCANNER)(?:_|$)|(?:^|_)(?:SKIP|DISABLE|ENABLE|RUN)_SECRETS?_(?:DETECTION|SCANNING|SCAN|SCANNER|CHECK)/;

/** Tokens that are not credentials: pagination cursors, LLM token counts, CSRF tokens. */
const NOT_A_CREDENTIAL_TOKEN = /(?:^|_)(?:NEXT|PAGE|PAGINATION|CONTINUATION|CURSOR|PROMPT|COMPLETION|MAX|TOTAL|INPUT|OUTPUT|CSRF|XSRF|SYNC|RESUME)_TOKENS?$/;

/** True when an environment/variable name names a secret (`NPM_TOKEN`, `db_password`, `ApiKey`). */
export function isSecretName(name: string): boolean {
  const upper = camelToSnake(name).toUpperCase();
  if (WELL_KNOWN_SECRET_NAMES.has(upper)) return true;
  if (SCANNER_SETTING.test(upper) || NOT_A_CREDENTIAL_TOKEN.test(upper) || /^(?:HAS|IS|USE|SKIP|NO|ENABLE|DISABLE)_/.test(upper)) return false;
  // Settings about a password: MYSQL_ALLOW_EMPTY_PASSWORD, MYSQL_RANDOM_ROOT_PASSWORD, SECRET_KEY_BASE_DUMMY.
  if (/(?:^|_)(?:ALLOW_EMPTY|RANDOM_ROOT|GENERATE|REQUIRE)_|_(?:DUMMY|DAYS|HOURS|MINUTES|SECONDS|INTERVAL)$/.test(upper)) return false;
  if (NOT_A_SECRET_SUFFIX.test(upper) && !/WEBHOOK_URL$/.test(upper)) return false;
  return SECRET_END.test(upper) || SECRET_ANYWHERE.test(upper);
}

export function isWellKnownSecretName(name: string): boolean {
  return WELL_KNOWN_SECRET_NAMES.has(name.toUpperCase());
}

function camelToSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
}

const REFERENCE =
  /^\s*(?:\$\{\{[\s\S]*\}\}|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\([A-Za-z_.]+\)|vault:|op:\/\/|\{\{\s*resolve:(?:secretsmanager|ssm|ssm-secure):|@Microsoft\.KeyVault\(|ENC\[|secretKeyRef|ref\+|arn:aws:secretsmanager:|projects\/[^/]+\/secrets\/|sm:\/\/|gcp:\/\/|azkv:\/\/|awssm:\/\/|#\{|%\{|<%=|\{\{)/;

/** True when the value points at a secret stored elsewhere: `${{ secrets.X }}`, `$VAR`, `vault:`, `op://`... */
export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** GitLab's masking alphabet: Base64 plus `@ : . ~ -` (and `=`/`+`/`/`). */
const GITLAB_MASKABLE = /^[A-Za-z0-9+/=@:.~_-]+$/;

/** Why GitLab could not mask this value, or undefined when it can. */
export function gitlabUnmaskableReason(value: string): string | undefined {
  if (value.length < 8) return 'shorter than 8 characters';
  if (/\s/.test(value)) return 'contains whitespace';
  if (!GITLAB_MASKABLE.test(value)) return 'has characters outside the masking alphabet';
  return undefined;
}

/**
 * High-precision test (on top of the engine's classifiers in values.ts) that a literal is a real secret value, not a placeholder, flag, path, URL
 * without credentials, version or number. Used where a name is not enough (compose, GitLab variables).
 */
export function looksLikeSecretValue(value: string, nameIsSecret: boolean): boolean {
  const v = value.trim();
  if (v.length < 8 || v.length > 4096) return false;
  if (isReference(v) || isEngineReference(v) || isPlaceholder(v)) return false;
  if (isDictionaryLike(v) || isMostlySequential(v)) return false;
  // A provider-prefixed value that the provider's rule rejects is not a credential (providerPrefixes.ts).
  if (isRejectedProviderValue(v)) return false;
  if (/^(?:true|false|yes|no|on|off|null|none|required|optional)$/i.test(v)) return false;
  if (/^--?[a-z][\w-]*(?:=|$)/i.test(v)) return false; // command-line options: NODE_OPTIONS=--max-old-space-size=4096
  if (/^[\d.:-]+$/.test(v)) return false;
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(v)) return false;
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:([^/\s:@]*):([^/\s@]+)@)?/i.exec(v);
  if (url) {
    // A URL is a secret only through the password in its user info: not a default (`postgres:postgres`).
    const pass = url[2];
    return !!pass && !isReference(pass) && !isPlaceholder(pass) && pass.length >= 6 && isRealPassword(pass, url[1]);
  }
  if (/\s/.test(v) && !/^-----BEGIN/.test(v)) return false;
  if (looksLikePath(v)) return false;
  if (/^arn:|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$|^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?$/i.test(v)) return false;
  if (/^[a-z]+(?:[-_][a-z]+)*$/.test(v)) return false;
  const entropy = shannonEntropy(v);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  if (nameIsSecret) return entropy >= 3 && classes >= 2;
  // Without a secret-like name, only token-shaped values: no dots, colons or lower-case paths.
  if (!/^[A-Za-z0-9+/=_-]+$/.test(v) || /^[a-z0-9_-]+(?:\/[a-z0-9_.-]+)+$/.test(v)) return false;
  return v.length >= 20 && entropy >= 3.8 && classes >= 3;
}

/** References and CI templating that are not literal values (`$X`, `${{ }}`, `$(X)`, `{{ }}`, `%X%`). */
export function isReferenceLike(value: string): boolean {
  return isReference(value) || /\$\{\{|\$\(|%[A-Za-z_]+%|\{\{/.test(value);
}
