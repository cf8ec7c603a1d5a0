import type { SecretRule } from '../secretRule';
import { ALNUM, BASE64URL, HEX, chars, crc32 } from '../fake';
import { hasValidCrc32HexSuffix } from '../checksums';
import { UUID, around, fakeUuid, hasLetterAndDigit, isMixedAlnum, namedValue } from './ruleKit';

/** A Cloudflare scannable token: prefix + 40 random + 8-hex CRC-32 of the random part. */
const cloudflareToken = (prefix: string, label: string) => {
  const body = chars(ALNUM, 40, `cf:${label}`);
  return `${prefix}${body}${crc32(body).toString(16).padStart(8, '0')}`;
};
const CLOUDFLARE_TOKEN_ROTATE =
  'Roll or delete the token in the Cloudflare dashboard (My Profile > API Tokens, or Manage Account > Account API Tokens), review the audit log, then create a token with the narrowest permissions, resources and client IP filter.';
const CLOUDFLARE_GLOBAL_ROTATE =
  'Change the Global API Key (My Profile > API Tokens > Global API Key > Change), review the audit log, and replace its use with scoped API tokens; the global key has full account access.';
const DO_ROTATE =
  'Delete the token in DigitalOcean (API > Tokens, or Settings > Applications for OAuth), review the security history, then create a new scoped token with an expiry.';
export const platformRules: SecretRule[] = [
  {
    id: 'digitalocean-pat',
    title: 'DigitalOcean personal access token',
    provider: 'DigitalOcean',
    keywords: ['dop_v1_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>dop_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
    minEntropy: 3,
    severity: 'error',
    envName: 'DIGITALOCEAN_ACCESS_TOKEN',
    remediation: DO_ROTATE,
    examples: {
      positive: [`DIGITALOCEAN_ACCESS_TOKEN=dop_v1_${chars(HEX, 64, 'do1')}`, `doctl auth init -t dop_v1_${chars(HEX, 64, 'do2')}`],
      negative: [`dop_v1_${chars(HEX, 40, 'do3')}`, `dop_v2_${chars(HEX, 64, 'do4')}`],
    },
  },
  {
    id: 'digitalocean-oauth-token',
    title: 'DigitalOcean OAuth access token',
    provider: 'DigitalOcean',
    keywords: ['doo_v1_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>doo_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
    minEntropy: 3,
    severity: 'error',
    envName: 'DIGITALOCEAN_ACCESS_TOKEN',
    remediation: DO_ROTATE,
    examples: {
      positive: [`token = "doo_v1_${chars(HEX, 64, 'doo1')}"`, `Authorization: Bearer doo_v1_${chars(HEX, 64, 'doo2')}`],
      negative: [`doo_v1_${chars(HEX, 30, 'doo3')}`, 'doo_v1_ prefix'],
    },
  },
  {
    id: 'digitalocean-refresh-token',
    title: 'DigitalOcean OAuth refresh token',
    provider: 'DigitalOcean',
    keywords: ['dor_v1_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>dor_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
    minEntropy: 3,
    severity: 'error',
    envName: 'DIGITALOCEAN_REFRESH_TOKEN',
    remediation: DO_ROTATE,
    examples: {
      positive: [`"refresh_token": "dor_v1_${chars(HEX, 64, 'dor1')}"`, `REFRESH=dor_v1_${chars(HEX, 64, 'dor2')}`],
      negative: [`dor_v1_${chars(HEX, 30, 'dor3')}`, 'dor_v1_ prefix'],
    },
  },
  {
    id: 'heroku-api-key',
    title: 'Heroku API key',
    provider: 'Heroku',
    keywords: ['hrku-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>HRKU-[A-Za-z0-9]{2}[A-Za-z0-9_-]{58})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'HEROKU_API_KEY',
    remediation: 'Revoke the key (`heroku authorizations:revoke <id>`, or Account settings > API Key > Regenerate), check the apps\' activity, then create a scoped authorization with an expiry (`heroku authorizations:create`).',
    examples: {
      positive: [`HEROKU_API_KEY=HRKU-AA${chars(BASE64URL, 58, 'h1')}`, `heroku_api_key: "HRKU-AA${chars(ALNUM, 58, 'h2')}"`],
      negative: [`HEROKU_API_KEY=HRKU-${chars(ALNUM, 20, 'h3')}`, 'HRKU- prefix'],
    },
  },
  {
    id: 'heroku-api-key-legacy',
    title: 'Heroku API key (legacy UUID format)',
    provider: 'Heroku',
    keywords: ['heroku'],
    window: { before: 16, after: 120 },
    pattern: namedValue('heroku[_.-]?(?:api[_.-]?)?(?:key|token|auth[_.-]?token)', UUID),
    minEntropy: 3,
    severity: 'error',
    envName: 'HEROKU_API_KEY',
    remediation: 'Regenerate the key (Account settings > API Key > Regenerate, or `heroku authorizations:revoke`), then use a scoped authorization with an expiry.',
    examples: {
      positive: [`HEROKU_API_KEY=${fakeUuid('hl1')}`, `heroku_token: "${fakeUuid('hl2')}"`],
      negative: [`HEROKU_APP_ID=${fakeUuid('hl3')}`, 'HEROKU_API_KEY: ${{ secrets.HEROKU_API_KEY }}'],
    },
  },
  {
    id: 'cloudflare-api-token',
    title: 'Cloudflare API token',
    provider: 'Cloudflare',
    keywords: ['cfat_', 'cfut_'],
    // Account (cfat_) and user (cfut_) tokens: 40 random characters and an 8-hex CRC-32 of them.
    pattern: /(?<![A-Za-z0-9_])(?<secret>cf[au]t_[A-Za-z0-9]{40}[0-9a-f]{8})(?![A-Za-z0-9_])/,
    validate: (secret) => hasValidCrc32HexSuffix(secret.slice(5)),
    severity: 'error',
    envName: 'CLOUDFLARE_API_TOKEN',
    remediation: CLOUDFLARE_TOKEN_ROTATE,
    docsUrl: 'https://developers.cloudflare.com/fundamentals/api/get-started/create-token/',
    examples: {
      positive: [`CLOUDFLARE_API_TOKEN=${cloudflareToken('cfat_', 'c1')}`, `token: ${cloudflareToken('cfut_', 'c2')}`],
      negative: [`CLOUDFLARE_API_TOKEN=cfat_${chars(ALNUM, 40, 'c3')}${chars(HEX, 8, 'c4')}`, 'cfat_tooshort', `x${cloudflareToken('cfat_', 'c5')}`],
    },
  },
  {
    id: 'cloudflare-global-api-key-scannable',
    title: 'Cloudflare Global API key',
    provider: 'Cloudflare',
    keywords: ['cfk_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>cfk_[A-Za-z0-9]{40}[0-9a-f]{8})(?![A-Za-z0-9_])/,
    validate: (secret) => hasValidCrc32HexSuffix(secret.slice(4)),
    severity: 'error',
    envName: 'CLOUDFLARE_API_KEY',
    remediation: CLOUDFLARE_GLOBAL_ROTATE,
    examples: {
      positive: [`CLOUDFLARE_API_KEY=${cloudflareToken('cfk_', 'k1')}`, `X-Auth-Key: ${cloudflareToken('cfk_', 'k2')}`],
      negative: [`CLOUDFLARE_API_KEY=cfk_${chars(ALNUM, 40, 'k3')}${chars(HEX, 8, 'k4')}`, `${cloudflareToken('cfk_', 'k5')}Z`],
    },
  },
  {
    // Application keys: `K` + a 3-digit cluster + 27 base64 characters; the key id next to them is public.
    id: 'backblaze-b2-application-key',
    title: 'Backblaze B2 application key',
    provider: 'Backblaze',
    keywords: ['k00'],
    window: { before: 400, after: 400 },
    pattern: /(?<![A-Za-z0-9+/])(?<secret>K00[0-9][A-Za-z0-9+/]{27})(?![A-Za-z0-9+/=])/,
    // The shape alone is not specific: B2 must be named around it (rclone's `type = b2`, B2_APPLICATION_KEY).
    validate: (secret, match) => /\bb2\b|\bb2_|backblaze/i.test(around(match, 300)) && isMixedAlnum(secret),
    minEntropy: 3.8,
    severity: 'error',
    envName: 'B2_APPLICATION_KEY',
    remediation:
      'Delete the application key in the Backblaze console (App Keys), check the bucket for files you did not write, then create a key limited to the buckets and capabilities it needs and keep it in a secret manager.',
    examples: {
      positive: [`[b2]\ntype = b2\naccount = 005${chars(HEX, 22, 'b2a')}\nkey = K005${chars(ALNUM, 27, 'b2k')}\n`, `B2_APPLICATION_KEY_ID=005${chars(HEX, 22, 'b2c')}\nB2_APPLICATION_KEY=K004${chars(ALNUM, 27, 'b2d')}`],
      negative: [`B2_APPLICATION_KEY=\${B2_KEY}`, `release = K005${chars(ALNUM, 27, 'b2e')}`],
    },
  },
  {
    id: 'cloudflare-api-token-legacy',
    title: 'Cloudflare API token (unprefixed)',
    provider: 'Cloudflare',
    keywords: ['cloudflare', 'cf_api_token', 'cf_token', 'cf-api-token'],
    window: { before: 16, after: 120 },
    // Also Caddy's DNS challenge: `tls { dns cloudflare <token> }`.
    pattern: namedValue('cloudflare[_.-]?(?:api[_.-]?)?token|cf[_.-]?(?:api[_.-]?)?token|cloudflare[_.-]?dns[_.-]?api[_.-]?token', '[A-Za-z0-9_-]{40}', '(?![A-Za-z0-9_-])', '\\bdns[ \\t]+cloudflare[ \\t]+'),
    validate: hasLetterAndDigit,
    minEntropy: 3.8,
    severity: 'error',
    envName: 'CLOUDFLARE_API_TOKEN',
    remediation: CLOUDFLARE_TOKEN_ROTATE,
    examples: {
      positive: [`CLOUDFLARE_API_TOKEN=${chars(BASE64URL, 40, 'cl1')}`, `cf_api_token: "${chars(ALNUM, 40, 'cl2')}"`, `\ttls {\n\t\tdns cloudflare ${chars(ALNUM, 40, 'cl5')}\n\t}`],
      negative: [`CLOUDFLARE_ZONE_ID=${chars(HEX, 32, 'cl3')}`, 'CLOUDFLARE_API_TOKEN: ${{ secrets.CLOUDFLARE_API_TOKEN }}', '\t\tdns cloudflare {env.CF_API_TOKEN}'],
    },
  },
  {
    id: 'cloudflare-global-api-key',
    title: 'Cloudflare Global API key (unprefixed)',
    provider: 'Cloudflare',
    keywords: ['cloudflare', 'cf_api_key', 'cf-api-key', 'x-auth-key', 'cf_key'],
    window: { before: 16, after: 120 },
    pattern: namedValue('cloudflare[_.-]?(?:global[_.-]?)?(?:api[_.-]?)?key|cf[_.-]?(?:global[_.-]?)?(?:api[_.-]?)?key|x-auth-key', '[0-9a-f]{37}'),
    minEntropy: 3,
    severity: 'error',
    envName: 'CLOUDFLARE_API_KEY',
    remediation: CLOUDFLARE_GLOBAL_ROTATE,
    examples: {
      positive: [`CLOUDFLARE_API_KEY=${chars(HEX, 37, 'g1')}`, `-H "X-Auth-Key: ${chars(HEX, 37, 'g2')}"`],
      negative: [`CLOUDFLARE_API_KEY=${chars(HEX, 32, 'g3')}`, `CF_ACCOUNT=${chars(HEX, 37, 'g4')}`],
    },
  },
  {
    id: 'cloudflare-origin-ca-key',
    title: 'Cloudflare Origin CA key',
    provider: 'Cloudflare',
    keywords: ['v1.0-'],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>v1\.0-[a-f0-9]{24}-[a-f0-9]{146})(?![A-Za-z0-9_])/,
    minEntropy: 3,
    severity: 'error',
    envName: 'CLOUDFLARE_ORIGIN_CA_KEY',
    remediation: 'Change the Origin CA key (My Profile > API Tokens > Origin CA Key > Change), then use a scoped API token with the SSL and Certificates permission instead.',
    examples: {
      positive: [`CF_ORIGIN_CA_KEY=v1.0-${chars(HEX, 24, 'oc1')}-${chars(HEX, 146, 'oc2')}`, `origin_ca_key = "v1.0-${chars(HEX, 24, 'oc3')}-${chars(HEX, 146, 'oc4')}"`],
      negative: ['version: v1.0-beta', `v1.0-${chars(HEX, 24, 'oc5')}-${chars(HEX, 40, 'oc6')}`],
    },
  },
  {
    // OpenShift OAuth access tokens: sha256~ + 43 base64url characters (32 random bytes). The
    // prefix is used by nothing else in common use, so no context is required.
    id: 'openshift-user-token',
    title: 'OpenShift OAuth access token',
    provider: 'Red Hat OpenShift',
    keywords: ['sha256~'],
    pattern: /(?<![A-Za-z0-9_~-])(?<secret>sha256~[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    minEntropy: 4,
    severity: 'error',
    envName: 'OPENSHIFT_TOKEN',
    remediation:
      'Delete the token\'s OAuth access token object (`oc get useroauthaccesstokens`, then `oc delete useroauthaccesstokens <name>`; admins: `oc delete oauthaccesstokens <name>`), check the cluster audit log, and use short-lived or service account tokens from a secret store for automation.',
    examples: {
      positive: [`oc login --token=sha256~${chars(BASE64URL, 43, 'os1')} --server=https://api.cluster.lcl:6443`, `users:\n- name: dev\n  user:\n    token: sha256~${chars(BASE64URL, 43, 'os2')}`],
      negative: [`sha256~${chars(BASE64URL, 20, 'os3')}`, `sha256:${chars(HEX, 64, 'os4')}`],
    },
  },
];
