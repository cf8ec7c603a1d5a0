import type { SecretRule } from '../secretRule';
import { ALNUM, HEX, chars } from '../fake';
import { B, E, assigned } from './context';

const a = (n: number, label: string) => chars(ALNUM, n, `pay:${label}`);
const h = (n: number, label: string) => chars(HEX, n, `pay:${label}`);

const STRIPE_ROTATE =
  'Roll the key at dashboard.stripe.com/apikeys (the key\'s menu, "Roll key", expire it now), review Developers > Logs for requests you did not make, then keep the new key in a secret manager; prefer a restricted key (rk_) with only the permissions the code needs.';
/** Paystack secret keys share Stripe's sk_live_/sk_test_ prefix but carry exactly 40 lower-case hex characters. */
const PAYSTACK_BODY = /_[0-9a-f]{40}$/;

export const stripeRules: SecretRule[] = [
  {
    id: 'stripe-secret-key',
    title: 'Stripe live secret key',
    provider: 'Stripe',
    keywords: ['sk_live_'],
    window: { after: 300 },
    pattern: new RegExp(`${B}(?<secret>sk_live_[A-Za-z0-9]{24,247})${E}`),
    validate: (secret) => !PAYSTACK_BODY.test(secret),
    severity: 'error',
    envName: 'STRIPE_SECRET_KEY',
    remediation: STRIPE_ROTATE,
    docsUrl: 'https://docs.stripe.com/keys',
    examples: {
      positive: [`STRIPE_SECRET_KEY=sk_live_${a(24, 's1')}`, `stripe.api_key = "sk_live_51${a(97, 's2')}"`],
      negative: [`pk_live_${a(24, 's3')}`, 'sk_live_short', `xsk_live_${a(24, 's4')}`, `sk_live_${h(40, 's5')}`],
    },
  },
  {
    id: 'stripe-restricted-key',
    title: 'Stripe live restricted key',
    provider: 'Stripe',
    keywords: ['rk_live_'],
    pattern: new RegExp(`${B}(?<secret>rk_live_[A-Za-z0-9]{24,247})${E}`),
    severity: 'error',
    envName: 'STRIPE_RESTRICTED_KEY',
    remediation: STRIPE_ROTATE,
    examples: {
      positive: [`STRIPE_KEY=rk_live_${a(24, 'r1')}`, `"rk_live_51${a(97, 'r2')}"`],
      negative: ['rk_live_x', 'RKLIST_value'],
    },
  },
  {
    // Test-mode keys cannot move money, but they read and change the test account's data and
    // configuration (webhooks, products, customers' test records): reported as a warning.
    id: 'stripe-test-key',
    title: 'Stripe test-mode secret or restricted key',
    provider: 'Stripe',
    keywords: ['sk_test_', 'rk_test_'],
    pattern: new RegExp(`${B}(?<secret>[sr]k_test_[A-Za-z0-9]{24,247})${E}`),
    validate: (secret) => !PAYSTACK_BODY.test(secret),
    severity: 'warning',
    envName: 'STRIPE_SECRET_KEY',
    remediation: STRIPE_ROTATE,
    examples: {
      positive: [`STRIPE_SECRET_KEY=sk_test_${a(24, 't1')}`, `Stripe("rk_test_51${a(97, 't2')}")`],
      negative: [`pk_test_${a(24, 't3')}`, 'sk_test_abc', `foosk_test_${a(24, 't4')}`],
    },
  },
  {
    id: 'stripe-webhook-secret',
    title: 'Stripe webhook signing secret',
    provider: 'Stripe',
    keywords: ['whsec_'],
    pattern: new RegExp(`${B}(?<secret>whsec_[A-Za-z0-9+/]{32,88}={0,2})(?![A-Za-z0-9_+/=-])`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'STRIPE_WEBHOOK_SECRET',
    remediation:
      'Roll the endpoint\'s signing secret at dashboard.stripe.com/webhooks (the endpoint, "Roll secret"), deploy the new secret from a secret manager, and let the old one expire.',
    examples: {
      positive: [`STRIPE_WEBHOOK_SECRET=whsec_${a(32, 'w1')}`, `endpoint_secret = "whsec_${h(64, 'w2')}"`],
      negative: ['whsec_...', `whsec_${a(10, 'w3')}`],
    },
  },
];

export const paymentRules: SecretRule[] = [
  {
    id: 'paystack-secret-key',
    title: 'Paystack live secret key',
    provider: 'Paystack',
    keywords: ['sk_live_'],
    pattern: new RegExp(`${B}(?<secret>sk_live_[0-9a-f]{40})${E}`),
    severity: 'error',
    envName: 'PAYSTACK_SECRET_KEY',
    remediation:
      'Generate new API keys at dashboard.paystack.com (Settings, API Keys & Webhooks, "Generate new secret key"), which revokes this one, then keep the new key in a secret manager.',
    examples: {
      positive: [`PAYSTACK_SECRET_KEY=sk_live_${h(40, 'ps1')}`, `"sk_live_${h(40, 'ps2')}"`],
      negative: [`sk_live_${a(24, 'ps3')}`, `pk_live_${h(40, 'ps4')}`],
    },
  },
  {
    id: 'paystack-test-secret-key',
    title: 'Paystack test secret key',
    provider: 'Paystack',
    keywords: ['sk_test_'],
    pattern: new RegExp(`${B}(?<secret>sk_test_[0-9a-f]{40})${E}`),
    severity: 'warning',
    envName: 'PAYSTACK_SECRET_KEY',
    remediation: 'Generate a new test secret key at dashboard.paystack.com (Settings, API Keys & Webhooks) and keep it out of the repository.',
    examples: {
      positive: [`PAYSTACK_SECRET_KEY=sk_test_${h(40, 'pt1')}`, `'sk_test_${h(40, 'pt2')}'`],
      negative: [`sk_test_${a(24, 'pt3')}`, `sk_test_${h(20, 'pt4')}`],
    },
  },
  {
    id: 'square-access-token',
    title: 'Square access token',
    provider: 'Square',
    keywords: ['eaaa'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'SQUARE_ACCESS_TOKEN',
    remediation:
      'Replace the token at developer.squareup.com/apps (your application, Credentials, "Replace" the production access token), or revoke the OAuth token with the RevokeToken API, then keep the new one in a secret manager.',
    examples: {
      positive: [`SQUARE_ACCESS_TOKEN=EAAA${a(60, 'sq1')}`, `accessToken: "EAAA${a(60, 'sq2')}"`],
      negative: [`EAAA${a(30, 'sq3')}`, `EAAG${a(60, 'sq4')}`],
    },
  },
  {
    id: 'square-legacy-access-token',
    title: 'Square access token (legacy sq0atp)',
    provider: 'Square',
    keywords: ['sq0atp-'],
    pattern: new RegExp(`${B}(?<secret>sq0atp-[0-9A-Za-z_-]{22})${E}`),
    severity: 'error',
    envName: 'SQUARE_ACCESS_TOKEN',
    remediation: 'Replace the access token at developer.squareup.com/apps (Credentials) and keep the new one in a secret manager.',
    examples: {
      positive: [`square_token = "sq0atp-${a(22, 'sa1')}"`, `SQUARE_TOKEN=sq0atp-${a(22, 'sa2')}`],
      negative: ['sq0atp-xxxx', `sq0atp-${a(10, 'sa3')}`],
    },
  },
  {
    id: 'square-oauth-secret',
    title: 'Square OAuth application secret',
    provider: 'Square',
    keywords: ['sq0csp-'],
    pattern: new RegExp(`${B}(?<secret>sq0csp-[0-9A-Za-z_-]{43})${E}`),
    severity: 'error',
    envName: 'SQUARE_APPLICATION_SECRET',
    remediation: 'Replace the application secret at developer.squareup.com/apps (OAuth, "Replace secret") and keep the new one in a secret manager.',
    examples: {
      positive: [`SQUARE_APP_SECRET=sq0csp-${a(43, 'so1')}`, `"sq0csp-${a(43, 'so2')}"`],
      negative: ['sq0csp-', `sq0csp-${a(20, 'so3')}`],
    },
  },
  {
    id: 'braintree-access-token',
    title: 'PayPal Braintree production access token',
    provider: 'PayPal',
    keywords: ['access_token$production$'],
    pattern: /(?<secret>access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})(?![0-9a-f])/,
    severity: 'error',
    envName: 'BRAINTREE_ACCESS_TOKEN',
    remediation:
      'Revoke the access token in the PayPal developer dashboard (or the Braintree control panel, API, Access tokens), issue a new one, and keep it in a secret manager.',
    examples: {
      positive: [`BRAINTREE_TOKEN=access_token$production$${chars('abcdefghijklmnopqrstuvwxyz0123456789', 16, 'pay:bt1')}$${h(32, 'bt2')}`, `"access_token$production$${chars('abcdefghijklmnopqrstuvwxyz0123456789', 16, 'pay:bt3')}$${h(32, 'bt4')}"`],
      negative: ['access_token$production$<merchant>$<token>', `access_token$sandbox$${h(16, 'bt5')}$${h(32, 'bt6')}`],
    },
  },
  {
    id: 'braintree-sandbox-access-token',
    title: 'PayPal Braintree sandbox access token',
    provider: 'PayPal',
    keywords: ['access_token$sandbox$'],
    pattern: /(?<secret>access_token\$sandbox\$[0-9a-z]{16}\$[0-9a-f]{32})(?![0-9a-f])/,
    severity: 'warning',
    envName: 'BRAINTREE_ACCESS_TOKEN',
    remediation: 'Revoke the sandbox access token in the PayPal developer dashboard, issue a new one, and keep it out of the repository.',
    examples: {
      positive: [`access_token$sandbox$${chars('abcdefghijklmnopqrstuvwxyz0123456789', 16, 'pay:bs1')}$${h(32, 'bs2')}`, `TOKEN="access_token$sandbox$${chars('abcdefghijklmnopqrstuvwxyz0123456789', 16, 'pay:bs3')}$${h(32, 'bs4')}"`],
      negative: ['access_token$sandbox$', 'access_token$sandbox$abc$def'],
    },
  },
  {
    id: 'paypal-client-secret',
    title: 'PayPal REST client secret',
    provider: 'PayPal',
    keywords: ['paypal'],
    pattern: assigned('paypal', '[A-Za-z0-9_-]{80}'),
    minEntropy: 4,
    severity: 'error',
    envName: 'PAYPAL_CLIENT_SECRET',
    remediation:
      'Generate a new secret for the app at developer.paypal.com (Apps & Credentials, your app, "Generate new secret"), disable the old one, and keep the new one in a secret manager.',
    examples: {
      positive: [`PAYPAL_CLIENT_SECRET=${a(80, 'pp1')}`, `paypal_secret: "${a(80, 'pp2')}"`],
      negative: ['PAYPAL_CLIENT_SECRET=${PAYPAL_CLIENT_SECRET}', 'PAYPAL_MODE=live'],
    },
  },
  {
    id: 'braintree-private-key',
    title: 'Braintree API private key',
    provider: 'PayPal',
    keywords: ['braintree'],
    pattern: assigned('braintree[\\w.-]{0,20}private', '[0-9a-f]{32}'),
    severity: 'error',
    envName: 'BRAINTREE_PRIVATE_KEY',
    remediation: 'Delete the API key pair in the Braintree control panel (Settings, API, API Keys), generate a new pair, and keep the private key in a secret manager.',
    examples: {
      positive: [`BRAINTREE_PRIVATE_KEY=${h(32, 'bp1')}`, `braintree.private_key = "${h(32, 'bp2')}"`],
      negative: ['BRAINTREE_PRIVATE_KEY=$BRAINTREE_PRIVATE_KEY', `BRAINTREE_MERCHANT_ID=${h(16, 'bp3')}`],
    },
  },
  {
    id: 'razorpay-key-secret',
    title: 'Razorpay API key secret',
    provider: 'Razorpay',
    keywords: ['razorpay', 'rzp'],
    pattern: assigned('(?:razorpay|rzp)[\\w.-]{0,16}secret', '[A-Za-z0-9]{24}'),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'RAZORPAY_KEY_SECRET',
    remediation:
      'Regenerate the API key at dashboard.razorpay.com (Account & Settings, API Keys, "Regenerate Key"), which revokes the old secret, and keep the new one in a secret manager.',
    examples: {
      positive: [`RAZORPAY_KEY_SECRET=${a(24, 'rz1')}`, `razorpay_secret: "${a(24, 'rz2')}"`],
      negative: ['RAZORPAY_KEY_SECRET=${RAZORPAY_KEY_SECRET}', `RAZORPAY_KEY_ID=rzp_live_${a(14, 'rz3')}`],
    },
  },
  {
    id: 'razorpay-key-pair',
    title: 'Razorpay live key id with its secret',
    provider: 'Razorpay',
    keywords: ['rzp_live_'],
    pattern: /rzp_live_[A-Za-z0-9]{14}["'`]?[ \t]{0,4}[,:][ \t]{0,4}["'`](?<secret>[A-Za-z0-9]{24})["'`]/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'RAZORPAY_KEY_SECRET',
    remediation:
      'Regenerate the API key at dashboard.razorpay.com (Account & Settings, API Keys), which revokes the old secret, and keep the new one in a secret manager.',
    examples: {
      positive: [`client = razorpay.Client(auth=("rzp_live_${a(14, 'rk1')}", "${a(24, 'rk2')}"))`, `RAZORPAY_AUTH = ['rzp_live_${a(14, 'rk3')}', '${a(24, 'rk4')}']`],
      negative: [`key_id: "rzp_live_${a(14, 'rk5')}"`, `auth=("rzp_live_${a(14, 'rk6')}", os.environ["RAZORPAY_SECRET"])`],
    },
  },
  {
    id: 'flutterwave-secret-key',
    title: 'Flutterwave secret key',
    provider: 'Flutterwave',
    keywords: ['flwseck'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>FLWSECK(?:_TEST)?-[a-hA-H0-9]{32}-X)(?![A-Za-z0-9_-])/,
    severity: 'error',
    envName: 'FLW_SECRET_KEY',
    remediation:
      'Generate new API keys at app.flutterwave.com (Settings, API Keys & Webhooks, "Generate API keys"), which invalidates this secret key, and keep the new one in a secret manager.',
    examples: {
      positive: [`FLW_SECRET_KEY=FLWSECK-${h(32, 'fw1')}-X`, `"FLWSECK_TEST-${h(32, 'fw2')}-X"`],
      negative: [`FLWPUBK-${h(32, 'fw3')}-X`, 'FLWSECK-xxxxxxxx-X'],
    },
  },
  {
    id: 'flutterwave-encryption-key',
    title: 'Flutterwave encryption key',
    provider: 'Flutterwave',
    keywords: ['flwseck'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>FLWSECK(?:_TEST)?-?[a-hA-H0-9]{12})(?![A-Za-z0-9_-])/,
    severity: 'error',
    envName: 'FLW_ENCRYPTION_KEY',
    remediation: 'Generate new API keys at app.flutterwave.com (Settings, API Keys & Webhooks), which replaces the encryption key, and keep it in a secret manager.',
    examples: {
      positive: [`FLW_ENCRYPTION_KEY=FLWSECK_TEST${h(12, 'fe1')}`, `encryption_key: "FLWSECK${h(12, 'fe2')}"`],
      negative: [`FLWSECK-${h(32, 'fe3')}-X`, 'FLWSECK_TEST'],
    },
  },
  {
    id: 'shippo-live-token',
    title: 'Shippo live API token',
    provider: 'Shippo',
    keywords: ['shippo_live_'],
    pattern: new RegExp(`${B}(?<secret>shippo_live_[a-f0-9]{40})${E}`),
    severity: 'error',
    envName: 'SHIPPO_API_TOKEN',
    remediation: 'Delete the token at apps.goshippo.com/settings/api, generate a new live token, and keep it in a secret manager.',
    examples: {
      positive: [`SHIPPO_API_TOKEN=shippo_live_${h(40, 'sh1')}`, `"ShippoToken shippo_live_${h(40, 'sh2')}"`],
      negative: ['shippo_live_', `shippo_live_${h(20, 'sh3')}`],
    },
  },
  {
    id: 'shippo-test-token',
    title: 'Shippo test API token',
    provider: 'Shippo',
    keywords: ['shippo_test_'],
    pattern: new RegExp(`${B}(?<secret>shippo_test_[a-f0-9]{40})${E}`),
    severity: 'warning',
    envName: 'SHIPPO_API_TOKEN',
    remediation: 'Delete the test token at apps.goshippo.com/settings/api and generate a new one kept outside the repository.',
    examples: {
      positive: [`SHIPPO_API_TOKEN=shippo_test_${h(40, 'st1')}`, `'shippo_test_${h(40, 'st2')}'`],
      negative: ['shippo_test_xxx', `shippo_test_${h(39, 'st3')}`],
    },
  },
  {
    id: 'easypost-production-key',
    title: 'EasyPost production API key',
    provider: 'EasyPost',
    keywords: ['ezak'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>EZAK[A-Za-z0-9]{54})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'EASYPOST_API_KEY',
    remediation: 'Disable the key at easypost.com/account/api-keys, create a new production key, and keep it in a secret manager.',
    examples: {
      positive: [`EASYPOST_API_KEY=EZAK${a(54, 'ep01')}`, `"EZAK${a(54, 'ep2')}"`],
      negative: [`EZAK${a(20, 'ep3')}`, `EZPK${a(54, 'ep4')}`],
    },
  },
  {
    id: 'easypost-test-key',
    title: 'EasyPost test API key',
    provider: 'EasyPost',
    keywords: ['eztk'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>EZTK[A-Za-z0-9]{54})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    severity: 'warning',
    envName: 'EASYPOST_API_KEY',
    remediation: 'Disable the test key at easypost.com/account/api-keys and create a new one kept outside the repository.',
    examples: {
      positive: [`EASYPOST_TEST_KEY=EZTK${a(54, 'et1')}`, `'EZTK${a(54, 'et2')}'`],
      negative: [`EZTK${a(10, 'et3')}`, 'EZTKxxxxxxxx'],
    },
  },
  {
    id: 'lob-api-key',
    title: 'Lob API key',
    provider: 'Lob',
    keywords: ['lob'],
    pattern: assigned('lob', '(?:live|test)_[a-f0-9]{35}'),
    severity: 'error',
    envName: 'LOB_API_KEY',
    remediation: 'Roll the key at dashboard.lob.com/settings/api-keys, then keep the new key in a secret manager.',
    examples: {
      positive: [`LOB_API_KEY=live_${h(35, 'lb1')}`, `lob_key: "test_${h(35, 'lb2')}"`],
      negative: ['LOB_API_KEY=${LOB_API_KEY}', `live_${h(35, 'lb3')}`],
    },
  },
];
