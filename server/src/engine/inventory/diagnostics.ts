/**
 * Workspace-level diagnostics from the inventory: overdue rotations and problems on the inventory
 * file, and secrets used but not declared in it. They need the whole workspace, so the language
 * server publishes them from its index rather than from a single-file scan.
 */
import type { RuleInfo, Severity } from '../types';
import type { ParsedInventoryFile } from './inventoryFile';
import type { Inventory } from './model';

export interface InventoryDiagnostic {
  path: string;
  ruleId: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
}

export const INVENTORY_RULES: RuleInfo[] = [
  {
    id: 'inventory-rotation-overdue',
    title: 'Secret rotation overdue',
    kind: 'access-model',
    severity: 'warning',
    description: 'The inventory declares a rotation cadence for this secret and its last rotation is older than that.',
    remediation: 'Rotate the credential at its provider, update the secret store, then run "Secret Hygiene: Mark Rotated" to record today\'s date.',
  },
  {
    id: 'inventory-undeclared-secret',
    title: 'Secret used but not declared in the inventory',
    kind: 'access-model',
    severity: 'info',
    description: 'This secret is used here but has no entry in .secrets-inventory.yml, so nobody owns its rotation or leak response.',
    remediation: 'Add an entry with its owner, environments and rotation cadence to .secrets-inventory.yml.',
  },
  {
    id: 'inventory-unused-declaration',
    title: 'Declared secret never used',
    kind: 'access-model',
    severity: 'hint',
    description: 'The inventory declares this secret but nothing in the workspace references it; it may be stale and still valid.',
    remediation: 'If it is no longer needed, revoke it at its provider and remove the entry.',
  },
  {
    id: 'inventory-file-problem',
    title: 'Inventory file problem',
    kind: 'access-model',
    severity: 'warning',
    description: 'The inventory file does not follow its schema, so some entries cannot be judged.',
    remediation: 'Fix the entry as the message says; the schema gives completion and validation in the editor.',
  },
];

export function inventoryDiagnostics(inventory: Inventory, inventoryPath: string | undefined, parsed: ParsedInventoryFile | undefined): InventoryDiagnostic[] {
  const out: InventoryDiagnostic[] = [];
  if (inventoryPath && parsed) {
    for (const p of parsed.problems) out.push({ path: inventoryPath, ruleId: 'inventory-file-problem', severity: 'warning', start: p.start, end: p.end, message: p.message });
    for (const d of parsed.secrets) {
      const s = inventory.secrets.find((x) => x.name === d.name);
      if (!s) continue;
      if (s.rotation?.overdue) {
        out.push({
          path: inventoryPath, ruleId: 'inventory-rotation-overdue', severity: 'warning',
          start: d.lastRotatedStart ?? d.nameStart, end: d.lastRotatedEnd ?? d.nameEnd,
          message: `${d.name}: rotation overdue by ${s.rotation.daysOverdue} days (due ${s.rotation.due}).`,
        });
      }
      if (s.statuses.includes('declared-unused')) {
        out.push({ path: inventoryPath, ruleId: 'inventory-unused-declaration', severity: 'hint', start: d.nameStart, end: d.nameEnd, message: `${d.name} is declared but never used in this workspace.` });
      }
    }
  }
  for (const s of inventory.secrets) {
    if (!s.statuses.includes('undeclared')) continue;
    for (const o of s.occurrences) {
      if (o.kind === 'hard-coded') continue;
      out.push({
        path: o.path, ruleId: 'inventory-undeclared-secret', severity: 'info', start: o.startOffset, end: o.endOffset,
        message: `${s.name} is used here but not declared in .secrets-inventory.yml (no owner or rotation on record).`,
      });
    }
  }
  return out;
}
