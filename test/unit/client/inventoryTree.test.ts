// The Secrets view's pure pieces: tree building per grouping, ids and parents (reveal), icons, context
// values against package.json `when` clauses, tooltips and labels that never hold a value.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseInventoryFile } from '../../../server/src/engine/inventory';
import { badgeFor, safePreview, secretTooltip } from '../../../client/src/inventory/presentation';
import { starterInventory } from '../../../client/src/inventory/starterInventory';
import {
  GROUPINGS,
  allNodes,
  attentionCounts,
  buildInventoryTree,
  hardCodedUnder,
  type InventoryNode,
  type InventoryTree,
} from '../../../client/src/inventory/treeModel';
import { folderFixture, result, sampleFixture } from './inventoryFixture';

const fixture = sampleFixture();

function rendered(node: InventoryNode): string {
  const v = node.view;
  return [node.id, v.label, v.description ?? '', v.tooltip ?? '', v.resourceUri ?? '', JSON.stringify(v.location ?? null), v.contextValue].join('\n');
}

/** Fails when `text` holds any 8-character run of a secret past its 4-character public prefix. */
function assertNoSecret(text: string, secret: string, where: string): void {
  for (let i = 4; i + 8 <= secret.length; i++) {
    assert.ok(!text.includes(secret.slice(i, i + 8)), `${where} contains part of a secret value (offset ${i})`);
  }
}

function labels(nodes: InventoryNode[]): string[] {
  return nodes.map((n) => n.view.label);
}

function find(tree: InventoryTree, predicate: (n: InventoryNode) => boolean): InventoryNode {
  const node = allNodes(tree).find(predicate);
  assert.ok(node, 'node not found');
  return node;
}

describe('Secrets view tree (client)', () => {
  describe('group by secret', () => {
    const tree = buildInventoryTree(fixture.result, 'secret');

    it('lists the logical secrets in the server order (most urgent first) with status icons', () => {
      assert.deepEqual(labels(tree.roots), ['DB_PASSWORD', 'GITHUB_TOKEN', 'NPM_TOKEN', 'SLACK_WEBHOOK', 'OLD_DEPLOY_KEY', 'STRIPE_API_KEY']);
      assert.deepEqual(
        tree.roots.map((n) => n.view.icon?.id),
        ['error', 'error', 'warning', 'question', 'circle-outline', 'key'],
      );
    });

    it('describes status, places and owners; puts occurrences under their secret', () => {
      const github = tree.roots[1];
      assert.equal(github.view.description, 'hard-coded (leaked) · 2 places · @acme/platform');
      assert.equal(github.view.collapsible, 'collapsed');
      assert.deepEqual(labels(github.children), ['src/config.ts:2', 'src/deploy.ts:1']);
      assert.deepEqual(github.children.map((c) => c.view.description), ['Hard-coded · ghp_…(40 chars)', 'Hard-coded · ghp_…(40 chars)']);
      const first = github.children[0];
      assert.equal(first.view.location?.uri, 'file:///work/app/src/config.ts');
      assert.deepEqual(first.view.location?.range.start, { line: 1, character: 16 });
      const npm = tree.roots[2];
      assert.equal(npm.view.description, 'rotation overdue · 1 place · @acme/release');
      assert.deepEqual(npm.children.map((c) => c.view.description), ['GitHub Actions secret · production']);
    });

    it('opens the inventory file for a secret declared but used nowhere', () => {
      const unused = tree.roots[4];
      assert.equal(unused.view.collapsible, 'none');
      assert.equal(unused.view.location?.uri, 'file:///work/app/.secrets-inventory.yml');
    });
  });

  describe('group by file', () => {
    const tree = buildInventoryTree(fixture.result, 'file');

    it('lists files by path, each with its secrets, and a group of declared-only secrets', () => {
      assert.deepEqual(labels(tree.roots), ['release.yml', 'db.env', 'config.ts', 'deploy.ts', 'Declared, not used']);
      assert.deepEqual(tree.roots.map((n) => n.view.description), ['.github/workflows', 'config/prod · 1 hard-coded', 'src · 1 hard-coded', 'src · 1 hard-coded', '1 secret']);
      const config = tree.roots[2];
      assert.equal(config.view.resourceUri, 'file:///work/app/src/config.ts');
      assert.deepEqual(labels(config.children), ['GITHUB_TOKEN', 'STRIPE_API_KEY']);
      assert.deepEqual(config.children.map((c) => c.view.description), ['line 2 · Hard-coded · ghp_…(40 chars)', 'line 3 · Environment variable']);
      assert.deepEqual(labels(tree.roots[4].children), ['OLD_DEPLOY_KEY']);
    });
  });

  describe('group by kind', () => {
    const tree = buildInventoryTree(fixture.result, 'kind');

    it('groups by how each secret is held or used, hard-coded first', () => {
      assert.deepEqual(labels(tree.roots), ['Hard-coded', 'GitHub Actions secret', 'Environment variable', 'Declared, not used']);
      assert.deepEqual(labels(tree.roots[0].children), ['DB_PASSWORD', 'GITHUB_TOKEN']);
      assert.deepEqual(labels(tree.roots[1].children), ['NPM_TOKEN', 'SLACK_WEBHOOK']);
      assert.deepEqual(labels(tree.roots[2].children), ['STRIPE_API_KEY']);
    });
  });

  describe('ids and parents (reveal)', () => {
    for (const grouping of GROUPINGS) {
      it(`${grouping}: ids are unique, stable across rebuilds, and every parent link leads to a root`, () => {
        const a = buildInventoryTree(fixture.result, grouping);
        const b = buildInventoryTree(sampleFixture().result, grouping);
        assert.deepEqual(allNodes(a).map((n) => n.id), allNodes(b).map((n) => n.id));
        for (const node of allNodes(a)) {
          assert.equal(a.byId.get(node.id), node);
          let top = node;
          while (top.parent) {
            assert.ok(top.parent.children.includes(top), `${top.id} is a child of its parent`);
            top = top.parent;
          }
          assert.ok(a.roots.includes(top), `${node.id} reaches a root`);
        }
      });
    }

    it('finds every node of a secret by its protocol id', () => {
      const tree = buildInventoryTree(fixture.result, 'kind');
      const npm = fixture.result.folders[0].secrets.find((s) => s.name === 'NPM_TOKEN')!;
      assert.deepEqual(tree.secretNodes(npm.id).map((n) => n.parent?.view.label), ['GitHub Actions secret']);
    });
  });

  describe('several workspace folders', () => {
    it('puts each folder with secrets on top, with counts', () => {
      const two = result([
        sampleFixture('file:///work/app').result.folders[0],
        folderFixture('file:///work/site', 'site', { 'deploy.yml': 'token: ${{ secrets.DEPLOY_TOKEN }}\n' }),
        folderFixture('file:///work/empty', 'empty', { 'README.md': '# nothing here\n' }),
      ]);
      const tree = buildInventoryTree(two, 'secret');
      assert.deepEqual(labels(tree.roots), ['app', 'site']);
      assert.equal(tree.roots[0].view.description, '6 secrets · 2 hard-coded · 1 overdue');
      assert.deepEqual(labels(tree.roots[1].children), ['DEPLOY_TOKEN']);
      assert.equal(tree.roots[1].children[0].parent, tree.roots[1]);
    });

    it('is empty without a result or without secrets (the welcome view shows)', () => {
      assert.equal(buildInventoryTree(undefined, 'secret').roots.length, 0);
      assert.equal(buildInventoryTree(result([folderFixture('file:///w', 'w', { 'a.txt': 'hello\n' })]), 'file').roots.length, 0);
    });
  });

  describe('context values match the package.json menus', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    const entries: { command: string; when: string }[] = manifest.contributes.menus['view/item/context'];
    /** Commands whose `viewItem =~ /re/` clause accepts this context value. */
    const menuFor = (contextValue: string) =>
      new Set(
        entries
          .filter((e) => {
            const m = /viewItem =~ \/(.+?)\//.exec(e.when);
            assert.ok(m, `menu entry ${e.command} tests viewItem with a regex`);
            return new RegExp(m[1]).test(contextValue);
          })
          .map((e) => e.command.replace('secretHygiene.inventory.', '')),
      );
    const tree = buildInventoryTree(fixture.result, 'secret');
    const byLabel = (label: string) => find(tree, (n) => n.view.label === label);

    it('offers fix, ignore, leak response, docs and rotation on a hard-coded secret', () => {
      assert.deepEqual([...menuFor(byLabel('GITHUB_TOKEN').view.contextValue)].sort(), ['applyFix', 'copyReference', 'ignore', 'markRotated', 'openRuleDocs', 'showLeakResponse']);
    });

    it('offers fix and ignore on a hard-coded occurrence but no rotation', () => {
      const occurrence = byLabel('GITHUB_TOKEN').children[0];
      assert.deepEqual([...menuFor(occurrence.view.contextValue)].sort(), ['applyFix', 'copyReference', 'ignore', 'openRuleDocs', 'showLeakResponse']);
    });

    it('offers no fix on a referenced secret or its occurrences', () => {
      const npm = byLabel('NPM_TOKEN');
      assert.deepEqual([...menuFor(npm.view.contextValue)].sort(), ['copyReference', 'markRotated']);
      assert.deepEqual([...menuFor(npm.children[0].view.contextValue)].sort(), ['copyReference']);
    });

    it('finds the hard-coded occurrences a fix applies to under any node', () => {
      assert.equal(hardCodedUnder(byLabel('GITHUB_TOKEN')).length, 2);
      assert.equal(hardCodedUnder(byLabel('NPM_TOKEN')).length, 0);
      const fileTree = buildInventoryTree(fixture.result, 'file');
      assert.deepEqual(hardCodedUnder(fileTree.roots[2]).map((o) => o.path), ['src/config.ts']);
    });
  });

  describe('no value anywhere', () => {
    for (const grouping of GROUPINGS) {
      it(`${grouping}: labels, descriptions, tooltips, ids and click arguments hold masked previews only`, () => {
        const tree = buildInventoryTree(fixture.result, grouping);
        let previews = 0;
        for (const node of allNodes(tree)) {
          const text = rendered(node);
          for (const secret of fixture.secrets) assertNoSecret(text, secret, `${grouping} node ${node.view.label}`);
          if (/…\(\d+ chars\)/.test(text)) previews++;
        }
        assert.ok(previews >= 3, 'hard-coded items show their masked preview');
      });
    }

    it('reduces a preview that is not in the masked shape to its length', () => {
      const leaked = fixture.secrets[0];
      assert.equal(safePreview(leaked), `…(${leaked.length} chars)`);
      assert.equal(safePreview('ghp_…(40 chars)'), 'ghp_…(40 chars)');
      const secret = structuredClone(fixture.result.folders[0].secrets.find((s) => s.name === 'GITHUB_TOKEN')!);
      secret.occurrences[0].preview = leaked;
      const tree = buildInventoryTree(result([{ ...fixture.result.folders[0], secrets: [secret] }]), 'secret');
      for (const node of allNodes(tree)) assertNoSecret(rendered(node), leaked, `node ${node.view.label}`);
      assertNoSecret(secretTooltip(secret), leaked, 'secret tooltip');
    });

    it('tooltips say owner, rotation and what to do', () => {
      const tree = buildInventoryTree(fixture.result, 'secret');
      const npm = tree.roots[2].view.tooltip!;
      assert.match(npm, /Owner: @acme\/release/);
      assert.match(npm, /Rotation: every 90 days, last rotated 2026-01-10, overdue by \d+ days/);
      assert.match(npm, /Reference: `\$\{\{ secrets\.NPM_TOKEN \}\}`/);
      const github = tree.roots[1].view.tooltip!;
      assert.match(github, /Hard-coded 2 times \(`ghp_…\(40 chars\)`\): rotate it/);
      assert.match(github, /Owner: @acme\/platform \(CODEOWNERS\)/);
    });
  });

  describe('badge and starter inventory file', () => {
    it('counts hard-coded plus overdue secrets', () => {
      const counts = attentionCounts(fixture.result);
      assert.deepEqual(counts, { hardCoded: 2, overdue: 1 });
      assert.deepEqual(badgeFor(counts.hardCoded, counts.overdue), { value: 3, tooltip: 'Secret Hygiene: 2 hard-coded secrets, 1 secret overdue for rotation' });
      assert.equal(badgeFor(0, 0), undefined);
    });

    it('declares the referenced secrets by name, and parses without problems', () => {
      const text = starterInventory(fixture.result.folders[0]);
      const parsed = parseInventoryFile(text);
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.secrets.map((s) => s.name), ['NPM_TOKEN', 'SLACK_WEBHOOK', 'STRIPE_API_KEY']);
      for (const secret of fixture.secrets) assertNoSecret(text, secret, 'starter inventory');
      assert.deepEqual(parseInventoryFile(starterInventory(undefined)).problems, []);
    });
  });
});
