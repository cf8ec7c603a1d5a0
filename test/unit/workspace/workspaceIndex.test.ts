import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../../server/src/engine';
import { checksummedToken } from '../../../server/src/engine/rules/fake';
import { indexText } from '../../../server/src/workspace/scanFile';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';

describe('workspace index', function () {
  this.timeout(20000);
  let root: string;
  const token = checksummedToken('ghp_', 'workspace-index');

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'sh-index-'));
    const write = (rel: string, text: string) => {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), text);
    };
    write('.gitignore', 'build/\n');
    write('build/out.js', `const t = "${token}";`);
    write('node_modules/pkg/index.js', `const t = "${token}";`);
    write('src/github.ts', `export const token = "${token}";\n`);
    write('.github/workflows/ci.yml', 'jobs:\n  test:\n    steps:\n      - run: npm test\n        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n');
    write('.secrets-inventory.yml', 'secrets:\n  - name: NPM_TOKEN\n    owner: "@acme/release"\n');
    write('CODEOWNERS', '* @acme/dev\n');
    write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]).toString('latin1'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('indexes the folder in a worker, honouring .gitignore and skipping binaries', async () => {
    let changes = 0;
    const index = new WorkspaceIndex(root, { onChange: () => changes++ });
    const stats = await index.start({ settings: {}, exclude: [], gitignore: true });
    assert.ok(stats, 'index finished');
    assert.equal(stats.scanned, 5, 'gitignore, CODEOWNERS, inventory, workflow, source');
    assert.equal(stats.skipped, 1, 'the binary file');
    assert.ok(changes > 0);
    const inventory = index.inventory('2026-11-28');
    const names = inventory.secrets.map((s) => `${s.name}:${s.status}`);
    assert.deepEqual(names, ['GITHUB_TOKEN:hard-coded', 'NPM_TOKEN:referenced']);
    const gh = inventory.secrets[0];
    assert.deepEqual(gh.occurrences.map((o) => o.path), ['src/github.ts'], 'ignored and node_modules copies are not indexed');
    assert.deepEqual(gh.owners, ['@acme/dev']);
    assert.ok(index.signals().has('github-actions'));
    assert.ok(!JSON.stringify(inventory).includes(token));
    index.dispose();
  });

  it('prefers open documents and forgets deleted files', async () => {
    const index = new WorkspaceIndex(root, { onChange: () => undefined });
    await index.start({ settings: {}, exclude: [], gitignore: true });
    const engine = new Engine();
    index.setOpenDocument('src/github.ts', indexText(engine, 'src/github.ts', 'export const token = process.env.GITHUB_TOKEN;\n'));
    const gh = index.inventory('2026-11-28').secrets.find((s) => s.name === 'GITHUB_TOKEN')!;
    assert.equal(gh.status, 'undeclared', 'now only referenced, and not declared in the inventory file');
    index.setOpenDocument('src/github.ts', undefined);
    assert.equal(index.inventory('2026-11-28').secrets.find((s) => s.name === 'GITHUB_TOKEN')!.status, 'hard-coded');
    index.setFile('src/github.ts', undefined);
    assert.equal(index.inventory('2026-11-28').secrets.find((s) => s.name === 'GITHUB_TOKEN'), undefined);
    index.dispose();
  });

  it('keeps the inventory when an edit of an open document changes no fact', async () => {
    let changes = 0;
    const index = new WorkspaceIndex(root, { onChange: () => changes++ });
    await index.start({ settings: {}, exclude: [], gitignore: true });
    const engine = new Engine();
    const text = 'export const token = process.env.GITHUB_TOKEN;\n';
    index.setOpenDocument('src/github.ts', indexText(engine, 'src/github.ts', text));
    const before = index.inventory('2026-11-28');
    const counted = changes;
    index.setOpenDocument('src/github.ts', indexText(engine, 'src/github.ts', `${text}// a comment typed below\n`));
    assert.equal(changes, counted, 'no change announced');
    assert.equal(index.inventory('2026-11-28'), before, 'the inventory was not rebuilt');
    index.setOpenDocument('src/github.ts', indexText(engine, 'src/github.ts', `// a line above\n${text}`));
    assert.equal(changes, counted + 1, 'a moved reference is a change');
    const moved = index.inventory('2026-11-28').secrets.find((s) => s.name === 'GITHUB_TOKEN')!;
    assert.deepEqual(moved.occurrences.map((o) => o.line), [1]);
    index.dispose();
  });

  it('keeps file events that arrive while a full index runs (newer than what the worker read)', async () => {
    const index = new WorkspaceIndex(root, { onChange: () => undefined });
    const running = index.start({ settings: {}, exclude: [], gitignore: true });
    const engine = new Engine();
    const created = checksummedToken('ghp_', 'created-during-index');
    // A file created after the walk passed its folder, and an edit the worker read before it happened.
    index.setFile('src/created.ts', indexText(engine, 'src/created.ts', `export const t = "${created}";\n`));
    index.setFile('src/github.ts', indexText(engine, 'src/github.ts', 'export const token = process.env.GITHUB_TOKEN;\n'));
    assert.ok(await running);
    const gh = index.inventory('2026-11-28').secrets.find((s) => s.name === 'GITHUB_TOKEN')!;
    assert.deepEqual(
      gh.occurrences.map((o) => `${o.path}:${o.kind}`),
      ['src/created.ts:hard-coded', 'src/github.ts:env-read'],
    );
    index.dispose();
  });

  it('takes owners from CODEOWNERS as it is now after it changed', async () => {
    const index = new WorkspaceIndex(root, { onChange: () => undefined });
    await index.start({ settings: {}, exclude: [], gitignore: true });
    const owners = () => index.inventory('2026-11-28').secrets.find((s) => s.name === 'GITHUB_TOKEN')!.owners;
    assert.deepEqual(owners(), ['@acme/dev']);
    try {
      writeFileSync(join(root, 'CODEOWNERS'), '* @acme/dev\n/src/ @acme/security\n');
      index.reloadProjectFiles();
      assert.deepEqual(owners(), ['@acme/security']);
    } finally {
      writeFileSync(join(root, 'CODEOWNERS'), '* @acme/dev\n');
      index.dispose();
    }
  });

  it('builds the inventory in slices, letting other work run between them', async () => {
    const index = new WorkspaceIndex(root, { onChange: () => undefined });
    const reference = new WorkspaceIndex(root, { onChange: () => undefined });
    await Promise.all([index.start({ settings: {}, exclude: [], gitignore: true }), reference.start({ settings: {}, exclude: [], gitignore: true })]);
    const expected = JSON.stringify(reference.inventory('2026-11-28'));
    reference.dispose();
    let pauses = 0;
    const sliced = await index.inventoryInSlices('2026-11-28', async () => void pauses++, 1);
    assert.equal(pauses, 2, 'one pause after each of the two files holding a secret or a reference');
    assert.equal(JSON.stringify(sliced), expected);
    assert.equal(index.inventory('2026-11-28'), sliced, 'kept as the current inventory');
    index.dispose();
  });

  it('does not keep a sliced build during which the index changed', async () => {
    const index = new WorkspaceIndex(root, { onChange: () => undefined });
    await index.start({ settings: {}, exclude: [], gitignore: true });
    const engine = new Engine();
    const sliced = await index.inventoryInSlices('2026-11-28', async () => index.setFile('src/other.ts', indexText(engine, 'src/other.ts', 'export const k = process.env.OTHER_TOKEN;\n')), 1);
    assert.ok(!sliced.secrets.some((s) => s.name === 'OTHER_TOKEN'), 'built from the files as they were when it started');
    assert.notEqual(index.inventory('2026-11-28'), sliced);
    assert.ok(index.inventory('2026-11-28').secrets.some((s) => s.name === 'OTHER_TOKEN'));
    index.dispose();
  });

  it('lets entries of files holding nothing share their empty values, also once posted by the worker', () => {
    const engine = new Engine();
    const [a, b] = structuredClone([indexText(engine, 'src/a.ts', 'export const a = 1;\n'), indexText(engine, 'src/b.ts', 'export const b = 2;\n')]);
    assert.deepEqual(a, { facts: { path: 'src/a.ts', hardCoded: [], references: [], pathEnvironment: undefined }, signals: [], counts: {}, checkRules: [] });
    assert.equal(a.facts.hardCoded, b.facts.references, 'one empty list for both files');
    assert.equal(a.counts, b.counts);
    const holding = indexText(engine, 'src/c.ts', `export const t = "${token}";\n`);
    assert.equal(holding.facts.hardCoded.length, 1);
    assert.equal(holding.counts.secret, 1);
  });

  it('cancels a running index when restarted', async () => {
    const index = new WorkspaceIndex(root, { onChange: () => undefined });
    const first = index.start({ settings: {}, exclude: [], gitignore: true });
    const second = index.start({ settings: {}, exclude: ['src/**'], gitignore: true });
    assert.equal(await first, undefined, 'the first run was cancelled');
    const stats = await second;
    assert.equal(stats?.scanned, 4);
    index.dispose();
  });
});
