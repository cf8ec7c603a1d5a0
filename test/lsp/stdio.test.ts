import * as assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { fakeGithubToken } from './fixtures';

const ROOT = path.resolve(__dirname, '../..');

/** The server entry as a program: over --stdio (Neovim: `node dist/server.js --stdio`) and --node-ipc (VS Code). */
describe('server entry as a program', function () {
  this.timeout(30_000);
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill();
  });

  it('initializes, publishes diagnostics and exits cleanly on shutdown + exit', async () => {
    child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'server/src/server.ts'), '--stdio'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
        if (p.diagnostics.length > 0) resolve(p);
      }),
    );
    connection.listen();
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: {} } },
      initializationOptions: { settings: {} },
    });
    assert.equal(init.serverInfo?.name, 'secret-hygiene');
    assert.equal(init.capabilities.diagnosticProvider, undefined, 'no pull diagnostics for a push-only client');
    await connection.sendNotification(InitializedNotification.type, {});
    const uri = 'file:///tmp/stdio-test/app.env';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'sh', version: 1, text: `GITHUB_TOKEN=${fakeGithubToken('stdio')}\n` },
    });
    const diagnostics = await published;
    assert.equal(diagnostics.uri, uri);
    assert.ok(diagnostics.diagnostics.some((d) => d.code === 'github-classic-pat'));
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
    connection.dispose();
  });

  it('serves over --node-ipc, the transport the VS Code client uses', async () => {
    child = fork(path.join(ROOT, 'server/src/server.ts'), ['--node-ipc'], { cwd: ROOT, execArgv: ['--require', 'tsx/cjs'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { diagnostic: {} } },
      initializationOptions: { trusted: true },
    });
    assert.ok(init.capabilities.diagnosticProvider, 'pull diagnostics for a pull-capable client');
    assert.equal(init.capabilities.hoverProvider, true);
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
    connection.dispose();
  });
});
