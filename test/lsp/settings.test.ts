import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, MessageType } from 'vscode-languageserver-protocol';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROFILES, startServerInProcess, type InProcessServer } from './harness';
import { codes, customRule, fakeCustomValue, fakeGithubToken, findings } from './fixtures';

for (const profile of PROFILES) {
  describe(`settings (${profile} client)`, function () {
    this.timeout(20_000);
    let server: InProcessServer | undefined;
    afterEach(async () => {
      await server?.dispose();
      server = undefined;
    });

    it('re-validates open documents when a rule is disabled, then overridden', async () => {
      server = await startServerInProcess(profile);
      const uri = await server.open('deploy.sh', `export GITHUB_TOKEN=${fakeGithubToken('settings')}\n`, 'shellscript');
      assert.deepEqual(codes(await server.diagnostics(uri)), ['github-classic-pat']);

      const disabled = await server.diagnosticsAfter(uri, () => server!.setSettings({ rules: { 'github-classic-pat': false } }));
      // Other (generic) rules may still see a secret-looking value; the disabled one must be gone.
      assert.ok(!codes(disabled).includes('github-classic-pat'));

      const lowered = await server.diagnosticsAfter(uri, () => server!.setSettings({ rules: { 'github-classic-pat': 'hint' } }));
      assert.deepEqual(codes(lowered), ['github-classic-pat']);
      assert.equal(findings(lowered)[0].severity, DiagnosticSeverity.Hint);
    });

    it('survives broken settings, says so once, and keeps checking', async () => {
      const broken = {
        rules: 'all of them',
        maxFileSize: -5,
        exclude: 'not-a-list',
        testPathSeverity: 42,
        customRules: [{ id: 'bad', pattern: '(a+)+$', keywords: ['a'] }, 'nonsense', { id: 'no-keywords', pattern: 'x' }],
      };
      server = await startServerInProcess(profile, { settings: broken });
      const uri = await server.open('a.txt', `token ${fakeGithubToken('broken')}\n`);
      assert.deepEqual(codes(await server.diagnostics(uri)), ['github-classic-pat']);
      await server.change(uri, `again ${fakeGithubToken('broken-2')}\n`);
      assert.deepEqual(codes(await server.diagnostics(uri)), ['github-classic-pat']);
      const warnings = server.showMessages.filter((m) => m.type === MessageType.Warning);
      assert.equal(warnings.length, 1, 'one warning for the whole set of problems');
      assert.match(warnings[0].message, /secretHygiene\.rules/);
      assert.match(warnings[0].message, /maxFileSize/);
      assert.match(warnings[0].message, /custom rule bad: nested quantifiers/);
      assert.ok(server.logs.some((l) => l.message.includes('settings problem')), 'problems are logged too');
    });

    it('survives a settings section that is not an object', async () => {
      server = await startServerInProcess(profile);
      const uri = await server.open('a.txt', `token ${fakeGithubToken('not-object')}\n`);
      assert.deepEqual(codes(await server.diagnostics(uri)), ['github-classic-pat']);
      const after = await server.diagnosticsAfter(uri, () => server!.setSettings('garbage' as unknown as Record<string, unknown>));
      assert.deepEqual(codes(after), ['github-classic-pat']);
      assert.ok(server.showMessages.some((m) => /expected an object/.test(m.message)));
    });

    it('checks nothing when disabled, and nothing in excluded paths (without a notice)', async () => {
      server = await startServerInProcess(profile, { settings: { exclude: ['vendor/**'] } });
      const excluded = await server.open('vendor/lib.js', `var t = "${fakeGithubToken('excluded')}";\n`, 'javascript');
      assert.deepEqual(await server.diagnostics(excluded), []);
      const uri = await server.open('main.js', `var t = "${fakeGithubToken('enable')}";\n`, 'javascript');
      assert.deepEqual(codes(await server.diagnostics(uri)), ['github-classic-pat']);
      assert.deepEqual(await server.diagnosticsAfter(uri, () => server!.setSettings({ enable: false })), []);
    });

    it('applies custom rules from trusted settings', async () => {
      const value = fakeCustomValue('acme_', 'trusted');
      server = await startServerInProcess(profile, { settings: { customRules: [customRule('acme', 'acme_')] } });
      const uri = await server.open('x.cfg', `key = ${value}\n`);
      const all = await server.diagnostics(uri);
      assert.deepEqual(codes(all), ['custom-acme']);
      assert.ok(!JSON.stringify(all).includes(value));
    });
  });
}

describe('settings per workspace folder (vscode client)', function () {
  this.timeout(20_000);
  it('reads each folder with its own scope', async () => {
    const a = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hygiene-lsp-a-'));
    const b = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hygiene-lsp-b-'));
    const server = await startServerInProcess('vscode', {
      folders: [a, b],
      folderSettings: { [a]: {}, [b]: { rules: { 'github-classic-pat': 'off' } } },
    });
    try {
      const inA = await server.open(server.uri('cfg.txt', 0), `t=${fakeGithubToken('folder-a')}\n`);
      const inB = await server.open(server.uri('cfg.txt', 1), `t=${fakeGithubToken('folder-b')}\n`);
      assert.deepEqual(codes(await server.diagnostics(inA)), ['github-classic-pat']);
      assert.deepEqual(codes(await server.diagnostics(inB)), []);
    } finally {
      await server.dispose();
      fs.rmSync(a, { recursive: true, force: true });
      fs.rmSync(b, { recursive: true, force: true });
    }
  });
});

describe('workspace folders added later (vscode client)', function () {
  this.timeout(20_000);
  it('reads the new folder with its own scope and relative paths', async () => {
    const a = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hygiene-lsp-a-'));
    const b = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hygiene-lsp-b-'));
    const server = await startServerInProcess('vscode', {
      folders: [a],
      folderSettings: { [a]: {} },
    });
    try {
      // Folder b excludes its own `vendor/**`; until it is added, the file is outside every folder.
      const uri = pathToFileURL(path.join(b, 'vendor', 'lib.js')).href;
      await server.open(uri, `var t = "${fakeGithubToken('added-folder')}";\n`, 'javascript');
      assert.deepEqual(codes(await server.diagnostics(uri)), ['github-classic-pat']);
      await server.addFolder(b, { exclude: ['vendor/**'] });
      await server.waitFor('refresh after the folder change', () => (server.refreshCount > 0 ? true : undefined));
      assert.deepEqual(await server.diagnostics(uri), []);
    } finally {
      await server.dispose();
      fs.rmSync(a, { recursive: true, force: true });
      fs.rmSync(b, { recursive: true, force: true });
    }
  });
});
