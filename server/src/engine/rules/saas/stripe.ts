import type { SecretRule } from '../secretRule';
import { ALNUM, HEX, chars } from '../fake';
import { B, E } from './context';

const a = (n: number, label: string) => chars(ALNUM, n, `pay:${label}`);
const h = (n: number, label: string) => chars(HEX, n, `pay:${label}`);

/**
 * Stripe, and Paystack, whose secret keys share Stripe's sk_live_/sk_test_ prefix: one honest split by
 * format (Paystack bodies are exactly 40 lower-case hex characters, Stripe's are mixed-case base62).
 */
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
];
