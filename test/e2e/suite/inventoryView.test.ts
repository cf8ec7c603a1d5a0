// The Secrets view in the real extension host: the tree matches the server's inventory of the generated
// workspace (the hard-coded token of src/config.ts, masked), every grouping, clicks and reveal, updates
// through the change notification, and the context actions (fix, ignore, leak response, report). Files
// this suite creates live under inventory-e2e/ so the other suites' fixtures stay as they are.
// Everything polls for a state; nothing sleeps for a guess.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { SecretHygieneApi } from '../../../client/src/api';
import type { InventoryTreeItemInfo } from '../../../client/src/inventory';
import type { InventoryOccurrenceView, InventoryResult, InventorySecretView } from '../../../shared/inventoryProtocol';
import { checksummedToken } from '../../../server/src/engine/rules/fake';
import { EXTENSION_ID, assertNoSecret, loadManifest, waitFor, workspaceUri } from './helpers';

const INDEX_TIMEOUT_MS = 45_000;

async function writeWorkspaceFile(relative: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function readWorkspaceFile(relative: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relative)));
  } catch {
    return undefined;
  }
}

function occurrencesIn(result: InventoryResult, uri: vscode.Uri): { secret: InventorySecretView; occurrence: InventoryOccurrenceView }[] {
  const wanted = uri.toString();
  return result.folders.flatMap((f) => f.secrets.flatMap((secret) =>
    secret.occurrences.filter((o) => vscode.Uri.parse(o.uri).toString() === wanted).map((occurrence) => ({ secret, occurrence }))));
}

/** Every item of the view, depth first (the items as rendered: label, description, tooltip, command). */
async function allItems(api: SecretHygieneApi, parentId?: string): Promise<InventoryTreeItemInfo[]> {
  const out: InventoryTreeItemInfo[] = [];
  for (const item of await api.getInventoryTreeItems(parentId)) {
    out.push(item);
    if (item.collapsible) out.push(...(await allItems(api, item.id)));
  }
  return out;
}

describe('secrets inventory view', () => {
  const manifest = loadManifest();
  const primary = manifest.primary;
  let api: SecretHygieneApi;
  let primarySecret: string;

  before(async () => {
    const extension = vscode.extensions.getExtension<SecretHygieneApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    api = await extension.activate();
    await api.ready;
    const config = await vscode.workspace.openTextDocument(workspaceUri(primary.path));
    const expected = manifest.files.find((f) => f.path === primary.path)!.expected.find((e) => e.code === primary.code)!;
    const { start, end } = expected.range;
    primarySecret = config.getText(new vscode.Range(start.line, start.character, end.line, end.character));
    await vscode.commands.executeCommand('secretHygiene.inventory.groupBy', 'secret');
  });

  it('lists the hard-coded token of src/config.ts, masked, once the index is built', async () => {
    const expected = manifest.files.find((f) => f.path === primary.path)!.expected.find((e) => e.code === primary.code)!;
    const found = await waitFor('the inventory to hold the src/config.ts token', async () => {
      const result = await api.getInventory();
      const here = occurrencesIn(result, workspaceUri(primary.path)).find(({ occurrence }) =>
        occurrence.kind === 'hard-coded' && occurrence.range.start.line === primary.line && occurrence.range.start.character === primary.character);
      return here && !result.indexing ? { result, ...here } : undefined;
    }, INDEX_TIMEOUT_MS);
    assert.strictEqual(found.occurrence.ruleId, primary.code);
    assert.strictEqual(found.occurrence.preview, expected.preview, 'the masked preview the engine computes');
    assert.ok(found.secret.statuses.includes('hard-coded'));
    assert.ok(found.result.hardCoded >= 1, `hardCoded count ${found.result.hardCoded}`);
    assertNoSecret(JSON.stringify(found.result), primarySecret, 'the inventory payload');
  });

  it('shows one top-level item per logical secret, in the inventory order, with status icons', async () => {
    const result = await api.getInventory();
    const items = await api.getInventoryTreeItems();
    const secrets = result.folders.flatMap((f) => f.secrets);
    assert.deepStrictEqual(items.map((i) => i.label), secrets.map((s) => s.name));
    assert.deepStrictEqual(items.map((i) => i.id), secrets.map((s) => `secret|${s.id}`));
    const icons: Record<string, string> = { 'hard-coded': 'error', 'rotation-overdue': 'warning', undeclared: 'question', 'declared-unused': 'circle-outline', referenced: 'key' };
    items.forEach((item, i) => {
      assert.strictEqual(item.icon, icons[secrets[i].status], `${item.label}: icon of ${secrets[i].status}`);
      assert.match(item.contextValue ?? '', /^secret\b/);
    });
    const badge = api.getInventoryBadge();
    assert.ok(badge && badge.value >= result.hardCoded, `badge ${JSON.stringify(badge)} counts the ${result.hardCoded} hard-coded secret(s)`);
    assert.match(badge.tooltip, /hard-coded/);
  });

  it('holds no part of the token in any label, description, tooltip or click argument', async () => {
    const items = await allItems(api);
    assert.ok(items.some((i) => /…\(\d+ chars\)/.test(`${i.description} ${i.tooltip}`)), 'masked previews are shown');
    for (const item of items) assertNoSecret(JSON.stringify(item), primarySecret, `tree item ${item.label}`);
  });

  it('opens the file at the token on click, and reveals the item through its parents', async () => {
    const top = await api.getInventoryTreeItems();
    let target: InventoryTreeItemInfo | undefined;
    for (const secret of top.filter((i) => i.collapsible)) {
      target ??= (await api.getInventoryTreeItems(secret.id)).find((i) => i.label === `${primary.path}:${primary.line + 1}`);
    }
    assert.ok(target?.command, `an occurrence item for ${primary.path}:${primary.line + 1} with a click command`);
    await vscode.commands.executeCommand(target.command.command, ...(target.command.arguments ?? []));
    const editor = await waitFor('the editor at the token', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === workspaceUri(primary.path).toString() ? e : undefined;
    });
    assert.deepStrictEqual([editor.selection.start.line, editor.selection.start.character], [primary.line, primary.character]);
    await vscode.commands.executeCommand('secretHygiene.inventory.focus');
    await api.revealInventoryItem(target.id);
  });

  it('groups by file and by kind, and back by secret', async () => {
    await vscode.commands.executeCommand('secretHygiene.inventory.groupBy', 'file');
    const files = await api.getInventoryTreeItems();
    const config = files.find((i) => i.label === 'config.ts' && (i.description ?? '').startsWith('src'));
    assert.ok(config, `a file item for src/config.ts: ${files.map((i) => `${i.label} (${i.description})`).join(', ')}`);
    const inConfig = await api.getInventoryTreeItems(config.id);
    assert.ok(inConfig.some((i) => i.description?.startsWith(`line ${primary.line + 1} · Hard-coded`)), 'the token under its file');
    await vscode.commands.executeCommand('secretHygiene.inventory.groupBy', 'kind');
    const kinds = await api.getInventoryTreeItems();
    assert.strictEqual(kinds[0]?.label, 'Hard-coded', `kind groups: ${kinds.map((i) => i.label).join(', ')}`);
    await vscode.commands.executeCommand('secretHygiene.inventory.groupBy', 'secret');
    assert.match((await api.getInventoryTreeItems())[0]?.id ?? '', /^secret\|/);
  });

  it('adds a secret referenced in a new workflow through the change notification, and drops it when deleted', async () => {
    const relative = '.github/workflows/inventory-e2e.yml';
    const uri = await writeWorkspaceFile(relative, 'on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.E2E_INVENTORY_TOKEN }}\n');
    // The tree items are read without asking the server: only the notification can bring the new secret.
    const item = await waitFor('E2E_INVENTORY_TOKEN in the tree', async () =>
      (await api.getInventoryTreeItems()).find((i) => i.label === 'E2E_INVENTORY_TOKEN'), INDEX_TIMEOUT_MS);
    assert.match(item.contextValue ?? '', /\breference\b/);
    assert.doesNotMatch(item.contextValue ?? '', /\bhardCoded\b/);
    await vscode.workspace.fs.delete(uri);
    await waitFor('E2E_INVENTORY_TOKEN to leave the tree', async () =>
      ((await api.getInventoryTreeItems()).some((i) => i.label === 'E2E_INVENTORY_TOKEN') ? undefined : true), INDEX_TIMEOUT_MS);
  });

  it('opens a leak-response checklist and a report without the value', async () => {
    const top = await api.getInventoryTreeItems();
    const leaked = top.find((i) => /\bleak\b/.test(i.contextValue ?? ''));
    assert.ok(leaked, 'a hard-coded secret offers the leak response');
    const checklist = await vscode.commands.executeCommand<vscode.Uri | undefined>('secretHygiene.inventory.showLeakResponse', leaked.id);
    assert.ok(checklist, 'the leak response opened a document');
    const checklistText = (await vscode.workspace.openTextDocument(checklist)).getText();
    assert.match(checklistText, /rotat/i);
    assertNoSecret(checklistText, primarySecret, 'the leak-response checklist');
    const report = await vscode.commands.executeCommand<vscode.Uri | undefined>('secretHygiene.writeReport', { target: 'untitled' });
    assert.ok(report, 'the report opened a document');
    const reportText = (await vscode.workspace.openTextDocument(report)).getText();
    assert.match(reportText, /^#/m);
    assertNoSecret(reportText, primarySecret, 'the secrets report');
  });

  it('applies the preferred fix from the tree: the literal becomes an environment read in the inventory', async () => {
    const relative = 'inventory-e2e/fixMe.ts';
    const token = checksummedToken('ghp_', 'e2e-inventory-fix');
    const uri = await writeWorkspaceFile(relative, `export const releaseToken = "${token}";\n`);
    const occurrence = await waitFor('the new token in the inventory', async () => occurrencesIn(await api.getInventory(), uri)[0], INDEX_TIMEOUT_MS);
    await vscode.commands.executeCommand('secretHygiene.inventory.groupBy', 'file');
    const fileItem = await waitFor('the file item', async () => (await api.getInventoryTreeItems()).find((i) => i.label === 'fixMe.ts'));
    const [item] = await api.getInventoryTreeItems(fileItem.id);
    assert.match(item.contextValue ?? '', /\bhardCoded\b/);
    assertNoSecret(JSON.stringify(item), token, 'the fix target item');
    const title = await vscode.commands.executeCommand<string | undefined>('secretHygiene.inventory.applyFix', item.id);
    assert.ok(title, `a preferred fix was applied at ${occurrence.occurrence.path}`);
    await vscode.workspace.saveAll(false);
    const text = await waitFor('the token to leave the file', async () => {
      const t = await readWorkspaceFile(relative);
      return t !== undefined && !t.includes(token) ? t : undefined;
    });
    assert.match(text, /process\.env\./, `the literal became an environment reference (${title})`);
    // The literal is gone from the inventory; the environment read that replaced it is now listed.
    const after = await waitFor('the file to hold a reference instead of the literal', async () => {
      const here = occurrencesIn(await api.getInventory(), uri);
      return here.length > 0 && here.every(({ occurrence: o }) => o.kind !== 'hard-coded') ? here : undefined;
    }, INDEX_TIMEOUT_MS);
    assert.deepStrictEqual(after.map(({ occurrence: o }) => o.kind), ['env-read']);
    await vscode.commands.executeCommand('secretHygiene.inventory.groupBy', 'secret');
  });

  it('ignores a hard-coded secret from the tree: its fingerprint goes to .secret-hygiene-ignore', async () => {
    const relative = 'inventory-e2e/ignoreMe.ts';
    const token = checksummedToken('ghp_', 'e2e-inventory-ignore');
    const uri = await writeWorkspaceFile(relative, `export const fixtureToken = "${token}";\n`);
    const { occurrence } = await waitFor('the new token in the inventory', async () => occurrencesIn(await api.getInventory(), uri)[0], INDEX_TIMEOUT_MS);
    assert.ok(occurrence.fingerprint, 'a hard-coded occurrence has a fingerprint');
    await vscode.commands.executeCommand('secretHygiene.inventory.groupBy', 'file');
    const fileItem = await waitFor('the file item', async () => (await api.getInventoryTreeItems()).find((i) => i.label === 'ignoreMe.ts'));
    const [item] = await api.getInventoryTreeItems(fileItem.id);
    const title = await vscode.commands.executeCommand<string | number | undefined>('secretHygiene.inventory.ignore', item.id);
    assert.ok(title, 'a suppression was applied');
    await vscode.workspace.saveAll(false);
    const ignoreFile = await waitFor('the fingerprint in .secret-hygiene-ignore', async () => {
      const t = await readWorkspaceFile('.secret-hygiene-ignore');
      return t?.includes(occurrence.fingerprint!) ? t : undefined;
    });
    assertNoSecret(ignoreFile, token, '.secret-hygiene-ignore');
    const source = await readWorkspaceFile(relative);
    assert.ok(source?.includes(token), 'ignoring keeps the file as it was');
    await vscode.commands.executeCommand('secretHygiene.inventory.groupBy', 'secret');
  });

  it('creates a starter .secrets-inventory.yml with the referenced names, then marks a secret rotated', async () => {
    const workflow = await writeWorkspaceFile('.github/workflows/inventory-rotate.yml', 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy\n        env:\n          TOKEN: ${{ secrets.E2E_ROTATED_TOKEN }}\n');
    const id = await waitFor('E2E_ROTATED_TOKEN in the tree', async () =>
      (await api.getInventoryTreeItems()).find((i) => i.label === 'E2E_ROTATED_TOKEN')?.id, INDEX_TIMEOUT_MS);
    const copied = await vscode.commands.executeCommand<string | undefined>('secretHygiene.inventory.copyReference', id);
    assert.strictEqual(copied, '${{ secrets.E2E_ROTATED_TOKEN }}');

    const file = await vscode.commands.executeCommand<vscode.Uri | undefined>('secretHygiene.inventory.createInventoryFile');
    assert.ok(file, 'the inventory file was created');
    const starter = await vscode.workspace.openTextDocument(file);
    assert.ok(starter.getText().split('\n').includes('  - name: E2E_ROTATED_TOKEN'), `the starter declares the referenced secret:\n${starter.getText()}`);
    assertNoSecret(starter.getText(), primarySecret, 'the starter inventory file');
    await waitFor('the inventory to know the inventory file', async () => ((await api.getInventory()).folders[0]?.inventoryFileUri ? true : undefined), INDEX_TIMEOUT_MS);

    const outcome = await vscode.commands.executeCommand<{ applied: boolean; message: string } | undefined>('secretHygiene.inventory.markRotated', id);
    assert.ok(outcome?.applied, `mark rotated applied: ${outcome?.message}`);
    const edited = await vscode.workspace.openTextDocument(file);
    const date = /lastRotated:\s*["']?(\d{4}-\d{2}-\d{2})/.exec(edited.getText());
    assert.ok(date, `a lastRotated date was written:\n${edited.getText()}`);
    assert.ok(Math.abs(Date.parse(date[1]) - Date.now()) < 2 * 86_400_000, `today's date (${date[1]})`);
    await edited.save();
    await waitFor('the rotation date in the inventory', async () => {
      const secret = (await api.getInventory()).folders.flatMap((f) => f.secrets).find((s) => s.name === 'E2E_ROTATED_TOKEN');
      return secret?.rotation?.lastRotated === date[1] ? true : undefined;
    }, INDEX_TIMEOUT_MS);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(file);
    await vscode.workspace.fs.delete(workflow);
    await waitFor('the inventory file to be forgotten', async () => ((await api.getInventory()).folders[0]?.inventoryFileUri ? undefined : true), INDEX_TIMEOUT_MS);
  });
});
