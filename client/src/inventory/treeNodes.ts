/**
 * Nodes of the Secrets view tree and the built tree (roots, ids, parents). Pure: no VS Code import.
 */
import type { InventoryFolderView, InventoryOccurrenceView, InventorySecretView } from '../../../shared/inventoryProtocol';
import type { Range } from 'vscode-languageserver-protocol';

export type Grouping = 'secret' | 'file' | 'kind';
export const GROUPINGS: readonly Grouping[] = ['secret', 'file', 'kind'];

export function isGrouping(value: unknown): value is Grouping {
  return typeof value === 'string' && (GROUPINGS as readonly string[]).includes(value);
}

export interface NodeView {
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon?: { id: string; color?: string };
  /** A file URI: the item takes the file's icon (file nodes). */
  resourceUri?: string;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** Where a click goes. */
  location?: { uri: string; range: Range };
}

interface NodeBase {
  id: string;
  folderUri: string;
  parent?: InventoryNode;
  children: InventoryNode[];
  view: NodeView;
}

export interface FolderNode extends NodeBase {
  type: 'folder';
  folder: InventoryFolderView;
}
export interface GroupNode extends NodeBase {
  type: 'group';
  kind: string;
}
export interface FileNode extends NodeBase {
  type: 'file';
  uri: string;
  path: string;
}
export interface SecretNode extends NodeBase {
  type: 'secret';
  secret: InventorySecretView;
  /** The occurrences shown under this node (all of them, or those of its kind group). */
  occurrences: InventoryOccurrenceView[];
}
export interface OccurrenceNode extends NodeBase {
  type: 'occurrence';
  secret: InventorySecretView;
  occurrence: InventoryOccurrenceView;
}

export const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export type InventoryNode = FolderNode | GroupNode | FileNode | SecretNode | OccurrenceNode;

/** The built tree: roots, and every node by id (for `reveal` and the tests' API). */
export class InventoryTree {
  readonly byId = new Map<string, InventoryNode>();

  constructor(
    readonly roots: InventoryNode[],
    readonly grouping: Grouping,
  ) {
    const visit = (node: InventoryNode) => {
      if (this.byId.has(node.id)) throw new Error(`duplicate inventory tree id ${node.id}`);
      this.byId.set(node.id, node);
      node.children.forEach(visit);
    };
    roots.forEach(visit);
  }

  static empty(grouping: Grouping): InventoryTree {
    return new InventoryTree([], grouping);
  }

  children(node?: InventoryNode): InventoryNode[] {
    return node ? node.children : this.roots;
  }

  /** Nodes of the secret with this protocol id (one per group it appears in). */
  secretNodes(secretId: string): SecretNode[] {
    return [...this.byId.values()].filter((n): n is SecretNode => n.type === 'secret' && n.secret.id === secretId);
  }
}

/** Hard-coded occurrences under a node (the node itself, a secret's, or a file's). */
export function hardCodedUnder(node: InventoryNode): InventoryOccurrenceView[] {
  if (node.type === 'occurrence') return node.occurrence.kind === 'hard-coded' ? [node.occurrence] : [];
  if (node.type === 'secret') return node.occurrences.filter((o) => o.kind === 'hard-coded');
  return node.children.flatMap(hardCodedUnder);
}

/** Every node under `roots`, depth first (tests and the no-value checks). */
export function allNodes(tree: InventoryTree): InventoryNode[] {
  const out: InventoryNode[] = [];
  const visit = (n: InventoryNode) => {
    out.push(n);
    n.children.forEach(visit);
  };
  tree.roots.forEach(visit);
  return out;
}
