import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, resolveSettings } from '../../server/src/engine';
import { FAKE_KINDS } from '../../scripts/examples/fakeKinds';
import { renderExamples, type RenderedFile } from '../../scripts/examples/render';
import { assertNoSecret, ensureCliBuilt, REPO, runJson, type JsonFinding } from './helpers';

/**
 * The examples workspace, rendered with generated fake secrets, scanned by the real CLI:
 * clean files give no finding; findings only sit on planted values or planted lines; every planted
 * value and line is reported once a rule for it exists in the catalogue (pending until then).
 */
describe('cli: examples workspace', function () {
  this.timeout(60_000);
  let outDir: string;
  let rendered: RenderedFile[];
  let findings: JsonFinding[];
  const catalogue = new Set(new Engine(resolveSettings({})).allRules().map((r) => r.id));

  before(() => {
    ensureCliBuilt();
    outDir = mkdtempSync(join(tmpdir(), 'sh-examples-'));
    rendered = renderExamples(join(REPO, 'examples'), outDir);
    const run = runJson(['scan', outDir, '--fail-on', 'none'], REPO);
    assert.equal(run.code, 0, run.stderr);
    findings = run.json.findings;
    const values = rendered.flatMap((f) => f.values.map((v) => f.text.slice(v.start, v.end)));
    assertNoSecret(JSON.stringify(run.json), 'examples scan');
    // Also no 16-character piece from the middle of a value (fixed prefixes and PEM headers are not secret).
    const output = JSON.stringify(run.json);
    for (const value of values) {
      const middle = Math.floor(value.length / 2);
      assert.ok(!output.includes(value.slice(middle - 8, middle + 8)), 'part of a planted value leaked');
    }
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  const isPlanted = (f: RenderedFile) => f.values.length > 0 || f.problems.length > 0;

  it('renders planted files and clean files, and every marker kind is known', () => {
    assert.ok(rendered.filter(isPlanted).length >= 8, 'planted files');
    assert.ok(rendered.filter((f) => !isPlanted(f)).length >= 10, 'clean files');
    for (const f of rendered) assert.ok(!/\{\{fake:/.test(f.text), `${f.file} still has a marker`);
  });

  it('gives no finding in any clean file', () => {
    const clean = new Set(rendered.filter((f) => !isPlanted(f)).map((f) => f.file));
    const noisy = findings.filter((f) => clean.has(f.file)).map((f) => `${f.file}:${f.range.start.line + 1} ${f.rule}`);
    assert.deepEqual(noisy, []);
  });

  it('reports only planted values and planted lines in planted files', () => {
    const byFile = new Map(rendered.map((f) => [f.file, f]));
    const stray = findings.filter((finding) => {
      const file = byFile.get(finding.file);
      if (!file) return true;
      const onValue = file.values.some((v) => finding.startOffset < v.end && v.start < finding.endOffset);
      const onLine = file.problems.some((p) => p.line === finding.range.start.line);
      return !onValue && !onLine;
    });
    assert.deepEqual(stray.map((f) => `${f.file}:${f.range.start.line + 1} ${f.rule}`), []);
  });

  it('reports every planted value whose rule exists', function () {
    const missed: string[] = [];
    const pending: string[] = [];
    for (const file of rendered) {
      for (const v of file.values) {
        const hit = findings.some((f) => f.file === file.file && f.startOffset < v.end && v.start < f.endOffset);
        if (hit) continue;
        const where = `${file.file} (${v.kind})`;
        if (FAKE_KINDS[v.kind].rules.some((id) => catalogue.has(id))) missed.push(where);
        else pending.push(where);
      }
    }
    assert.deepEqual(missed, []);
    if (pending.length) {
      console.log(`      pending, no rule for these planted values yet: ${pending.join(', ')}`);
      this.skip();
    }
  });

  it('reports every planted problem line whose rule exists', function () {
    const missed: string[] = [];
    const pending: string[] = [];
    for (const file of rendered) {
      for (const p of file.problems) {
        const where = `${file.file}:${p.line + 1} (${p.rule})`;
        if (!catalogue.has(p.rule)) pending.push(where);
        else if (!findings.some((f) => f.file === file.file && f.rule === p.rule && f.range.start.line === p.line)) missed.push(where);
      }
    }
    assert.deepEqual(missed, []);
    if (pending.length) {
      console.log(`      pending, rules not in the catalogue yet: ${pending.join(', ')}`);
      this.skip();
    }
  });
});
