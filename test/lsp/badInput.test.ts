import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { PROFILES, startServerInProcess, type InProcessServer } from './harness';
import { codes, fakeGithubToken, findings } from './fixtures';

function notices(diagnostics: Awaited<ReturnType<InProcessServer['diagnostics']>>) {
  return diagnostics.filter((d) => d.code === 'scan-notice');
}

for (const profile of PROFILES) {
  describe(`bad input (${profile} client)`, function () {
    this.timeout(30_000);
    let server: InProcessServer;
    beforeEach(async () => {
      server = await startServerInProcess(profile, { settings: { maxFileSize: 64 * 1024 } });
    });
    afterEach(async () => server.dispose());

    it('explains binary content with one information diagnostic and no findings', async () => {
      const uri = await server.open('blob.bin', `\u0000\u0001PNG\u0000 ${fakeGithubToken('binary')}\n`);
      const all = await server.diagnostics(uri);
      assert.deepEqual(codes(all), []);
      assert.equal(notices(all).length, 1);
      assert.equal(notices(all)[0].severity, DiagnosticSeverity.Information);
      assert.equal(notices(all)[0].range.start.line, 0);
      assert.match(notices(all)[0].message as string, /binary/);
    });

    it('explains a file over the size limit instead of scanning it', async () => {
      const big = `x = "${fakeGithubToken('big')}"\n` + 'filler line of text\n'.repeat(5000);
      const uri = await server.open('big.txt', big);
      const all = await server.diagnostics(uri);
      assert.deepEqual(codes(all), []);
      assert.equal(notices(all).length, 1);
      assert.match(notices(all)[0].message as string, /maxFileSize/);
      assert.ok(server.logs.some((l) => /not scanned/.test(l.message)), 'the reason is logged');
    });

    it('scans a single line of megabytes (under the limit) and finds the token at its end', async () => {
      await server.setSettings({ maxFileSize: 16 * 1024 * 1024 });
      const value = fakeGithubToken('long-line');
      const line = 'a'.repeat(3 * 1024 * 1024) + ` token="${value}"`;
      const uri = await server.open('minified.js', line, 'javascript');
      const all = await server.diagnostics(uri);
      assert.ok(codes(all).includes('github-classic-pat'));
      assert.ok(!JSON.stringify(all).includes(value));
    });

    it('scans text with replacement characters from invalid UTF-8', async () => {
      const uri = await server.open('latin1.txt', `caf\uFFFD \uFFFD\uFFFD\ntoken=${fakeGithubToken('fffd')}\n\uFFFD`);
      const all = await server.diagnostics(uri);
      assert.deepEqual(codes(all), ['github-classic-pat']);
      assert.equal(findings(all)[0].range.start.line, 1);
    });

    it('keeps serving after bad documents', async () => {
      await server.open('blob.bin', '\u0000'.repeat(100));
      const uri = await server.open('ok.txt', `t=${fakeGithubToken('after-bad')}\n`);
      assert.deepEqual(codes(await server.diagnostics(uri)), ['github-classic-pat']);
    });
  });
}
