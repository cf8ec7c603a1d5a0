import { strict as assert } from 'node:assert';
import { Engine, resolveSettings } from '../../../server/src/engine';
import type { ScanContext } from '../../../server/src/engine/analyzer';
import { pipelineAnalyzers } from '../../../server/src/engine/pipeline';
import { LITERAL_SECRET_RULE_IDS } from '../../../server/src/engine/pipeline/rules';
import { LineIndex } from '../../../server/src/engine/text/lineIndex';
import type { Finding, RawFinding } from '../../../server/src/engine/types';

export const engine = new Engine(resolveSettings({}));

/** A case: a file whose expected finding spans are marked «like this» (markers are removed before scanning). */
export interface Case {
  path: string;
  text: string;
}

export function unmark(marked: string): { text: string; spans: [number, number][] } {
  let text = '';
  const spans: [number, number][] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === '«') open = text.length;
    else if (ch === '»') {
      spans.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  return { text, spans };
}

export function scan(path: string, text: string): Finding[] {
  return engine.scan(text, path).findings;
}

/**
 * Positive: the pipeline analyzers report `ruleId` on exactly the marked spans (no other span), and
 * through the whole Engine each marked span is reported, by this rule or, where the engine keeps one
 * finding per span, by the finding that outranks it on that same span (a hard-coded secret, a more
 * severe check). Findings of the rule have its structural kind. Returns the Engine findings of the rule.
 */
export function expectFindings(ruleId: string, c: Case): Finding[] {
  const { text, spans } = unmark(c.text);
  assert.ok(spans.length > 0, 'a positive case needs at least one «marked» span');
  // Spans as offsets and line:column only: example text may hold generated secret-shaped values.
  const at = (s: number, e: number) => `${s}-${e} (line:col ${lineCol(text, s)})`;
  const want = spans.map(([s, e]) => at(s, e));
  const raw = rawFindings(c.path, text).filter((f) => f.ruleId === ruleId);
  assert.deepEqual(raw.map((f) => at(f.start, f.end)), want, `${ruleId}: analyzer spans differ`);
  const all = scan(c.path, text);
  const hits = all.filter((f) => f.ruleId === ruleId);
  for (const [s, e] of spans) {
    const mine = hits.some((f) => f.startOffset === s && f.endOffset === e);
    const sameSpan = all.some((f) => f.startOffset === s && f.endOffset === e);
    assert.ok(mine || sameSpan, `${ruleId}: span ${at(s, e)} not reported by the engine`);
  }
  assert.ok(hits.every((f) => spans.some(([s, e]) => f.startOffset === s && f.endOffset === e)), `${ruleId}: engine reports an unmarked span`);
  const kind = engine.rule(ruleId)?.kind;
  assert.ok(kind && (kind !== 'secret' || LITERAL_SECRET_RULE_IDS.has(ruleId)), `${ruleId} must be registered with a structural kind (or span a literal secret)`);
  for (const f of hits) assert.equal(f.kind, kind);
  return hits;
}

/** What the pipeline analyzers report before the engine's overlap and suppression handling. */
export function rawFindings(path: string, text: string): RawFinding[] {
  const ctx: ScanContext = { text, path, baseName: path.slice(path.lastIndexOf('/') + 1).toLowerCase(), lines: new LineIndex(text), settings: engine.settings };
  return pipelineAnalyzers.filter((a) => a.appliesTo(ctx)).flatMap((a) => a.analyze(ctx).findings);
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

export function expectNone(ruleId: string, c: Case): void {
  const { text } = unmark(c.text);
  const raw = rawFindings(c.path, text).filter((f) => f.ruleId === ruleId);
  assert.equal(raw.length, 0, `${ruleId} flagged by the analyzer at ${raw.map((f) => lineCol(text, f.start)).join(', ')}`);
  const hits = scan(c.path, text).filter((f) => f.ruleId === ruleId);
  assert.equal(hits.length, 0, `${ruleId} flagged: ${hits.map((f) => `${f.range.start.line}:${f.range.start.character}`).join(', ')}`);
}

/** Declares `positive #n` / `negative #n` tests for one rule (names never carry example text). */
export function ruleSuite(ruleId: string, positives: Case[], negatives: Case[]): void {
  describe(ruleId, () => {
    it('has at least 3 positive and 3 negative cases', () => {
      assert.ok(positives.length >= 3 && negatives.length >= 3);
    });
    positives.forEach((c, i) => it(`positive #${i + 1}`, () => void expectFindings(ruleId, c)));
    negatives.forEach((c, i) => it(`negative #${i + 1}`, () => expectNone(ruleId, c)));
  });
}

export const GHA = '.github/workflows/ci.yml';

/** A minimal workflow around one job's steps (already indented by 6 spaces). */
export function workflow(steps: string, extra = ''): string {
  return `name: ci\non: push\n${extra}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
}
