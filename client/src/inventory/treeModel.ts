/**
 * The inventory tree, built from the server's InventoryResult: grouped by secret, by file or by kind,
 * with stable ids and parent links so `TreeView.reveal` works (rust-analyzer dependencies_provider
 * style). Pure: no VS Code import; the tree data provider turns each node's `view` into a TreeItem.
 */
import type {
  InventoryFolderView,
  InventoryOccurrenceView,
  InventoryResult,
  InventorySecretView,
} from '../../../shared/inventoryProtocol';
import {
  DECLARED_ONLY_KIND,
  OCCURRENCE_KIND_LABELS,
  STATUS_ICONS,
  kindLabel,
  occurrenceContextValue,
  occurrenceDescription,
  occurrenceLocation,
  occurrenceTooltip,
  pluralize,
  secretContextValue,
  secretDescription,
  secretTooltip,
  escapeMarkdown,
} from './presentation';
import {
  FILE_START,
  InventoryTree,
  type FileNode,
  type FolderNode,
  type Grouping,
  type GroupNode,
  type InventoryNode,
  type NodeView,
  type OccurrenceNode,
  type SecretNode,
} from './treeNodes';

export * from './treeNodes';


function adopt<T extends InventoryNode>(parent: T, children: InventoryNode[]): T {
  for (const child of children) child.parent = parent;
  parent.children = children;
  return parent;
}

function byPosition(a: InventoryOccurrenceView, b: InventoryOccurrenceView): number {
  return a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function positionKey(o: InventoryOccurrenceView): string {
  return `${o.uri}|${o.range.start.line}:${o.range.start.character}|${o.kind}`;
}

function occurrenceNode(id: string, folderUri: string, secret: InventorySecretView, o: InventoryOccurrenceView, labelAsSecret: boolean): OccurrenceNode {
  const label = labelAsSecret ? secret.name : occurrenceLocation(o);
  const description = labelAsSecret ? `line ${o.range.start.line + 1} · ${occurrenceDescription(o)}` : occurrenceDescription(o);
  return {
    type: 'occurrence',
    id,
    folderUri,
    children: [],
    secret,
    occurrence: o,
    view: {
      label,
      description,
      tooltip: occurrenceTooltip(secret.name, o),
      icon: labelAsSecret ? iconOf(secret) : o.kind === 'hard-coded' ? iconOf({ status: 'hard-coded' }) : { id: 'location' },
      contextValue: occurrenceContextValue(secret, o),
      collapsible: 'none',
      location: { uri: o.uri, range: o.range },
    },
  } as OccurrenceNode;
}

function iconOf(secret: Pick<InventorySecretView, 'status'>): NodeView['icon'] {
  const { icon, color } = STATUS_ICONS[secret.status];
  return { id: icon, color };
}

function secretNode(folder: InventoryFolderView, id: string, secret: InventorySecretView, occurrences: InventoryOccurrenceView[]): SecretNode {
  const folderUri = folder.uri;
  // A secret used nowhere (declared only) opens the inventory file that declares it.
  const location = occurrences.length === 0 && folder.inventoryFileUri ? { uri: folder.inventoryFileUri, range: FILE_START } : undefined;
  const node: SecretNode = {
    type: 'secret',
    id,
    folderUri,
    children: [],
    secret,
    occurrences,
    view: {
      label: secret.name,
      description: secretDescription(secret, occurrences.length),
      tooltip: secretTooltip(secret),
      icon: iconOf(secret),
      contextValue: secretContextValue(secret),
      collapsible: occurrences.length ? 'collapsed' : 'none',
      location,
    },
  };
  const seen = new Map<string, number>();
  const children = [...occurrences].sort(byPosition).map((o) => {
    const base = `${id}|${positionKey(o)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return occurrenceNode(n === 1 ? base : `${base}|${n}`, folderUri, secret, o, false);
  });
  return adopt(node, children);
}

function bySecret(folder: InventoryFolderView): InventoryNode[] {
  return folder.secrets.map((s) => secretNode(folder, `secret|${s.id}`, s, s.occurrences));
}

function declaredOnlyGroup(prefix: string, folder: InventoryFolderView, secrets: InventorySecretView[]): GroupNode | undefined {
  if (secrets.length === 0) return undefined;
  const id = `${prefix}|kind|${folder.uri}|${DECLARED_ONLY_KIND}`;
  const group: GroupNode = {
    type: 'group',
    id,
    folderUri: folder.uri,
    kind: DECLARED_ONLY_KIND,
    children: [],
    view: {
      label: kindLabel(DECLARED_ONLY_KIND),
      description: pluralize(secrets.length, 'secret'),
      tooltip: 'Declared in the inventory file but referenced nowhere in the workspace: remove the entry, or revoke the secret if nothing uses it.',
      icon: { id: 'circle-outline' },
      contextValue: `group kind-${DECLARED_ONLY_KIND}`,
      collapsible: 'expanded',
      location: folder.inventoryFileUri ? { uri: folder.inventoryFileUri, range: FILE_START } : undefined,
    },
  };
  return adopt(group, secrets.map((s) => secretNode(folder, `${id}|${s.id}`, s, [])));
}

function byFile(folder: InventoryFolderView): InventoryNode[] {
  const files = new Map<string, { path: string; entries: { secret: InventorySecretView; o: InventoryOccurrenceView }[] }>();
  const unused: InventorySecretView[] = [];
  for (const secret of folder.secrets) {
    if (secret.occurrences.length === 0) unused.push(secret);
    for (const o of secret.occurrences) {
      const file = files.get(o.uri) ?? files.set(o.uri, { path: o.path, entries: [] }).get(o.uri)!;
      file.entries.push({ secret, o });
    }
  }
  const nodes: InventoryNode[] = [...files.entries()]
    .sort((a, b) => a[1].path.localeCompare(b[1].path))
    .map(([uri, file]) => {
      const id = `file|${uri}`;
      const slash = file.path.lastIndexOf('/');
      const hardCoded = file.entries.filter((e) => e.o.kind === 'hard-coded').length;
      const names = new Set(file.entries.map((e) => e.secret.name));
      const node: FileNode = {
        type: 'file',
        id,
        folderUri: folder.uri,
        uri,
        path: file.path,
        children: [],
        view: {
          label: slash >= 0 ? file.path.slice(slash + 1) : file.path,
          description: [slash >= 0 ? file.path.slice(0, slash) : '', hardCoded ? `${hardCoded} hard-coded` : ''].filter(Boolean).join(' · ') || undefined,
          tooltip: `**${escapeMarkdown(file.path)}**\n\n${pluralize(names.size, 'secret')}, ${pluralize(file.entries.length, 'occurrence')}${hardCoded ? `, ${hardCoded} hard-coded` : ''}`,
          resourceUri: uri,
          contextValue: hardCoded ? 'file hardCoded' : 'file',
          collapsible: 'collapsed',
        },
      };
      const seen = new Map<string, number>();
      const children = file.entries
        .sort((a, b) => byPosition(a.o, b.o) || a.secret.name.localeCompare(b.secret.name))
        .map((e) => {
          const base = `${id}|${e.o.range.start.line}:${e.o.range.start.character}|${e.o.kind}|${e.secret.id}`;
          const n = (seen.get(base) ?? 0) + 1;
          seen.set(base, n);
          return occurrenceNode(n === 1 ? base : `${base}|${n}`, folder.uri, e.secret, e.o, true);
        });
      return adopt(node, children);
    });
  const declared = declaredOnlyGroup('file', folder, unused);
  if (declared) nodes.push(declared);
  return nodes;
}

const KIND_ORDER = Object.keys(OCCURRENCE_KIND_LABELS);

function byKind(folder: InventoryFolderView): InventoryNode[] {
  const kinds = new Map<string, { secret: InventorySecretView; occurrences: InventoryOccurrenceView[] }[]>();
  const unused: InventorySecretView[] = [];
  for (const secret of folder.secrets) {
    if (secret.occurrences.length === 0) unused.push(secret);
    const mine = new Map<string, InventoryOccurrenceView[]>();
    for (const o of secret.occurrences) (mine.get(o.kind) ?? mine.set(o.kind, []).get(o.kind)!).push(o);
    for (const [kind, occurrences] of mine) (kinds.get(kind) ?? kinds.set(kind, []).get(kind)!).push({ secret, occurrences });
  }
  const rank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);
  const nodes: InventoryNode[] = [...kinds.entries()]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))
    .map(([kind, entries]) => {
      const id = `kind|kind|${folder.uri}|${kind}`;
      const group: GroupNode = {
        type: 'group',
        id,
        folderUri: folder.uri,
        kind,
        children: [],
        view: {
          label: kindLabel(kind),
          description: pluralize(entries.length, 'secret'),
          tooltip: `${kindLabel(kind)}: ${pluralize(entries.length, 'secret')}, ${pluralize(entries.reduce((n, e) => n + e.occurrences.length, 0), 'occurrence')}`,
          icon: kind === 'hard-coded' ? { id: STATUS_ICONS['hard-coded'].icon, color: STATUS_ICONS['hard-coded'].color } : { id: 'symbol-key' },
          contextValue: `group kind-${kind}`,
          collapsible: 'expanded',
        },
      };
      return adopt(group, entries.map((e) => secretNode(folder, `${id}|${e.secret.id}`, e.secret, e.occurrences)));
    });
  const declared = declaredOnlyGroup('kind', folder, unused);
  if (declared) nodes.push(declared);
  return nodes;
}

function folderNode(folder: InventoryFolderView, children: InventoryNode[]): FolderNode {
  const c = folder.counts;
  const parts = [pluralize(c.total, 'secret')];
  if (c['hard-coded']) parts.push(`${c['hard-coded']} hard-coded`);
  if (c['rotation-overdue']) parts.push(`${c['rotation-overdue']} overdue`);
  if (folder.indexing) parts.push('indexing…');
  const node: FolderNode = {
    type: 'folder',
    id: `folder|${folder.uri}`,
    folderUri: folder.uri,
    folder,
    children: [],
    view: {
      label: folder.name,
      description: parts.join(' · '),
      tooltip: `**${escapeMarkdown(folder.name)}**\n\n${parts.join(', ')}`,
      icon: { id: 'root-folder' },
      contextValue: folder.inventoryFileUri ? 'folder inventoryFile' : 'folder',
      collapsible: 'expanded',
    },
  };
  return adopt(node, children);
}

/** Builds the tree; with several workspace folders each gets its own top-level node. */
export function buildInventoryTree(result: InventoryResult | undefined, grouping: Grouping): InventoryTree {
  if (!result) return InventoryTree.empty(grouping);
  const group = grouping === 'file' ? byFile : grouping === 'kind' ? byKind : bySecret;
  const folders = result.folders.filter((f) => f.secrets.length > 0);
  if (result.folders.length > 1) return new InventoryTree(folders.map((f) => folderNode(f, group(f))), grouping);
  return new InventoryTree(folders.flatMap(group), grouping);
}

/** Badge numbers of a result: hard-coded and overdue secrets across folders. */
export function attentionCounts(result: InventoryResult | undefined): { hardCoded: number; overdue: number } {
  if (!result) return { hardCoded: 0, overdue: 0 };
  return {
    hardCoded: result.hardCoded,
    overdue: result.folders.reduce((n, f) => n + (f.counts['rotation-overdue'] ?? 0), 0),
  };
}
