/** A starter `.secrets-inventory.yml`: names of the secrets in use, never a value. Pure. */
import type { InventoryFolderView } from '../../../shared/inventoryProtocol';

export const INVENTORY_FILE_NAMES = ['.secrets-inventory.yml', '.secrets-inventory.yaml'];

/** Names worth declaring: secrets the workspace references (hard-coded ones should move first). */
export function starterInventory(folder: InventoryFolderView | undefined): string {
  const names = (folder?.secrets ?? [])
    .filter((s) => s.occurrences.some((o) => o.kind !== 'hard-coded'))
    .map((s) => s.name)
    .sort();
  const lines = [
    '# Secret Hygiene inventory: the secrets this project uses, who owns them and how often they rotate.',
    '# Never put a secret value in this file. Schema: secrets-inventory.schema.json (shipped with the extension).',
    'version: 1',
  ];
  if (names.length === 0) {
    lines.push('secrets: []', '# secrets:', '#   - name: NPM_TOKEN', '#     owner: "@your-team"', '#     rotation:', '#       cadence: 90d', '#       lastRotated: "2025-01-31"');
  } else {
    lines.push('secrets:');
    for (const name of names) {
      const safe = /^[A-Za-z0-9_./-]+$/.test(name) ? name : JSON.stringify(name);
      lines.push(`  - name: ${safe}`, '    # owner: "@your-team"', '    # rotation: { cadence: 90d, lastRotated: "YYYY-MM-DD" }');
    }
  }
  return `${lines.join('\n')}\n`;
}

