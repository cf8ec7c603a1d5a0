import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexFolder } from '../../../server/src/workspace/indexFolder';
import type { IndexedFile } from '../../../server/src/workspace/indexProtocol';

describe('indexing a folder (the worker loop)', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'sh-folder-'));
    mkdirSync(join(root, 'src'));
    for (let i = 0; i < 6; i++) writeFileSync(join(root, 'src', `f${i}.ts`), `export const value${i} = ${i};\\n`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('walks past the paths a replaced worker already sent, scanning the rest once', () => {
    const sent: IndexedFile[] = [];
    const stats = indexFolder({ type: 'index', root, settings: {}, exclude: [], gitignore: true, skip: ['src/f0.ts', 'src/f3.ts'] }, (files) => sent.push(...files), { batchSize: 2 });
    assert.equal(stats.scanned, 4);
    assert.deepEqual(sent.map((f) => f.facts.path).sort(), ['src/f1.ts', 'src/f2.ts', 'src/f4.ts', 'src/f5.ts']);
  });

  it('reports progress after every batch', () => {
    const progress: number[] = [];
    indexFolder({ type: 'index', root, settings: {}, exclude: [], gitignore: true }, () => undefined, { batchSize: 2, onProgress: (scanned) => progress.push(scanned) });
    assert.deepEqual(progress, [2, 4, 6]);
  });
});
