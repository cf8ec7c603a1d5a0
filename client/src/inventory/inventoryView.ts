/**
 * The "Secrets" view of the Secret Hygiene activity-bar container: asks the server for the inventory
 * (InventoryRequest), re-asks on InventoryChangedNotification (debounced) while the view is visible,
 * and once it becomes visible again when changes arrived while it was hidden (a large workspace's
 * answer is hundreds of KB: no use fetching it for a hidden view while the person types); keeps the
 * grouping in workspaceState, sets the badge (hard-coded + overdue, from the notification when
 * hidden) and the context key the welcome views use.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { expandInventory, InventoryChangedNotification, InventoryRequest, type InventoryFolderView, type InventoryResult } from '../../../shared/inventoryProtocol';
import { badgeFor } from './presentation';
import { InventoryTreeProvider, toTreeItem } from './treeProvider';
import { attentionCounts, isGrouping, type Grouping, type InventoryNode } from './treeModel';

export const VIEW_ID = 'secretHygiene.inventory';
/** Context key: `loading`, `indexing`, `empty`, `ready` or `unavailable` (viewsWelcome `when`). */
export const STATE_CONTEXT_KEY = 'secretHygiene.inventory.state';
/** Context key with the current grouping (view-title menu). */
export const GROUPING_CONTEXT_KEY = 'secretHygiene.inventory.grouping';
const GROUPING_STATE = 'secretHygiene.inventory.grouping';
/** Change notifications arrive in bursts while the index runs; one request per quiet period. */
const REFRESH_DEBOUNCE_MS = 300;

type ViewState = 'loading' | 'indexing' | 'empty' | 'ready' | 'unavailable';

/** What a tree item looks like, for the extension API (end-to-end tests). */
export interface InventoryTreeItemInfo {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  icon?: string;
  command?: { command: string; arguments?: unknown[] };
  collapsible: boolean;
}

export class InventoryView implements vscode.Disposable {
  readonly provider: InventoryTreeProvider;
  readonly treeView: vscode.TreeView<InventoryNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | undefined;
  private inFlight: Promise<InventoryResult | undefined> | undefined;
  private again = false;
  /** Changes were announced while the view was hidden: fetch when it shows. */
  private stale = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const stored = context.workspaceState.get<string>(GROUPING_STATE);
    const grouping: Grouping = isGrouping(stored) ? stored : 'secret';
    this.provider = new InventoryTreeProvider(grouping, () => this.load().then(() => undefined));
    this.treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(this.provider, this.treeView);
    void this.setState('loading');
    void vscode.commands.executeCommand('setContext', GROUPING_CONTEXT_KEY, grouping);
    ready.then(
      () => {
        this.disposables.push(
          this.client.onNotification(InventoryChangedNotification.type, (params) => {
            this.treeView.badge = badgeFor(params.hardCoded, params.overdue ?? 0);
            this.scheduleRefresh();
          }),
        );
        this.scheduleRefresh();
      },
      () => void this.setState('unavailable', 'The Secret Hygiene language server did not start. See the output (Secret Hygiene: Show Output).'),
    );
    this.disposables.push(
      this.treeView.onDidChangeVisibility((e) => {
        if (e.visible && this.stale) this.scheduleRefresh();
      }),
    );
    // A restarted server has a new index: ask again once it runs.
    this.disposables.push(
      this.client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.scheduleRefresh();
      }),
    );
  }

  get grouping(): Grouping {
    return this.provider.grouping;
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    this.provider.setGrouping(grouping);
    await this.context.workspaceState.update(GROUPING_STATE, grouping);
    await vscode.commands.executeCommand('setContext', GROUPING_CONTEXT_KEY, grouping);
  }

  scheduleRefresh(): void {
    if (!this.treeView.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.load();
    }, REFRESH_DEBOUNCE_MS);
  }

  /** Requests the inventory and rebuilds the tree. Concurrent calls share one request (plus one rerun). */
  load(): Promise<InventoryResult | undefined> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = this.request().finally(() => {
      this.inFlight = undefined;
      if (this.again) {
        this.again = false;
        void this.load();
      }
    });
    return this.inFlight;
  }

  private async request(): Promise<InventoryResult | undefined> {
    try {
      return await this.fetch();
    } catch (e) {
      const error = e as { code?: number; message?: string };
      // -32601: the server does not know the request (an older server); say so instead of failing.
      const reason = error.code === -32601 ? 'this language server does not provide the secrets inventory' : (error.message ?? String(e));
      this.log.warn(`inventory request failed: ${reason}`);
      await this.setState('unavailable', `The secrets inventory is not available: ${reason}.`);
      return undefined;
    }
  }

  private apply(result: InventoryResult): void {
    this.provider.setResult(result);
    const { hardCoded, overdue } = attentionCounts(result);
    this.treeView.badge = badgeFor(hardCoded, overdue);
    const empty = this.provider.tree.roots.length === 0;
    const state: ViewState = result.indexing && empty ? 'indexing' : empty ? 'empty' : 'ready';
    void this.setState(state, result.indexing ? 'Indexing the workspace… the list fills in as files are read.' : undefined);
  }

  private async setState(state: ViewState, message?: string): Promise<void> {
    this.treeView.message = message;
    await vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, state);
  }

  /** Fresh inventory from the server (the tree is updated with it too). */
  async fetch(): Promise<InventoryResult> {
    await this.ready;
    const result = expandInventory(await this.client.sendRequest(InventoryRequest.type, {}));
    this.apply(result);
    return result;
  }

  /** The items the view currently shows under `parentId` (top level when omitted). */
  async items(parentId?: string): Promise<InventoryTreeItemInfo[]> {
    await this.current();
    const parent = parentId === undefined ? undefined : this.provider.tree.byId.get(parentId);
    if (parentId !== undefined && !parent) throw new Error(`no inventory tree item with id ${parentId}`);
    const nodes = await this.provider.getChildren(parent);
    return nodes.map((node) => {
      const item = toTreeItem(node);
      return {
        id: node.id,
        label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
        description: typeof item.description === 'string' ? item.description : undefined,
        tooltip: item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip,
        contextValue: item.contextValue,
        icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
        command: item.command ? { command: item.command.command, arguments: item.command.arguments } : undefined,
        collapsible: item.collapsibleState !== vscode.TreeItemCollapsibleState.None,
      };
    });
  }

  /** Reveals (selects, expands the parents of) the item with this id. */
  async reveal(id: string): Promise<void> {
    await this.current();
    const node = this.provider.tree.byId.get(id);
    if (!node) throw new Error(`no inventory tree item with id ${id}`);
    await this.treeView.reveal(node, { select: true, focus: false, expand: true });
  }

  /** The folder's inventory as last fetched, fetched first when the view has none or an old one. */
  async folderView(folderUri: string): Promise<InventoryFolderView | undefined> {
    await this.current();
    return this.provider.lastResult?.folders.find((f) => f.uri === folderUri);
  }

  /** Loads the inventory when the view has none yet or changes arrived while it was hidden. */
  private async current(): Promise<void> {
    if (this.provider.loaded && !this.stale) return;
    this.stale = false;
    await this.load();
  }

  badge(): vscode.ViewBadge | undefined {
    return this.treeView.badge;
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}
