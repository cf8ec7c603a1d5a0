/**
 * Runs the Secret Hygiene language server in process, over in-memory streams, behind a scripted
 * LSP client. Two client profiles:
 *  - 'vscode': pull diagnostics, workspace/configuration, dynamic registration (watchers, config);
 *  - 'push':   a minimal client like Neovim 0.7: push diagnostics only, no workspace/configuration
 *              (settings via initializationOptions / didChangeConfiguration), no dynamic registration.
 *
 * The same API serves tests and the benchmark (scripts/bench.ts): `open`, `change`, then
 * `diagnostics(uri)` resolves with the diagnostics of the document's latest version, whichever
 * profile is in use.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import {
  CancellationTokenSource,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidChangeWorkspaceFoldersNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  ExitNotification,
  WorkDoneProgressCreateRequest,
  DiagnosticRefreshRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type LogMessageParams,
  type Position,
  type ProtocolConnection,
  type Registration,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { startServer, type RunningServer } from '../../server/src/server';
import { PROFILE_CAPABILITIES, type ClientProfile } from './profiles';
import { WorkspaceTrustNotification, type InitializationOptions, type UserOnlySettings } from '../../shared/protocol';


type Settings = Record<string, unknown>;

export interface HarnessOptions {
  /** Workspace folder paths; default one fresh temp folder (removed on dispose). */
  folders?: string[];
  /** `secretHygiene` settings of every folder (configuration answers, or initializationOptions). */
  settings?: Settings;
  /** Settings per folder path (vscode profile: answers `workspace/configuration` by scopeUri). */
  folderSettings?: Record<string, Settings>;
  /** `initializationOptions.trusted`; omitted means the option is not sent. */
  trusted?: boolean;
  userSettings?: UserOnlySettings;
  /** Client capabilities to send instead of the profile's (variations of a profile). */
  capabilities?: ClientCapabilities;
  /** `files.exclude` the vscode profile answers for every folder. */
  filesExclude?: Record<string, boolean>;
  /** Longest wait for a diagnostics publish or refresh before failing (guards hangs; not a timing check). */
  waitLimitMs?: number;
  /**
   * Run this server program (e.g. dist/server.js) in its own process over stdio, as editors do,
   * instead of in this process. `services` is not available then.
   */
  serverProgram?: string;
  /** Node options for the server's own process (serverProgram only), e.g. `--cpu-prof`. */
  serverExecArgv?: string[];
}

interface Publish {
  seq: number;
  version?: number;
  diagnostics: Diagnostic[];
}

export { PROFILES, type ClientProfile } from './profiles';

export class InProcessServer {
  readonly client: ProtocolConnection;
  readonly folders: string[];
  readonly showMessages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly registrations: Registration[] = [];
  refreshCount = 0;
  /** Every publishDiagnostics received, per URI, in order. */
  readonly publishes = new Map<string, Publish[]>();

  private readonly server: RunningServer | undefined;
  /** The server's process when it runs apart (options.serverProgram). */
  readonly serverProcess: ChildProcess | undefined;
  private readonly versions = new Map<string, number>();
  private readonly waiters = new Set<() => void>();
  private readonly settings: Map<string, Settings>;
  private configurationGate: Promise<void> | undefined;
  private publishSeq = 0;
  /** Publish sequence number when each document was last opened or changed. */
  private readonly lastChangeSeq = new Map<string, number>();
  private readonly ownedTemp: string[] = [];
  private readonly waitLimitMs: number;

  constructor(
    readonly profile: ClientProfile,
    private readonly options: HarnessOptions = {},
  ) {
    this.waitLimitMs = options.waitLimitMs ?? 10_000;
    this.folders = options.folders ?? [this.tempFolder()];
    this.settings = new Map(this.folders.map((f) => [f, options.folderSettings?.[f] ?? options.settings ?? {}]));

    if (options.serverProgram) {
      const child = spawn(process.execPath, [...(options.serverExecArgv ?? []), options.serverProgram, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
      this.serverProcess = child;
      this.client = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    } else {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      // Message readers/writers (not raw streams): the raw-stream overload exits the process on close.
      const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
      this.server = startServer(serverConnection);
      this.client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    }
    this.installClientHandlers();
    this.client.listen();
  }

  /** Starts the server and completes initialize / initialized. */
  async start(): Promise<this> {
    const initializationOptions: InitializationOptions = {};
    if (this.options.trusted !== undefined) initializationOptions.trusted = this.options.trusted;
    if (this.options.userSettings) initializationOptions.userSettings = this.options.userSettings;
    if (this.profile === 'push') initializationOptions.settings = this.settings.get(this.folders[0]);
    await this.client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: this.folderUri(0),
      workspaceFolders: this.folders.map((f, i) => ({ uri: this.folderUri(i), name: path.basename(f) })),
      capabilities: this.options.capabilities ?? PROFILE_CAPABILITIES[this.profile],
      initializationOptions,
    });
    await this.client.sendNotification(InitializedNotification.type, {});
    return this;
  }

  folderUri(index = 0): string {
    return pathToFileURL(this.folders[index]).href;
  }

  /** `file:` URI of a path relative to a workspace folder. */
  uri(relativePath: string, folderIndex = 0): string {
    return pathToFileURL(path.join(this.folders[folderIndex], relativePath)).href;
  }

  /** Writes a file into a workspace folder (for ignore files and the like). */
  writeFile(relativePath: string, text: string, folderIndex = 0): string {
    const file = path.join(this.folders[folderIndex], relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  async open(uriOrPath: string, text: string, languageId = 'plaintext'): Promise<string> {
    const uri = uriOrPath.includes(':') ? uriOrPath : this.uri(uriOrPath);
    this.versions.set(uri, 1);
    this.lastChangeSeq.set(uri, this.publishSeq);
    await this.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Sends an edit (incremental changes, or a whole new text); returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[] | string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.lastChangeSeq.set(uri, this.publishSeq);
    const contentChanges = typeof changes === 'string' ? [{ text: changes }] : changes;
    await this.client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  /**
   * Diagnostics of the document's latest version: pulled (vscode profile) or the first publish
   * carrying at least that version (push profile; the push client does not send versionSupport, so
   * the harness counts publishes after the last change instead: see waitForPublish).
   */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    if (this.profile === 'vscode') {
      const report = await this.pull(uri);
      return report.kind === 'full' ? report.items : [];
    }
    return (await this.waitForPublish(uri)).diagnostics;
  }

  pull(uri: string, token?: CancellationTokenSource): Promise<DocumentDiagnosticReport> {
    return this.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, token?.token);
  }

  /**
   * Push profile: waits for a publish for `uri` that happened after the document's last change
   * was sent. The server debounces and publishes only the latest version, so the first publish
   * after the last change is the one for the latest text.
   */
  waitForPublish(uri: string, after = this.lastChangeSeq.get(uri) ?? 0): Promise<Publish> {
    return this.waitFor(`diagnostics for ${uri}`, () => {
      const list = this.publishes.get(uri) ?? [];
      const last = list[list.length - 1];
      return last && last.seq > after ? last : undefined;
    });
  }

  /**
   * Runs `action` (a settings, trust or ignore-file change) and returns the diagnostics the server
   * then reports for `uri`: after a refresh request (vscode) or the next publish (push).
   */
  async diagnosticsAfter(uri: string, action: () => Promise<void> | void): Promise<Diagnostic[]> {
    if (this.profile === 'vscode') {
      const before = this.refreshCount;
      await action();
      await this.waitFor('workspace/diagnostic/refresh', () => (this.refreshCount > before ? true : undefined));
      return this.diagnostics(uri);
    }
    const after = this.publishSeq;
    await action();
    return (await this.waitForPublish(uri, after)).diagnostics;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** Changes the settings of every folder (or one) and tells the server, as each client would. */
  async setSettings(settings: Settings, folder?: string): Promise<void> {
    for (const f of folder ? [folder] : this.folders) this.settings.set(f, settings);
    const pushed = this.profile === 'vscode' ? null : { secretHygiene: settings };
    await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: pushed });
  }

  /** Adds a workspace folder, as VS Code does when the user adds one to the workspace. */
  async addFolder(folder: string, settings: Settings = {}): Promise<void> {
    this.folders.push(folder);
    this.settings.set(folder, settings);
    await this.client.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }], removed: [] },
    });
  }

  async setTrust(trusted: boolean, userSettings: UserOnlySettings = {}): Promise<void> {
    await this.client.sendNotification(WorkspaceTrustNotification.type, { trusted, userSettings });
  }

  async fileChanged(filePath: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
    await this.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(filePath).href, type }] });
  }

  /** Holds every `workspace/configuration` answer until the returned function is called. */
  holdConfiguration(): () => void {
    let release!: () => void;
    this.configurationGate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.configurationGate = undefined;
      release();
    };
  }

  /** Counts `workspace/configuration` requests (to know when the server is waiting on one). */
  configurationRequests = 0;

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.client.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 1000))]);
    } catch {
      // The server may already be gone.
    }
    if (this.serverProcess) {
      const exited = new Promise((r) => this.serverProcess!.once('exit', r));
      this.client.sendNotification(ExitNotification.type).catch(() => undefined);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      if (this.serverProcess.exitCode === null) this.serverProcess.kill();
    }
    this.client.dispose();
    this.server?.dispose();
    for (const dir of this.ownedTemp) fs.rmSync(dir, { recursive: true, force: true });
  }

  /** The server's shared services (tests that watch how handlers cooperate, e.g. the index pause). */
  get services(): RunningServer['services'] {
    if (!this.server) throw new Error('the server runs in its own process: its services are not reachable');
    return this.server.services;
  }

  /** Every text the client received from the server, for "no secret anywhere" checks. */
  allServerText(): string {
    return JSON.stringify({
      publishes: [...this.publishes.entries()],
      logs: this.logs,
      showMessages: this.showMessages,
    });
  }

  private installClientHandlers(): void {
    const client = this.client;
    client.onRequest(ConfigurationRequest.type, async (params) => {
      this.configurationRequests++;
      // Values as they are when asked (a held answer may be stale by the time it arrives).
      const answer = params.items.map((item) => {
        const folder = this.folders.find((f) => item.scopeUri === pathToFileURL(f).href);
        if (item.section === 'files.exclude') return this.options.filesExclude ?? {};
        return item.section === 'secretHygiene' ? (this.settings.get(folder ?? this.folders[0]) ?? {}) : null;
      });
      this.wake();
      if (this.configurationGate) await this.configurationGate;
      return answer;
    });
    client.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    client.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshCount++;
      this.wake();
    });
    client.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    client.onNotification(ShowMessageNotification.type, (params) => {
      this.showMessages.push(params);
      this.wake();
    });
    client.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
    });
    client.onNotification(PublishDiagnosticsNotification.type, (params) => {
      let list = this.publishes.get(params.uri);
      if (!list) this.publishes.set(params.uri, (list = []));
      list.push({ seq: ++this.publishSeq, version: params.version, diagnostics: params.diagnostics });
      this.wake();
    });
  }

  /** Resolves when `probe` returns a value; rejects after waitLimitMs (a hang guard, not a timing check). */
  waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
    const now = probe();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`gave up waiting for ${what}`));
      }, this.waitLimitMs);
      this.waiters.add(check);
    });
  }

  private wake(): void {
    for (const check of [...this.waiters]) check();
  }

  private tempFolder(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hygiene-lsp-'));
    this.ownedTemp.push(dir);
    return dir;
  }
}

/** Starts an in-process server for a client profile; call `dispose()` when done. */
export async function startServerInProcess(profile: ClientProfile, options: HarnessOptions = {}): Promise<InProcessServer> {
  return new InProcessServer(profile, options).start();
}
