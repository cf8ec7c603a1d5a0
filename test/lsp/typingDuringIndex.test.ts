// The edited document goes first: while the workspace is indexed, its scan pauses the index worker,
// and inventory work waits until its diagnostics are answered.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InventoryRequest } from '../../shared/inventoryProtocol';
import { fakeGithubToken } from './fixtures';
import { startServerInProcess, type InProcessServer } from './harness';

for (const profile of ['vscode', 'push'] as const) {
  describe(`typing while the workspace is indexed (${profile} client)`, function () {
    this.timeout(30000);
    const token = fakeGithubToken(`typing-${profile}`);
    let root: string;
    let server: InProcessServer;

    beforeEach(async () => {
      root = mkdtempSync(join(tmpdir(), 'sh-lsp-typing-'));
      mkdirSync(join(root, 'src'));
      for (let i = 0; i < 200; i++) writeFileSync(join(root, 'src', `m${i}.ts`), `export const value${i} = process.env.API_TOKEN_${i % 7};\n`);
      server = await startServerInProcess(profile, { folders: [root] });
    });
    afterEach(async () => {
      await server.dispose();
      rmSync(root, { recursive: true, force: true });
    });

    it('pauses the index while each version of the edited document is scanned, and always lets it go', async () => {
      const pause = server.services.indexPause;
      const hold = pause.hold.bind(pause);
      let holds = 0;
      let releases = 0;
      pause.hold = () => {
        holds++;
        const release = hold();
        return () => {
          releases++;
          release();
        };
      };
      const uri = await server.open('src/editing.ts', 'export const a = 1;\n', 'typescript');
      await server.diagnostics(uri);
      for (let i = 0; i < 3; i++) {
        await server.change(uri, `export const token = "${token}";\n// edit ${i}\n`);
        const diagnostics = await server.diagnostics(uri);
        assert.ok(diagnostics.some((d) => d.code === 'github-classic-pat'));
      }
      assert.ok(holds >= 4, `one pause per version scanned (${holds})`);
      assert.equal(releases, holds);
      assert.equal(pause.held, false);
    });

    it('owes diagnostics from an edit until they are answered, then answers the inventory', async () => {
      const uri = await server.open('src/editing.ts', 'export const a = 1;\n', 'typescript');
      await server.diagnostics(uri);
      await server.change(uri, `export const token = "${token}";\n`);
      if (profile === 'vscode') {
        // Nothing answers a pull client's document until it pulls: owed once the change arrived.
        while (!server.services.pendingDiagnostics.busy) await new Promise((r) => setImmediate(r));
      }
      const inventory = server.client.sendRequest(InventoryRequest.type, {});
      await server.diagnostics(uri);
      const view = await inventory;
      assert.equal(view.folders.length, 1);
      assert.equal(server.services.pendingDiagnostics.busy, false, 'nothing owed once answered');
    });
  });
}
