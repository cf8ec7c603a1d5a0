import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { PROFILES, startServerInProcess, type InProcessServer } from './harness';
import { codes, fakeGithubToken, findings, positionOf } from './fixtures';

for (const profile of PROFILES) {
  describe(`diagnostics (${profile} client)`, function () {
    this.timeout(20_000);
    let server: InProcessServer;
    beforeEach(async () => {
      server = await startServerInProcess(profile);
    });
    afterEach(async () => server.dispose());

    it('reports a hard-coded token with code, range, docs link and secret-free data', async () => {
      const value = fakeGithubToken('basic');
      const text = `// config\nconst token = "${value}";\n`;
      const uri = await server.open('src/config.ts', text, 'typescript');
      const all = await server.diagnostics(uri);
      const [d] = findings(all);
      assert.equal(findings(all).length, 1);
      assert.equal(d.code, 'github-classic-pat');
      assert.equal(d.source, 'Secret Hygiene');
      assert.equal(d.severity, DiagnosticSeverity.Error);
      const start = positionOf(text, value);
      assert.deepEqual(d.range, { start, end: { line: start.line, character: start.character + value.length } });
      assert.match(d.codeDescription?.href ?? '', /^https:\/\/.*#github-classic-pat$/);
      const data = d.data as { ruleId: string; fingerprint: string; kind: string };
      assert.deepEqual(Object.keys(data).sort(), ['fingerprint', 'kind', 'ruleId']);
      assert.equal(data.ruleId, 'github-classic-pat');
      assert.equal(data.kind, 'secret');
      assert.match(data.fingerprint, /^[0-9a-f]{32}$/);
      assert.ok(!JSON.stringify(all).includes(value), 'diagnostics must not contain the value');
      assert.ok(!JSON.stringify(all).includes(value.slice(4, 20)), 'diagnostics must not contain part of the value');
      assert.ok(!server.allServerText().includes(value), 'nothing the server sent may contain the value');
    });

    it('checks documents of any language and the untitled scheme', async () => {
      const value = fakeGithubToken('any-language');
      const uri = await server.open('untitled:Untitled-1', `token: ${value}\n`, 'some-unknown-language');
      assert.deepEqual(codes(await server.diagnostics(uri)), ['github-classic-pat']);
    });

    it('follows incremental edits: moved ranges, removed and added findings', async () => {
      const value = fakeGithubToken('incremental');
      const text = `a = "${value}"\n`;
      const uri = await server.open('app.py', text, 'python');
      assert.equal(findings(await server.diagnostics(uri))[0].range.start.line, 0);

      await server.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# one\n# two\n' }]);
      const moved = findings(await server.diagnostics(uri));
      assert.equal(moved.length, 1);
      assert.equal(moved[0].range.start.line, 2);

      const at = positionOf('# one\n# two\n' + text, value);
      await server.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + value.length } }, text: 'os.environ["GITHUB_TOKEN"]' }]);
      assert.deepEqual(findings(await server.diagnostics(uri)), []);

      const second = fakeGithubToken('incremental-2');
      await server.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: `b = "${second}"\n` }]);
      const added = findings(await server.diagnostics(uri));
      assert.equal(added.length, 1);
      assert.equal(added[0].range.start.line, 3);
    });

    it('reports nothing for a clean document', async () => {
      const uri = await server.open('README.md', '# Hello\n\nUse the GITHUB_TOKEN secret; ghp_ is its prefix.\n', 'markdown');
      assert.deepEqual(await server.diagnostics(uri), []);
    });
  });
}

describe('diagnostics (push client) on close', function () {
  this.timeout(20_000);
  it('clears published diagnostics when a document closes', async () => {
    const server = await startServerInProcess('push');
    try {
      const uri = await server.open('a.env', `GITHUB_TOKEN=${fakeGithubToken('close')}\n`);
      assert.equal(findings(await server.diagnostics(uri)).length, 1);
      const before = server.publishes.get(uri)!.length;
      await server.close(uri);
      const cleared = await server.waitFor('clearing publish', () => {
        const list = server.publishes.get(uri)!;
        return list.length > before ? list[list.length - 1] : undefined;
      });
      assert.deepEqual(cleared.diagnostics, []);
    } finally {
      await server.dispose();
    }
  });
});
