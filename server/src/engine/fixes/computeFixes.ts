import { leakFixes } from './leakFixes';
import { referenceFixes, type NamingState } from './referenceFix';
import { suppressionFixes } from './suppressionFix';
import type { Fix, FixInput } from './types';
import { verifyFix } from './verify';

/**
 * Every fix for one finding, best first: the preferred reference or leak fix, alternatives, then the
 * suppressions (never preferred). A fix whose result would not parse is dropped (see verify.ts).
 */
export function computeFixes(input: FixInput, state?: NamingState): Fix[] {
  const primary = input.finding.kind === 'secret' ? referenceFixes(input, state) : leakFixes(input);
  const fixes = [...primary, ...suppressionFixes(input)];
  if (input.text.includes('\r\n')) for (const fix of fixes) keepCrlf(fix, input.path);
  return fixes.filter((f) => f.category === 'suppression' || verifyFix(input, f));
}

/** A CRLF document keeps CRLF: new lines in its edits use the document's line ending. */
function keepCrlf(fix: Fix, path: string): void {
  for (const file of fix.files) {
    if (file.path !== path) continue;
    for (const edit of file.edits) edit.newText = edit.newText.replace(/\r?\n/g, '\r\n');
  }
}
