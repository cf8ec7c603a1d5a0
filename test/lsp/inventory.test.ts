import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ApplyWorkspaceEditRequest, FileChangeType, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  InventoryChangedNotification,
  expandInventory,
  InventoryRequest,
  LeakResponseRequest,
  MarkRotatedRequest,
  ReportRequest,
  type InventoryResult,
} from '../../shared/inventoryProtocol';
import { fakeGithubToken } from './fixtures';
import { startServerInProcess, type InProcessServer } from './harness';

const WORKFLOW = [
  'on: push',
  'jobs:',
  '  release:',
  '    environment: production',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: npm publish',
  '        env:',
  '          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}',
  '          SENTRY_AUTH_TOKEN: ${{ secrets.SENTRY_AUTH_TOKEN }}',
  '',
].join('\n');
const INVENTORY = 'version: 1\nsecrets:\n  - name: NPM_TOKEN\n    owner: "@acme/release"\n    rotation: { cadence: 30d, lastRotated: 2020-01-01 }\n';

function makeWorkspace(token: string): string {
  const root = mkdtempSync(join(tmpdir(), 'sh-lsp-inventory-'));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  write('.github/workflows/release.yml', WORKFLOW);
  write('.secrets-inventory.yml', INVENTORY);
  write('CODEOWNERS', '* @acme/dev\n');
  write('src/github.ts', `export const token = "${token}";\n`);
  return root;
}

async function settledInventory(server: InProcessServer, minTotal: number): Promise<InventoryResult> {
  for (;;) {
    const view = expandInventory(await server.client.sendRequest(InventoryRequest.type, {}));
    if (!view.indexing && view.total >= minTotal) return view;
    await new Promise<void>((resolve) => {
      const sub = server.client.onNotification(InventoryChangedNotification.type, () => {
        sub.dispose();
        resolve();
      });
    });
  }
}

for (const profile of ['vscode', 'push'] as const) {
  describe(`inventory over LSP (${profile} client)`, function () {
    this.timeout(30000);
    const token = fakeGithubToken(`inventory-${profile}`);
    let root: string;
    let server: InProcessServer;

    beforeEach(async () => {
      root = makeWorkspace(token);
      server = await startServerInProcess(profile, { folders: [root] });
    });
    afterEach(async () => {
      await server.dispose();
      rmSync(root, { recursive: true, force: true });
    });

    it('indexes the workspace and answers the inventory request', async () => {
      const view = await settledInventory(server, 3);
      assert.equal(view.folders.length, 1);
      const secrets = view.folders[0].secrets.map((s) => `${s.name}:${s.statuses.join('+')}`);
      assert.deepEqual(secrets, [
        'GITHUB_TOKEN:hard-coded',
        'NPM_TOKEN:rotation-overdue+referenced',
        'SENTRY_AUTH_TOKEN:undeclared+referenced',
      ]);
      const npm = view.folders[0].secrets[1];
      assert.deepEqual(npm.environments, ['production']);
      assert.deepEqual(npm.owners, ['@acme/release']);
      assert.equal(npm.reference, '${{ secrets.NPM_TOKEN }}');
      assert.equal(npm.occurrences[0].path, '.github/workflows/release.yml');
      assert.equal(npm.occurrences[0].range.start.line, 8);
      assert.equal(view.hardCoded, 1);
      assert.ok(!JSON.stringify(view).includes(token), 'no secret in the inventory');
    });

    it('indexes a folder reported alone as created, and forgets it when reported deleted', async () => {
      await settledInventory(server, 3);
      // As after `git checkout` or a file written just after its new folder: one event, for the folder.
      const folder = join(root, 'services', 'billing');
      mkdirSync(folder, { recursive: true });
      const billingToken = fakeGithubToken(`inventory-folder-${profile}`);
      writeFileSync(join(folder, 'client.ts'), `export const billingToken = "${billingToken}";\n`);
      const paths = async () => {
        const view = expandInventory(await server.client.sendRequest(InventoryRequest.type, {}));
        return view.folders[0].secrets.flatMap((s) => s.occurrences.map((o) => o.path));
      };
      await server.fileChanged(join(root, 'services'), FileChangeType.Created);
      for (let i = 0; i < 100 && !(await paths()).includes('services/billing/client.ts'); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok((await paths()).includes('services/billing/client.ts'), 'the new folder\'s file is in the inventory');
      rmSync(join(root, 'services'), { recursive: true, force: true });
      await server.fileChanged(join(root, 'services'), FileChangeType.Deleted);
      for (let i = 0; i < 100 && (await paths()).includes('services/billing/client.ts'); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(!(await paths()).includes('services/billing/client.ts'), 'the deleted folder\'s file left the inventory');
    });

    it('announces the totals that the inventory request then reports', async () => {
      // The client takes one handler per notification: this one replaces settledInventory's.
      const announced: InventoryChangedNotification.Params[] = [];
      server.client.onNotification(InventoryChangedNotification.type, (params) => void announced.push(params));
      while (!announced.some((a) => !a.indexing && a.total >= 3)) await new Promise((r) => setTimeout(r, 50));
      const view = await server.client.sendRequest(InventoryRequest.type, {});
      const overdue = view.folders.reduce((n, f) => n + f.counts['rotation-overdue'], 0);
      assert.equal(overdue, 1, 'the fixture has one secret overdue for rotation');
      assert.deepEqual(announced.filter((a) => !a.indexing).at(-1), { total: view.total, hardCoded: view.hardCoded, overdue, indexing: false });
      assert.deepEqual([view.total, view.hardCoded], [3, 1]);
    });

    it('answers diagnostics and the inventory asked for together while a document is edited', async () => {
      const uri = await server.open('src/editing.ts', 'export const a = 1;\n', 'typescript');
      for (let i = 0; i < 3; i++) {
        await server.change(uri, `export const token = "${token}";\n// edit ${i}\n`);
        // The inventory waits for the edited document's diagnostics: both must be answered.
        const [view, diagnostics] = await Promise.all([server.client.sendRequest(InventoryRequest.type, {}), server.diagnostics(uri)]);
        assert.equal(view.folders.length, 1);
        assert.ok(diagnostics.some((d) => d.code === 'github-classic-pat'), 'the edit is checked');
      }
    });

    it('shows inventory diagnostics where they apply', async () => {
      await settledInventory(server, 3);
      const inventoryUri = await server.open('.secrets-inventory.yml', INVENTORY, 'yaml');
      let codes: string[] = [];
      for (let i = 0; i < 50 && !codes.includes('inventory-rotation-overdue'); i++) {
        codes = (await server.diagnostics(inventoryUri)).map((d) => String(d.code));
        if (!codes.includes('inventory-rotation-overdue')) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(codes.includes('inventory-rotation-overdue'), `got ${codes.join(',')}`);
      const workflowUri = await server.open('.github/workflows/release.yml', WORKFLOW, 'yaml');
      const workflowCodes = (await server.diagnostics(workflowUri)).map((d) => String(d.code));
      assert.ok(workflowCodes.includes('inventory-undeclared-secret'), `got ${workflowCodes.join(',')}`);
    });

    it('writes the report and the leak-response checklist without the value', async () => {
      execFileSync('git', ['init', '-q'], { cwd: root });
      execFileSync('git', ['-c', 'user.email=dev@example.invalid', '-c', 'user.name=Dev', 'add', '.'], { cwd: root });
      execFileSync('git', ['-c', 'user.email=dev@example.invalid', '-c', 'user.name=Dev', 'commit', '-qm', 'init'], { cwd: root });
      await settledInventory(server, 3);
      const report = await server.client.sendRequest(ReportRequest.type, {});
      assert.ok(report);
      assert.match(report.markdown, /## 1\. Secret inventory/);
      assert.match(report.markdown, /GITHUB_TOKEN \(ghp_…\(40 chars\)\)/);
      assert.ok(!report.markdown.includes(token));

      const text = readFileSync(join(root, 'src/github.ts'), 'utf8');
      const uri = await server.open('src/github.ts', text, 'typescript');
      const [finding] = (await server.diagnostics(uri)).filter((d) => d.code === 'github-classic-pat');
      const fingerprint = (finding.data as { fingerprint: string }).fingerprint;
      const leak = await server.client.sendRequest(LeakResponseRequest.type, { uri, fingerprint });
      assert.ok(leak);
      assert.match(leak.markdown, /Committed in [0-9a-f]{7,} on \d{4}-\d{2}-\d{2}: removing it is not enough, rotate it\./);
      assert.ok(!leak.markdown.includes(token));
      assert.ok(!server.allServerText().includes(token), 'nothing the server sent holds the value');
    });

    if (profile === 'vscode') {
      it('leaves out files hidden by files.exclude', async () => {
        await server.dispose();
        server = await startServerInProcess(profile, { folders: [root], filesExclude: { 'src/**': true, '**/*.tmp': false } });
        const view = await settledInventory(server, 2);
        assert.deepEqual(view.folders[0].secrets.map((s) => s.name), ['NPM_TOKEN', 'SENTRY_AUTH_TOKEN']);
      });
    }

    it('marks a secret rotated through one workspace edit', async () => {
      const view = await settledInventory(server, 3);
      let edit: TextDocumentEdit | undefined;
      server.client.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
        edit = params.edit.documentChanges?.find((c): c is TextDocumentEdit => 'textDocument' in c);
        return { applied: true };
      });
      const result = await server.client.sendRequest(MarkRotatedRequest.type, { folderUri: view.folders[0].uri, name: 'NPM_TOKEN' });
      assert.equal(result.applied, true);
      assert.ok(edit);
      const after = TextDocument.applyEdits(TextDocument.create('x', 'yaml', 0, INVENTORY), edit.edits as never);
      const today = new Date().toISOString().slice(0, 10);
      assert.equal(after, INVENTORY.replace('2020-01-01', today));
    });
  });
}
