/**
 * Names that belong to one provider whose secret has a known, fixed format. A value under such a
 * name that does not fit the format is something else (an encrypted blob, a KMS ciphertext, a key
 * id): the provider rule judges the real format, so generic detection stays out of its way.
 */
import { isRejectedProviderValue } from '../rules/providerPrefixes';
import { jwtPayload } from '../rules/checksums';

const PROVIDER_NAME_FORMATS: [RegExp, RegExp][] = [
  // AWS secret access keys: exactly 40 base64 characters (aws-secret-access-key rules).
  [/^aws_?secret_?(?:access_?)?key$/, /^[A-Za-z0-9/+]{40}$/],
];

/**
 * Values public by design, whatever name holds them: Mapbox `pk.` access tokens (the secret ones
 * start `sk.`), Stripe publishable keys, PostHog project API keys (`phc_`, write-only, meant for
 * browsers; the personal keys `phx_` are secret), Braintree tokenization keys (what the browser's
 * Drop-in gets as `authorization`; they can only tokenize cards), Adyen client keys (`live_` or
 * `test_` + 32 upper-case letters and digits, given to the browser's Drop-in; Mollie's secret
 * `live_` keys are 30 characters of mixed case). Their users name them freely (`POSTHOG_API_KEY`);
 * the value's own prefix is what says public.
 */
const PUBLIC_VALUE = /^(?:pk\.eyJ|pk_(?:live|test)_|phc_[A-Za-z0-9]{30,}|(?:production|sandbox)_[a-z0-9]{8}_[a-z0-9]{16}$|(?:live|test)_[A-Z0-9]{32}$)/;

/**
 * True when `keyName` is owned by a provider format that `value` does not fit, the value is public
 * by design, a JWT, or the value starts with a provider's prefix and the provider rule rejected it (a
 * truncated, mistyped or made-up one, see rules/providerPrefixes.ts).
 */
export function conflictsWithProviderFormat(keyName: string, value: string): boolean {
  if (PUBLIC_VALUE.test(value) || isRejectedProviderValue(value)) return true;
  // A JWT is the `jwt` rule's to judge (it knows unsigned, public `anon` and documentation tokens).
  if (value.startsWith('ey') && jwtPayload(value) !== undefined) return true;
  const normalized = keyName.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase();
  const last = normalized.slice(normalized.lastIndexOf('.') + 1);
  for (const [name, format] of PROVIDER_NAME_FORMATS) if (name.test(last) && !format.test(value)) return true;
  return false;
}
