import type { SecretRule } from '../secretRule';
import { ALNUM, HEX, UPPER_ALNUM, b64url, chars } from '../fake';
import { B, E, assigned, decodeBase64Json } from './context';

const a = (n: number, label: string) => chars(ALNUM, n, `app:${label}`);
const h = (n: number, label: string) => chars(HEX, n, `app:${label}`);
const u = (n: number, label: string) => chars(UPPER_ALNUM, n, `app:${label}`);
const w = (n: number, label: string) => chars(ALNUM + '_-', n, `app:${label}`);

const SHOPIFY_ROTATE =
  'Rotate it in the Shopify admin or Partner Dashboard (the app\'s API credentials: uninstall/reinstall or "Rotate" the secret / revoke the access token), review the store\'s recent API activity, and keep the new credential in a secret manager.';

const shopify = (prefix: string, id: string, title: string): SecretRule => ({
  id,
  title,
  provider: 'Shopify',
  keywords: [prefix],
  // Documented as prefix + 32 hex; Shopify announced longer values, so 32-60 alphanumerics are accepted.
  pattern: new RegExp(`${B}(?<secret>${prefix}[A-Za-z0-9]{32,60})${E}`),
  minEntropy: 3,
  severity: 'error',
  envName: prefix === 'shpss_' ? 'SHOPIFY_API_SECRET' : 'SHOPIFY_ACCESS_TOKEN',
  remediation: SHOPIFY_ROTATE,
  examples: {
    positive: [`SHOPIFY_TOKEN=${prefix}${h(32, `${id}1`)}`, `"${prefix}${a(38, `${id}2`)}"`],
    negative: [`${prefix}SSSS_sssss`, `${prefix}${h(16, `${id}3`)}`],
  },
});

export const appRules: SecretRule[] = [
  shopify('shpat_', 'shopify-access-token', 'Shopify Admin API access token'),
  shopify('shpca_', 'shopify-custom-app-token', 'Shopify custom app access token'),
  shopify('shppa_', 'shopify-private-app-token', 'Shopify private app access token'),
  shopify('shpss_', 'shopify-shared-secret', 'Shopify app shared secret'),
  {
    id: 'onepassword-service-account-token',
    title: '1Password service account token',
    provider: '1Password',
    keywords: ['ops_eyj'],
    window: { after: 3200 },
    pattern: /(?<![A-Za-z0-9_])(?<secret>ops_eyJ[A-Za-z0-9+/_-]{40,3000}={0,2})(?![A-Za-z0-9+/_=-])/,
    validate: (secret) => {
      const payload = decodeBase64Json(secret.slice(4));
      return payload !== undefined && ('secretKey' in payload || 'email' in payload || 'signInAddress' in payload || 'muk' in payload);
    },
    severity: 'error',
    envName: 'OP_SERVICE_ACCOUNT_TOKEN',
    remediation:
      'Revoke the service account token at my.1password.com (Developer, Service Accounts, the account, Revoke token), review which vaults it could read, then create a new token with the least vault access and an expiry.',
    examples: {
      positive: [
        `OP_SERVICE_ACCOUNT_TOKEN=ops_${b64url({ email: `${u(10, 'op1').toLowerCase()}@1passwordserviceaccounts.lcl`, muk: { alg: 'A256GCM', k: w(43, 'op2') }, secretKey: 'A3-FAKE00-FAKE00-FAKE0-FAKE0-FAKE0-FAKE0', signInAddress: 'example.1password.com' })}`,
        `token: ops_${b64url({ email: 'sa@1passwordserviceaccounts.lcl', secretKey: 'A3-FAKE11-FAKE11-FAKE1-FAKE1-FAKE1-FAKE1', srpX: h(64, 'op3') })}`,
      ],
      negative: [`ops_DUMMY${w(80, 'op4')}`, `ops_${b64url({ unrelated: w(40, 'op5') })}`],
    },
  },
  {
    id: 'onepassword-secret-key',
    title: '1Password account Secret Key',
    provider: '1Password',
    keywords: ['a3-'],
    pattern: /(?<![A-Za-z0-9-])(?<secret>A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![A-Za-z0-9-])/,
    minEntropy: 3,
    severity: 'error',
    envName: 'OP_SECRET_KEY',
    remediation:
      'Change the account\'s Secret Key in 1Password (My Profile, "Regenerate Secret Key"), change the account password, and sign out other devices; never store the Secret Key next to the password.',
    examples: {
      positive: [`secret_key: A3-${u(6, 'sk1')}-${u(6, 'sk2')}-${u(5, 'sk3')}-${u(5, 'sk4')}-${u(5, 'sk5')}-${u(5, 'sk6')}`, `"A3-${u(6, 'sk7')}-${u(11, 'sk8')}-${u(5, 'sk9')}-${u(5, 'sk0')}-${u(5, 'ska')}"`],
      negative: ['A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX', `A3-${u(6, 'skb')}-${u(5, 'skc')}`],
    },
  },
  {
    id: 'mapbox-secret-token',
    title: 'Mapbox secret access token',
    provider: 'Mapbox',
    keywords: ['sk.eyj'],
    pattern: /(?<![A-Za-z0-9_.])(?<secret>sk\.(?<payload>eyJ[A-Za-z0-9_-]{10,300})\.[A-Za-z0-9_-]{20,40})(?![A-Za-z0-9_.-])/,
    validate: (_secret, match) => decodeBase64Json(match.groups?.payload ?? '')?.u !== undefined,
    severity: 'error',
    envName: 'MAPBOX_SECRET_TOKEN',
    remediation: 'Delete the token at account.mapbox.com/access-tokens, create a new secret token with only the scopes needed, and keep it in a secret manager.',
    examples: {
      positive: [`MAPBOX_DOWNLOADS_TOKEN=sk.${b64url({ u: 'acme', a: w(25, 'mb1') })}.${w(22, 'mb2')}`, `token: "sk.${b64url({ u: 'demo-user', a: w(25, 'mb3') })}.${w(22, 'mb4')}"`],
      negative: [`pk.${b64url({ u: 'acme', a: w(25, 'mb5') })}.${w(22, 'mb6')}`, `sk.${b64url({ x: 1, y: w(20, 'mb7') })}.${w(22, 'mb8')}`],
    },
  },
  {
    id: 'algolia-admin-key',
    title: 'Algolia admin or write API key',
    provider: 'Algolia',
    keywords: ['algolia'],
    pattern: assigned('algolia[\\w.-]{0,24}?(?:admin|write|api|secret|key)', '[a-f0-9]{32}'),
    // Search-only keys are meant to be public.
    validate: (_secret, match) => !/search/i.test(match[0]),
    minEntropy: 3,
    severity: 'error',
    envName: 'ALGOLIA_ADMIN_API_KEY',
    remediation:
      'Regenerate the admin key at dashboard.algolia.com (Settings, API Keys, "Regenerate") or delete the secured key, then keep the new one server-side in a secret manager; browsers only ever get search-only keys.',
    examples: {
      positive: [`ALGOLIA_ADMIN_API_KEY=${h(32, 'al1')}`, `algolia_write_key: "${h(32, 'al2')}"`],
      negative: [`ALGOLIA_SEARCH_API_KEY=${h(32, 'al3')}`, 'ALGOLIA_ADMIN_API_KEY=${ALGOLIA_ADMIN_API_KEY}'],
    },
  },
  {
    id: 'airtable-pat',
    title: 'Airtable personal access token',
    provider: 'Airtable',
    keywords: ['pat'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>pat[A-Za-z0-9]{14}\.[a-f0-9]{64})(?![A-Za-z0-9_])/,
    minEntropy: 3,
    severity: 'error',
    envName: 'AIRTABLE_TOKEN',
    remediation: 'Delete the token at airtable.com/create/tokens, create a new one with only the bases and scopes needed, and keep it in a secret manager.',
    examples: {
      positive: [`AIRTABLE_TOKEN=pat${a(14, 'at1')}.${h(64, 'at2')}`, `Authorization: Bearer pat${a(14, 'at3')}.${h(64, 'at4')}`],
      negative: [`pat${a(14, 'at5')}.${h(20, 'at6')}`, 'path.to.module'],
    },
  },
  {
    id: 'airtable-legacy-api-key',
    title: 'Airtable API key (legacy)',
    provider: 'Airtable',
    keywords: ['airtable'],
    pattern: assigned('airtable', 'key[A-Za-z0-9]{14}'),
    minEntropy: 3,
    severity: 'error',
    envName: 'AIRTABLE_API_KEY',
    remediation: 'Legacy API keys are deprecated: regenerate or delete it at airtable.com/account and move to a personal access token kept in a secret manager.',
    examples: {
      positive: [`AIRTABLE_API_KEY=key${a(14, 'ak1')}`, `airtable_key: "key${a(14, 'ak2')}"`],
      negative: ['AIRTABLE_API_KEY=${AIRTABLE_API_KEY}', `AIRTABLE_BASE=app${a(14, 'ak3')}`],
    },
  },
  {
    id: 'dropbox-short-lived-token',
    title: 'Dropbox access token',
    provider: 'Dropbox',
    keywords: ['sl.'],
    window: { after: 1600 },
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>sl\.(?:u\.)?[A-Za-z0-9_=-]{130,1500})(?![A-Za-z0-9_=-])/,
    minEntropy: 4,
    severity: 'error',
    envName: 'DROPBOX_ACCESS_TOKEN',
    remediation:
      'Revoke it with the /2/auth/token/revoke endpoint or by removing the app\'s access at dropbox.com/account/connected_apps, then use refresh tokens from a secret manager to mint short-lived tokens.',
    examples: {
      positive: [`DROPBOX_TOKEN=sl.${w(138, 'db1')}`, `dbx = dropbox.Dropbox("sl.u.${w(600, 'db2')}")`],
      negative: ['sl.com', `sl.${w(40, 'db3')}`],
    },
  },
  {
    id: 'dropbox-long-lived-token',
    title: 'Dropbox long-lived access token',
    provider: 'Dropbox',
    keywords: ['dropbox'],
    window: { before: 200, after: 300 },
    pattern: /(?<![A-Za-z0-9_-])(?<secret>[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43})(?![A-Za-z0-9_=-])/,
    severity: 'error',
    envName: 'DROPBOX_ACCESS_TOKEN',
    remediation: 'Revoke the token in the app console at dropbox.com/developers/apps (or /2/auth/token/revoke) and move to short-lived tokens with a refresh token kept in a secret manager.',
    examples: {
      positive: [`DROPBOX_ACCESS_TOKEN=${a(11, 'dl1')}AAAAAAAAAA${w(43, 'dl2')}`, `dropbox:\n  token: "${a(11, 'dl3')}AAAAAAAAAA${w(43, 'dl4')}"`],
      negative: [`DATA=${a(11, 'dl5')}AAAAAAAAAA${w(43, 'dl6')}`, 'DROPBOX_ACCESS_TOKEN=${DROPBOX_ACCESS_TOKEN}'],
    },
  },
  {
    id: 'clickup-api-token',
    title: 'ClickUp personal API token',
    provider: 'ClickUp',
    keywords: ['pk_'],
    pattern: new RegExp(`${B}(?<secret>pk_[0-9]{1,10}_[0-9A-Z]{32})${E}`),
    severity: 'error',
    envName: 'CLICKUP_API_TOKEN',
    remediation: 'Regenerate the token in ClickUp (avatar, Settings, Apps, API Token, Regenerate), which revokes this one, check the workspace audit log, and keep the new token in a secret manager.',
    examples: {
      positive: [`CLICKUP_API_TOKEN=pk_8412037_${u(32, 'cu1')}`, `headers: { Authorization: "pk_55012_${u(32, 'cu2')}" }`],
      negative: [`pk_live_${a(24, 'cu3')}`, 'CLICKUP_API_TOKEN=pk_123_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    },
  },
  {
    id: 'salesforce-access-token',
    title: 'Salesforce access token (session id)',
    provider: 'Salesforce',
    description: 'A Salesforce OAuth access token (session id: the org id, `!`, then the session part) is written in the file; until it expires or is revoked it acts as the user in that org.',
    keywords: ['00d'],
    // `00D` + the rest of the 15- or 18-character org id, `!`, then the session part (about 96 characters).
    pattern: /(?<![A-Za-z0-9])(?<secret>00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{90,110})(?![A-Za-z0-9._])/,
    minEntropy: 4,
    severity: 'error',
    envName: 'SALESFORCE_ACCESS_TOKEN',
    remediation:
      'Revoke the session (Setup, Session Management, or the OAuth revoke endpoint), check the login history and event monitoring for its use, and let the integration get short-lived tokens from a connected app (JWT bearer flow) instead of storing one.',
    examples: {
      positive: [`SF_ACCESS_TOKEN=00D${a(12, 'sf1')}!${chars(ALNUM + '._', 96, 'apps:sf2')}`, `"access_token": "00D${a(15, 'sf3')}!${chars(ALNUM + '._', 96, 'apps:sf4')}"`],
      negative: [`org_id: 00D${a(12, 'sf5')}`, `00D${a(12, 'sf6')}!short`, 'SF_ACCESS_TOKEN=${SF_ACCESS_TOKEN}'],
    },
  },
];
