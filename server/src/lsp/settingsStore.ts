import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { Engine, resolveSettings } from '../engine';
import { CONFIG_SECTION, type InitializationOptions, type UserOnlySettings } from '../../../shared/protocol';
import type { ClientFlags } from './services';
import type { WorkspaceFolders } from './workspaceFolders';

type RawSettings = Record<string, unknown>;

/** Settings an untrusted workspace may not provide (package.json `restrictedConfigurations`). */
const USER_ONLY_KEYS = ['customRules', 'fingerprintKey'] as const;
/** Settings the engine reads; the engine cache is keyed on them. */
const ENGINE_KEYS = ['rules', 'exclude', 'maxFileSize', 'customRules', 'fingerprintKey', 'testPathSeverity'] as const;

/**
 * `secretHygiene` settings per workspace folder, read with `workspace/configuration` when the client
 * supports it, else from `initializationOptions.settings` (or `didChangeConfiguration` payloads).
 * Compiles one Engine per distinct settings and reports settings problems once each.
 */
export class SettingsStore {
  private fallback: RawSettings = {};
  private trusted = true;
  private userSettings: UserOnlySettings = {};
  private readonly perFolder = new Map<string, Promise<RawSettings>>();
  private readonly engines = new Map<string, Engine>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly flags: ClientFlags,
    private readonly folders: WorkspaceFolders,
    private readonly log: (message: string) => void,
  ) {}

  initialize(options: InitializationOptions | undefined): void {
    const settings = options?.settings;
    if (settings !== undefined && settings !== null && asObject(settings) !== settings) {
      this.report([`initializationOptions.settings: expected an object of ${CONFIG_SECTION} settings`]);
    }
    this.fallback = asObject(settings);
    this.trusted = options?.trusted !== false;
    this.userSettings = asObject(options?.userSettings);
  }

  /** After `workspace/didChangeConfiguration`: forget everything; take pushed settings when given. */
  didChangeConfiguration(pushed: unknown): void {
    const section = asObject(pushed)[CONFIG_SECTION];
    if (section !== undefined && !this.flags.configuration) {
      if (section !== null && asObject(section) !== section) this.report([`${CONFIG_SECTION}: expected an object of settings`]);
      this.fallback = asObject(section);
    }
    this.clear();
  }

  /** After the client reported a trust change or new user-level restricted settings. */
  setTrust(trusted: boolean, userSettings: UserOnlySettings | undefined): void {
    this.trusted = trusted;
    this.flags.untrustedWorkspace = !trusted;
    this.userSettings = asObject(userSettings);
    this.clear();
  }

  clear(): void {
    this.perFolder.clear();
  }

  /** Effective raw settings for the folder holding `uri`; never throws. */
  settingsFor(uri: string): Promise<RawSettings> {
    const folderUri = this.folders.folderUriFor(uri);
    const key = folderUri ?? '';
    let pending = this.perFolder.get(key);
    if (!pending) {
      pending = this.fetch(folderUri).then((raw) => this.applyTrust(raw));
      this.perFolder.set(key, pending);
    }
    return pending;
  }

  async engineFor(uri: string): Promise<Engine> {
    const settings = await this.settingsFor(uri);
    const engineSettings: RawSettings = {};
    for (const k of ENGINE_KEYS) if (settings[k] !== undefined && settings[k] !== null) engineSettings[k] = settings[k];
    let key: string;
    try {
      key = JSON.stringify(engineSettings);
    } catch {
      key = 'unserializable';
    }
    let engine = this.engines.get(key);
    if (!engine) {
      engine = new Engine(resolveSettings(engineSettings));
      if (this.engines.size > 16) this.engines.clear();
      this.engines.set(key, engine);
      this.report(engine.problems);
    }
    return engine;
  }

  private async fetch(folderUri: string | undefined): Promise<RawSettings> {
    if (!this.flags.configuration) return this.fallback;
    try {
      const value: unknown = await this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: CONFIG_SECTION });
      if (value !== undefined && value !== null && asObject(value) !== value) this.report([`${CONFIG_SECTION}: expected an object of settings`]);
      return asObject(value);
    } catch (e) {
      this.log(`could not read settings (${(e as Error).message}); using initialization options`);
      return this.fallback;
    }
  }

  /** Untrusted workspace: restricted settings come only from the user's own settings. */
  private applyTrust(raw: RawSettings): RawSettings {
    if (this.trusted) return raw;
    const filtered: RawSettings = { ...raw };
    for (const k of USER_ONLY_KEYS) {
      if (this.userSettings[k] !== undefined && this.userSettings[k] !== null) filtered[k] = this.userSettings[k];
      else delete filtered[k];
    }
    return filtered;
  }

  /** Shows each settings problem once (warning message) and logs it. */
  private report(problems: readonly string[]): void {
    const fresh = problems.filter((p) => !this.reported.has(p));
    if (fresh.length === 0) return;
    for (const p of fresh) {
      this.reported.add(p);
      this.log(`settings problem: ${p}`);
    }
    const text = `Secret Hygiene: some settings were ignored: ${fresh.join('; ')}`;
    // A notification, not window/showMessageRequest: nothing to answer, and every client shows it.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text }).catch(() => undefined);
  }
}

function asObject(value: unknown): RawSettings {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as RawSettings) : {};
}
