/**
 * Turning file bytes into text for the engine, and the CLI's binary rule:
 * a file is binary when its first 8 KB hold a NUL byte (git's rule) or when more than 10% of those
 * bytes are not valid UTF-8 (images, archives, UTF-16 files, compiled artefacts). Text in a legacy
 * 8-bit encoding with a few accented letters stays text: secrets are ASCII and still match.
 */

import { isUtf8 } from 'node:buffer';

const HEAD_BYTES = 8192;
const MAX_INVALID_RATIO = 0.1;
const REPLACEMENT = 0xfffd;

export type DecodedFile = { binary: true; reason: string } | { binary: false; text: string };

export function decodeFile(bytes: Buffer): DecodedFile {
  const head = bytes.length > HEAD_BYTES ? bytes.subarray(0, HEAD_BYTES) : bytes;
  if (head.includes(0)) return { binary: true, reason: 'binary content (NUL bytes)' };
  const invalid = isUtf8(head) ? 0 : invalidUtf8Count(head);
  if (head.length > 0 && invalid / head.length > MAX_INVALID_RATIO) {
    return { binary: true, reason: 'binary content (not UTF-8 text)' };
  }
  // A BOM stays in the text, so offsets count it as tools reading the file do.
  return { binary: false, text: bytes.toString('utf8') };
}

/** Replacement characters produced by decoding, minus those literally present (EF BF BD). */
function invalidUtf8Count(head: Buffer): number {
  const decoded = head.toString('utf8');
  let replacements = 0;
  for (let i = 0; i < decoded.length; i++) if (decoded.charCodeAt(i) === REPLACEMENT) replacements++;
  if (replacements === 0) return 0;
  let literal = 0;
  for (let i = head.indexOf('\uFFFD', 0, 'utf8'); i !== -1; i = head.indexOf('\uFFFD', i + 3, 'utf8')) literal++;
  return Math.max(0, replacements - literal);
}
