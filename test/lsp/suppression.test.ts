import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { DidChangeWatchedFilesNotification, type DidChangeWatchedFilesRegistrationOptions } from 'vscode-languageserver-protocol';
import { PROFILES, startServerInProcess, type InProcessServer } from './harness';
import { codes, fakeGithubToken, findings } from './fixtures';

function fingerprintOf(diagnostics: Awaited<ReturnType<InProcessServer['diagnostics']>>): string {
  return (findings(diagnostics)[0].data as { fingerprint: string }).fingerprint;
}

for (const profile of PROFILES) {
  describe(`suppressions (${profile} client)`, function () {
    this.timeout(20_000);
    let server: InProcessServer;
    beforeEach(async () => {
      server = await startServerInProcess(profile);
    });
    afterEach(async () => server.dispose());

    it('honours inline markers on the line and the line before', async () => {
      const text = [
        `a = "${fakeGithubToken('inline-1')}"  # secret-hygiene:ignore github-classic-pat`,
        `b = "${fakeGithubToken('inline-2')}"  # gitleaks:allow`,
        '# secret-hygiene:ignore-next-line',
        `c = "${fakeGithubToken('inline-3')}"`,
        `d = "${fakeGithubToken('inline-4')}"  # secret-hygiene:ignore some-other-rule`,
      ].join('\n');
      const uri = await server.open('settings.py', text, 'python');
      const left = findings(await server.diagnostics(uri));
      assert.deepEqual(left.map((d) => [d.code, d.range.start.line]), [['github-classic-pat', 4]]);
    });

    it('re-reads .secret-hygiene-ignore when it changes on disk', async () => {
      const uri = await server.open('app.js', `const t = "${fakeGithubToken('ignore-file')}";\n`, 'javascript');
      const print = fingerprintOf(await server.diagnostics(uri));
      const file = server.writeFile('.secret-hygiene-ignore', `# reviewed: test fixture\n${print}  # github-classic-pat app.js\n`);
      assert.deepEqual(findings(await server.diagnosticsAfter(uri, () => server.fileChanged(file))), []);
      server.writeFile('.secret-hygiene-ignore', '# emptied\n');
      assert.deepEqual(codes(await server.diagnosticsAfter(uri, () => server.fileChanged(file))), ['github-classic-pat']);
    });

    it('reads ignore files already present at start, and an unsaved ignore file in an editor', async () => {
      const value = fakeGithubToken('gitleaks');
      server.writeFile('.gitleaksignore', 'deadbeef:config/app.env:github-classic-pat:2\n');
      const uri = await server.open('config/app.env', `# app\nGITHUB_TOKEN=${value}\nOTHER=${fakeGithubToken('gitleaks-2')}\n`);
      const left = findings(await server.diagnostics(uri));
      assert.deepEqual(left.map((d) => d.range.start.line), [2], 'line 2 (1-based) is ignored by .gitleaksignore');

      const print = (left[0].data as { fingerprint: string }).fingerprint;
      const after = await server.diagnosticsAfter(uri, () => server.open('.secret-hygiene-ignore', `${print}\n`).then(() => undefined));
      assert.deepEqual(findings(after), [], 'the open (unsaved) ignore file applies');
    });

    it('honours detect-secrets .secrets.baseline entries not audited as real', async () => {
      const value = fakeGithubToken('baseline');
      const hashed = createHash('sha1').update(value).digest('hex');
      server.writeFile('.secrets.baseline', JSON.stringify({ version: '1.5.0', results: { 'src/k.py': [{ type: 'GitHub Token', hashed_secret: hashed, is_verified: false, line_number: 1 }] } }));
      const uri = await server.open('src/k.py', `K = "${value}"\n`, 'python');
      assert.deepEqual(findings(await server.diagnostics(uri)), []);
      const other = await server.open('src/other.py', `K = "${value}"\n`, 'python');
      assert.deepEqual(codes(await server.diagnostics(other)), ['github-classic-pat'], 'baseline entries are per file');
    });

    it('ignores a broken .secrets.baseline instead of failing', async () => {
      server.writeFile('.secrets.baseline', '{ this is not json');
      const uri = await server.open('a.py', `K = "${fakeGithubToken('broken-baseline')}"\n`, 'python');
      assert.deepEqual(codes(await server.diagnostics(uri)), ['github-classic-pat']);
    });
  });
}

describe('ignore-file watchers', function () {
  this.timeout(20_000);
  it('are registered dynamically when the client allows it (vscode), and not otherwise (push)', async () => {
    const vscode = await startServerInProcess('vscode');
    const push = await startServerInProcess('push');
    try {
      const registration = await vscode.waitFor('watcher registration', () =>
        vscode.registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method),
      );
      const watchers = (registration.registerOptions as DidChangeWatchedFilesRegistrationOptions).watchers;
      assert.equal(watchers.length, 1);
      for (const name of ['.secret-hygiene-ignore', '.gitleaksignore', '.secrets.baseline']) {
        assert.ok(String(watchers[0].globPattern).includes(name), name);
      }
      // Both servers answered a round trip after initialized; the push one registered nothing.
      await push.diagnostics(await push.open('x.txt', 'nothing\n'));
      assert.deepEqual(push.registrations, []);
    } finally {
      await vscode.dispose();
      await push.dispose();
    }
  });
});
