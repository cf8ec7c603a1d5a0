/**
 * How inventory entries read in the tree: labels, descriptions, tooltips, icons and context values.
 * Pure (no VS Code import) so unit tests run it without an editor. Nothing here ever shows a value:
 * hard-coded occurrences are described by their masked preview (passed through `safePreview`) only.
 */
import type { InventoryOccurrenceView, InventorySecretView, InventoryStatus } from '../../../shared/inventoryProtocol';

export const STATUS_LABELS: Record<InventoryStatus, string> = {
  'hard-coded': 'hard-coded (leaked)',
  'rotation-overdue': 'rotation overdue',
  undeclared: 'used but undeclared',
  'declared-unused': 'declared but unused',
  referenced: 'referenced',
};

/** ThemeIcon id and theme color id of each status (the most urgent status decides). */
export const STATUS_ICONS: Record<InventoryStatus, { icon: string; color?: string }> = {
  'hard-coded': { icon: 'error', color: 'problemsErrorIcon.foreground' },
  'rotation-overdue': { icon: 'warning', color: 'problemsWarningIcon.foreground' },
  undeclared: { icon: 'question', color: 'problemsInfoIcon.foreground' },
  'declared-unused': { icon: 'circle-outline' },
  referenced: { icon: 'key' },
};

/** How an occurrence uses the secret, in words (occurrence `kind` values from the engine). */
export const OCCURRENCE_KIND_LABELS: Record<string, string> = {
  'hard-coded': 'Hard-coded',
  'github-secret': 'GitHub Actions secret',
  'env-read': 'Environment variable',
  'ci-variable': 'CI variable',
  vault: 'HashiCorp Vault',
  '1password': '1Password',
  'aws-secrets-manager': 'AWS Secrets Manager',
  'gcp-secret-manager': 'GCP Secret Manager',
  'azure-key-vault': 'Azure Key Vault',
  'k8s-secret-ref': 'Kubernetes secret',
};

/** Group of "group by kind" for secrets with no occurrence (declared in the inventory file only). */
export const DECLARED_ONLY_KIND = 'declared-only';

export function kindLabel(kind: string): string {
  if (kind === DECLARED_ONLY_KIND) return 'Declared, not used';
  return OCCURRENCE_KIND_LABELS[kind] ?? kind;
}

const PREVIEW_SHAPE = /^(.{0,10})…\((\d+) chars\)$/u;

/**
 * The masked preview as the engine makes it (`ghp_…(40 chars)`: a short prefix and the length). Any
 * other shape is reduced to its length, so a malformed payload can never put a value in the tree.
 */
export function safePreview(preview: string | undefined): string | undefined {
  if (!preview) return undefined;
  const m = PREVIEW_SHAPE.exec(preview);
  if (m) return preview;
  return `…(${[...preview].length} chars)`;
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Escapes Markdown so names and paths render literally in a tooltip. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

export function secretDescription(secret: InventorySecretView, occurrenceCount = secret.occurrences.length): string {
  const parts = [STATUS_LABELS[secret.status]];
  if (occurrenceCount > 0) parts.push(pluralize(occurrenceCount, 'place'));
  if (secret.owners.length) parts.push(secret.owners.join(', '));
  return parts.join(' · ');
}

export function rotationText(secret: InventorySecretView): string | undefined {
  const r = secret.rotation;
  if (!r) return undefined;
  const parts: string[] = [];
  if (r.cadenceDays !== undefined) parts.push(`every ${pluralize(r.cadenceDays, 'day')}`);
  parts.push(r.lastRotated ? `last rotated ${r.lastRotated}` : 'never recorded as rotated');
  if (r.overdue) parts.push(`overdue${r.daysOverdue !== undefined ? ` by ${pluralize(r.daysOverdue, 'day')}` : ''}`);
  else if (r.due) parts.push(`due ${r.due}`);
  return parts.join(', ');
}

/** Markdown tooltip of a secret: status, owners, environments, rotation, where it occurs. */
export function secretTooltip(secret: InventorySecretView): string {
  const lines = [`**${escapeMarkdown(secret.name)}**: ${secret.statuses.map((s) => STATUS_LABELS[s]).join(', ')}`, ''];
  if (secret.description) lines.push(`${escapeMarkdown(secret.description)}`, '');
  const owners = secret.owners.length ? secret.owners.map(escapeMarkdown).join(', ') : 'none declared';
  lines.push(`- Owner: ${owners}${secret.ownerSource === 'codeowners' ? ' (CODEOWNERS)' : ''}`);
  if (secret.environments.length) lines.push(`- Environments: ${secret.environments.map(escapeMarkdown).join(', ')}`);
  const rotation = rotationText(secret);
  if (rotation) lines.push(`- Rotation: ${rotation}`);
  if (secret.providers.length) lines.push(`- Provider: ${secret.providers.map(escapeMarkdown).join(', ')}`);
  const files = new Set(secret.occurrences.map((o) => o.path));
  lines.push(`- Occurs ${pluralize(secret.occurrences.length, 'time')} in ${pluralize(files.size, 'file')}`);
  const hardCoded = secret.occurrences.filter((o) => o.kind === 'hard-coded');
  if (hardCoded.length) {
    const previews = [...new Set(hardCoded.map((o) => safePreview(o.preview)).filter((p): p is string => !!p))];
    lines.push(`- Hard-coded ${pluralize(hardCoded.length, 'time')}${previews.length ? ` (${previews.map((p) => `\`${p}\``).join(', ')})` : ''}: rotate it, then move it to a secret manager`);
  }
  if (secret.reference) lines.push(`- Reference: \`${secret.reference.replace(/`/g, "'")}\``);
  return lines.join('\n');
}

export function occurrenceLocation(o: InventoryOccurrenceView): string {
  return `${o.path}:${o.range.start.line + 1}`;
}

/** One line about an occurrence: how it is used, environment, masked preview. */
export function occurrenceDescription(o: InventoryOccurrenceView): string {
  const parts = [kindLabel(o.kind)];
  if (o.environment) parts.push(o.environment);
  const preview = safePreview(o.preview);
  if (preview) parts.push(preview);
  return parts.join(' · ');
}

export function occurrenceTooltip(secretName: string, o: InventoryOccurrenceView): string {
  const lines = [`**${escapeMarkdown(secretName)}** at ${escapeMarkdown(occurrenceLocation(o))}:${o.range.start.character + 1}`, ''];
  lines.push(`- ${kindLabel(o.kind)}`);
  if (o.ruleId) lines.push(`- Rule: \`${o.ruleId}\``);
  const preview = safePreview(o.preview);
  if (preview) lines.push(`- Masked value: \`${preview}\``);
  if (o.fingerprint) lines.push(`- Fingerprint: \`${o.fingerprint}\``);
  if (o.environment) lines.push(`- Environment: ${escapeMarkdown(o.environment)}`);
  if (o.kind === 'hard-coded') lines.push('', 'Committed or shared values must be rotated: removing them is not enough.');
  return lines.join('\n');
}

/**
 * Context value of a secret item, a space-separated list of flags that package.json `when` clauses
 * match with regular expressions (`viewItem =~ /\bhardCoded\b/`).
 */
export function secretContextValue(secret: InventorySecretView): string {
  const flags = ['secret', `status-${secret.status}`];
  if (secret.occurrences.some((o) => o.kind === 'hard-coded')) flags.push('hardCoded');
  if (secret.occurrences.some((o) => o.kind === 'hard-coded' && o.fingerprint)) flags.push('leak');
  if (secret.reference) flags.push('reference');
  if (secret.ruleIds.length || secret.occurrences.some((o) => o.ruleId)) flags.push('docs');
  flags.push('rotatable');
  return flags.join(' ');
}

export function occurrenceContextValue(secret: InventorySecretView, o: InventoryOccurrenceView): string {
  const flags = ['occurrence'];
  if (o.kind === 'hard-coded') flags.push('hardCoded');
  if (o.kind === 'hard-coded' && o.fingerprint) flags.push('leak');
  if (secret.reference) flags.push('reference');
  if (o.ruleId) flags.push('docs');
  return flags.join(' ');
}

/** The activity-bar badge: hard-coded plus overdue secrets, the two that need action. */
export function badgeFor(hardCoded: number, overdue: number): { value: number; tooltip: string } | undefined {
  const value = hardCoded + overdue;
  if (value === 0) return undefined;
  const parts: string[] = [];
  if (hardCoded) parts.push(`${pluralize(hardCoded, 'hard-coded secret')}`);
  if (overdue) parts.push(`${pluralize(overdue, 'secret')} overdue for rotation`);
  return { value, tooltip: `Secret Hygiene: ${parts.join(', ')}` };
}
