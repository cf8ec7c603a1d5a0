/**
 * The inventory model: logical secrets grouped by name, with where they occur, their environments,
 * owners, rotation and status. Pure: built from per-file facts, the inventory file and CODEOWNERS.
 */
import type { CodeOwners } from './codeowners';
import type { FileFacts } from './fileFacts';
import type { DeclaredSecret, ParsedInventoryFile } from './inventoryFile';
import type { ReferenceKind } from './references';

export type SecretStatus = 'hard-coded' | 'referenced' | 'declared-unused' | 'undeclared' | 'rotation-overdue';

export interface Occurrence {
  path: string;
  line: number;
  character: number;
  startOffset: number;
  endOffset: number;
  /** `hard-coded` for a literal, else how the secret is referenced. */
  kind: 'hard-coded' | ReferenceKind;
  environment?: string;
  /** For hard-coded occurrences: the rule, masked preview and fingerprint (never the value). */
  ruleId?: string;
  preview?: string;
  fingerprint?: string;
}

export interface RotationState {
  cadenceDays?: number;
  lastRotated?: string;
  /** ISO date the next rotation is due, when cadence and last rotation are known. */
  due?: string;
  overdue: boolean;
  /** Days past due (positive) when overdue. */
  daysOverdue?: number;
}

export interface LogicalSecret {
  name: string;
  /** Every status that applies, most urgent first; `status` is the first. */
  statuses: SecretStatus[];
  status: SecretStatus;
  occurrences: Occurrence[];
  environments: string[];
  owners: string[];
  /** `declared` when the owner comes from the inventory file, `codeowners` when from CODEOWNERS. */
  ownerSource?: 'declared' | 'codeowners';
  providers: string[];
  ruleIds: string[];
  referenceKinds: ReferenceKind[];
  declared?: Pick<DeclaredSecret, 'name' | 'description' | 'owner' | 'backend' | 'environments'>;
  rotation?: RotationState;
}

export interface Inventory {
  secrets: LogicalSecret[];
  /** Whether a `.secrets-inventory.yml` exists: without it, declared/undeclared are not judged. */
  hasInventoryFile: boolean;
  counts: Record<SecretStatus, number> & { total: number };
}

export interface InventoryInputs {
  files: Iterable<FileFacts>;
  inventoryFile?: ParsedInventoryFile;
  codeowners?: CodeOwners;
  /** Today's date, YYYY-MM-DD (injected so tests and reports are reproducible). */
  today: string;
}

const STATUS_ORDER: SecretStatus[] = ['hard-coded', 'rotation-overdue', 'undeclared', 'declared-unused', 'referenced'];
const DAY = 86_400_000;

export function rotationState(declared: DeclaredSecret, today: string): RotationState {
  const state: RotationState = { cadenceDays: declared.rotationDays, lastRotated: declared.lastRotated, overdue: false };
  if (declared.rotationDays !== undefined && declared.lastRotated) {
    const due = Date.parse(declared.lastRotated) + declared.rotationDays * DAY;
    state.due = new Date(due).toISOString().slice(0, 10);
    const late = Math.floor((Date.parse(today) - due) / DAY);
    if (late > 0) {
      state.overdue = true;
      state.daysOverdue = late;
    }
  }
  return state;
}

export function buildInventory(inputs: InventoryInputs): Inventory {
  const builder = new InventoryBuilder(inputs);
  for (const file of inputs.files) builder.add(file);
  return builder.finish();
}

/** Whether a file adds to the inventory: it holds a hard-coded secret or a reference to one. */
export function addsToInventory(file: FileFacts): boolean {
  return file.hardCoded.length > 0 || file.references.length > 0;
}

function addUnique<T>(list: T[], v: T | undefined): void {
  if (v !== undefined && !list.includes(v)) list.push(v);
}

/**
 * The inventory built one file at a time, so that a caller can spread the work (the language server
 * adds a slice of files, lets the editor's requests run, adds the next); `finish` once.
 */
export class InventoryBuilder {
  private readonly byName = new Map<string, LogicalSecret>();
  private readonly ownersFromCode = new Map<string, string[]>();

  constructor(private readonly inputs: Omit<InventoryInputs, 'files'>) {}

  add(file: FileFacts): void {
    // Most files hold no secret: their owners are never needed (matching paths is the costly part).
    if (!addsToInventory(file)) return;
    const fileOwners = this.inputs.codeowners?.ownersOf(file.path) ?? [];
    for (const h of file.hardCoded) {
      const s = this.get(h.name);
      s.occurrences.push({
        path: file.path, line: h.line, character: h.character, startOffset: h.startOffset, endOffset: h.endOffset,
        kind: 'hard-coded', environment: file.pathEnvironment, ruleId: h.ruleId, preview: h.preview, fingerprint: h.fingerprint,
      });
      addUnique(s.providers, h.provider);
      addUnique(s.ruleIds, h.ruleId);
      addUnique(s.statuses, 'hard-coded');
      addUnique(s.environments, file.pathEnvironment);
      this.addOwners(h.name, fileOwners);
    }
    for (const r of file.references) {
      const s = this.get(r.name);
      const environment = r.environment ?? file.pathEnvironment;
      s.occurrences.push({ path: file.path, line: r.line, character: r.character, startOffset: r.startOffset, endOffset: r.endOffset, kind: r.kind, environment });
      addUnique(s.referenceKinds, r.kind);
      addUnique(s.environments, environment);
      this.addOwners(r.name, fileOwners);
    }
  }

  finish(): Inventory {
    const { inputs, byName } = this;
    const declaredList = inputs.inventoryFile?.secrets ?? [];
    const hasInventoryFile = inputs.inventoryFile !== undefined;
    const declaredNames = new Set<string>();
    for (const d of declaredList) {
      declaredNames.add(d.name);
      const s = this.get(d.name);
      s.declared = { name: d.name, description: d.description, owner: d.owner, backend: d.backend, environments: d.environments };
      for (const e of d.environments) addUnique(s.environments, e);
      if (d.owner) {
        s.owners = [d.owner];
        s.ownerSource = 'declared';
      }
      s.rotation = rotationState(d, inputs.today);
      if (s.rotation.overdue) addUnique(s.statuses, 'rotation-overdue');
      if (s.occurrences.length === 0) addUnique(s.statuses, 'declared-unused');
    }
    for (const s of byName.values()) {
      if (!s.ownerSource) {
        const owners = this.ownersFromCode.get(s.name);
        if (owners?.length) {
          s.owners = owners;
          s.ownerSource = 'codeowners';
        }
      }
      const referenced = s.occurrences.some((o) => o.kind !== 'hard-coded');
      if (hasInventoryFile && referenced && !declaredNames.has(s.name)) addUnique(s.statuses, 'undeclared');
      if (referenced) addUnique(s.statuses, 'referenced');
      s.statuses.sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b));
      s.status = s.statuses[0] ?? 'referenced';
      s.occurrences.sort((a, b) => a.path.localeCompare(b.path) || a.startOffset - b.startOffset);
      s.environments.sort();
    }
    const secrets = [...byName.values()].sort(
      (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.name.localeCompare(b.name),
    );
    const counts = { total: secrets.length } as Inventory['counts'];
    for (const st of STATUS_ORDER) counts[st] = secrets.filter((s) => s.statuses.includes(st)).length;
    return { secrets, hasInventoryFile, counts };
  }

  private get(name: string): LogicalSecret {
    let s = this.byName.get(name);
    if (!s) {
      s = { name, statuses: [], status: 'referenced', occurrences: [], environments: [], owners: [], providers: [], ruleIds: [], referenceKinds: [] };
      this.byName.set(name, s);
    }
    return s;
  }

  private addOwners(name: string, owners: readonly string[]): void {
    if (owners.length === 0) return;
    let list = this.ownersFromCode.get(name);
    if (!list) this.ownersFromCode.set(name, (list = []));
    for (const o of owners) addUnique(list, o);
  }
}
