/**
 * The "Secrets" tree data provider: turns the pure InventoryTree into TreeItems, with stable ids and
 * getParent so `TreeView.reveal` works. Loading is the controller's job (inventoryView.ts).
 */
import * as vscode from 'vscode';
import type { InventoryResult } from '../../../shared/inventoryProtocol';
import { buildInventoryTree, type Grouping, type InventoryNode, type InventoryTree, type NodeView } from './treeModel';

/** Command a click on an item runs: open the file at the range (arguments: URI string and range). */
export const REVEAL_LOCATION_COMMAND = 'secretHygiene.inventory.openLocation';

const COLLAPSIBLE: Record<NodeView['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export function toTreeItem(node: InventoryNode): vscode.TreeItem {
  const { view } = node;
  const item = new vscode.TreeItem(view.label, COLLAPSIBLE[view.collapsible]);
  item.id = node.id;
  item.description = view.description;
  item.contextValue = view.contextValue;
  if (view.tooltip) {
    const tooltip = new vscode.MarkdownString(view.tooltip);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    item.tooltip = tooltip;
  }
  if (view.resourceUri) item.resourceUri = vscode.Uri.parse(view.resourceUri);
  if (view.icon) item.iconPath = new vscode.ThemeIcon(view.icon.id, view.icon.color ? new vscode.ThemeColor(view.icon.color) : undefined);
  else if (view.resourceUri) item.iconPath = vscode.ThemeIcon.File;
  if (view.location) {
    item.command = { title: 'Open', command: REVEAL_LOCATION_COMMAND, arguments: [view.location.uri, view.location.range] };
  }
  return item;
}

export class InventoryTreeProvider implements vscode.TreeDataProvider<InventoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<InventoryNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private current: InventoryTree;
  private result: InventoryResult | undefined;

  constructor(
    grouping: Grouping,
    /** Called when the view asks for its root before any result arrived. */
    private readonly ensureLoaded: () => Promise<void>,
  ) {
    this.current = buildInventoryTree(undefined, grouping);
  }

  get tree(): InventoryTree {
    return this.current;
  }

  get grouping(): Grouping {
    return this.current.grouping;
  }

  /** The last inventory the server sent. */
  get lastResult(): InventoryResult | undefined {
    return this.result;
  }

  get loaded(): boolean {
    return this.result !== undefined;
  }

  setResult(result: InventoryResult): void {
    this.result = result;
    this.rebuild(this.grouping);
  }

  setGrouping(grouping: Grouping): void {
    this.rebuild(grouping);
  }

  private rebuild(grouping: Grouping): void {
    this.current = buildInventoryTree(this.result, grouping);
    this.changed.fire();
  }

  getTreeItem(node: InventoryNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  async getChildren(node?: InventoryNode): Promise<InventoryNode[]> {
    if (!node && !this.loaded) await this.ensureLoaded().catch(() => undefined);
    // A node from a previous build: answer with the same id's node in the current tree.
    const here = node ? this.current.byId.get(node.id) : undefined;
    if (node && !here) return [];
    return this.current.children(here);
  }

  getParent(node: InventoryNode): InventoryNode | undefined {
    const here = this.current.byId.get(node.id) ?? node;
    return here.parent;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
