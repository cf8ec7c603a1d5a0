import type { SecretRule } from '../secretRule';
import { ALNUM, HEX, LOWER_ALNUM, chars } from '../fake';
import { UUID, fakeUuid, hasLetterAndDigit } from '../cloud/ruleKit';
import { B, E, assigned, assignedOrInUrl } from './context';

const a = (n: number, label: string) => chars(ALNUM, n, `api:${label}`);
const h = (n: number, label: string) => chars(HEX, n, `api:${label}`);
const l = (n: number, label: string) => chars(LOWER_ALNUM, n, `api:${label}`);
const w = (n: number, label: string) => chars(ALNUM + '_-', n, `api:${label}`);

const DUFFEL_ROTATE =
  'Delete the token at app.duffel.com (Developers, Access tokens), check the orders and payments made with it, then create a new token and keep it in a secret manager.';

/** Content, commerce and business-platform APIs whose keys have a prefix or live under a named setting. */
export const apiPlatformRules: SecretRule[] = [
  {
    id: 'adobe-client-secret',
    title: 'Adobe Developer client secret',
    provider: 'Adobe',
    keywords: ['p8e-'],
    pattern: new RegExp(`${B}(?<secret>p8e-[A-Za-z0-9]{32})${E}`),
    validate: (secret) => hasLetterAndDigit(secret.slice(4)),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'ADOBE_CLIENT_SECRET',
    remediation:
      'In the Adobe Developer Console (the project, its OAuth Server-to-Server credential) generate a new client secret, deploy it from a secret manager, then delete the old secret and check the project\'s API usage.',
    examples: {
      positive: [`ADOBE_CLIENT_SECRET=p8e-${a(32, 'ad1')}`, `"client_secret": "p8e-${a(32, 'ad2')}"`],
      negative: [`p8e-${a(16, 'ad3')}`, 'client_secret: p8e-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    },
  },
  {
    id: 'frameio-api-token',
    title: 'Frame.io developer token',
    provider: 'Frame.io',
    keywords: ['fio-u-'],
    pattern: new RegExp(`${B}(?<secret>fio-u-[A-Za-z0-9_=-]{64})(?![A-Za-z0-9_=-])`),
    minEntropy: 4,
    severity: 'error',
    envName: 'FRAMEIO_TOKEN',
    remediation: 'Delete the token at developer.frame.io (Tokens), check the account\'s recent uploads, shares and deletions, then create a new token with only the scopes needed and keep it in a secret manager.',
    examples: {
      positive: [`FRAMEIO_TOKEN=fio-u-${w(64, 'fi1')}`, `Authorization: Bearer fio-u-${w(64, 'fi2')}`],
      negative: [`fio-u-${w(30, 'fi3')}`, `fio-x-${w(64, 'fi4')}`],
    },
  },
  {
    id: 'typeform-pat',
    title: 'Typeform personal access token',
    provider: 'Typeform',
    keywords: ['tfp_'],
    pattern: new RegExp(`${B}(?<secret>tfp_[A-Za-z0-9_.=-]{59})(?![A-Za-z0-9_=-])`),
    // The alphabet allows dots, so a dotted identifier path (tfp_config.a.b...) is told apart by its dots.
    validate: (secret) => hasLetterAndDigit(secret.slice(4)) && secret.split('.').length <= 3,
    minEntropy: 4,
    severity: 'error',
    envName: 'TYPEFORM_TOKEN',
    remediation:
      'Delete the token in Typeform (your account, Personal tokens), check the workspace for changed forms, webhooks and exported responses, then generate a new token with only the scopes needed and keep it in a secret manager.',
    examples: {
      positive: [`TYPEFORM_TOKEN=tfp_${a(44, 'tf1')}_${a(14, 'tf2')}`, `Authorization: Bearer tfp_${w(59, 'tf3')}`],
      negative: [`tfp_${a(30, 'tf4')}`, `tfp_${a(70, 'tf5')}`, `tfp_${a(9, 'tf6')}.settings.values.${a(9, 'tf7')}.layout.item2.${a(10, 'tf8')}();`],
    },
  },
  {
    id: 'duffel-api-token',
    title: 'Duffel live API access token',
    provider: 'Duffel',
    keywords: ['duffel_live_'],
    pattern: new RegExp(`${B}(?<secret>duffel_live_[A-Za-z0-9_=-]{43})(?![A-Za-z0-9_=-])`),
    minEntropy: 4,
    severity: 'error',
    envName: 'DUFFEL_ACCESS_TOKEN',
    remediation: DUFFEL_ROTATE,
    examples: {
      positive: [`DUFFEL_ACCESS_TOKEN=duffel_live_${w(43, 'du1')}`, `Authorization: Bearer duffel_live_${w(43, 'du2')}`],
      negative: [`duffel_live_${w(20, 'du3')}`, `duffel_prod_${w(43, 'du4')}`],
    },
  },
  {
    // Test-mode tokens book nothing real, but read and change the test account: a warning.
    id: 'duffel-test-api-token',
    title: 'Duffel test-mode API access token',
    provider: 'Duffel',
    keywords: ['duffel_test_'],
    pattern: new RegExp(`${B}(?<secret>duffel_test_[A-Za-z0-9_=-]{43})(?![A-Za-z0-9_=-])`),
    minEntropy: 4,
    severity: 'warning',
    envName: 'DUFFEL_ACCESS_TOKEN',
    remediation: DUFFEL_ROTATE,
    examples: {
      positive: [`DUFFEL_ACCESS_TOKEN=duffel_test_${w(43, 'dt1')}`, `new Duffel({ token: "duffel_test_${w(43, 'dt2')}" })`],
      negative: [`duffel_test_${w(12, 'dt3')}`, 'duffel_test_ marks test tokens'],
    },
  },
  {
    id: 'hubspot-private-app-token',
    title: 'HubSpot private app access token',
    provider: 'HubSpot',
    keywords: ['pat-'],
    // pat-<data centre: na1, eu1, ...>-<UUID>.
    pattern: new RegExp(`${B}(?<secret>pat-[a-z]{2}[0-9]-${UUID})${E}`),
    minEntropy: 3,
    severity: 'error',
    envName: 'HUBSPOT_ACCESS_TOKEN',
    remediation:
      'Rotate the token in HubSpot (Settings, Integrations, Private Apps, the app, Auth, "Rotate" and expire the old token now), check the account\'s audit log, and keep the new token in a secret manager.',
    examples: {
      positive: [`HUBSPOT_ACCESS_TOKEN=pat-na1-${fakeUuid('api:hs1')}`, `Authorization: Bearer pat-eu1-${fakeUuid('api:hs2')}`],
      negative: [`pat-na1-${h(8, 'hs3')}`, `spat-na1-${fakeUuid('api:hs4')}`],
    },
  },
  {
    id: 'rapidapi-key',
    title: 'RapidAPI application key',
    provider: 'RapidAPI',
    keywords: ['rapidapi'],
    pattern: assigned('rapid[_-]?api[\\w.-]{0,16}?(?:key|token|secret)', '[A-Za-z0-9_-]{50}'),
    validate: hasLetterAndDigit,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'RAPIDAPI_KEY',
    remediation:
      'In RapidAPI (My Apps, the application, Authorization) add a new key and delete the leaked one, check the app\'s usage and billing, and keep the new key server-side in a secret manager.',
    examples: {
      positive: [`RAPIDAPI_KEY=${h(10, 'ra1')}msh${h(15, 'ra2')}p${h(6, 'ra3')}jsn${h(12, 'ra4')}`, `headers: { 'X-RapidAPI-Key': '${w(50, 'ra5')}' }`],
      negative: [`'X-RapidAPI-Host': 'weatherapi-com.p.rapidapi.com'`, "'X-RapidAPI-Key': 'SIGN-UP-FOR-KEY'"],
    },
  },
  {
    id: 'squarespace-api-key',
    title: 'Squarespace API key',
    provider: 'Squarespace',
    keywords: ['squarespace'],
    pattern: assigned('squarespace[\\w.-]{0,16}?(?:key|token|secret)', UUID),
    minEntropy: 3,
    severity: 'error',
    envName: 'SQUARESPACE_API_KEY',
    remediation:
      'Revoke the key in Squarespace (Settings, Advanced, Developer API Keys, the key, Revoke), check orders, inventory and profiles for changes you did not make, then generate a new key with the least permissions.',
    examples: {
      positive: [`SQUARESPACE_API_KEY=${fakeUuid('api:sq1')}`, `squarespace_token: "${fakeUuid('api:sq2')}"`],
      negative: [`SQUARESPACE_SITE_ID=${fakeUuid('api:sq3')}`, 'SQUARESPACE_API_KEY=${SQUARESPACE_API_KEY}'],
    },
  },
  {
    id: 'etsy-api-key',
    title: 'Etsy API keystring',
    provider: 'Etsy',
    keywords: ['etsy'],
    pattern: assigned('etsy[\\w.-]{0,16}?(?:key|token|secret)', '[a-z0-9]{24}'),
    validate: (secret) => /^[a-z0-9]+$/.test(secret) && hasLetterAndDigit(secret),
    minEntropy: 3.2,
    severity: 'error',
    envName: 'ETSY_API_KEY',
    remediation:
      'Request a new keystring and shared secret for the app at etsy.com/developers/your-apps, check the shops it can reach for changes you did not make, and keep the new key in a secret manager.',
    examples: {
      positive: [`ETSY_API_KEY=${l(24, 'et1')}`, `x-api-key: etsy_keystring = "${l(24, 'et2')}"`],
      negative: [`ETSY_SHOP_ID=${l(24, 'et3')}`, `ETSY_API_KEY=${l(24, 'et4').toUpperCase()}`],
    },
  },
  {
    id: 'beamer-api-key',
    title: 'Beamer API key',
    provider: 'Beamer',
    keywords: ['beamer'],
    // b_ + 44 characters is distinctive enough with the provider's name nearby (a setting, a section, a client).
    window: { before: 200, after: 300 },
    pattern: /(?<![A-Za-z0-9_-])(?<secret>b_[A-Za-z0-9_=-]{44})(?![A-Za-z0-9_=-])/,
    minEntropy: 4,
    severity: 'error',
    envName: 'BEAMER_API_KEY',
    remediation: 'Delete the API key in Beamer (Settings, API), check the posts and segments changed with it, then create a new key and keep it in a secret manager.',
    examples: {
      positive: [`BEAMER_API_KEY=b_${w(43, 'bm1')}=`, `beamer:\n  key: "b_${w(44, 'bm2')}"`],
      negative: [`BEAMER_API_KEY=b_${w(20, 'bm4')}`, `CACHE_KEY=b_${w(44, 'bm3')}`],
    },
  },
  {
    id: 'nytimes-api-key',
    title: 'New York Times API key',
    provider: 'The New York Times',
    keywords: ['nytimes', 'ny_times', 'ny-times', 'york'],
    window: { after: 400 },
    pattern: assignedOrInUrl('(?:nytimes|ny[_-]times|new[_-]?york[_-]?times)[\\w.-]{0,16}?(?:key|token|secret)', 'api\\.nytimes\\.com', 'api-key', '[A-Za-z0-9]{32}'),
    validate: hasLetterAndDigit,
    minEntropy: 3.7,
    severity: 'error',
    envName: 'NYTIMES_API_KEY',
    remediation: 'Delete or regenerate the key at developer.nytimes.com/my-apps (the app, Keys), and keep the new one server-side in a secret manager.',
    examples: {
      positive: [`NYTIMES_API_KEY=${a(32, 'ny1')}`, `fetch("https://api.nytimes.com/svc/topstories/v2/home.json?api-key=${a(32, 'ny2')}")`],
      negative: [`NYTIMES_API_KEY=${a(16, 'ny3')}`, 'https://api.nytimes.com/svc/topstories/v2/home.json?api-key=${NYT_KEY}'],
    },
  },
  {
    id: 'flickr-api-key',
    title: 'Flickr API key or secret',
    provider: 'Flickr',
    keywords: ['flickr'],
    // The app key is 32 hex characters, its secret 16.
    pattern: assigned('flickr[\\w.-]{0,16}?(?:key|secret|token)', '[a-f0-9]{32}|[a-f0-9]{16}'),
    validate: (secret) => /^[a-f0-9]+$/.test(secret),
    minEntropy: 2.3,
    severity: 'error',
    envName: 'FLICKR_API_KEY',
    remediation:
      'Delete the app at flickr.com/services/apps/by/me (which retires its key and secret), request a new key, and keep the secret server-side in a secret manager.',
    examples: {
      positive: [`FLICKR_API_KEY=${h(32, 'fl1')}`, `flickr_secret: "${h(16, 'fl2')}"`],
      negative: [`FLICKR_USER_ID=${h(32, 'fl3')}`, `FLICKR_API_KEY=${h(20, 'fl4')}`],
    },
  },
];
