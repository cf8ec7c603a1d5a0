/**
 * Reading a PKCS#12 PFX (RFC 7292 section 4) far enough to check its integrity MAC:
 *
 *   PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, macData MacData OPTIONAL }
 *   ContentInfo ::= SEQUENCE { contentType OID (id-data), content [0] EXPLICIT OCTET STRING }
 *   MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }
 *   DigestInfo ::= SEQUENCE { digestAlgorithm AlgorithmIdentifier, digest OCTET STRING }
 *
 * The MAC covers the contents of the authSafe OCTET STRING. Every function here is total: garbage in
 * gives a `kind: 'not-pkcs12'` answer, never an exception.
 */
import { children, contents, isOid, readElement, readUnsigned, TAG, type DerElement } from './der';
import type { MacDigest } from './pkcs12Kdf';

const ID_DATA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]; // 1.2.840.113549.1.7.1
const NIST_HASH = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02]; // 2.16.840.1.101.3.4.2

const DIGESTS: { oid: readonly number[]; digest: MacDigest }[] = [
  { oid: [0x2b, 0x0e, 0x03, 0x02, 0x1a], digest: { name: 'sha1', outputBytes: 20, blockBytes: 64 } },
  { oid: [...NIST_HASH, 0x01], digest: { name: 'sha256', outputBytes: 32, blockBytes: 64 } },
  { oid: [...NIST_HASH, 0x02], digest: { name: 'sha384', outputBytes: 48, blockBytes: 128 } },
  { oid: [...NIST_HASH, 0x03], digest: { name: 'sha512', outputBytes: 64, blockBytes: 128 } },
  { oid: [...NIST_HASH, 0x04], digest: { name: 'sha224', outputBytes: 28, blockBytes: 64 } },
];

/** What is needed to verify the password-based MAC of a PFX. */
export interface PfxMac {
  digest: MacDigest;
  /** The bytes the MAC covers: contents of the authSafe OCTET STRING. */
  authSafe: Uint8Array;
  mac: Uint8Array;
  salt: Uint8Array;
  iterations: number;
}

export type PfxReading =
  | { kind: 'not-pkcs12' }
  /** A PFX whose integrity cannot be checked here; `reason` is secret-free and shown to the user. */
  | { kind: 'unchecked'; reason: string }
  | { kind: 'mac'; mac: PfxMac };

const NOT_PKCS12: PfxReading = { kind: 'not-pkcs12' };

/** The outer SEQUENCE and its children when the bytes start like a PFX (SEQUENCE { INTEGER 3, ... }). */
function pfxParts(bytes: Uint8Array): DerElement[] | undefined {
  const outer = readElement(bytes, 0);
  if (!outer || outer.tag !== TAG.sequence) return undefined;
  const parts = children(bytes, outer);
  if (!parts || parts.length < 2 || parts.length > 3) return undefined;
  if (readUnsigned(bytes, parts[0]) !== 3) return undefined;
  return parts;
}

/** True when the bytes carry the PKCS#12 magic: a DER SEQUENCE whose first element is INTEGER 3. */
export function looksLikePfx(bytes: Uint8Array): boolean {
  return pfxParts(bytes) !== undefined;
}

export function readPfx(bytes: Uint8Array): PfxReading {
  const parts = pfxParts(bytes);
  if (!parts) return NOT_PKCS12;
  const [, authSafeInfo, macData] = parts;
  if (authSafeInfo.tag !== TAG.sequence) return NOT_PKCS12;
  const info = children(bytes, authSafeInfo);
  if (!info || info.length < 1 || info[0].tag !== TAG.oid) return NOT_PKCS12;
  if (!isOid(bytes, info[0], ID_DATA)) {
    return { kind: 'unchecked', reason: 'public-key integrity mode (signed), not password-protected' };
  }
  if (info.length !== 2 || info[1].tag !== TAG.contextZero) return NOT_PKCS12;
  const wrapped = children(bytes, info[1]);
  if (!wrapped || wrapped.length !== 1 || wrapped[0].tag !== TAG.octetString) return NOT_PKCS12;
  const authSafe = contents(bytes, wrapped[0]);
  if (!macData) return { kind: 'unchecked', reason: 'no integrity MAC, so whether it opens without a password cannot be proven' };
  return readMacData(bytes, macData, authSafe);
}

function readMacData(bytes: Uint8Array, macData: DerElement, authSafe: Uint8Array): PfxReading {
  if (macData.tag !== TAG.sequence) return NOT_PKCS12;
  const fields = children(bytes, macData);
  if (!fields || fields.length < 2 || fields.length > 3) return NOT_PKCS12;
  const [digestInfo, salt, iterationsField] = fields;
  if (digestInfo.tag !== TAG.sequence || salt.tag !== TAG.octetString) return NOT_PKCS12;
  const digestParts = children(bytes, digestInfo);
  if (!digestParts || digestParts.length !== 2 || digestParts[0].tag !== TAG.sequence || digestParts[1].tag !== TAG.octetString) return NOT_PKCS12;
  const algorithm = children(bytes, digestParts[0]);
  if (!algorithm || algorithm.length < 1 || algorithm.length > 2) return NOT_PKCS12;
  const known = DIGESTS.find((d) => isOid(bytes, algorithm[0], d.oid));
  if (!known) return { kind: 'unchecked', reason: 'MAC algorithm not supported (only SHA-1 and SHA-2 HMAC are checked)' };
  let iterations = 1;
  if (iterationsField) {
    // Up to 6 bytes: values past the check limit are reported as such, not as malformed.
    if (iterationsField.tag !== TAG.integer || iterationsField.end === iterationsField.start) return NOT_PKCS12;
    if (bytes[iterationsField.start] & 0x80) return NOT_PKCS12; // negative
    const value = readUnsigned(bytes, iterationsField, 6);
    if (value === undefined) return { kind: 'unchecked', reason: 'MAC iteration count too large to check' };
    if (value < 1) return NOT_PKCS12;
    iterations = value;
  }
  const mac = contents(bytes, digestParts[1]);
  if (mac.length !== known.digest.outputBytes) return NOT_PKCS12;
  return { kind: 'mac', mac: { digest: known.digest, authSafe, mac, salt: contents(bytes, salt), iterations } };
}
