/**
 * The Markdown secrets report: inventory (what, where, owner, rotation), recommended backend and
 * access model with reasons, the integration plan with least-privilege boundaries, and the
 * verification steps. Never holds a value: names, masked previews and fingerprints only.
 */
import type { Inventory, LogicalSecret } from './model';
import type { Signal } from './signals';

export interface ReportInputs {
  title: string;
  today: string;
  inventory: Inventory;
  signals: Set<Signal>;
  /** Counts of structural findings by rule id (pipeline checks), for the plan. */
  checkCounts?: Map<string, number>;
}

interface Recommendation {
  backend: string;
  accessModel: string;
  reasons: string[];
}

const CI_NAMES: Partial<Record<Signal, string>> = {
  'github-actions': 'GitHub Actions', 'gitlab-ci': 'GitLab CI', 'azure-pipelines': 'Azure Pipelines',
  circleci: 'CircleCI', bitbucket: 'Bitbucket Pipelines', jenkins: 'Jenkins',
};

export function recommend(signals: Set<Signal>): Recommendation {
  const clouds = (['aws', 'gcp', 'azure'] as Signal[]).filter((c) => signals.has(c));
  const ci = Object.keys(CI_NAMES).filter((c) => signals.has(c as Signal)).map((c) => CI_NAMES[c as Signal]!);
  const reasons: string[] = [];
  if (ci.length) reasons.push(`CI runs on ${ci.join(', ')}.`);
  if (clouds.length) reasons.push(`Deploys to ${clouds.map((c) => c.toUpperCase()).join(', ')}.`);
  let backend: string;
  if (signals.has('vault') || clouds.length > 1) {
    backend = 'HashiCorp Vault';
    reasons.push(signals.has('vault') ? 'Vault is already referenced: keep one central policy point and use its dynamic secrets for databases and clouds.' : 'More than one cloud: a central store with one policy language avoids three diverging setups.');
  } else if (clouds[0] === 'aws' || signals.has('aws-secrets-manager')) {
    backend = 'AWS Secrets Manager';
    reasons.push('Managed storage with IAM policies and built-in rotation (Lambda rotators for RDS and others) on the cloud you already deploy to.');
  } else if (clouds[0] === 'gcp' || signals.has('gcp-secret-manager')) {
    backend = 'GCP Secret Manager';
    reasons.push('Managed storage with IAM per secret and versioning on the cloud you already deploy to.');
  } else if (clouds[0] === 'azure' || signals.has('azure-key-vault')) {
    backend = 'Azure Key Vault';
    reasons.push('Managed storage with Entra ID RBAC and Key Vault references for App Service on the cloud you already deploy to.');
  } else if (signals.has('1password')) {
    backend = '1Password (service accounts)';
    reasons.push('1Password references are already used; service accounts give CI read-only vault access.');
  } else if (ci.length) {
    backend = `${ci[0]} secrets (environment-scoped)`;
    reasons.push('No cloud target found: the CI system\'s own encrypted secrets, scoped to protected environments, are the least moving parts.');
  } else {
    backend = 'Environment variables from a local, git-ignored .env (development) and the runtime platform\'s secret store (deployment)';
    reasons.push('No CI or cloud configuration found in the workspace.');
  }
  let accessModel: string;
  const oidcCapable = ci.some((c) => ['GitHub Actions', 'GitLab CI', 'Azure Pipelines', 'CircleCI', 'Bitbucket Pipelines'].includes(c));
  if (clouds.length && oidcCapable) {
    accessModel = `Short-lived identity: ${ci[0]} OIDC tokens exchanged for ${clouds.map((c) => ({ aws: 'an IAM role (AssumeRoleWithWebIdentity)', gcp: 'Workload Identity Federation', azure: 'an Entra ID federated credential' } as Record<string, string>)[c]).join(', ')}, scoped per repository, branch and environment; no static cloud keys in CI.`;
    reasons.push('OIDC removes long-lived cloud keys from CI entirely: nothing to leak or rotate, access limited to the job\'s lifetime.');
  } else if (clouds.length) {
    accessModel = 'Workload identity for runtime (instance/pod identity), and the shortest-lived credentials the CI system can obtain.';
  } else {
    accessModel = 'Least-privilege, environment-scoped secrets with an owner and a rotation cadence each; publish packages with trusted publishing (OIDC) where the registry offers it.';
  }
  if (signals.has('oidc')) reasons.push('The workspace already uses OIDC somewhere: extend it to the remaining static credentials.');
  return { backend, accessModel, reasons };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function where(s: LogicalSecret): string {
  const files = s.occurrences.slice(0, 4).map((o) => `${o.path}:${o.line + 1}`);
  const more = s.occurrences.length > 4 ? ` (+${s.occurrences.length - 4} more)` : '';
  return files.join(', ') + more || '(not used)';
}

function rotation(s: LogicalSecret): string {
  const r = s.rotation;
  if (!r || (!r.cadenceDays && !r.lastRotated)) return 'not declared';
  const parts = [r.cadenceDays ? `every ${r.cadenceDays} d` : 'no cadence', r.lastRotated ? `last ${r.lastRotated}` : 'never recorded'];
  if (r.overdue) parts.push(`**overdue ${r.daysOverdue} d**`);
  else if (r.due) parts.push(`due ${r.due}`);
  return parts.join(', ');
}

export function renderReport(inputs: ReportInputs): string {
  const { inventory, signals, today } = inputs;
  const rec = recommend(signals);
  const hardCoded = inventory.secrets.filter((s) => s.statuses.includes('hard-coded'));
  const out: string[] = [];
  out.push(`# Secrets report: ${inputs.title}`, '', `Generated ${today} by Secret Hygiene. This report holds names, locations, masked previews and fingerprints only, never a secret value.`, '');
  out.push(`Secrets: ${inventory.counts.total} (hard-coded ${inventory.counts['hard-coded']}, rotation overdue ${inventory.counts['rotation-overdue']}, used but undeclared ${inventory.counts.undeclared}, declared but unused ${inventory.counts['declared-unused']}).`, '');

  out.push('## 1. Secret inventory', '');
  if (inventory.secrets.length === 0) out.push('No secrets or secret references were found.', '');
  else {
    out.push('| Secret | Status | Where | Environments | Owner | Rotation |', '|---|---|---|---|---|---|');
    for (const s of inventory.secrets) {
      const owner = s.owners.length ? `${s.owners.join(' ')}${s.ownerSource === 'codeowners' ? ' (CODEOWNERS)' : ''}` : '**none**';
      const name = s.statuses.includes('hard-coded') ? `${s.name} (${s.occurrences.find((o) => o.preview)?.preview ?? 'masked'})` : s.name;
      out.push(`| ${cell(name)} | ${s.statuses.join(', ')} | ${cell(where(s))} | ${cell(s.environments.join(', ') || '-')} | ${cell(owner)} | ${cell(rotation(s))} |`);
    }
    out.push('');
    if (!inventory.hasInventoryFile) out.push('No `.secrets-inventory.yml` yet: add one to record owners and rotation (the editor validates and completes it).', '');
  }

  out.push('## 2. Recommended backend and access model', '', `- **Backend:** ${rec.backend}`, `- **Access model:** ${rec.accessModel}`, '- **Why:**');
  for (const r of rec.reasons) out.push(`  - ${r}`);
  out.push('');

  out.push('## 3. Integration plan', '', '### CI/CD', '');
  const ciSteps: string[] = [];
  if (signals.has('github-actions')) ciSteps.push('GitHub Actions: reference secrets as `${{ secrets.NAME }}` only in `env:` of the step that needs them; use `environment:` with required reviewers for production; set `permissions:` to the minimum (`contents: read`, plus `id-token: write` only on jobs that log in with OIDC); never `secrets: inherit` or `toJSON(secrets)`.');
  if (signals.has('gitlab-ci')) ciSteps.push('GitLab CI: masked and protected CI/CD variables scoped to environments; `id_tokens:` for cloud and Vault login; no literal secrets in `variables:`.');
  if (signals.has('azure-pipelines')) ciSteps.push('Azure Pipelines: variable groups linked to Key Vault, secrets mapped explicitly through `env:`; workload identity federation service connections.');
  if (signals.has('circleci')) ciSteps.push('CircleCI: contexts restricted to security groups; OIDC tokens for cloud access.');
  if (signals.has('bitbucket')) ciSteps.push('Bitbucket Pipelines: secured deployment variables per environment; OIDC for cloud access.');
  if (signals.has('jenkins')) ciSteps.push('Jenkins: credentials bound with `withCredentials` and used in single-quoted shell strings so Groovy never interpolates them.');
  if (ciSteps.length === 0) ciSteps.push('No CI configuration found: when you add one, fetch secrets at job runtime from the backend above, never from the repository.');
  for (const s of ciSteps) out.push(`- ${s}`);
  out.push('- Fetch secrets at job runtime; never bake them into images (use `RUN --mount=type=secret` for builds); mask every derived value before it is printed; no env dumps or `set -x` in steps with secrets.');
  out.push('', '### Runtime', '');
  out.push(`- Applications read secrets from the environment or ${rec.backend} at start-up, using the platform's workload identity; no credentials in images, config files or the repository.`);
  out.push('- One identity per service and environment; each reads only its own secrets (least privilege), production secrets are not readable from development or CI pull-request jobs.');
  out.push('');
  if (hardCoded.length) {
    out.push('### Hard-coded secrets to remove now', '');
    for (const s of hardCoded) {
      for (const o of s.occurrences.filter((x) => x.kind === 'hard-coded')) out.push(`- ${o.path}:${o.line + 1} ${o.ruleId} ${o.preview} (fingerprint ${o.fingerprint}): rotate it first, then replace it with a reference.`);
    }
    out.push('');
  }
  if (inputs.checkCounts?.size) {
    out.push('### Pipeline findings to fix', '');
    for (const [rule, n] of [...inputs.checkCounts].sort()) out.push(`- ${rule}: ${n}`);
    out.push('');
  }

  out.push('## 4. Verification', '');
  out.push('- **Masking:** run the pipeline with a canary secret and search the job log for it (it must only appear as `***`); `secret-hygiene scan --fail-on warning` is green in CI.');
  out.push('- **No static credentials:** the cloud provider\'s credential report shows no long-lived access keys used by CI; CI logs show OIDC role sessions.');
  out.push('- **Rotation:** every secret has an owner and cadence in `.secrets-inventory.yml`; rotate one secret end to end and confirm the old value is rejected; the editor shows no "rotation overdue" diagnostic.');
  out.push('- **Access policies:** a job or service without the role cannot read the secret (try it); pull-request jobs from forks get no secrets; audit logs of the backend show each read.');
  out.push('- **Leak response:** the leak-response checklist is rehearsed once; history scans (`secret-hygiene scan` on a fresh clone) stay clean.');
  out.push('');
  return out.join('\n');
}
