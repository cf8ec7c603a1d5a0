import * as assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { startServerInProcess } from './harness';
import { codes, fakeGithubToken } from './fixtures';

describe('cancellation and superseded versions', function () {
  this.timeout(20_000);

  it('answers a cancelled pull request with RequestCancelled (vscode client)', async () => {
    const server = await startServerInProcess('vscode');
    try {
      const uri = await server.open('a.ts', `const t = "${fakeGithubToken('cancel')}";\n`, 'typescript');
      const release = server.holdConfiguration();
      const asked = server.configurationRequests;
      const source = new CancellationTokenSource();
      const pending = server.pull(uri, source);
      // The server is now waiting for its settings; cancel, then let the settings through.
      await server.waitFor('configuration request', () => (server.configurationRequests > asked ? true : undefined));
      source.cancel();
      await new Promise((r) => setImmediate(r));
      release();
      await assert.rejects(pending, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled);
      // And the next request is served normally.
      assert.deepEqual(codes(await server.diagnostics(uri)), ['github-classic-pat']);
    } finally {
      await server.dispose();
    }
  });

  it('answers a pull with the newest text when the document changed meanwhile (vscode client)', async () => {
    const server = await startServerInProcess('vscode');
    try {
      const uri = await server.open('a.ts', `const t = "${fakeGithubToken('superseded')}";\n`, 'typescript');
      const release = server.holdConfiguration();
      const asked = server.configurationRequests;
      const pending = server.pull(uri);
      await server.waitFor('configuration request', () => (server.configurationRequests > asked ? true : undefined));
      await server.change(uri, 'const t = process.env.GITHUB_TOKEN;\n');
      release();
      const report = await pending;
      assert.equal(report.kind, 'full');
      assert.deepEqual(report.kind === 'full' ? report.items : undefined, []);
    } finally {
      await server.dispose();
    }
  });

  it('does not answer with settings that changed while the scan waited for them (vscode client)', async () => {
    const server = await startServerInProcess('vscode');
    try {
      const uri = await server.open('a.ts', `const t = "${fakeGithubToken('stale-settings')}";\n`, 'typescript');
      const release = server.holdConfiguration();
      const asked = server.configurationRequests;
      const pending = server.pull(uri);
      await server.waitFor('configuration request', () => (server.configurationRequests > asked ? true : undefined));
      await server.setSettings({ enable: false });
      await server.waitFor('refresh after the settings change', () => (server.refreshCount > 0 ? true : undefined));
      release(); // the held (now stale) answer still says enabled
      const report = await pending;
      assert.deepEqual(report.kind === 'full' ? report.items : undefined, []);
      assert.deepEqual(await server.diagnostics(uri), [], 'and no stale result was cached');
    } finally {
      await server.dispose();
    }
  });

  it('publishes only the latest version after a burst of edits (push client)', async () => {
    const server = await startServerInProcess('push');
    try {
      const uri = await server.open('burst.txt', '');
      for (let i = 0; i < 8; i++) await server.change(uri, `line ${i} ${fakeGithubToken(`burst-${i}`)}\n`);
      const last = await server.change(uri, 'clean text\n');
      // A push client without version support cannot tell which text a publish belongs to: a scan
      // that started before the last edit arrived may publish once more. The state must settle on
      // the latest text, and stay there.
      await server.waitFor('a publish for the clean text', () => {
        const list = server.publishes.get(uri) ?? [];
        return list.length > 0 && list[list.length - 1].diagnostics.length === 0 ? true : undefined;
      });
      const published = server.publishes.get(uri) ?? [];
      assert.ok(published.length >= 1);
      // No publish carries an older text after a newer one: the final publish is for the clean text.
      assert.deepEqual(published[published.length - 1].diagnostics, []);
      assert.equal(server.version(uri), last);
    } finally {
      await server.dispose();
    }
  });
});
