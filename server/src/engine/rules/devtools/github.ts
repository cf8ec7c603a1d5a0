import type { SecretRule } from '../secretRule';
import { ALNUM, BASE64URL, UPPER_ALNUM, b64url, chars, checksummedToken, token } from '../fake';
import { hasValidCrc32Base62Suffix, jwtPayload } from '../checksums';
import { namedValue } from '../cloud/ruleKit';

const GITHUB_ROTATE =
  'Revoke it at github.com/settings/tokens (or the organization\'s token settings), check the security log for its use, then create a new token with the least scopes and an expiry, kept in a secret manager.';
const GITHUB_APP_ROTATE =
  'Revoke it (DELETE /installation/token, or revoke the app authorization at github.com/settings/applications), review the organization audit log, and if the app\'s private key or client secret leaked too, generate a new one in the app settings and delete the old one.';

/** The prefix-agnostic CRC-32 check: the 36 characters after the 4-character prefix. */
const crcChecked = (secret: string) => hasValidCrc32Base62Suffix(secret.slice(4));

/** A GitHub App installation token of the newer `ghs_<app id>_<JWT>` shape. */
function installationJwt(label: string): string {
  const header = b64url({ alg: 'RS256', typ: 'JWT' });
  const payload = b64url({ iat: 1700000000, exp: 1700003600, iss: '12345', sub: `installation|${label}` });
  return `ghs_12345_${header}.${payload}.${chars(BASE64URL, 43, `ghsjwt:${label}`)}`;
}

export const githubRules: SecretRule[] = [
  {
    id: 'github-classic-pat',
    title: 'GitHub personal access token (classic)',
    provider: 'GitHub',
    keywords: ['ghp_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9])/,
    validate: crcChecked,
    severity: 'error',
    envName: 'GITHUB_TOKEN',
    remediation: GITHUB_ROTATE,
    examples: {
      positive: [`const token = "${checksummedToken('ghp_')}";`, `GITHUB_TOKEN=${checksummedToken('ghp_', 'env')}`],
      negative: [
        // Right shape, wrong checksum.
        `const token = "${token('ghp_', 36)}";`,
        'ghp_ is the prefix of classic tokens',
      ],
    },
  },
  {
    id: 'github-fine-grained-pat',
    title: 'GitHub fine-grained personal access token',
    provider: 'GitHub',
    keywords: ['github_pat_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/,
    minEntropy: 4,
    severity: 'error',
    envName: 'GITHUB_TOKEN',
    remediation:
      'Revoke it at github.com/settings/personal-access-tokens (organization owners can revoke it under Settings > Personal access tokens), check the audit log, then create a new fine-grained token limited to the repositories and permissions it needs, with an expiry.',
    examples: {
      positive: [`GH_TOKEN=github_pat_${chars(ALNUM, 22, 'fg1')}_${chars(ALNUM, 59, 'fg2')}`, `token: "github_pat_11${chars(UPPER_ALNUM, 20, 'fg3')}_${chars(ALNUM, 59, 'fg4')}"`],
      negative: [`github_pat_${chars(ALNUM, 22, 'fg5')}_${chars(ALNUM, 30, 'fg6')}`, 'Tokens start with github_pat_ followed by the id'],
    },
  },
  {
    id: 'github-oauth-token',
    title: 'GitHub OAuth access token',
    provider: 'GitHub',
    keywords: ['gho_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>gho_[A-Za-z0-9]{36})(?![A-Za-z0-9])/,
    validate: crcChecked,
    severity: 'error',
    envName: 'GITHUB_TOKEN',
    remediation:
      'Revoke the OAuth app\'s grant (github.com/settings/applications, or the app owner calls DELETE /applications/{client_id}/token), then sign in again; keep the new token in the OS keychain or a secret manager.',
    examples: {
      positive: [`oauth_token: ${checksummedToken('gho_', 'o1')}`, `"access_token": "${checksummedToken('gho_', 'o2')}"`],
      negative: [`oauth_token: ${token('gho_', 36, ALNUM, 'o3')}`, `oauth_token: ${token('gho_', 20, ALNUM, 'o4')}`],
    },
  },
  {
    id: 'github-user-to-server-token',
    title: 'GitHub App user access token',
    provider: 'GitHub',
    keywords: ['ghu_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>ghu_[A-Za-z0-9]{36})(?![A-Za-z0-9])/,
    validate: crcChecked,
    severity: 'error',
    envName: 'GITHUB_TOKEN',
    remediation: GITHUB_APP_ROTATE,
    examples: {
      positive: [`token = "${checksummedToken('ghu_', 'u1')}"`, `GH_USER_TOKEN=${checksummedToken('ghu_', 'u2')}`],
      negative: [`token = "${token('ghu_', 36, ALNUM, 'u3')}"`, 'ghu_ marks user-to-server tokens'],
    },
  },
  {
    id: 'github-app-installation-token',
    title: 'GitHub App installation access token',
    provider: 'GitHub',
    keywords: ['ghs_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>ghs_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/,
    validate: crcChecked,
    severity: 'error',
    envName: 'GITHUB_TOKEN',
    remediation: GITHUB_APP_ROTATE,
    examples: {
      positive: [`GITHUB_TOKEN=${checksummedToken('ghs_', 's1')}`, `"token": "${checksummedToken('ghs_', 's2')}"`],
      negative: [`GITHUB_TOKEN=${token('ghs_', 36, ALNUM, 's3')}`, 'GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}'],
    },
  },
  {
    id: 'github-app-installation-token-jwt',
    title: 'GitHub App installation access token (JWT format)',
    provider: 'GitHub',
    description: 'A GitHub App installation token of the longer `ghs_<app id>_<JWT>` format is written in the file.',
    keywords: ['ghs_'],
    window: { before: 8, after: 2200 },
    pattern: /(?<![A-Za-z0-9_])(?<secret>ghs_\d{1,12}_eyJ[A-Za-z0-9_-]{10,600}\.eyJ[A-Za-z0-9_-]{10,1500}\.[A-Za-z0-9_-]{20,700})(?![A-Za-z0-9_.-])/,
    validate: (secret) => jwtPayload(secret.slice(secret.indexOf('_', 4) + 1)) !== undefined,
    severity: 'error',
    envName: 'GITHUB_TOKEN',
    remediation: GITHUB_APP_ROTATE,
    examples: {
      positive: [installationJwt('j1'), `Authorization: token ${installationJwt('j2')}`],
      negative: [`ghs_12345_${chars(BASE64URL, 40, 'j3')}.${chars(BASE64URL, 40, 'j4')}.${chars(BASE64URL, 40, 'j5')}`, 'ghs_12345_eyJhbGciOi'],
    },
  },
  {
    id: 'github-refresh-token',
    title: 'GitHub App refresh token',
    provider: 'GitHub',
    keywords: ['ghr_'],
    // Documented as ghr_ + 36 (with the CRC-32 suffix); GitHub Apps also issue longer ghr_ tokens (76 characters).
    pattern: /(?<![A-Za-z0-9_])(?<secret>ghr_(?:[A-Za-z0-9]{36}|[A-Za-z0-9]{70,80}))(?![A-Za-z0-9_])/,
    validate: (secret) => secret.length !== 40 || crcChecked(secret),
    minEntropy: 4,
    severity: 'error',
    envName: 'GITHUB_REFRESH_TOKEN',
    remediation: GITHUB_APP_ROTATE,
    examples: {
      positive: [`refresh_token=${checksummedToken('ghr_', 'r1')}`, `"refresh_token": "${token('ghr_', 76, ALNUM, 'r2')}"`],
      negative: [`refresh_token=${token('ghr_', 36, ALNUM, 'r3')}`, `refresh_token=${token('ghr_', 50, ALNUM, 'r4')}`],
    },
  },
  {
    id: 'github-oauth-app-client-secret',
    title: 'GitHub OAuth app client secret',
    provider: 'GitHub',
    keywords: ['github'],
    window: { before: 16, after: 120 },
    pattern: namedValue('github[_.-]?(?:oauth[_.-]?|app[_.-]?)?client[_.-]?secret', '[0-9a-f]{40}'),
    minEntropy: 3,
    severity: 'error',
    envName: 'GITHUB_CLIENT_SECRET',
    remediation:
      'In the OAuth or GitHub App settings (Developer settings > the app > Client secrets) generate a new client secret, deploy it from a secret manager, then delete the leaked one.',
    examples: {
      positive: [`GITHUB_CLIENT_SECRET=${chars('0123456789abcdef', 40, 'cs1')}`, `github_oauth_client_secret: "${chars('0123456789abcdef', 40, 'cs2')}"`],
      negative: [`GITHUB_CLIENT_ID=${chars('0123456789abcdef', 20, 'cs3')}`, 'GITHUB_CLIENT_SECRET: ${{ secrets.GITHUB_CLIENT_SECRET }}'],
    },
  },
  {
    id: 'github-actions-runner-registration-token',
    title: 'GitHub Actions self-hosted runner registration token',
    provider: 'GitHub',
    description: 'A self-hosted runner registration token is written in the file; until it expires (one hour) anyone can attach a runner that receives jobs and their secrets.',
    keywords: ['config.sh', 'config.cmd', 'runner_token', 'runner-token', 'registration_token', 'actions-runner'],
    window: { before: 64, after: 400 },
    pattern:
      /(?:config\.(?:sh|cmd)[^\n]{0,300}?--token[ =]|(?:runner|registration)[_-]token["']?\s{0,4}[:=]\s{0,4})["']?(?<secret>A[A-Z0-9]{28})(?![A-Za-z0-9_])/i,
    validate: (secret) => /^[A-Z0-9]+$/.test(secret) && /[0-9]/.test(secret),
    severity: 'warning',
    envName: 'RUNNER_TOKEN',
    remediation:
      'Registration tokens expire after an hour; remove any runner you did not register (Settings > Actions > Runners), and have automation request a fresh token from the REST API at registration time instead of storing one.',
    examples: {
      positive: [`./config.sh --url https://github.com/org/repo --token A${chars(UPPER_ALNUM, 28, 'rt1')}`, `RUNNER_TOKEN="A${chars(UPPER_ALNUM, 28, 'rt2')}"`],
      negative: ['./config.sh --url https://github.com/org/repo --token ${RUNNER_TOKEN}', `./config.sh --token ${chars(UPPER_ALNUM, 12, 'rt3')}`],
    },
  },
];
