/** The inventory model as the protocol sends it: one view per logical secret, secret-free. */
import type { LogicalSecret } from '../engine/inventory';
import type { InventoryOccurrence, InventorySecretView } from '../../../shared/inventoryProtocol';

/** Suggested reference text for a secret, by where it is used. */
export function referenceFor(secret: LogicalSecret): string {
  const kinds = secret.referenceKinds;
  if (kinds.includes('github-secret')) return `\${{ secrets.${secret.name} }}`;
  if (kinds.includes('vault')) return `vault:${secret.name}`;
  if (kinds.includes('1password')) return `op://${secret.name}`;
  return `\${${secret.name}}`;
}

/** The view of one secret of the folder at `folderUri`, as InventoryRequest sends it. */
export function secretView(folderUri: string, s: LogicalSecret): InventorySecretView<InventoryOccurrence> {
  return {
    id: `${folderUri}#${s.name}`,
    name: s.name,
    status: s.status,
    statuses: s.statuses,
    occurrences: s.occurrences.map((o) => ({
      path: o.path,
      line: o.line,
      character: o.character,
      length: o.endOffset - o.startOffset,
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
