import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { parseYaml } from '../../server/src/engine/pipeline/yamlModel';
import { isSpliceable, spliceEdit, YAML_OPTIONS } from '../../server/src/engine/pipeline/yamlSplice';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { largeWorkflow } from '../fixtures/pipelines/largeWorkflow';
import { seededRandom } from '../../server/src/engine/rules/fake';

/** Every node of a document as lines: kind, range and scalar value, in document order. */
function shape(doc: Document): string[] {
  const out: string[] = [];
  const walk = (node: unknown, depth: number): void => {
    const pad = ' '.repeat(depth);
    if (node == null) {
      out.push(`${pad}null`);
      return;
    }
    if (isPair(node)) {
      out.push(`${pad}pair`);
      walk(node.key, depth + 1);
      walk(node.value, depth + 1);
      return;
    }
    const n = node as { range?: number[]; constructor: { name: string } };
    const head = `${pad}${n.constructor.name} ${JSON.stringify(n.range)}`;
    if (isScalar(node)) out.push(`${head} ${node.type} ${JSON.stringify(node.value)}`);
    else if (isMap(node) || isSeq(node)) {
      out.push(`${head} flow=${!!node.flow}`);
      for (const item of node.items) walk(item, depth + 1);
    } else out.push(head);
  };
  out.push(`doc ${JSON.stringify(doc.range)}`);
  walk(doc.contents, 0);
  return out;
}

function fixtureTexts(): { name: string; text: string }[] {
  const root = join(__dirname, '..', 'fixtures', 'pipelines', 'clean');
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry)) out.push({ name: path.slice(root.length + 1), text: readFileSync(path, 'utf8') });
    }
  };
  walk(root);
  out.push({ name: 'generated 300-line workflow', text: largeWorkflow(300) });
  return out;
}

/** Typing-like edits, structural ones included (new keys, items, indentation, quotes, flow, anchors, tabs). */
const INSERTS = [' ', 'x', 'e', '1', '\n', ': ', '- ', '#', '"', "'", '|', '>', '  ', '\t', '{', '[', ']', ',', '&a ', '*a', '---\n', 'key: value\n', '\n  - run: echo hi', '\n    name: step', 'run: |\n  echo a\n'];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const choice = next();
  if (choice < 0.55) {
    const insert = INSERTS[Math.floor(next() * INSERTS.length)];
    return text.slice(0, at) + insert + text.slice(at);
  }
  const length = 1 + Math.floor(next() * (choice < 0.85 ? 3 : 40));
  return text.slice(0, at) + text.slice(at + length);
}

describe('incremental YAML (splicing one edited entry into the previous parse)', () => {
  const fixtures = fixtureTexts();

  // SPLICE_FUZZ_EDITS=2000 SPLICE_FUZZ_SEED=7 runs a longer search (minutes) with other edits.
  const editsPerFixture = Number(process.env.SPLICE_FUZZ_EDITS ?? 100);
  const seed = Number(process.env.SPLICE_FUZZ_SEED ?? 1000);

  it('gives the same nodes, values and ranges as a full parse, over random edits of every clean pipeline', function () {
    this.timeout(Math.max(20_000, editsPerFixture * 400));
    let spliced = 0;
    let total = 0;
    for (const [f, fixture] of fixtures.entries()) {
      const next = seededRandom(seed + f);
      let text = fixture.text;
      let doc: Document = parseDocument(text, YAML_OPTIONS);
      for (let i = 0; i < editsPerFixture; i++) {
        const changed = edit(text, next);
        const full = parseDocument(changed, YAML_OPTIONS);
        const result = isSpliceable(doc) ? spliceEdit(text, doc, changed) : undefined;
        if (doc.errors.length === 0 && full.errors.length === 0) total++;
        if (result) {
          spliced++;
          assert.equal(full.errors.length, 0, `${fixture.name}, edit ${i}: spliced although a full parse has errors`);
          const got = shape(result);
          const want = shape(full);
          const line = got.findIndex((l, k) => l !== want[k]);
          assert.deepEqual(got, want, `${fixture.name}, edit ${i} (seed ${seed + f}): first difference at ${line}: ${got[line]} / ${want[line]}\n${JSON.stringify(text)}\n${JSON.stringify(changed)}`);
          doc = result;
        } else doc = full;
        text = changed;
        // Keep the texts close to valid pipelines: start over when they have drifted into errors.
        if (doc.errors.length > 0 && next() < 0.3) {
          text = fixture.text;
          doc = parseDocument(text, YAML_OPTIONS);
        }
      }
    }
    // Most edits between two valid texts land inside one entry: the splice must actually be used.
    assert.ok(spliced > total * 0.5, `spliced ${spliced} of ${total} edits between valid texts`);
    console.log(`      (spliced ${spliced} of ${total} edits between valid texts)`);
  });

  it('splices a one-character edit inside a step of a large workflow', () => {
    const text = largeWorkflow(1000);
    const doc = parseDocument(text, YAML_OPTIONS);
    const at = text.indexOf('\n', text.indexOf('name: ', text.length / 2));
    const changed = `${text.slice(0, at)}x${text.slice(at)}`;
    const result = spliceEdit(text, doc, changed);
    assert.ok(result, 'the edit was spliced');
    assert.deepEqual(shape(result), shape(parseDocument(changed, YAML_OPTIONS)));
  });

  it('declines edits it cannot splice exactly: a new sibling key, anchors, document markers, tabs', () => {
    const text = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo one\n      - run: echo two\n';
    const doc = () => parseDocument(text, YAML_OPTIONS);
    const at = text.indexOf('echo one') + 8;
    for (const insert of ['\n  test:\n    runs-on: x', ' &anchor', '\n---\n', '\n\t- run: x']) {
      const changed = `${text.slice(0, at)}${insert}${text.slice(at)}`;
      const result = spliceEdit(text, doc(), changed);
      if (result) assert.deepEqual(shape(result), shape(parseDocument(changed, YAML_OPTIONS)), JSON.stringify(insert));
      else assert.equal(result, undefined);
    }
    assert.equal(spliceEdit(text, doc(), `${text.slice(0, at)}\n  test:\n    runs-on: x${text.slice(at)}`), undefined);
    assert.equal(isSpliceable(parseDocument('a: &x 1\nb: *x\n', YAML_OPTIONS)), false);
  });

  it('parseYaml reuses a file\'s previous parse for its next version and keeps other files apart', () => {
    const a = largeWorkflow(200);
    const b = 'stages: [build]\nbuild:\n  script:\n    - make\n';
    const first = parseYaml(a, new LineIndex(a), 'a.yml');
    parseYaml(b, new LineIndex(b), 'b.yml');
    const at = a.indexOf('\n', a.indexOf('name: ', a.length / 2));
    const a2 = `${a.slice(0, at)}y${a.slice(at)}`;
    const second = parseYaml(a2, new LineIndex(a2), 'a.yml');
    assert.equal(second.doc, first.doc, 'the same document object, updated in place');
    assert.deepEqual(shape(second.doc), shape(parseDocument(a2, YAML_OPTIONS)));
    assert.deepEqual(parseYaml(b, new LineIndex(b), 'b.yml').doc.toJSON(), { stages: ['build'], build: { script: ['make'] } });
  });
});
