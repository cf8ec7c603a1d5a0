import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../../server/src/engine';
import { checksummedToken } from '../../../server/src/engine/rules/fake';
import { indexNewFolder, MAX_FOLDER_FILES_HERE } from '../../../server/src/workspace/folderEvents';
import { noThreadScheduling } from '../../../server/src/workspace/backgroundScheduling';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';

describe('folders reported by file watchers', () => {
  let root: string;
  const engine = new Engine();
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'sh-folders-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  const indexed = (index: WorkspaceIndex) => index.inventory('2026-11-29').secrets.flatMap((s) => s.occurrences.map((o) => o.path)).sort();

  it('indexes the files of a new folder, honouring .gitignore and skipping node_modules', () => {
    const token = checksummedToken('ghp_', 'folder-events');
    write('.gitignore', 'app/build/\n');
    write('app/src/a.ts', `export const a = "${token}";\n`);
    write('app/build/b.ts', `export const b = "${token}";\n`);
    write('app/node_modules/pkg/c.js', `const c = "${token}";\n`);
    const index = new WorkspaceIndex(root, { onChange: () => undefined }, { scheduling: noThreadScheduling });
    assert.equal(indexNewFolder(index, engine, root, join(root, 'app')), true);
    assert.deepEqual(indexed(index), ['app/src/a.ts']);
    index.forgetFolder('app');
    assert.deepEqual(indexed(index), []);
  });

  it('leaves a folder of more than a few hundred files to a full index', () => {
    for (let i = 0; i <= MAX_FOLDER_FILES_HERE; i++) write(`big/f${i}.ts`, `export const n${i} = ${i};\n`);
    const index = new WorkspaceIndex(root, { onChange: () => undefined }, { scheduling: noThreadScheduling });
    assert.equal(indexNewFolder(index, engine, root, join(root, 'big')), false);
    assert.equal(index.fileCount, 0, 'nothing indexed here: the worker will');
  });
});
