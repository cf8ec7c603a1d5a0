/**
 * Names that belong to one provider whose secret has a known, fixed format. A value under such a
 * name that does not fit the format is something else (an encrypted blob, a KMS ciphertext, a key
 * id): the provider rule judges the real format, so generic detection stays out of its way.
 */
const PROVIDER_NAME_FORMATS: [RegExp, RegExp][] = [
  // AWS secret access keys: exactly 40 base64 characters (aws-secret-access-key rules).
  [/^aws_?secret_?(?:access_?)?key$/, /^[A-Za-z0-9/+]{40}$/],
];

/** True when `keyName` is owned by a provider format that `value` does not fit. */
export function conflictsWithProviderFormat(keyName: string, value: string): boolean {
  const normalized = keyName.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase();
  const last = normalized.slice(normalized.lastIndexOf('.') + 1);
  for (const [name, format] of PROVIDER_NAME_FORMATS) if (name.test(last) && !format.test(value)) return true;
  return false;
}
