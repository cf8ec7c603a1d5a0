import type { SecretRule } from '../secretRule';
import { ALNUM, DIGITS, HEX, UPPER_ALNUM, chars } from '../fake';
import { hasLetterAndDigit } from '../cloud/ruleKit';
import { B, E, assigned, decodeBase64Json } from './context';

const a = (n: number, label: string) => chars(ALNUM, n, `obs:${label}`);
const h = (n: number, label: string) => chars(HEX, n, `obs:${label}`);
const u = (n: number, label: string) => chars(UPPER_ALNUM, n, `obs:${label}`);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64');

const DATADOG_ROTATE =
  'Revoke the key at app.datadoghq.com/organization-settings (API Keys or Application Keys; use your site\'s domain), check the audit trail, then create a new key and keep it in a secret manager.';
const NEW_RELIC_ROTATE =
  'Delete or rotate the key at one.newrelic.com/api-keys (API keys UI), check the account\'s audit log, then create a new key and keep it in a secret manager.';
const SUMO_ROTATE =
  'Delete the access key in Sumo Logic (Administration, Security, Access Keys, or Preferences, Personal Access Keys), check the audit index, then create a new key with the least scopes and keep it in a secret manager.';
const GRAFANA_ROTATE =
  'Delete the token in Grafana (Administration, Service accounts, or grafana.com Access Policies for Cloud tokens), check the audit log, then create a new token with the least role and an expiry and keep it in a secret manager.';

export const observabilityRules: SecretRule[] = [
  {
    id: 'datadog-api-key',
    title: 'Datadog API key',
    provider: 'Datadog',
    keywords: ['datadog', 'dd_api', 'dd-api', 'ddapi'],
    pattern: assigned('datadog|dd[_-]?api', '[0-9a-f]{32}'),
    minEntropy: 3,
    severity: 'error',
    envName: 'DD_API_KEY',
    remediation: DATADOG_ROTATE,
    examples: {
      positive: [`DD_API_KEY=${h(32, 'dd1')}`, `datadog_api_key: "${h(32, 'dd2')}"`],
      negative: ['DD_API_KEY=${{ secrets.DD_API_KEY }}', `DD_SITE=datadoghq.eu`],
    },
  },
  {
    id: 'datadog-app-key',
    title: 'Datadog application key',
    provider: 'Datadog',
    keywords: ['datadog', 'dd_app', 'dd-app', 'ddapp', 'dd-application'],
    pattern: assigned('datadog[\\w.-]{0,16}?app|dd[_-]?app', '[0-9a-f]{40}'),
    minEntropy: 3,
    severity: 'error',
    envName: 'DD_APP_KEY',
    remediation: DATADOG_ROTATE,
    examples: {
      positive: [`DD_APP_KEY=${h(40, 'da1')}`, `-H "DD-APPLICATION-KEY: ${h(40, 'da2')}"`],
      negative: ['DD_APP_KEY=$DD_APP_KEY', `DD_APP_KEY=${h(32, 'da3')}`],
    },
  },
  {
    id: 'newrelic-user-api-key',
    title: 'New Relic user API key',
    provider: 'New Relic',
    keywords: ['nrak-'],
    pattern: new RegExp(`${B}(?<secret>NRAK-[A-Z0-9]{27})${E}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'NEW_RELIC_API_KEY',
    remediation: NEW_RELIC_ROTATE,
    examples: {
      positive: [`NEW_RELIC_API_KEY=NRAK-${chars(UPPER_ALNUM, 27, 'nr1')}`, `"NRAK-${chars(UPPER_ALNUM, 27, 'nr2')}"`],
      negative: ['NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX', `NRAK-${chars(UPPER_ALNUM, 12, 'nr3')}`],
    },
  },
  {
    id: 'newrelic-insert-key',
    title: 'New Relic insert (ingest) key',
    provider: 'New Relic',
    keywords: ['nrii-'],
    pattern: new RegExp(`${B}(?<secret>NRII-[A-Za-z0-9_-]{32})${E}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'NEW_RELIC_INSERT_KEY',
    remediation: NEW_RELIC_ROTATE,
    examples: {
      positive: [`NEW_RELIC_INSERT_KEY=NRII-${a(32, 'ni1')}`, `'NRII-${a(32, 'ni2')}'`],
      negative: ['NRII-', `NRII-${a(16, 'ni3')}`],
    },
  },
  {
    id: 'newrelic-license-key',
    title: 'New Relic license (ingest) key',
    provider: 'New Relic',
    keywords: ['nral'],
    pattern: new RegExp(`${B}(?<secret>[A-Za-z0-9]{36}NRAL)${E}`),
    minEntropy: 3,
    severity: 'error',
    envName: 'NEW_RELIC_LICENSE_KEY',
    remediation: NEW_RELIC_ROTATE,
    examples: {
      positive: [`NEW_RELIC_LICENSE_KEY=eu01xx${h(30, 'nl1')}NRAL`, `license_key: ${h(36, 'nl2')}NRAL`],
      negative: ['NRAL', `${h(20, 'nl3')}NRAL`],
    },
  },
  {
    id: 'newrelic-browser-key',
    title: 'New Relic browser API token',
    provider: 'New Relic',
    keywords: ['nrjs-'],
    pattern: new RegExp(`${B}(?<secret>NRJS-[a-f0-9]{19})${E}`),
    severity: 'warning',
    envName: 'NEW_RELIC_BROWSER_KEY',
    description: 'A New Relic browser ingest token is written in the file; it ships to browsers by design, but lets anyone send data into the account.',
    remediation: NEW_RELIC_ROTATE,
    examples: {
      positive: [`licenseKey: "NRJS-${h(19, 'nj1')}"`, `NRJS-${h(19, 'nj2')}`],
      negative: ['NRJS-', `NRJS-${h(10, 'nj3')}`],
    },
  },
  {
    id: 'sentry-org-token',
    title: 'Sentry organization auth token',
    provider: 'Sentry',
    keywords: ['sntrys_'],
    window: { after: 1200 },
    pattern: /(?<![A-Za-z0-9_])(?<secret>sntrys_(?<payload>eyJ[A-Za-z0-9+/]{20,1000}={0,2})_[A-Za-z0-9+/]{43})(?![A-Za-z0-9+/_=])/,
    validate: (_secret, match) => {
      const payload = decodeBase64Json(match.groups?.payload ?? '');
      return payload !== undefined && ('iat' in payload || 'url' in payload || 'org' in payload);
    },
    severity: 'error',
    envName: 'SENTRY_AUTH_TOKEN',
    remediation:
      'Revoke the token in Sentry (Settings, Developer Settings, Organization Tokens), create a new one for the CI job that needs it, and keep it in a secret manager.',
    examples: {
      positive: [
        `SENTRY_AUTH_TOKEN=sntrys_${b64({ iat: 1700000000.1, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme' })}_${chars(ALNUM, 43, 'obs:so1')}`,
        `authToken: "sntrys_${b64({ iat: 1710000000, url: 'https://sentry.io', org: 'demo' })}_${chars(ALNUM, 43, 'obs:so2')}"`,
      ],
      negative: [`sntrys_${b64({ hello: 'world', more: 'fields here' })}_${chars(ALNUM, 43, 'obs:so3')}`, 'sntrys_eyJ...'],
    },
  },
  {
    id: 'sentry-user-token',
    title: 'Sentry user auth token',
    provider: 'Sentry',
    keywords: ['sntryu_'],
    pattern: new RegExp(`${B}(?<secret>sntryu_[a-f0-9]{64})${E}`),
    minEntropy: 3,
    severity: 'error',
    envName: 'SENTRY_AUTH_TOKEN',
    remediation: 'Revoke the token at sentry.io/settings/account/api/auth-tokens/, create a new one with the least scopes, and keep it in a secret manager.',
    examples: {
      positive: [`SENTRY_AUTH_TOKEN=sntryu_${h(64, 'su1')}`, `"sntryu_${h(64, 'su2')}"`],
      negative: ['sntryu_', `sntryu_${h(32, 'su3')}`],
    },
  },
  {
    id: 'sentry-legacy-token',
    title: 'Sentry auth token (unprefixed, legacy)',
    provider: 'Sentry',
    keywords: ['sentry'],
    pattern: assigned('sentry', '[a-f0-9]{64}'),
    minEntropy: 3,
    severity: 'error',
    envName: 'SENTRY_AUTH_TOKEN',
    remediation: 'Revoke the token at sentry.io/settings/account/api/auth-tokens/ (or the internal integration), create a new prefixed token with the least scopes, and keep it in a secret manager.',
    examples: {
      positive: [`SENTRY_AUTH_TOKEN=${h(64, 'sl1')}`, `sentry_token: "${h(64, 'sl2')}"`],
      negative: ['SENTRY_AUTH_TOKEN=${SENTRY_AUTH_TOKEN}', `SENTRY_RELEASE=${h(40, 'sl3')}`],
    },
  },
  {
    id: 'grafana-cloud-token',
    title: 'Grafana Cloud access policy token',
    provider: 'Grafana',
    keywords: ['glc_'],
    window: { after: 700 },
    pattern: /(?<![A-Za-z0-9_])(?<secret>glc_[A-Za-z0-9+/]{32,600}={0,2})(?![A-Za-z0-9+/_=-])/,
    validate: (secret) => {
      const payload = decodeBase64Json(secret.slice(4));
      return payload !== undefined && typeof payload.k === 'string' && ('o' in payload || 'n' in payload);
    },
    severity: 'error',
    envName: 'GRAFANA_CLOUD_TOKEN',
    remediation: GRAFANA_ROTATE,
    examples: {
      positive: [`GRAFANA_CLOUD_TOKEN=glc_${b64({ o: '123456', n: 'ci-token', k: a(24, 'gc1'), m: { r: 'prod-us-east-0' } })}`, `token: "glc_${b64({ o: '98765', n: 'deploy', k: a(24, 'gc2') })}"`],
      negative: [`glc_${a(60, 'gc3')}`, 'glc_...'],
    },
  },
  {
    id: 'grafana-service-account-token',
    title: 'Grafana service account token',
    provider: 'Grafana',
    keywords: ['glsa_'],
    // glsa_ + 32 random characters + _ + 8-hex CRC-32 checksum.
    pattern: new RegExp(`${B}(?<secret>glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})${E}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'GRAFANA_SERVICE_ACCOUNT_TOKEN',
    remediation: GRAFANA_ROTATE,
    examples: {
      positive: [`GRAFANA_TOKEN=glsa_${a(32, 'gs1')}_${h(8, 'gs2')}`, `Authorization: Bearer glsa_${a(32, 'gs3')}_${h(8, 'gs4')}`],
      negative: ['glsa_xxxxxxxx', `glsa_${a(32, 'gs5')}`],
    },
  },
  {
    id: 'grafana-api-key',
    title: 'Grafana API key (legacy)',
    provider: 'Grafana',
    keywords: ['eyjrijoi'],
    window: { after: 400 },
    pattern: /(?<![A-Za-z0-9_+/])(?<secret>eyJrIjoi[A-Za-z0-9+/]{40,300}={0,2})(?![A-Za-z0-9+/_=.-])/,
    validate: (secret) => {
      const payload = decodeBase64Json(secret);
      return payload !== undefined && typeof payload.k === 'string' && 'n' in payload;
    },
    severity: 'error',
    envName: 'GRAFANA_API_KEY',
    remediation: GRAFANA_ROTATE,
    examples: {
      positive: [`GRAFANA_API_KEY=${b64({ k: a(32, 'ga1'), n: 'ci', id: 1 })}`, `grafana_auth = "${b64({ k: a(32, 'ga2'), n: 'deploy', id: 3 })}"`],
      negative: [`eyJrIjoi${a(10, 'ga3')}`, `${b64({ k: 'short' })}`],
    },
  },
  {
    id: 'dynatrace-api-token',
    title: 'Dynatrace API token',
    provider: 'Dynatrace',
    keywords: ['dt0c01.'],
    // dt0c01.<public part: 24>.<secret part: 64>, upper-case letters and digits.
    pattern: new RegExp(`${B}(?<secret>dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64})${E}`),
    minEntropy: 4,
    severity: 'error',
    envName: 'DT_API_TOKEN',
    remediation:
      'Revoke the token in Dynatrace (Access tokens, the token, Delete, or DELETE /api/v2/apiTokens/{id}), check the audit log, then create a token with only the scopes needed and an expiry and keep it in a secret manager.',
    examples: {
      positive: [`DT_API_TOKEN=dt0c01.${u(24, 'dy1')}.${u(64, 'dy2')}`, `Authorization: Api-Token dt0c01.${u(24, 'dy3')}.${u(64, 'dy4')}`],
      negative: [`dt0c01.${u(24, 'dy5')}`, 'dt0c01.ABCDEFGHIJKLMNOPQRSTUVWX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    },
  },
  {
    id: 'sumologic-access-key',
    title: 'Sumo Logic access key',
    provider: 'Sumo Logic',
    keywords: ['sumo'],
    pattern: assigned('sumo[\\w.-]{0,24}?(?:key|secret)', '[A-Za-z0-9]{64}'),
    validate: hasLetterAndDigit,
    minEntropy: 4,
    severity: 'error',
    envName: 'SUMOLOGIC_ACCESS_KEY',
    remediation: SUMO_ROTATE,
    examples: {
      positive: [`SUMOLOGIC_ACCESS_KEY=${a(64, 'sk1')}`, `sumo_access_key: "${a(64, 'sk2')}"`],
      negative: [`SUMOLOGIC_ACCESS_KEY=${a(40, 'sk3')}`, 'SUMOLOGIC_ACCESS_KEY=${SUMO_KEY}'],
    },
  },
  {
    id: 'sumologic-access-id',
    title: 'Sumo Logic access ID',
    provider: 'Sumo Logic',
    keywords: ['sumo'],
    pattern: assigned('sumo[\\w.-]{0,24}?id', 'su[A-Za-z0-9]{12}'),
    validate: (secret) => hasLetterAndDigit(secret.slice(2)),
    minEntropy: 3,
    severity: 'warning',
    envName: 'SUMOLOGIC_ACCESS_ID',
    description: 'A Sumo Logic access ID is written in the file; with its access key (usually nearby) it grants API access to the organization.',
    remediation: SUMO_ROTATE,
    examples: {
      positive: [`SUMOLOGIC_ACCESS_ID=su${a(12, 'si1')}`, `sumo_access_id: "su${a(12, 'si2')}"`],
      negative: [`SUMOLOGIC_ACCESS_ID=${a(14, 'si3').replace(/^su/i, 'ab')}`, `SUMO_COLLECTOR_ID=${chars(DIGITS, 9, 'obs:si4')}`],
    },
  },
];
