/** The inventory model as the protocol sends it: one view per logical secret, secret-free. */
import type { LogicalSecret } from '../engine/inventory';
import type { InventorySecretView } from '../../../shared/inventoryProtocol';

/** Suggested reference text for a secret, by where it is used. */
export function referenceFor(secret: LogicalSecret): string {
  const kinds = secret.referenceKinds;
  if (kinds.includes('github-secret')) return `\${{ secrets.${secret.name} }}`;
  if (kinds.includes('vault')) return `vault:${secret.name}`;
  if (kinds.includes('1password')) return `op://${secret.name}`;
  return `\${${secret.name}}`;
}

/** Characters encodeURIComponent leaves as they are (and the path separator). */
const URI_SAFE_PATH = /^[A-Za-z0-9\-_.!~*'()/]*$/;

/** A workspace-relative path as URI path segments (most paths need no escaping: the fast way first). */
function encodePath(path: string): string {
  return URI_SAFE_PATH.test(path) ? path : path.split('/').map(encodeURIComponent).join('/');
}

/** The view of one secret of the folder at `folderUri` (occurrence URIs resolved against it). */
export function secretView(folderUri: string, s: LogicalSecret): InventorySecretView {
  const base = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
  return {
    id: `${folderUri}#${s.name}`,
    name: s.name,
    status: s.status,
    statuses: s.statuses,
    occurrences: s.occurrences.map((o) => ({
      uri: base + encodePath(o.path),
      path: o.path,
      range: { start: { line: o.line, character: o.character }, end: { line: o.line, character: o.character + (o.endOffset - o.startOffset) } },
      kind: o.kind,
      environment: o.environment,
      ruleId: o.ruleId,
      preview: o.preview,
      fingerprint: o.fingerprint,
    })),
    environments: s.environments,
    owners: s.owners,
    ownerSource: s.ownerSource,
    providers: s.providers,
    ruleIds: s.ruleIds,
    rotation: s.rotation,
    description: s.declared?.description,
    reference: referenceFor(s),
  };
}
