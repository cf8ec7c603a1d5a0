// The secrets inventory through the extension's exported API: the model lists the hard-coded GitHub
// token of src/config.ts with its masked preview, the Secrets view's items show it,
// the activity-bar badge counts hard-coded plus rotation-overdue secrets, and nothing holds a value.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { SecretHygieneApi } from '../../../client/src/api';
import type { InventoryResult } from '../../../shared/inventoryProtocol';
import type { InventoryTreeItemInfo } from '../../../client/src/inventory/inventoryView';
import { assertNoSecret, codeOf, EXTENSION_ID, loadManifest, openFixture, ours, waitFor } from './helpers';

async function allItems(api: SecretHygieneApi, parentId?: string, depth = 0): Promise<InventoryTreeItemInfo[]> {
  const items = await api.getInventoryTreeItems(parentId);
  const nested = depth < 5 ? await Promise.all(items.filter((i) => i.collapsible).map((i) => allItems(api, i.id, depth + 1))) : [];
  return [...items, ...nested.flat()];
}

describe('secrets inventory (exported API)', () => {
  const manifest = loadManifest();
  let api: SecretHygieneApi;
  let secret: string;
  let inventory: InventoryResult;

  before(async () => {
    const extension = vscode.extensions.getExtension<SecretHygieneApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    await api.ready;
    const document = await openFixture(manifest.primary.path);
    const diagnostic = await waitFor('the primary diagnostic', () => ours(document.uri).find((d) => codeOf(d) === manifest.primary.code));
    secret = document.getText(diagnostic.range);
    inventory = await waitFor('an inventory listing src/config.ts', async () => {
      const result = await api.getInventory();
      const listed = result.folders.some((f) => f.secrets.some((s) => s.occurrences.some((o) => o.path === manifest.primary.path)));
      return !result.indexing && listed ? result : undefined;
    });
  });

  it('lists the hard-coded token with its masked preview and never the value', () => {
    const expected = manifest.files.find((f) => f.path === manifest.primary.path)!.expected.find((e) => e.code === manifest.primary.code)!;
    const occurrences = inventory.folders.flatMap((f) => f.secrets.flatMap((s) => s.occurrences.map((o) => ({ s, o }))))
      .filter(({ o }) => o.path === manifest.primary.path && o.kind === 'hard-coded');
    assert.ok(occurrences.length > 0, 'a hard-coded occurrence in src/config.ts');
    const token = occurrences.find(({ o }) => o.ruleId === manifest.primary.code);
    assert.ok(token, `an occurrence with rule ${manifest.primary.code}`);
    assert.strictEqual(token.o.preview, expected.preview);
    assert.strictEqual(token.o.range.start.line, manifest.primary.line);
    assert.ok(token.s.statuses.includes('hard-coded'));
    assert.ok(inventory.hardCoded >= 1);
    assertNoSecret(JSON.stringify(inventory), secret, 'the inventory');
  });

  // Reveal is covered by inventoryView.test.ts. (Revealing here, before that suite, made its "fix from
  // the tree" test time out waiting for a new file in the inventory: reported to the view's owner.)
  it('the Secrets view shows the token and nothing in the tree holds the value', async () => {
    const items = await allItems(api);
    const text = items.map((i) => [i.label, i.description, i.tooltip].filter(Boolean).join(' ')).join('\n');
    assertNoSecret(text, secret, 'the Secrets view');
    const fileItem = items.find((i) => `${i.label} ${i.description ?? ''} ${i.tooltip ?? ''}`.includes('config.ts') && !i.collapsible);
    assert.ok(fileItem, `a Secrets view item for config.ts among: ${items.map((i) => i.label).join(', ')}`);
  });

  it('the badge counts hard-coded and rotation-overdue secrets', () => {
    const overdue = inventory.folders.flatMap((f) => f.secrets).filter((s) => s.rotation?.overdue).length;
    const badge = api.getInventoryBadge();
    assert.ok(badge, 'a badge is shown');
    assert.strictEqual(badge.value, inventory.hardCoded + overdue);
  });
});
