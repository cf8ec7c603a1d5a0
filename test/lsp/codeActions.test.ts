import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeActionResolveRequest,
  ExecuteCommandRequest,
  InitializeRequest,
  InitializedNotification,
  type CodeAction,
  type CreateFile,
  type Diagnostic,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ClientFixFeaturesNotification, FIX_ALL_COMMAND, STASH_COMMAND, TakeStashedSecretRequest } from '../../shared/fixProtocol';
import { InProcessServer, PROFILES, startServerInProcess } from './harness';
import { fakeGithubToken, findings } from './fixtures';

/** Applies a WorkspaceEdit the way an editor does: open texts first, then the disk (files created on disk). */
function applyWorkspaceEdit(open: Map<string, string>, edit: WorkspaceEdit): void {
  assert.ok(edit.documentChanges, 'edits come as documentChanges (ordered, with file creation)');
  for (const change of edit.documentChanges) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create');
      const file = fileURLToPath((change as CreateFile).uri);
      if (!fs.existsSync(file)) fs.writeFileSync(file, '');
      continue;
    }
    const docEdit = change as TextDocumentEdit;
    const uri = docEdit.textDocument.uri;
    const file = fileURLToPath(uri);
    const before = open.get(uri) ?? fs.readFileSync(file, 'utf8');
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 0, before), docEdit.edits as never);
    if (open.has(uri)) open.set(uri, after);
    else fs.writeFileSync(file, after);
  }
}

async function actionsAt(server: InProcessServer, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  const result = await server.client.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
  return (result ?? []) as CodeAction[];
}

for (const profile of PROFILES) {
  describe(`code actions (${profile} client)`, function () {
    this.timeout(20_000);
    let server: InProcessServer;
    beforeEach(async () => {
      server = await startServerInProcess(profile);
    });
    afterEach(async () => server.dispose());

    it('drops a secret default of an environment read and keeps the value in .env under the variable name', async () => {
      const value = fakeGithubToken('env-default').slice(4);
      const text = `const secret = process.env.SESSION_SECRET || "${value}";\n`;
      const uri = await server.open('src/session.js', text, 'javascript');
      const [diagnostic] = findings(await server.diagnostics(uri));
      assert.match(String(diagnostic.message), /default of `SESSION_SECRET`/);
      let [action] = (await actionsAt(server, uri, diagnostic)).filter((a) => a.isPreferred);
      assert.match(action.title, /Remove the hard-coded default of SESSION_SECRET/);
      action = await server.client.sendRequest(CodeActionResolveRequest.type, action);
      const open = new Map([[uri, text]]);
      applyWorkspaceEdit(open, action.edit!);
      assert.equal(open.get(uri), 'const secret = process.env.SESSION_SECRET;\n');
      assert.match(fs.readFileSync(path.join(server.folders[0], '.env'), 'utf8'), new RegExp(`\\nSESSION_SECRET=${value}\\n`));
      await server.change(uri, open.get(uri)!);
      assert.deepEqual(findings(await server.diagnostics(uri)), [], 'finding gone after the fix');
      assert.ok(!server.allServerText().includes(value), 'the value never appears in diagnostics or logs');
    });

    it('offers the reference fix as preferred and suppressions never preferred; applying it moves the value to .env', async () => {
      const value = fakeGithubToken('actions');
      const text = `export const token = '${value}';\n`;
      const uri = await server.open('src/token.ts', text, 'typescript');
      const [diagnostic] = findings(await server.diagnostics(uri));
      const actions = await actionsAt(server, uri, diagnostic);
      assert.ok(!JSON.stringify(actions).includes(value), 'no action (or its data) carries the value before resolve');
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1);
      assert.equal(preferred[0].kind, 'quickfix');
      assert.match(preferred[0].title, /GITHUB_TOKEN/);
      const suppressions = actions.filter((a) => /Ignore/.test(a.title));
      assert.equal(suppressions.length, 2);
      for (const s of suppressions) assert.ok(!s.isPreferred);
      assert.ok(!actions.some((a) => a.command?.command === STASH_COMMAND), 'no stash without the client command');

      // Both profiles announce resolveSupport for `edit` (VS Code, Neovim 0.7): the edit comes lazily.
      let action = preferred[0];
      assert.equal(action.edit, undefined, 'edit computed lazily');
      action = await server.client.sendRequest(CodeActionResolveRequest.type, action);
      assert.ok(action.edit, 'the action has an edit');
      const open = new Map([[uri, text]]);
      applyWorkspaceEdit(open, action.edit);
      assert.equal(open.get(uri), 'export const token = process.env.GITHUB_TOKEN;\n');
      const root = server.folders[0];
      assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `# moved here by Secret Hygiene from src/token.ts\nGITHUB_TOKEN=${value}\n`);
      assert.equal(fs.readFileSync(path.join(root, '.gitignore'), 'utf8'), '.env\n');
      await server.change(uri, open.get(uri)!);
      assert.deepEqual(findings(await server.diagnostics(uri)), [], 'finding gone after the fix');
      assert.ok(!server.allServerText().includes(value), 'the value never appears in diagnostics or logs');
    });

    it('inline suppression comment silences the finding', async () => {
      const value = fakeGithubToken('suppress');
      const text = `const token = "${value}";\n`;
      const uri = await server.open('src/s.ts', text, 'typescript');
      const [diagnostic] = findings(await server.diagnostics(uri));
      let action = (await actionsAt(server, uri, diagnostic)).find((a) => /this line/.test(a.title))!;
      action = await server.client.sendRequest(CodeActionResolveRequest.type, action);
      const open = new Map([[uri, text]]);
      applyWorkspaceEdit(open, action.edit!);
      assert.equal(open.get(uri), `const token = "${value}"; // secret-hygiene:ignore github-classic-pat\n`);
      await server.change(uri, open.get(uri)!);
      assert.deepEqual(findings(await server.diagnostics(uri)), []);
    });

    it('fix-all applies every preferred fix through workspace/applyEdit in one edit', async () => {
      const a = fakeGithubToken('all-a');
      const b = fakeGithubToken('all-b');
      const text = `import sys\nprimary_token = "${a}"\nbackup_token = "${b}"\n`;
      const uri = await server.open('app/tokens.py', text, 'python');
      assert.equal(findings(await server.diagnostics(uri)).length, 2);
      const open = new Map([[uri, text]]);
      let edits = 0;
      server.client.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
        edits++;
        applyWorkspaceEdit(open, params.edit);
        return { applied: true };
      });
      const result = await server.client.sendRequest(ExecuteCommandRequest.type, { command: FIX_ALL_COMMAND, arguments: [uri] });
      assert.deepEqual(result, { fixed: 2, remaining: 0, applied: true });
      assert.equal(edits, 1, 'one workspace edit = one undo step');
      assert.equal(open.get(uri), 'import os\nimport sys\nprimary_token = os.environ["PRIMARY_TOKEN"]\nbackup_token = os.environ["BACKUP_TOKEN"]\n');
      const env = fs.readFileSync(path.join(server.folders[0], '.env'), 'utf8');
      assert.ok(env.includes(`PRIMARY_TOKEN=${a}`) && env.includes(`BACKUP_TOKEN=${b}`));
      assert.ok(!server.allServerText().includes(a) && !server.allServerText().includes(b));
    });
  });
}

describe('code actions: SecretStorage stash (vscode client)', function () {
  this.timeout(20_000);
  let server: InProcessServer;
  beforeEach(async () => {
    server = await startServerInProcess('vscode');
  });
  afterEach(async () => server.dispose());

  it('hands the value over once by a one-time id and writes no .env', async () => {
    await server.client.sendNotification(ClientFixFeaturesNotification.type, { stashCommand: true });
    const value = fakeGithubToken('stash');
    const text = `const token = "${value}";\n`;
    const uri = await server.open('src/stash.ts', text, 'typescript');
    const [diagnostic] = findings(await server.diagnostics(uri));
    const stashAction = (await actionsAt(server, uri, diagnostic)).find((a) => /SecretStorage/.test(a.title));
    assert.ok(stashAction && !stashAction.isPreferred);
    const resolved = await server.client.sendRequest(CodeActionResolveRequest.type, stashAction);
    assert.equal(resolved.command?.command, STASH_COMMAND);
    assert.ok(!JSON.stringify(resolved).includes(value), 'the action carries an id, never the value');
    const open = new Map([[uri, text]]);
    applyWorkspaceEdit(open, resolved.edit!);
    assert.equal(open.get(uri), 'const token = process.env.GITHUB_TOKEN;\n');
    assert.ok(!fs.existsSync(path.join(server.folders[0], '.env')));
    const id = resolved.command!.arguments![0] as string;
    const taken = await server.client.sendRequest(TakeStashedSecretRequest.type, { id });
    assert.equal(taken?.name, 'GITHUB_TOKEN');
    assert.equal(taken?.value, value);
    assert.equal(await server.client.sendRequest(TakeStashedSecretRequest.type, { id }), null, 'only once');
  });
});

describe('code actions: client without resolve support', function () {
  this.timeout(20_000);
  let server: InProcessServer;
  beforeEach(async () => {
    // A client that cannot resolve edits lazily (older editors): edits must come inline.
    server = new InProcessServer('push');
    await server.client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: server.folderUri(0),
      workspaceFolders: [{ uri: server.folderUri(0), name: 'ws' }],
      capabilities: {
        textDocument: { publishDiagnostics: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
        workspace: { workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
      },
      initializationOptions: {},
    });
    await server.client.sendNotification(InitializedNotification.type, {});
  });
  afterEach(async () => server.dispose());

  it('returns every edit inline and offers no SecretStorage variant', async () => {
    await server.client.sendNotification(ClientFixFeaturesNotification.type, { stashCommand: true });
    const value = fakeGithubToken('inline');
    const text = `token: ${value}\n`;
    const uri = await server.open('config/app.yml', text, 'yaml');
    const [diagnostic] = findings(await server.diagnostics(uri));
    const actions = await actionsAt(server, uri, diagnostic);
    assert.ok(actions.length >= 3);
    assert.ok(!actions.some((a) => /SecretStorage/.test(a.title)));
    for (const a of actions.filter((x) => !x.command)) assert.ok(a.edit, `inline edit for ${a.title}`);
    const preferred = actions.find((a) => a.isPreferred)!;
    const open = new Map([[uri, text]]);
    applyWorkspaceEdit(open, preferred.edit!);
    assert.equal(open.get(uri), 'token: ${GITHUB_TOKEN}\n');
    assert.ok(fs.readFileSync(path.join(server.folders[0], '.env'), 'utf8').includes(`GITHUB_TOKEN=${value}`));
    const withoutValue = JSON.stringify(actions.map((a) => ({ ...a, edit: undefined })));
    assert.ok(!withoutValue.includes(value), 'titles and data never carry the value');
  });
});
