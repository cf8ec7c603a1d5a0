/**
 * Terraform state files (`terraform.tfstate`, `.tfstate.backup`) hold every resource attribute in
 * clear text, including those Terraform itself marks sensitive: a `random_password`'s `result`, a
 * database's `password`, a key's `private_key_pem`. The state lists them per instance under
 * `sensitive_attributes`; each such top-level attribute holding a string is reported. (Committed
 * state is the problem; remote state with encryption is the fix.)
 */
import type { Analyzer } from '../analyzer';
import { maskedPreview } from '../mask';
import type { RawFinding, RuleInfo } from '../types';
import { isPlaceholder, isReference } from '../values';

export const TFSTATE_RULE: RuleInfo = {
  id: 'terraform-state-sensitive-value',
  title: 'sensitive value in a Terraform state file',
  kind: 'secret',
  severity: 'error',
  provider: 'Terraform',
  description: 'Terraform state stores every attribute in clear text, including the ones it marks sensitive (generated passwords, database passwords, private keys); a committed state file gives them to every reader.',
  remediation:
    'Rotate each value (taint or replace the random_password and the resources that use it), remove the state file from the repository and its history, add *.tfstate* to .gitignore, and keep state in an encrypted remote backend (S3 with KMS, Terraform Cloud, GCS, azurerm).',
};

/** State files larger than this are not parsed (a notice would repeat the size limit's). */
const MAX_STATE = 4 * 1024 * 1024;

interface StateInstance {
  attributes?: Record<string, unknown>;
  sensitive_attributes?: unknown[];
}

export const tfstateAnalyzer: Analyzer = {
  id: 'terraform-state',
  rules: [TFSTATE_RULE],
  appliesTo: (ctx) => /\.tfstate(?:\.backup)?$/.test(ctx.baseName) && ctx.text.length <= MAX_STATE,
  analyze: (ctx) => {
    let state: { resources?: { type?: string; name?: string; instances?: StateInstance[] }[] };
    try {
      state = JSON.parse(ctx.text);
    } catch {
      return { findings: [], notices: [{ level: 'info', message: 'Terraform state not checked: the file is not valid JSON' }] };
    }
    const findings: RawFinding[] = [];
    let searchFrom = 0;
    for (const resource of Array.isArray(state?.resources) ? state.resources : []) {
      for (const instance of Array.isArray(resource?.instances) ? resource.instances : []) {
        const attributes = instance?.attributes;
        if (!attributes || typeof attributes !== 'object') continue;
        for (const name of sensitiveNames(instance.sensitive_attributes)) {
          const value = attributes[name];
          if (typeof value !== 'string' || value.length < 8 || isReference(value) || isPlaceholder(value)) continue;
          // The value's place in the text: its key and JSON string, after the previous one found.
          const needle = `${JSON.stringify(name)}: ${JSON.stringify(value)}`;
          let at = ctx.text.indexOf(needle, searchFrom);
          if (at < 0) at = ctx.text.indexOf(needle);
          if (at < 0) continue;
          const start = at + JSON.stringify(name).length + 3;
          const end = start + JSON.stringify(value).length - 2;
          searchFrom = end;
          const what = `${resource.type ?? 'resource'}.${resource.name ?? '?'}.${name}`;
          findings.push({
            ruleId: TFSTATE_RULE.id,
            start,
            end,
            message: `Sensitive value \`${what}\` in clear text in Terraform state (${maskedPreview(value)}). Rotate it and keep state in an encrypted remote backend.`,
            data: { keyName: what, suggestedName: `${(resource.name ?? name).toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_${name.toUpperCase()}` },
          });
        }
      }
    }
    return { findings: findings.sort((a, b) => a.start - b.start) };
  },
};

/** Top-level attribute names in `sensitive_attributes` (paths of one `get_attr` step). */
function sensitiveNames(paths: unknown[] | undefined): string[] {
  const names = new Set<string>();
  for (const path of Array.isArray(paths) ? paths : []) {
    const first = Array.isArray(path) ? path[0] : undefined;
    if (first && typeof first === 'object' && (first as { type?: unknown }).type === 'get_attr' && typeof (first as { value?: unknown }).value === 'string') {
      names.add((first as { value: string }).value);
    }
  }
  return [...names];
}
