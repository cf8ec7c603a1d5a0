/**
 * Values published in providers' own documentation as examples (the Kubernetes Secret tutorial's
 * base64 password, Stripe's public docs test key, AWS's example secret key and its variants). They
 * appear in countless READMEs and tutorials and grant nothing, so they are never findings. Stored as
 * SHA-256 so the bundle holds no secret-shaped literal.
 */
import { createHash } from 'node:crypto';

const KNOWN_EXAMPLE_HASHES = new Set([
  // Kubernetes docs: Secret `mysecret`, data.password and its decoded value.
  'a7b580d711ef2807c7f11d881a1e7ff8a68c7e7d4e7c14e217bc9c522e3678ba',
  '13fe7a38a57c46053ee3a4716358619ff37ebc5674976f1a09fc189be5a3e5dd',
  // Stripe API reference test keys shown to every reader.
  '2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326',
  'f2d6ca16515033e5dce14eba840b979d27b5cbae24bb3e5bf484339667f86397',
]);

/** SHA-256 of the first 21 characters of AWS's documented example secret access key. */
const AWS_EXAMPLE_SECRET_PREFIX = '6cc566d548737f8ee3b4a8471cd786d86365fb56d9863bb0c506ad99c19b2c1d';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export function isKnownDocumentationExample(value: string): boolean {
  if (value.length > 200) return false;
  if (KNOWN_EXAMPLE_HASHES.has(sha256(value))) return true;
  return value.length === 40 && sha256(value.slice(0, 21)) === AWS_EXAMPLE_SECRET_PREFIX;
}
