import type { SecretRule } from '../secretRule';
import { ALNUM, BASE64URL, HEX, LOWER_ALNUM, b64url, chars, checksummedToken, token } from '../fake';
import { decodeBase64, hasValidCrc32Base62Suffix } from '../checksums';
import { hasPlaceholderText } from '../saas/context';

/** A PyPI-style macaroon token: `pypi-` + base64url of a binary v2 macaroon for `location` (ASCII-only fake bytes). */
function pypiToken(location: string, label: string): string {
  const id = chars(LOWER_ALNUM, 36, `pypi-id:${label}`);
  const caveat = '{"permissions": "user", "version": 1}';
  const signature = chars(ALNUM, 32, `pypi-sig:${label}`);
  const macaroon =
    `\u0002\u0001${String.fromCharCode(location.length)}${location}` +
    `\u0002${String.fromCharCode(id.length)}${id}\u0000` +
    `\u0002${String.fromCharCode(caveat.length)}${caveat}\u0000\u0000` +
    `\u0006\u0020${signature}`;
  return `pypi-${b64url(macaroon)}`;
}

const SIDEKIQ_ROTATE =
  'Ask Contributed Systems (support@contribsys.com) to regenerate the license credentials, then set BUNDLE_GEMS__CONTRIBSYS__COM / BUNDLE_ENTERPRISE__CONTRIBSYS__COM from a secret manager in CI and deploys, never in the Gemfile or Gemfile.lock.';
/** Sidekiq Pro / Enterprise gem server credentials: 8 hex characters, a colon, 8 hex characters. */
const sidekiqPair = (label: string) => `${chars(HEX, 8, `sidekiq:${label}a`)}:${chars(HEX, 8, `sidekiq:${label}b`)}`;

const PYPI_ROTATE =
  'Delete the token in PyPI (Account settings > API tokens > Options > Remove token), check the project history for unexpected releases, then switch the publishing workflow to Trusted Publishing (OIDC) instead of a stored token.';

export const registryRules: SecretRule[] = [
  {
    id: 'npm-access-token',
    title: 'npm access token',
    provider: 'npm',
    keywords: ['npm_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/,
    validate: (secret) => hasValidCrc32Base62Suffix(secret.slice(4)),
    severity: 'error',
    envName: 'NPM_TOKEN',
    remediation:
      'Revoke it with `npm token revoke <id>` or on npmjs.com (Access Tokens), check the packages it could publish for unexpected versions, then use a granular token with an expiry or trusted publishing (OIDC) from CI.',
    docsUrl: 'https://docs.npmjs.com/revoking-access-tokens',
    examples: {
      positive: [`//registry.npmjs.org/:_authToken=${checksummedToken('npm_', 'n1')}`, `NPM_TOKEN=${checksummedToken('npm_', 'n2')}`],
      negative: [`NPM_TOKEN=${token('npm_', 36, ALNUM, 'n3')}`, '//registry.npmjs.org/:_authToken=${NPM_TOKEN}'],
    },
  },
  {
    id: 'pypi-upload-token',
    title: 'PyPI API token',
    provider: 'PyPI',
    keywords: ['pypi-ageichlwas5vcmc'],
    // The prefix is the base64 of the macaroon's header (version, location `pypi.org`): only PyPI
    // writes it. The rest is not checked further: copies are often cut or re-wrapped, and scanners
    // (GitHub's, gitleaks) take prefix and length as the format.
    pattern: /(?<![A-Za-z0-9_-])(?<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/,
    validate: (secret) => !hasPlaceholderText(secret),
    minEntropy: 4.5,
    severity: 'error',
    envName: 'PYPI_API_TOKEN',
    remediation: PYPI_ROTATE,
    docsUrl: 'https://pypi.org/help/#apitoken',
    examples: {
      positive: [`password = ${pypiToken('pypi.org', 'p1')}`, `TWINE_PASSWORD="${pypiToken('pypi.org', 'p2')}"`, `password: pypi-AgEIcHlwaS5vcmc${chars(BASE64URL, 120, 'p5')}`],
      negative: [`password = pypi-AgEIcHlwaS5vcmc${chars(HEX, 20, 'p3')}`, `password = pypi-AgEIcHlwaS5vcmc${'x'.repeat(80)}`, 'password = pypi-AgEIcHlwaS5vcmcYOUR_TOKEN_GOES_HERE_replace_with_your_example_token_value'],
    },
  },
  {
    id: 'pypi-test-upload-token',
    title: 'TestPyPI API token',
    provider: 'PyPI',
    keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/,
    validate: (secret) => !hasPlaceholderText(secret),
    minEntropy: 4.5,
    severity: 'warning',
    envName: 'TEST_PYPI_API_TOKEN',
    remediation: PYPI_ROTATE.replace('PyPI', 'TestPyPI (test.pypi.org)'),
    examples: {
      positive: [`password = ${pypiToken('test.pypi.org', 't1')}`, `TEST_PYPI_TOKEN=${pypiToken('test.pypi.org', 't2')}`],
      negative: [`password = pypi-AgENdGVzdC5weXBpLm9yZw${chars(HEX, 10, 't3')}`, 'repository = https://test.pypi.org/legacy/'],
    },
  },
  {
    id: 'rubygems-api-key',
    title: 'RubyGems API key',
    provider: 'RubyGems',
    keywords: ['rubygems_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>rubygems_[0-9a-f]{48})(?![A-Za-z0-9_])/,
    minEntropy: 3,
    severity: 'error',
    envName: 'GEM_HOST_API_KEY',
    remediation:
      'Delete the key on rubygems.org (Settings > API keys), check your gems for unexpected versions, then create a scoped key with MFA required, or use trusted publishing from CI.',
    examples: {
      positive: [`:rubygems_api_key: rubygems_${chars(HEX, 48, 'rg1')}`, `GEM_HOST_API_KEY=rubygems_${chars(HEX, 48, 'rg2')}`],
      negative: [`GEM_HOST_API_KEY=rubygems_${chars(HEX, 30, 'rg3')}`, 'rubygems_version = 3.5.0'],
    },
  },
  {
    id: 'nuget-api-key',
    title: 'NuGet API key',
    provider: 'NuGet',
    keywords: ['oy2'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>oy2[a-z0-9]{43})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'NUGET_API_KEY',
    remediation:
      'Delete or regenerate the key on nuget.org (your account > API Keys), check your packages for unexpected versions, then create a key scoped to the packages and glob it needs with a short expiry, or use trusted publishing.',
    examples: {
      positive: [`dotnet nuget push pkg.nupkg --api-key oy2${chars(LOWER_ALNUM, 43, 'ng1')}`, `NUGET_API_KEY=oy2${chars(LOWER_ALNUM, 43, 'ng2')}`],
      negative: [`NUGET_API_KEY=oy2${chars(LOWER_ALNUM, 20, 'ng3')}`, `id = oy2${chars(ALNUM, 43, 'ng4').toUpperCase()}`],
    },
  },
  {
    id: 'dockerhub-pat',
    title: 'Docker Hub personal access token',
    provider: 'Docker',
    keywords: ['dckr_pat_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>dckr_pat_[A-Za-z0-9_-]{27})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'DOCKERHUB_TOKEN',
    remediation:
      'Delete the token in Docker Hub (Account settings > Personal access tokens), check the repositories it could push for unexpected tags, then create a new token with read-only or the narrowest access it needs.',
    examples: {
      positive: [`echo ${token('dckr_pat_', 27, BASE64URL, 'd1')} | docker login -u me --password-stdin`, `DOCKER_TOKEN=${token('dckr_pat_', 27, BASE64URL, 'd2')}`],
      negative: ['DOCKER_TOKEN=dckr_pat_tooshort', 'dckr_pat_', `DOCKER_TOKEN=${token('dckr_pat_', 40, ALNUM, 'd3')}`],
    },
  },
  {
    id: 'dockerhub-organization-access-token',
    title: 'Docker Hub organization access token',
    provider: 'Docker',
    keywords: ['dckr_oat_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>dckr_oat_[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'DOCKERHUB_TOKEN',
    remediation:
      'Delete the token in the Docker Hub organization (Admin Console > Access tokens), review the audit log, then create a new organization token with only the repositories it needs.',
    examples: {
      positive: [`DOCKER_TOKEN=${token('dckr_oat_', 32, BASE64URL, 'o1')}`, `password: ${token('dckr_oat_', 27, ALNUM, 'o2')}`],
      negative: ['DOCKER_TOKEN=dckr_oat_short', 'dckr_oat_ is the organization prefix'],
    },
  },
  {
    id: 'jfrog-api-key',
    title: 'JFrog Artifactory API key',
    provider: 'JFrog',
    keywords: ['akcp'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>AKCp[A-Za-z0-9]{69})(?![A-Za-z0-9_])/,
    minEntropy: 4,
    severity: 'error',
    envName: 'ARTIFACTORY_API_KEY',
    remediation:
      'Revoke the API key in the JFrog Platform (Edit Profile > API Key > Revoke; API keys are deprecated), then create a scoped, expiring access token or identity token instead.',
    examples: {
      positive: [`X-JFrog-Art-Api: AKCp${chars(ALNUM, 69, 'jf1')}`, `artifactory_password=AKCp${chars(ALNUM, 69, 'jf2')}`],
      negative: [`key = AKCp${chars(ALNUM, 40, 'jf3')}`, `key = AKCp${chars(ALNUM, 80, 'jf4')}`],
    },
  },
  {
    id: 'jfrog-reference-token',
    title: 'JFrog reference (identity) token',
    provider: 'JFrog',
    keywords: ['cmvmdgtu'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>cmVmdGtu[A-Za-z0-9]{56})(?![A-Za-z0-9_])/,
    // base64 of "reftkn:01:<expiry>:<random>"
    validate: (secret) => /^reftkn:\d{2}:\d{1,12}:/.test(decodeBase64(secret)?.toString('latin1') ?? ''),
    severity: 'error',
    envName: 'JFROG_ACCESS_TOKEN',
    remediation:
      'Revoke the token in the JFrog Platform (User Management > Access Tokens, or Edit Profile > Identity tokens), then issue a new scoped token with an expiry, or use OIDC integration from CI.',
    examples: {
      positive: [
        `JFROG_TOKEN=${Buffer.from(`reftkn:01:1900000000:${chars(ALNUM, 27, 'rt1')}`).toString('base64').replace(/=+$/, '')}`,
        `password: ${Buffer.from(`reftkn:01:0:${chars(ALNUM, 36, 'rt2')}`).toString('base64').replace(/=+$/, '')}`,
      ],
      negative: [`JFROG_TOKEN=cmVmdGtu${chars(ALNUM, 56, 'rt3')}`, 'cmVmdGtu is base64 for reftkn'],
    },
  },
  {
    id: 'crates-io-api-token',
    title: 'crates.io API token',
    provider: 'crates.io',
    keywords: ['cio'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>cio[A-Za-z0-9]{32})(?![A-Za-z0-9_])/,
    validate: (secret) => /[A-Z]/.test(secret) && /[0-9]/.test(secret),
    minEntropy: 4,
    severity: 'error',
    envName: 'CARGO_REGISTRY_TOKEN',
    remediation:
      'Revoke the token on crates.io (Account Settings > API Tokens), check your crates for unexpected versions, then create a token scoped to the crates and endpoints it needs, or use trusted publishing.',
    examples: {
      positive: [`CARGO_REGISTRY_TOKEN=cio${chars(ALNUM, 32, 'ci1')}`, `[registry]\ntoken = "cio${chars(ALNUM, 32, 'ci2')}"`],
      negative: [`CARGO_REGISTRY_TOKEN=cio${chars(ALNUM, 20, 'ci3')}`, `const cioConfigurationManagerFactory = ${'1'}`],
    },
  },
  {
    id: 'clojars-deploy-token',
    title: 'Clojars deploy token',
    provider: 'Clojars',
    keywords: ['clojars_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>CLOJARS_[a-z0-9]{60})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'CLOJARS_PASSWORD',
    remediation: 'Disable the token on clojars.org (Dashboard > Deploy Tokens), check for unexpected releases, then create a new token scoped to the group or project it deploys.',
    examples: {
      positive: [`CLOJARS_PASSWORD=CLOJARS_${chars(LOWER_ALNUM, 60, 'cj1')}`, `:password "CLOJARS_${chars(LOWER_ALNUM, 60, 'cj2')}"`],
      negative: ['CLOJARS_USERNAME=me', `CLOJARS_${chars(LOWER_ALNUM, 30, 'cj3')}`],
    },
  },
  {
    id: 'sidekiq-credentials',
    title: 'Sidekiq Pro / Enterprise gem server credentials',
    provider: 'Contributed Systems (Sidekiq)',
    keywords: ['contribsys'],
    // BUNDLE_GEMS__CONTRIBSYS__COM=user:pass (environment, .bundle/config) or `bundle config gems.contribsys.com user:pass`.
    pattern:
      /(?:BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM["']?[ \t]{0,4}[:=][ \t]{0,4}|(?:enterprise|gems)\.contribsys\.com["']?[ \t]{1,4})["']?(?<secret>[a-f0-9]{8}:[a-f0-9]{8})(?![A-Za-z0-9_-])/i,
    minEntropy: 2.3,
    severity: 'error',
    envName: 'BUNDLE_GEMS__CONTRIBSYS__COM',
    remediation: SIDEKIQ_ROTATE,
    examples: {
      positive: [`BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${sidekiqPair('sq1')}`, `bundle config --local gems.contribsys.com ${sidekiqPair('sq2')}`],
      negative: ['BUNDLE_GEMS__CONTRIBSYS__COM=${SIDEKIQ_CREDENTIALS}', 'source "https://gems.contribsys.com/" do'],
    },
  },
  {
    id: 'sidekiq-credentials-url',
    title: 'Sidekiq Pro / Enterprise gem server URL with credentials',
    provider: 'Contributed Systems (Sidekiq)',
    keywords: ['contribsys'],
    pattern: /(?<![A-Za-z0-9+.-])https?:\/\/(?<secret>[a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com(?![A-Za-z0-9-])/i,
    minEntropy: 2.3,
    severity: 'error',
    envName: 'BUNDLE_GEMS__CONTRIBSYS__COM',
    remediation: SIDEKIQ_ROTATE,
    examples: {
      positive: [`source "https://${sidekiqPair('su1')}@gems.contribsys.com/" do`, `gem install sidekiq-pro --source https://${sidekiqPair('su2')}@enterprise.contribsys.com/`],
      negative: ['source "https://gems.contribsys.com/" do', 'https://user:pass@gems.contribsys.com/'],
    },
  },
];
