/**
 * PKCS#12 key stores (.p12/.pfx) that anyone can open. Google Cloud's legacy P12 service-account keys
 * all use the password Google publishes (`notasecret`), and many exported stores use an empty
 * password; committed, such a file is a leaked private key. The check proves it: it verifies the
 * store's password-based integrity MAC with those passwords (RFC 7292), without decrypting anything.
 *
 * Not reported: stores without a MAC (nothing proves the password), public-key integrity mode,
 * unsupported MAC algorithms (e.g. PBMAC1), iteration counts over MAX_MAC_ITERATIONS and files over
 * MAX_PKCS12_BYTES (bounded work); each of those gets an info notice instead.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { RawFinding, RuleInfo, ScanNotice } from '../types';
import type { BinaryAnalyzer, BinaryContext } from './analyzer';
import { looksLikePfx, readPfx, type PfxMac } from './pfx';
import { bmpPassword, MAC_KEY_ID, pkcs12DeriveKey } from './pkcs12Kdf';

export const PKCS12_RULE_ID = 'pkcs12-default-password';
export const MAX_PKCS12_BYTES = 1024 * 1024;
export const MAX_MAC_ITERATIONS = 100_000;

const PKCS12_NAME = /\.(?:p12|pfx)$/i;

/** True when a path names a PKCS#12 file by its extension (case-insensitive). */
export function isPkcs12Path(path: string): boolean {
  return PKCS12_NAME.test(path);
}

export const pkcs12Rule: RuleInfo = {
  id: PKCS12_RULE_ID,
  title: 'PKCS#12 key store with a default or empty password',
  kind: 'secret',
  severity: 'error',
  provider: 'Google Cloud / generic',
  description:
    'A PKCS#12 key store (.p12/.pfx) that opens with Google Cloud\'s published P12 password or with an empty password: anyone who can read the file has its private key.',
  remediation:
    'Treat the private key as leaked. For a Google Cloud service-account P12 key, delete the key (IAM & Admin > Service accounts > the account > Keys), review Cloud Audit Logs for its use, and move to Workload Identity Federation or attached service accounts. For other stores, revoke the certificate and issue a new key. Remove the file from the repository (and its history if required) and keep key stores in a secret manager with a strong password.',
};

/** A password worth trying, with the encodings implementations use for it. */
interface Candidate {
  label: 'google-default' | 'empty';
  provider?: string;
  encodings: Uint8Array[];
}

const CANDIDATES: readonly Candidate[] = [
  { label: 'google-default', provider: 'Google Cloud', encodings: [bmpPassword('notasecret')] },
  // An empty password is either no bytes at all or the BMPString terminator alone, by implementation.
  { label: 'empty', encodings: [Buffer.alloc(0), bmpPassword('')] },
];

/** The candidate whose password verifies the MAC, if any. */
function openingPassword(mac: PfxMac): Candidate | undefined {
  for (const candidate of CANDIDATES) {
    for (const password of candidate.encodings) {
      const key = pkcs12DeriveKey(mac.digest, MAC_KEY_ID, password, mac.salt, mac.iterations);
      const computed = createHmac(mac.digest.name, key).update(mac.authSafe).digest();
      if (computed.length === mac.mac.length && timingSafeEqual(computed, mac.mac)) return candidate;
    }
  }
  return undefined;
}

function message(candidate: Candidate, size: number): string {
  const opens =
    candidate.label === 'google-default'
      ? 'opens with the password Google publishes for every legacy P12 service-account key'
      : 'opens with an empty password';
  return `PKCS#12 key store (${size} bytes) ${opens}: anyone with this file has its private key. Revoke the key and remove the file.`;
}

function analyzePkcs12(ctx: BinaryContext): { findings: RawFinding[]; notices: ScanNotice[] } {
  const { bytes } = ctx;
  const notChecked = (why: string) => ({ findings: [], notices: [{ level: 'info' as const, message: `PKCS#12 not checked: ${why}` }] });
  if (bytes.length > MAX_PKCS12_BYTES) return notChecked(`over ${MAX_PKCS12_BYTES / 1048576} MB`);
  const reading = readPfx(bytes);
  if (reading.kind === 'not-pkcs12') return notChecked('not a readable PKCS#12 file');
  if (reading.kind === 'unchecked') return notChecked(reading.reason);
  if (reading.mac.iterations > MAX_MAC_ITERATIONS) {
    return notChecked(`MAC iteration count ${reading.mac.iterations} is over ${MAX_MAC_ITERATIONS}`);
  }
  const candidate = openingPassword(reading.mac);
  if (!candidate) return { findings: [], notices: [] };
  const finding: RawFinding = {
    ruleId: PKCS12_RULE_ID,
    start: 0,
    end: bytes.length,
    // The fingerprint is computed over a digest of the file, never over key material itself.
    value: createHash('sha256').update(bytes).digest('hex'),
    message: message(candidate, bytes.length),
    data: {
      provider: candidate.provider,
      suggestedName: candidate.label === 'google-default' ? 'GCP_SERVICE_ACCOUNT_P12' : 'PKCS12_KEYSTORE',
      opensWith: candidate.label,
      macDigest: reading.mac.digest.name,
      byteLength: bytes.length,
    },
  };
  return { findings: [finding], notices: [] };
}

export const pkcs12Analyzer: BinaryAnalyzer = {
  id: 'pkcs12',
  rules: [pkcs12Rule],
  previewLabel: 'PKCS#12',
  appliesTo: (ctx) => isPkcs12Path(ctx.baseName) || looksLikePfx(ctx.bytes),
  analyze: analyzePkcs12,
};
