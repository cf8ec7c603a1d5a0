import { strict as assert } from 'node:assert';
import { pathToFileURL } from 'node:url';
import type { LogicalSecret, Occurrence } from '../../../server/src/engine/inventory';
import { secretView } from '../../../server/src/lsp/inventoryView';

function secretAt(...paths: string[]): LogicalSecret {
  const occurrences: Occurrence[] = paths.map((path) => ({ path, line: 1, character: 2, startOffset: 10, endOffset: 20, kind: 'env-read' }));
  return { name: 'API_TOKEN', statuses: ['referenced'], status: 'referenced', occurrences, environments: [], owners: [], providers: [], ruleIds: [], referenceKinds: ['env-read'] };
}

describe('inventory view', () => {
  it('resolves occurrence URIs against the folder, escaping what a URI path must', () => {
    const folder = pathToFileURL('/work/space').href;
    const paths = ['src/app.ts', 'docs/my notes/secret #1.md', 'config/prod/été.env', "src/(legacy)/it's-fine_~.js"];
    const view = secretView(folder, secretAt(...paths));
    assert.deepEqual(
      view.occurrences.map((o) => o.uri),
      // Each segment as encodeURIComponent writes it (what the client turns back into a path).
      paths.map((p) => `${folder}/${p.split('/').map(encodeURIComponent).join('/')}`),
    );
    assert.equal(view.occurrences[1].uri, `${folder}/docs/my%20notes/secret%20%231.md`);
    assert.deepEqual(view.occurrences.map((o) => o.path), paths);
    assert.deepEqual(view.occurrences[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 12 } });
  });
});
