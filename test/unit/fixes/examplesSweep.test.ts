import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine, resolveSettings } from '../../../server/src/engine';
import { applyEdits, computeFixes, fixAll, resolveBackendSettings } from '../../../server/src/engine/fixes';
import { stillParses } from '../../../server/src/engine/fixes/verify';
import { renderExamples } from '../../../scripts/examples/render';

/**
 * Every fix of every finding in the rendered demo workspace (examples/ with generated fake secrets):
 * no fix throws, every offered fix keeps the file parsing, a secret value only ever lands in .env,
 * preferred fixes make their finding go away, and fix-all leaves no fixable finding and still parses.
 */
describe('fixes: sweep over the demo workspace', function () {
  this.timeout(60_000);
  const engine = new Engine(resolveSettings({}));
  const backend = resolveBackendSettings({}, 'orders');
  let dir: string;
  let files: { file: string; text: string }[];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sh-fix-sweep-'));
    files = renderExamples(path.resolve(__dirname, '../../../examples'), dir).map((r) => ({ file: r.file, text: r.text }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has findings to fix', () => {
    const total = files.reduce((n, f) => n + engine.scan(f.text, f.file).findings.length, 0);
    assert.ok(total >= 10, `expected findings in the demo workspace, got ${total}`);
  });

  it('offers fixes that parse, keep values out of tracked files and remove their finding', () => {
    let preferredCount = 0;
    for (const { file, text } of files) {
      const findings = engine.scan(text, file).findings;
      for (const finding of findings) {
        const fixes = computeFixes({ text, path: file, finding, allFindings: findings, workspace: { gitignoreText: '.env\n' }, backend });
        assert.ok(fixes.filter((f) => f.preferred).length <= 1, `${file} ${finding.ruleId}: at most one preferred fix`);
        const value = text.slice(finding.startOffset, finding.endOffset);
        for (const fix of fixes) {
          const doc = fix.files.find((f) => f.path === file);
          if (!doc) continue;
          const after = applyEdits(text, doc.edits);
          assert.ok(stillParses(file, text, after), `${file} ${finding.ruleId} ${fix.id}: still parses`);
          for (const other of fix.files) {
            if (other.path === '.env' || finding.kind !== 'secret' || value.length < 8) continue;
            if (fix.category === 'suppression') continue;
            const count = (t: string) => t.split(value).length - 1;
            if (other.path === file) assert.ok(count(after) < count(text), `${file} ${finding.ruleId} ${fix.id}: the value leaves the document`);
            else assert.equal(count(other.edits.map((e) => e.newText).join('')), 0, `${file} ${finding.ruleId} ${fix.id}: value stays out of ${other.path}`);
          }
          if (fix.preferred && doc.edits.length > 0) {
            preferredCount++;
            const left = engine.scan(after, file).findings;
            assert.ok(!left.some((f) => f.ruleId === finding.ruleId && f.fingerprint === finding.fingerprint && f.startOffset === finding.startOffset), `${file} ${finding.ruleId}: finding gone after the preferred fix`);
          }
        }
      }
    }
    assert.ok(preferredCount >= 10, `preferred fixes applied: ${preferredCount}`);
  });

  it('fix-all converges: parses, fixes something, and a second run changes nothing', () => {
    let fixed = 0;
    for (const { file, text } of files) {
      const first = fixAll({ text, path: file, workspace: { gitignoreText: '.env\n' }, backend, scan: (t) => engine.scan(t, file).findings });
      const doc = first.files.find((f) => f.path === file);
      const after = doc ? applyEdits(text, doc.edits) : text;
      assert.ok(stillParses(file, text, after), `${file}: parses after fix-all`);
      const env = first.files.find((f) => f.path === '.env');
      const envText = env ? env.edits.map((e) => e.newText).join('') : undefined;
      const second = fixAll({ text: after, path: file, workspace: { gitignoreText: '.env\n', envText }, backend, scan: (t) => engine.scan(t, file).findings });
      assert.equal(second.fixed, 0, `${file}: second fix-all has nothing left to fix`);
      fixed += first.fixed;
    }
    assert.ok(fixed >= 10, `fix-all fixed ${fixed} findings`);
  });
});
