import type { SecretRule } from '../secretRule';
import { ALNUM, BASE64, HEX, LOWER_ALNUM, chars } from '../fake';
import { UUID, fakeUuid, hasLetterAndDigit } from '../cloud/ruleKit';
import { B, E, assigned, assignedOrInUrl } from './context';

const a = (n: number, label: string) => chars(ALNUM, n, `fin:${label}`);
const h = (n: number, label: string) => chars(HEX, n, `fin:${label}`);
const l = (n: number, label: string) => chars(LOWER_ALNUM, n, `fin:${label}`);
/** A base64 64-byte secret (86 characters and `==`), as Kraken and Coinbase Exchange issue. */
const secret64 = (label: string) => `${chars(BASE64, 85, `fin:${label}`)}${'AQgw'[label.length % 4]}==`;

const PLAID_TOKEN_ROTATE =
  'Rotate the access token with /item/access_token/invalidate (or remove the Item with /item/remove), check the Plaid Dashboard activity, and keep access tokens in a database or secret manager, never in source.';
const KUCOIN_ROTATE =
  'Delete the API key at kucoin.com (Account, API Management), check orders, transfers and withdrawals, then create a new key with the least permissions and an IP restriction; keep key, secret and passphrase in a secret manager.';

/** Banking, trading and market-data APIs. */
export const financeRules: SecretRule[] = [
  {
    id: 'plaid-access-token',
    title: 'Plaid access token',
    provider: 'Plaid',
    keywords: ['access-production-', 'access-development-'],
    pattern: new RegExp(`${B}(?<secret>access-(?:production|development)-${UUID})${E}`),
    minEntropy: 3,
    severity: 'error',
    envName: 'PLAID_ACCESS_TOKEN',
    remediation: PLAID_TOKEN_ROTATE,
    examples: {
      positive: [`PLAID_ACCESS_TOKEN=access-production-${fakeUuid('fin:pa1')}`, `{"access_token": "access-development-${fakeUuid('fin:pa2')}"}`],
      // Public tokens are short-lived, one-time exchange tokens handed to the browser: not secrets.
      negative: [`public-production-${fakeUuid('fin:pa3')}`, `access-production-${h(8, 'pa4')}`],
    },
  },
  {
    // Sandbox Items hold Plaid's test data only: a warning.
    id: 'plaid-sandbox-access-token',
    title: 'Plaid sandbox access token',
    provider: 'Plaid',
    keywords: ['access-sandbox-'],
    pattern: new RegExp(`${B}(?<secret>access-sandbox-${UUID})${E}`),
    minEntropy: 3,
    severity: 'warning',
    envName: 'PLAID_ACCESS_TOKEN',
    remediation: PLAID_TOKEN_ROTATE,
    examples: {
      positive: [`PLAID_ACCESS_TOKEN=access-sandbox-${fakeUuid('fin:ps1')}`, `access_token: 'access-sandbox-${fakeUuid('fin:ps2')}'`],
      negative: [`link-sandbox-${fakeUuid('fin:ps3')}`, `public-sandbox-${fakeUuid('fin:ps4')}`],
    },
  },
  {
    id: 'plaid-client-secret',
    title: 'Plaid API secret',
    provider: 'Plaid',
    keywords: ['plaid'],
    pattern: assigned('plaid[\\w.-]{0,16}?secret', '[a-f0-9]{30}'),
    validate: (secret) => /^[a-f0-9]+$/.test(secret),
    minEntropy: 3,
    severity: 'error',
    envName: 'PLAID_SECRET',
    remediation:
      'Rotate the secret in the Plaid Dashboard (Developers, Keys, "Rotate secret" for the environment), deploy the new one from a secret manager, then delete the old secret.',
    examples: {
      positive: [`PLAID_SECRET=${h(30, 'pc1')}`, `plaid_secret_production: "${h(30, 'pc2')}"`],
      negative: [`PLAID_CLIENT_ID=${h(24, 'pc3')}`, 'PLAID_SECRET=${PLAID_SECRET}'],
    },
  },
  {
    id: 'kraken-private-key',
    title: 'Kraken API private key',
    provider: 'Kraken',
    keywords: ['kraken'],
    pattern: assigned('kraken[\\w.-]{0,16}?(?:secret|private)', '[A-Za-z0-9+/]{86}=='),
    minEntropy: 4.5,
    severity: 'error',
    envName: 'KRAKEN_API_SECRET',
    remediation:
      'Delete the API key at kraken.com (Settings, API, the key, Delete), check trades, ledger entries and withdrawals, then create a key with the least permissions, an IP allowlist and no withdrawal right, kept in a secret manager.',
    examples: {
      positive: [`KRAKEN_API_SECRET=${secret64('kr1')}`, `krakenPrivateKey: "${secret64('kr22')}"`],
      negative: [`KRAKEN_API_KEY=${chars(BASE64, 56, 'fin:kr3')}`, `KRAKEN_API_SECRET=${chars(BASE64, 40, 'fin:kr4')}==`],
    },
  },
  {
    id: 'kucoin-api-secret',
    title: 'KuCoin API secret',
    provider: 'KuCoin',
    keywords: ['kucoin'],
    pattern: assigned('kucoin[\\w.-]{0,16}?secret', UUID),
    minEntropy: 3,
    severity: 'error',
    envName: 'KUCOIN_API_SECRET',
    remediation: KUCOIN_ROTATE,
    examples: {
      positive: [`KUCOIN_API_SECRET=${fakeUuid('fin:kc1')}`, `kucoin_secret: "${fakeUuid('fin:kc2')}"`],
      negative: [`KUCOIN_ORDER_ID=${fakeUuid('fin:kc3')}`, 'KUCOIN_API_SECRET=${KUCOIN_API_SECRET}'],
    },
  },
  {
    id: 'kucoin-api-key',
    title: 'KuCoin API key',
    provider: 'KuCoin',
    keywords: ['kucoin'],
    pattern: assigned('kucoin[\\w.-]{0,16}?key', '[a-f0-9]{24}'),
    validate: (secret) => /^[a-f0-9]+$/.test(secret),
    minEntropy: 2.8,
    severity: 'warning',
    envName: 'KUCOIN_API_KEY',
    description: 'A KuCoin API key is written in the file; with its secret and passphrase (often nearby) it signs trading API requests.',
    remediation: KUCOIN_ROTATE,
    examples: {
      positive: [`KUCOIN_API_KEY=${h(24, 'kk1')}`, `kucoin_key: "${h(24, 'kk2')}"`],
      negative: [`KUCOIN_API_KEY=${h(16, 'kk3')}`, `KUCOIN_ACCOUNT=${h(24, 'kk4')}`],
    },
  },
  {
    id: 'coinbase-api-secret',
    title: 'Coinbase API secret',
    provider: 'Coinbase',
    keywords: ['coinbase'],
    // Exchange / Developer Platform keys: base64 of 64 bytes; legacy v2 API keys: 32 alphanumerics.
    pattern: assigned('coinbase[\\w.-]{0,16}?(?:secret|private)', '[A-Za-z0-9+/]{86}==|[A-Za-z0-9]{32}'),
    validate: hasLetterAndDigit,
    minEntropy: 3.7,
    severity: 'error',
    envName: 'COINBASE_API_SECRET',
    remediation:
      'Delete the API key (coinbase.com/settings/api, or the Coinbase Developer Platform portal, API keys), check account activity, orders and withdrawals, then create a key with the least permissions and an IP allowlist, kept in a secret manager.',
    examples: {
      positive: [`COINBASE_API_SECRET=${secret64('cb1')}`, `coinbase_secret: "${a(32, 'cb2')}"`],
      negative: [`COINBASE_API_KEY=${a(16, 'cb3')}`, 'COINBASE_API_SECRET=${COINBASE_API_SECRET}'],
    },
  },
  {
    id: 'finnhub-api-key',
    title: 'Finnhub API key',
    provider: 'Finnhub',
    keywords: ['finnhub'],
    window: { after: 400 },
    pattern: assignedOrInUrl('finnhub[\\w.-]{0,16}?(?:key|token)', 'finnhub\\.io', 'token', '(?:sandbox_)?[a-z0-9]{20}'),
    validate: (secret) => /^[a-z0-9_]+$/.test(secret) && hasLetterAndDigit(secret),
    minEntropy: 3,
    severity: 'error',
    envName: 'FINNHUB_API_KEY',
    remediation: 'Regenerate the API key at finnhub.io/dashboard, and keep the new one server-side in a secret manager.',
    examples: {
      positive: [`FINNHUB_API_KEY=${l(20, 'fh1')}`, `requests.get(f"https://finnhub.io/api/v1/quote?symbol=AAPL&token=${l(20, 'fh2')}")`],
      negative: [`FINNHUB_API_KEY=${l(12, 'fh3')}`, 'https://finnhub.io/api/v1/quote?symbol=AAPL&token=${FINNHUB_KEY}'],
    },
  },
];
