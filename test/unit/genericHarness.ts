import { strict as assert } from 'node:assert';
import { Engine, resolveSettings, type Finding } from '../../server/src/engine';
import { ALNUM, BASE64, chars, HEX } from '../../server/src/engine/rules/fake';

/** Shared helpers of the generic-detection tests. Values are generated; test names never carry them. */

export const engine = new Engine(resolveSettings({}));

/** A 32-character random-looking token (no provider prefix, so only generic rules apply). */
export const tok = (label: string): string => chars(ALNUM, 32, `generic:${label}`);
export const hex = (label: string): string => chars(HEX, 40, `generic-hex:${label}`);
export const b64 = (label: string): string => chars(BASE64, 44, `generic-b64:${label}`);
/** A generated random (version 4) UUID. */
export const uuid4 = (label: string): string => {
  const h = chars(HEX, 32, `generic-uuid:${label}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};
/** A generated password: 10 random letters and digits, then a symbol and a digit. */
export const pw = (label: string): string => `${chars(ALNUM, 10, `generic-pw:${label}`)}#4`;

export interface PositiveCase {
  /** What the case shows, without the value. */
  what: string;
  path: string;
  text: string;
  /** The value that must be reported; its only occurrence in `text` gives the expected range. */
  value: string;
  rule: 'generic-password' | 'generic-secret';
  keyName?: string;
}

export interface NegativeCase {
  what: string;
  path: string;
  text: string;
}

export function genericFindings(text: string, path: string): Finding[] {
  return engine.scan(text, path).findings.filter((f) => f.ruleId.startsWith('generic-'));
}

export function assertPositive(c: PositiveCase): void {
  const start = c.text.indexOf(c.value);
  assert.ok(start >= 0 && c.text.lastIndexOf(c.value) === start, 'test value must occur exactly once in the text');
  const found = genericFindings(c.text, c.path);
  assert.equal(found.length, 1, `expected one generic finding, got [${found.map((f) => `${f.ruleId}@${f.startOffset}`).join(', ')}]`);
  const [f] = found;
  assert.equal(f.ruleId, c.rule);
  assert.deepEqual([f.startOffset, f.endOffset], [start, start + c.value.length], 'range of the value without quotes');
  assert.equal(f.severity, 'warning');
  assert.equal(f.kind, 'secret');
  if (c.keyName) assert.equal(f.data?.keyName, c.keyName);
  assert.ok(!f.message.includes(c.value) && !f.preview.includes(c.value), 'message and preview never repeat the value');
}

export function assertNegative(c: NegativeCase): void {
  const found = genericFindings(c.text, c.path);
  assert.deepEqual(found.map((f) => `${f.ruleId}@${f.startOffset}`), [], 'no generic finding expected');
}

/** Registers one `it` per case, named by what it shows. */
export function suiteOf(language: string, positives: PositiveCase[], negatives: NegativeCase[]): void {
  describe(`generic detection: ${language}`, () => {
    it('has at least 3 positive and 5 negative cases', () => {
      assert.ok(positives.length >= 3 && negatives.length >= 5);
    });
    for (const c of positives) it(`finds ${c.what}`, () => assertPositive(c));
    for (const c of negatives) it(`ignores ${c.what}`, () => assertNegative(c));
  });
}
