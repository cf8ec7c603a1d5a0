import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { Finding } from '../types';
import { shellReplacement } from './code';
import type { OffsetEdit, WorkspaceFacts } from './types';
import { deletePair, ensureOidcPermissions, parseWorkflow, scalarOf, valueSource, type Workflow } from './workflowEdits';
import { addToEnvMap } from './yamlFixes';
import { columnOf, pairLines, pairOf } from './yamlLocate';

export interface LeakEdit {
  id: string;
  title: string;
  edits: OffsetEdit[];
}

const TODO = '# TODO(secret-hygiene):';

/** `${{ secrets.X }}` inlined in run: -> bound in the step's env: and read as a shell variable. */
export function secretInRunFix(text: string, finding: Finding, wf: Workflow): LeakEdit | undefined {
  const secretName = finding.data?.secretName;
  if (typeof secretName !== 'string') return undefined;
  const name = String(finding.data?.suggestedName ?? secretName);
  const { step } = wf.stepAt(finding.startOffset);
  if (!step) return undefined;
  const expression = text.slice(finding.startOffset, finding.endOffset);
  const env = addToEnvMap(text, step, 'env', name, expression);
  if (!env) return undefined;
  const pwsh = /^(pwsh|powershell)$/i.test(String(finding.data?.shell ?? ''));
  const use = shellReplacement(text, finding.startOffset, finding.endOffset, name, pwsh);
  return { id: 'secret-to-env', title: `Bind secrets.${secretName} in the step env: as ${name} and use ${pwsh ? `$env:${name}` : `"$${name}"`}`, edits: [use, env].filter((e) => e.end > e.start || e.newText) };
}

/** Workflow- or job-level env: entry used by one step -> moved into that step's env:. */
export function envTooBroadFix(text: string, finding: Finding, wf: Workflow): LeakEdit | undefined {
  const variable = finding.data?.variable;
  if (typeof variable !== 'string') return undefined;
  const scopeMap = finding.data?.envScope === 'workflow' ? wf.root : wf.job(String(finding.data?.jobId));
  const envPair = scopeMap ? pairOf(scopeMap, 'env') : undefined;
  if (!envPair || !isMap(envPair.value)) return undefined;
  const entry = pairOf(envPair.value, variable);
  const step = wf.step(String(finding.data?.jobId), Number(finding.data?.stepIndex));
  if (!entry || !step) return undefined;
  const value = valueSource(text, entry);
  if (!value) return undefined;
  const removal = deletePair(text, envPair.value, entry, envPair);
  const addition = addToEnvMap(text, step, 'env', variable, value);
  if (!removal || !addition) return undefined;
  return { id: 'env-to-step', title: `Move ${variable} into the env: of the step that uses it`, edits: [removal, addition].filter((e) => e.end > e.start || e.newText) };
}

/** `secrets: inherit` -> the secrets the (local) called workflow declares. */
export function secretsInheritFix(text: string, finding: Finding, wf: Workflow, workspace: WorkspaceFacts): LeakEdit | undefined {
  const called = finding.data?.calledWorkflow;
  if (typeof called !== 'string' || !called.startsWith('./') || !workspace.readFile) return undefined;
  const calledText = workspace.readFile(called.slice(2).replace(/@.*$/, ''));
  if (calledText === undefined) return undefined;
  const declared = declaredSecrets(calledText);
  if (!declared) return undefined;
  const job = wf.job(String(finding.data?.jobId));
  const pair = job ? pairOf(job, 'secrets') : undefined;
  if (!pair || !isScalar(pair.value) || pair.value.value !== 'inherit') return undefined;
  if (declared.length === 0) {
    const lines = pairLines(text, pair);
    return lines ? { id: 'explicit-secrets', title: `Pass no secrets (${called} declares none)`, edits: [{ start: lines.start, end: lines.end, newText: '' }] } : undefined;
  }
  const indent = ' '.repeat(columnOf(text, (pair.key as Node).range![0]) + 2);
  const r = pair.value.range!;
  const block = declared.map((s) => `\n${indent}${s}: \${{ secrets.${s} }}`).join('');
  return { id: 'explicit-secrets', title: `Pass only the ${declared.length} secret(s) ${called} declares`, edits: [{ start: r[0] - (text[r[0] - 1] === ' ' ? 1 : 0), end: r[1], newText: block }] };
}

/** `on.workflow_call.secrets` keys of a reusable workflow; undefined when it is not one or does not parse. */
export function declaredSecrets(text: string): string[] | undefined {
  const root = parseWorkflow(text)?.root;
  if (!root) return undefined;
  const on = pairOf(root, 'on') ?? pairOf(root, 'true');
  const call = on && isMap(on.value) ? pairOf(on.value, 'workflow_call') : undefined;
  if (!call) return undefined;
  const secrets = isMap(call.value) ? pairOf(call.value, 'secrets')?.value : undefined;
  if (!isMap(secrets)) return [];
  return secrets.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter(Boolean);
}

/** Rewrites a `with:` map: drops inputs, appends new ones (value + optional trailing comment). */
function rewriteWith(text: string, withMap: YAMLMap, drop: Set<string>, add: [string, string][]): OffsetEdit | undefined {
  const kept: string[] = [];
  let start = Infinity;
  let end = -1;
  let indent = '';
  for (const p of withMap.items) {
    const lines = pairLines(text, p);
    if (!lines) return undefined;
    start = Math.min(start, lines.start);
    end = Math.max(end, lines.end);
    indent = ' '.repeat(columnOf(text, (p.key as Node).range![0]));
    const key = isScalar(p.key) ? String(p.key.value) : '';
    if (!drop.has(key)) kept.push(text.slice(lines.start, lines.end).replace(/\n?$/, '\n'));
  }
  if (end < 0) return undefined;
  const added = add.filter(([k]) => !pairOf(withMap, k) || drop.has(k)).map(([k, v]) => `${indent}${k}: ${v}\n`);
  const newText = kept.join('') + added.join('');
  const trailing = text.slice(start, end).endsWith('\n') ? '' : '';
  return { start, end, newText: end === text.length && !text.endsWith('\n') ? newText.replace(/\n$/, '') : newText + trailing };
}

const OIDC: Record<string, { drop: string[]; add: (m: YAMLMap) => [string, string][]; title: string }> = {
  'gha-aws-static-keys': {
    drop: ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'],
    add: (m) => [
      ['role-to-assume', `arn:aws:iam::ACCOUNT_ID:role/ROLE_NAME ${TODO} IAM role trusting token.actions.githubusercontent.com`],
      ...(scalarOf(m, 'aws-region') ? [] : ([['aws-region', `us-east-1 ${TODO} your region`]] as [string, string][])),
    ],
    title: 'Switch to OIDC: role-to-assume (short-lived credentials) and id-token: write',
  },
  'gha-gcp-credentials-json': {
    drop: ['credentials_json'],
    add: () => [
      ['workload_identity_provider', `projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL_ID/providers/PROVIDER_ID ${TODO} your provider`],
      ['service_account', `SA_NAME@PROJECT_ID.iam.gserviceaccount.com ${TODO} the service account to impersonate`],
    ],
    title: 'Switch to Workload Identity Federation (no key) and id-token: write',
  },
  'gha-azure-login-creds': {
    drop: ['creds'],
    add: () => [
      ['client-id', '${{ secrets.AZURE_CLIENT_ID }}'],
      ['tenant-id', '${{ secrets.AZURE_TENANT_ID }}'],
      ['subscription-id', `\${{ secrets.AZURE_SUBSCRIPTION_ID }} ${TODO} add a federated credential to the app registration`],
    ],
    title: 'Switch to OIDC (federated credential: client-id, tenant-id, subscription-id) and id-token: write',
  },
  'publish-with-long-lived-token': {
    drop: ['password', 'user', 'username', 'token', 'api-token'],
    add: () => [],
    title: 'Use trusted publishing (OIDC): remove the token and grant id-token: write',
  },
};

/** OIDC migrations of login/publish actions, and missing id-token permissions. */
export function oidcFix(text: string, finding: Finding, wf: Workflow): LeakEdit | undefined {
  const job = wf.job(String(finding.data?.jobId));
  if (!job) return undefined;
  const permissions = ensureOidcPermissions(text, wf, job);
  if (finding.ruleId === 'gha-oidc-missing-permission') {
    return permissions.length ? { id: 'oidc-permissions', title: 'Grant permissions: id-token: write, contents: read to the job', edits: permissions } : undefined;
  }
  const spec = OIDC[finding.ruleId];
  const step = wf.step(String(finding.data?.jobId), Number(finding.data?.stepIndex));
  if (!spec || !step) return undefined;
  const edits: OffsetEdit[] = [...permissions];
  if (finding.ruleId === 'publish-with-long-lived-token' && typeof finding.data?.variable === 'string') {
    const envPair = pairOf(step, 'env');
    const entry = envPair && isMap(envPair.value) ? pairOf(envPair.value, finding.data.variable) : undefined;
    if (!entry || !isMap(envPair!.value)) return undefined;
    const removal = deletePair(text, envPair!.value, entry, envPair);
    if (!removal) return undefined;
    edits.push(removal);
    return { id: 'trusted-publishing', title: `Use trusted publishing (${finding.data.registry ?? 'registry'} OIDC): remove ${finding.data.variable}, grant id-token: write`, edits };
  }
  const withPair = pairOf(step, 'with');
  if (!withPair || !isMap(withPair.value)) return undefined;
  const drop = new Set(spec.drop);
  const keptCount = withPair.value.items.filter((p) => !(isScalar(p.key) && drop.has(String(p.key.value)))).length;
  const additions = spec.add(withPair.value);
  if (keptCount === 0 && additions.length === 0) {
    const lines = pairLines(text, withPair);
    if (!lines) return undefined;
    edits.push({ start: lines.start, end: lines.end, newText: '' });
  } else {
    const rewrite = rewriteWith(text, withPair.value, drop, additions);
    if (!rewrite) return undefined;
    edits.push(rewrite);
  }
  return { id: 'oidc', title: spec.title, edits };
}

export function parseGithub(text: string): Workflow | undefined {
  return parseWorkflow(text);
}

/**
 * `VAR: ${{ toJSON(secrets) }}` read with jq (`$(echo "$VAR" | jq -r '.NAME')`, `$(jq -r .NAME <<< "$VAR")`)
 * -> one env entry per secret actually read, and the jq calls replaced by those variables. No fix
 * when the variable is used any other way (the secrets it needs cannot be known).
 */
export function secretsContextFix(text: string, finding: Finding, wf: Workflow): LeakEdit | undefined {
  if (finding.data?.form !== 'toJSON') return undefined;
  const lineStart = text.lastIndexOf('\n', finding.startOffset - 1) + 1;
  const entry = /^([ \t]*)([A-Za-z_][A-Za-z0-9_]*)[ \t]*:[ \t]*\$\{\{\s*toJSON\(\s*secrets\s*\)\s*\}\}[ \t]*$/.exec(text.slice(lineStart, text.indexOf('\n', finding.startOffset) === -1 ? text.length : text.indexOf('\n', finding.startOffset)));
  if (!entry) return undefined;
  const [, indent, variable] = entry;
  const { job } = wf.stepAt(finding.startOffset);
  const scope = job?.range ? { start: job.range[0], end: job.range[2] } : { start: 0, end: text.length };
  const ref = `(?:"\\$\\{?${variable}\\}?"|\\$\\{?${variable}\\}?)`;
  const jq = `jq\\s+(?:-r\\s+|--raw-output\\s+)*(['"]?)\\.([A-Za-z_][A-Za-z0-9_]*)\\1`;
  const forms = new RegExp(`\\$\\(\\s*(?:echo\\s+${ref}\\s*\\|\\s*${jq}|${jq}\\s*<<<\\s*${ref})\\s*\\)`, 'g');
  const edits: OffsetEdit[] = [];
  const names = new Set<string>();
  const region = text.slice(scope.start, scope.end);
  for (const m of region.matchAll(forms)) {
    const name = m[2] ?? m[4];
    names.add(name);
    edits.push({ start: scope.start + m.index!, end: scope.start + m.index! + m[0].length, newText: `\${${name}}` });
  }
  if (names.size === 0) return undefined;
  const leftover = region.replace(forms, '').replace(new RegExp(`^[ \\t]*${variable}[ \\t]*:.*$`, 'm'), '');
  if (new RegExp(`\\$\\{?${variable}\\b`).test(leftover)) return undefined;
  const lineEnd = text.indexOf('\n', finding.startOffset);
  const entries = [...names].map((n) => `${indent}${n}: \${{ secrets.${n} }}`).join('\n');
  edits.push({ start: lineStart, end: lineEnd === -1 ? text.length : lineEnd, newText: entries });
  return { id: 'explicit-secrets', title: `Pass only the secrets read (${[...names].join(', ')}) instead of toJSON(secrets)`, edits };
}
