import { isRejectedProviderValue } from '../providerPrefixes';
import type { SecretRule } from '../secretRule';
import { ALNUM, chars } from '../fake';
import { decodeBase64, isPrintable, isRealPassword, isReference } from '../saas/context';
import { shannonEntropy } from '../../values';

/**
 * Credentials in well-known configuration files: Kubernetes Secret manifests, .npmrc, .pypirc,
 * .netrc, Docker's config.json, WordPress keys and salts, and kubeconfig client keys. The validator only sees the match and the window around it, so
 * the file's shape is recognised from the text itself.
 */

const a = (n: number, label: string) => chars(ALNUM, n, `cfg:${label}`);
const b64 = (value: string) => Buffer.from(value).toString('base64');
/** WordPress's key alphabet: letters, digits and punctuation (no quotes nor backslash). */
const wp = (n: number, label: string) => chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*()-_ []{}<>~`+=,.;:/?|', n, `cfg:${label}`);

/** Keys of a Secret's data that name things rather than hold secrets. */
/** Keys of a Secret's data that hold no secret: the whole key, or its last word (`DB_USER`, `POSTGRES_DATABASE`, `smtp.host`). */
const NON_SECRET_KEYS = /(?:^|[_.-])(?:user(?:name)?|login|host(?:name)?|port|database|db(?:name)?|namespace|region|email|url-host|ca\.crt|tls\.crt|service-ca\.crt)$/i;

/** Start offset of the line holding `index`. */
function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

/**
 * Whether the YAML line at `index` is a direct child of a top-level `data:` / `stringData:` block of
 * a document whose `kind` is `Secret`. Looks only inside the text given (the scan window).
 */
function isInSecretData(text: string, index: number, indent: number): 'data' | 'stringData' | undefined {
  let block: 'data' | 'stringData' | undefined;
  let cursor = lineStart(text, index);
  // Walk up to the parent line.
  while (cursor > 0) {
    const prevStart = lineStart(text, cursor - 1);
    const line = text.slice(prevStart, cursor - 1).replace(/\r$/, '');
    cursor = prevStart;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const lineIndent = line.length - line.trimStart().length;
    if (lineIndent >= indent) continue;
    const m = /^(data|stringData):\s*$/.exec(line.trim());
    if (!m || lineIndent !== 0) return undefined;
    block = m[1] as 'data' | 'stringData';
    break;
  }
  if (!block) return undefined;
  // The same YAML document (between `---` separators) must declare kind: Secret.
  const before = text.lastIndexOf('\n---', cursor);
  const afterSep = text.indexOf('\n---', index);
  const doc = text.slice(before < 0 ? 0 : before, afterSep < 0 ? text.length : afterSep);
  return /^kind:[ \t]*["']?Secret["']?[ \t]*\r?$/m.test(doc) ? block : undefined;
}

function isSecretManifestValue(secret: string, match: RegExpExecArray): boolean {
  const key = match.groups?.key ?? '';
  const indent = (match.groups?.indent ?? '').length;
  if (NON_SECRET_KEYS.test(key) || isReference(secret)) return false;
  const block = isInSecretData(match.input, match.index, indent);
  if (!block) return false;
  const plain = block === 'data' ? decodeBase64(secret) : secret;
  if (plain === undefined || (block === 'data' && !/^[A-Za-z0-9+/]+={0,2}$/.test(secret))) return false;
  // Certificates, configuration files and the like are not checked for strength.
  return plain.length > 0 && (!isPrintable(plain) || isRealPassword(plain));
}

function userPasswordIn(encoded: string): boolean {
  const decoded = decodeBase64(encoded);
  if (decoded === undefined || !isPrintable(decoded)) return false;
  const colon = decoded.indexOf(':');
  return colon > 0 && isRealPassword(decoded.slice(colon + 1), decoded.slice(0, colon));
}

/** The INI section around `index` has a `username` entry (a .pypirc repository section). */
function inPypircSection(text: string, index: number): boolean {
  const start = text.lastIndexOf('\n[', index);
  const header = /^\[[^\]\r\n]+\][ \t]*\r?$/m;
  if (start < 0 && !header.test(text.slice(0, index))) return false;
  const next = text.indexOf('\n[', index);
  const section = text.slice(Math.max(start, 0), next < 0 ? text.length : next);
  return /^[ \t]*username[ \t]*[:=]/m.test(section);
}

export const configFileRules: SecretRule[] = [
  {
    id: 'k8s-secret-manifest-value',
    title: 'Value in a Kubernetes Secret manifest',
    provider: 'Kubernetes',
    keywords: ['kind: secret', 'kind: "secret"', "kind: 'secret'"],
    window: { before: 8000, after: 8000 },
    pattern: /^(?<indent>[ \t]+)(?<kq>["']?)(?<key>[A-Za-z0-9_.-]{1,253})\k<kq>[ \t]*:[ \t]*(?<q>["']?)(?<secret>[^\s"'|>&*!#{[][^\r\n"']{0,8192}?)\k<q>[ \t]*\r?$/m,
    validate: isSecretManifestValue,
    severity: 'error',
    envName: 'K8S_SECRET_VALUE',
    description: 'A Kubernetes Secret manifest holds its values in the file; base64 in `data:` is an encoding, not encryption.',
    remediation:
      'Change the credential at its source, delete the manifest from the repository (and history), and deliver the value with External Secrets, Sealed Secrets, SOPS or the CSI secrets-store driver instead of a plain Secret manifest.',
    examples: {
      positive: [
        `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  username: ${b64('admin')}\n  password: ${b64(a(16, 'k1'))}\n`,
        `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n  API_TOKEN: "${a(32, 'k2')}"\n`,
        `---\napiVersion: v1\ndata:\n  "db-password": "${b64(a(20, 'k5'))}"\nkind: Secret\nmetadata:\n  name: db\n`,
      ],
      negative: [
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  password: ${b64(a(16, 'k3'))}\n`,
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n  password: "${DB_PASSWORD}"\n  token: ""\n',
        'kind: ServiceAccount\napiVersion: v1\nmetadata:\n  name: ops\n',
      ],
    },
  },
  {
    id: 'npmrc-auth-token',
    title: 'npm registry auth token in .npmrc / .yarnrc.yml',
    provider: 'npm',
    keywords: ['_authtoken', 'npmauthtoken'],
    // Registry tokens are 20 characters and more (npm_..., UUIDs, GitHub, GitLab, Artifactory, Azure).
    // Also `npm config set //registry/:_authToken VALUE` (a space instead of `=`).
    pattern: /(?:_authToken[ \t]*=|npmAuthToken[ \t]*:|:_authToken[ \t]+(?=[^\s=]))[ \t]*["']?(?<secret>[^\s"'$#;{}]{16,512})/,
    // An `npm_` token is the npm rule's to judge (its checksum): one it rejected is not a token.
    validate: (secret) => !/^[A-Z][A-Z0-9_]*$/.test(secret) && !isRejectedProviderValue(secret),
    minEntropy: 3,
    severity: 'error',
    envName: 'NPM_TOKEN',
    remediation:
      'Revoke the token at the registry (npmjs.com: Access Tokens, or `npm token revoke`; GitHub Packages: the PAT settings), then write `_authToken=${NPM_TOKEN}` in .npmrc and supply NPM_TOKEN from the CI secret store.',
    examples: {
      positive: [`//registry.npmjs.org/:_authToken=${a(36, 'n1')}`, `npm config set //registry.npmjs.org/:_authToken ${a(36, 'n3')}`, `npmRegistries:\n  "https://npm.internal.net":\n    npmAuthToken: "${a(40, 'n2')}"`],
      negative: [
        '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
        '//npm.pkg.github.com/:_authToken=$GITHUB_TOKEN',
        '//somewhere-else.com/myorg/:_authToken=MYTOKEN2',
        '//registry.npmjs.org/:_authToken=YOUR_NPM_TOKEN_HERE',
      ],
    },
  },
  {
    id: 'npmrc-auth',
    title: 'npm registry user:password (_auth) in .npmrc',
    provider: 'npm',
    keywords: ['_auth'],
    pattern: /(?<![A-Za-z0-9])_auth[ \t]*=[ \t]*["']?(?<secret>[A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])/,
    validate: (secret) => userPasswordIn(secret),
    severity: 'error',
    envName: 'NPM_AUTH',
    remediation: 'Change the registry password (or revoke the token) at the registry, then use a scoped `_authToken=${NPM_TOKEN}` supplied from the CI secret store.',
    examples: {
      positive: [`_auth=${b64(`ci:${a(16, 'u1')}`)}`, `//npm.internal.net/:_auth = "${b64(`deploy:${a(20, 'u2')}`)}"`],
      negative: [`_auth=${b64('user:password')}`, '_auth=${NPM_AUTH}'],
    },
  },
  {
    id: 'npmrc-password',
    title: 'npm registry password (_password) in .npmrc',
    provider: 'npm',
    keywords: ['_password'],
    pattern: /(?<![A-Za-z0-9])_password[ \t]*=[ \t]*["']?(?<secret>[A-Za-z0-9+/]{4,}={0,2})(?![A-Za-z0-9+/=])/,
    validate: (secret) => {
      const plain = decodeBase64(secret);
      return plain !== undefined && isPrintable(plain) && isRealPassword(plain);
    },
    severity: 'error',
    envName: 'NPM_PASSWORD',
    remediation: 'Change the registry password at the registry, then supply it from the CI secret store (`_password=${NPM_PASSWORD_BASE64}`) or switch to a token.',
    examples: {
      positive: [`//npm.internal.net/:_password=${b64(a(16, 'w1'))}`, `_password="${b64(a(12, 'w2'))}"`],
      negative: [`_password=${b64('password')}`, '//npm.internal.net/:_password=${NPM_PASSWORD}'],
    },
  },
  {
    id: 'pypirc-password',
    title: 'Package index password in .pypirc',
    provider: 'PyPI',
    keywords: ['[pypi', '[testpypi', '[distutils', 'repository', 'index-servers'],
    window: { before: 400, after: 600 },
    pattern: /^[ \t]*password[ \t]*[:=][ \t]*(?<secret>[^\s#;]{4,512})[ \t]*\r?$/m,
    validate: (secret, match) => isRealPassword(secret) && inPypircSection(match.input, match.index),
    severity: 'error',
    envName: 'TWINE_PASSWORD',
    remediation:
      'Revoke the token at pypi.org/manage/account/token/ (or change the repository password), remove the password line, and publish with Trusted Publishing (OIDC) or TWINE_PASSWORD from the CI secret store.',
    examples: {
      positive: [`[distutils]\nindex-servers =\n    internal\n\n[internal]\nrepository = https://pypi.internal.net/\nusername = deploy\npassword = ${a(20, 'y1')}\n`, `[pypi]\nusername = __token__\npassword = ${a(30, 'y2')}\n`],
      negative: ['[pypi]\nusername = __token__\npassword = ${PYPI_TOKEN}\n', `[database]\nhost = db\npassword = ${a(20, 'y3')}\n`],
    },
  },
  {
    id: 'netrc-password',
    title: 'Password in a .netrc entry',
    provider: 'netrc',
    keywords: ['machine', 'default'],
    window: { after: 400 },
    // `default` opens an entry at the start of a line; in prose ("a default password X") it does not.
    // netrc tokens are separated by blanks: `machine` after anything else (`a:machine` in Vim script) is not one.
    pattern: /(?<!\S)(?:machine[ \t]+\S{1,253}|^[ \t]*default)(?:\s+(?:login|account)[ \t]+(?<login>\S{1,256})){0,2}\s+password[ \t]+(?<q>["']?)(?<secret>[^\s"']{1,256})\k<q>(?![^\s])/m,
    // Anonymous FTP logins take an e-mail address as their password by convention: not a secret.
    validate: (secret, match) => isRealPassword(secret, match.groups?.login) && !/^(?:anonymous|ftp)$/i.test(match.groups?.login ?? ''),
    severity: 'error',
    envName: 'NETRC_PASSWORD',
    remediation:
      'Change the password or revoke the token at the host named on the machine line, remove the entry from the repository, and let the tool read credentials from a credential helper or an environment variable instead.',
    examples: {
      positive: [`machine api.internal.net login deploy password ${a(20, 'r1')}`, `machine git.internal.net\n  login ci-bot\n  password ${a(24, 'r2')}\n`, `default login deploy password ${a(16, 'r4')}`, `machine ftp.internal.net login ci password "${a(18, 'r5')}"`],
      negative: [
        'machine api.internal.net login deploy password $NETRC_PASSWORD',
        'the default machine password is changed on first boot',
        `# The service uses a default password ${a(15, 'r3')} that clients do not send.`,
        'default login anonymous password user@example.net',
        "return f'machine {hostname} login {self.username} password {self.password}'",
        '  " mipf     : a:machine a:id password filename',
        'machine api.heroku.com\n  login me@acme.example\n  password <api key>\n',
      ],
    },
  },
  {
    id: 'docker-config-auth',
    title: 'Registry credentials in Docker config.json',
    provider: 'Docker',
    keywords: ['"auths"'],
    window: { after: 4000 },
    pattern: /"auth"[ \t]*:[ \t]*"(?<secret>[A-Za-z0-9+/]{6,}={0,2})"/,
    validate: (secret) => userPasswordIn(secret),
    severity: 'error',
    envName: 'DOCKER_AUTH_CONFIG',
    remediation:
      'Revoke the registry token or change the password at the registry (Docker Hub: Account settings, Personal access tokens), run `docker logout`, and use a credential helper (credsStore) or the CI\'s registry login with a secret instead of a committed config.json.',
    examples: {
      positive: [`{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "${b64(`ci-bot:${a(24, 'd1')}`)}"\n    }\n  }\n}`, `{"auths":{"registry.internal.net":{"auth":"${b64(`deploy:${a(16, 'd2')}`)}"}}}`],
      negative: [`{"auths":{"registry.internal.net":{"auth":"${b64('user:password')}"}}}`, '{"auths":{"https://index.docker.io/v1/":{}},"credsStore":"desktop"}'],
    },
  },
  {
    id: 'wordpress-auth-key',
    title: 'WordPress authentication key or salt',
    provider: 'WordPress',
    keywords: ['auth_key', 'auth_salt', 'logged_in_key', 'logged_in_salt', 'nonce_key', 'nonce_salt'],
    pattern: /define\([ \t]*["'](?:SECURE_)?(?:AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)["'][ \t]*,[ \t]*(?<q>["'])(?<secret>(?:(?!\k<q>)[^\\\r\n]|\\.){32,256})\k<q>/,
    // The sample file's 'put your unique phrase here' and other prose stay below 4.5 bits a character.
    validate: (secret) => !isReference(secret) && shannonEntropy(secret) >= 4.5,
    allowPlaceholderLike: true,
    severity: 'error',
    envName: 'WORDPRESS_AUTH_KEY',
    description: 'WordPress signs login cookies and nonces with these keys and salts: whoever has them can forge a logged-in session for any user.',
    remediation:
      'Generate new keys and salts (api.wordpress.org/secret-key/1.1/salt/ or `wp config shuffle-salts`), which logs every user out, and load them from the environment (getenv) or a file kept out of the repository.',
    examples: {
      positive: [`define('AUTH_KEY', '${wp(64, 'w1')}');`, `define( 'NONCE_SALT',  "${wp(64, 'w2')}" );`],
      negative: [
        "define('AUTH_KEY', 'put your unique phrase here');",
        "define('SECURE_AUTH_KEY', getenv('WP_SECURE_AUTH_KEY'));",
        `define('WP_CACHE_KEY_SALT', '${wp(64, 'w3')}');`,
      ],
    },
  },
  {
    id: 'kubeconfig-client-key',
    title: 'Client private key in a kubeconfig',
    provider: 'Kubernetes',
    keywords: ['client-key-data'],
    window: { after: 12000 },
    pattern: /client-key-data["']?[ \t]*:[ \t]*["']?(?<secret>[A-Za-z0-9+/]{64,11000}={0,2})/,
    validate: (secret) => /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(decodeBase64(secret) ?? ''),
    severity: 'error',
    envName: 'KUBECONFIG',
    description: 'The kubeconfig holds the private key of a client certificate: whoever has it acts as that user on the cluster until the certificate expires.',
    remediation:
      'Certificates cannot be revoked in Kubernetes: remove the user\'s RBAC bindings (or rotate the cluster CA), issue a new certificate through a CertificateSigningRequest, and prefer short-lived credentials (OIDC, exec plugins such as aws eks get-token) over keys in kubeconfig files.',
    examples: {
      positive: [`apiVersion: v1\nusers:\n- name: ci\n  user:\n    client-certificate-data: ${b64(`-----BEGIN CERTIFICATE-----\n${a(64, 'kc1')}\n-----END CERTIFICATE-----\n`)}\n    client-key-data: ${b64(`-----BEGIN RSA PRIVATE KEY-----\n${a(64, 'kc2')}\n${a(64, 'kc3')}\n-----END RSA PRIVATE KEY-----\n`)}\n`],
      negative: [
        `    client-certificate-data: ${b64(`-----BEGIN CERTIFICATE-----\n${a(64, 'kc4')}\n-----END CERTIFICATE-----\n`)}`,
        '    client-key-data: ${CLIENT_KEY_DATA}',
        `    client-key-data: ${b64(a(96, 'kc5'))}`,
      ],
    },
  },
];
