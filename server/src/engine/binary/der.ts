/**
 * A minimal, bounds-checked DER reader: enough ASN.1 to walk a PKCS#12 PFX. Every read is checked
 * against the enclosing element, so truncated, random or empty input yields `undefined`, never an
 * exception or an out-of-range read.
 *
 * Supported: single-byte tags, definite lengths in short or long form (up to 4 length bytes).
 * Not supported (answers `undefined`): high tag numbers and BER indefinite lengths. OpenSSL, Java
 * keytool, Windows and Google all write PKCS#12 in DER, so these cases have not been needed.
 */

export const TAG = {
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
  /** `[0]` constructed, context-specific: the EXPLICIT content of a ContentInfo. */
  contextZero: 0xa0,
} as const;

/** One element: its tag and where its contents lie in the buffer. */
export interface DerElement {
  tag: number;
  /** First byte of the contents (after tag and length). */
  start: number;
  /** One past the last byte of the contents. */
  end: number;
}

/** Reads the element whose tag byte is at `offset`, if it lies entirely before `limit`. */
export function readElement(bytes: Uint8Array, offset: number, limit: number = bytes.length): DerElement | undefined {
  const bound = Math.min(limit, bytes.length);
  if (offset < 0 || offset + 2 > bound) return undefined;
  const tag = bytes[offset];
  if ((tag & 0x1f) === 0x1f) return undefined; // high tag number form
  const first = bytes[offset + 1];
  let at = offset + 2;
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || at + count > bound) return undefined; // indefinite or too long
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[at + i];
    at += count;
  }
  if (at + length > bound) return undefined;
  return { tag, start: at, end: at + length };
}

/** The children of a constructed element, in order; undefined when they do not tile it exactly. */
export function children(bytes: Uint8Array, parent: DerElement): DerElement[] | undefined {
  const out: DerElement[] = [];
  let at = parent.start;
  while (at < parent.end) {
    const child = readElement(bytes, at, parent.end);
    if (!child) return undefined;
    out.push(child);
    at = child.end;
  }
  return out;
}

/** The contents of an element as a view (no copy). */
export function contents(bytes: Uint8Array, element: DerElement): Uint8Array {
  return bytes.subarray(element.start, element.end);
}

/**
 * A non-negative INTEGER that fits in `maxBytes` significant bytes; undefined when negative,
 * empty or larger (callers treat "too large" as "not checked").
 */
export function readUnsigned(bytes: Uint8Array, element: DerElement, maxBytes = 4): number | undefined {
  if (element.tag !== TAG.integer || element.end <= element.start) return undefined;
  if (bytes[element.start] & 0x80) return undefined; // negative
  let at = element.start;
  while (at < element.end - 1 && bytes[at] === 0) at++; // leading zero bytes
  if (element.end - at > maxBytes) return undefined;
  let value = 0;
  for (; at < element.end; at++) value = value * 256 + bytes[at];
  return value;
}

/** True when the element is an OBJECT IDENTIFIER with exactly these encoded bytes. */
export function isOid(bytes: Uint8Array, element: DerElement, encoded: readonly number[]): boolean {
  if (element.tag !== TAG.oid || element.end - element.start !== encoded.length) return false;
  for (let i = 0; i < encoded.length; i++) if (bytes[element.start + i] !== encoded[i]) return false;
  return true;
}
