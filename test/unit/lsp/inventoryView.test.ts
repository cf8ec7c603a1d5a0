import { strict as assert } from 'node:assert';
import { pathToFileURL } from 'node:url';
import type { LogicalSecret, Occurrence } from '../../../server/src/engine/inventory';
import { secretView } from '../../../server/src/lsp/inventoryView';
import { expandInventory, type InventoryAnswer } from '../../../shared/inventoryProtocol';

function secretAt(...paths: string[]): LogicalSecret {
  const occurrences: Occurrence[] = paths.map((path) => ({ path, line: 1, character: 2, startOffset: 10, endOffset: 20, kind: 'env-read' }));
  return { name: 'API_TOKEN', statuses: ['referenced'], status: 'referenced', occurrences, environments: [], owners: [], providers: [], ruleIds: [], referenceKinds: ['env-read'] };
}

function answer(folder: string, secret: LogicalSecret): InventoryAnswer {
  const view = secretView(folder, secret);
  const counts = { 'hard-coded': 0, referenced: 1, 'declared-unused': 0, undeclared: 0, 'rotation-overdue': 0, total: 1 };
  return { folders: [{ uri: folder, name: 'space', secrets: [view], counts, indexing: false }], total: 1, hardCoded: 0, indexing: false };
}

describe('inventory view', () => {
  it('sends each occurrence by path, line, character and length (no URI nor range on the wire)', () => {
    const view = secretView(pathToFileURL('/work/space').href, secretAt('src/app.ts'));
    assert.deepEqual(view.occurrences[0], { path: 'src/app.ts', line: 1, character: 2, length: 10, kind: 'env-read', environment: undefined, ruleId: undefined, preview: undefined, fingerprint: undefined });
  });

  it('expands occurrences on the client: URIs resolved against the folder, escaping what a URI path must, and ranges', () => {
    const folder = pathToFileURL('/work/space').href;
    const paths = ['src/app.ts', 'docs/my notes/secret #1.md', 'config/prod/été.env', "src/(legacy)/it's-fine_~.js"];
    const expanded = expandInventory(answer(folder, secretAt(...paths))).folders[0].secrets[0];
    assert.deepEqual(
      expanded.occurrences.map((o) => o.uri),
      // Each segment as encodeURIComponent writes it (what the client turns back into a path).
      paths.map((p) => `${folder}/${p.split('/').map(encodeURIComponent).join('/')}`),
    );
    assert.equal(expanded.occurrences[1].uri, `${folder}/docs/my%20notes/secret%20%231.md`);
    assert.deepEqual(expanded.occurrences.map((o) => o.path), paths);
    assert.deepEqual(expanded.occurrences[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 12 } });
  });

  it('resolves against a folder URI with or without its trailing slash', () => {
    const expanded = expandInventory(answer('file:///work/space/', secretAt('a.env'))).folders[0].secrets[0];
    assert.equal(expanded.occurrences[0].uri, 'file:///work/space/a.env');
  });
});
