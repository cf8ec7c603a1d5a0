/**
 * Structural checks of a GitHub Actions workflow (scripts are checked in githubModel via analyzeScript).
 *
 * Finding data:
 *   gha-secrets-context-exposed: {form: 'toJSON'|'dynamic-index'}
 *   gha-secrets-inherit: {jobId, calledWorkflow}
 *   gha-secret-env-too-broad: {variable, secretName, envScope: 'workflow'|'job', jobId?, stepIndex (the one user)}
 *   gha-untrusted-checkout-with-secrets: {trigger, jobId, stepIndex}
 *   gha-job-output-secret: {jobId, outputName, secretName?}
 *   docker-build-arg-secret: {jobId, stepIndex, argName, secretName?}
 *   gha-aws-static-keys / gha-gcp-credentials-json / gha-azure-login-creds:
 *       {jobId, stepIndex, action, input, suggestedInputs: string[]}
 *   publish-with-long-lived-token: {jobId, stepIndex, registry, variable?|input?}
 *   gha-oidc-missing-permission: {jobId, stepIndex, action}
 *   ci-debug-logging: {ci: 'github', variable}
 */
import { isScalar, type YAMLMap } from 'yaml';
import type { RawFinding } from '../../types';
import { R } from '../rules';
import { asMap, getNode, getPair, getString, keyOf, mappedScalar, mapSpan, nodeSpan, pairs, scalarString } from '../yamlModel';
import type { EnvBinding, GhJob, GhStep, GhWorkflow } from './githubModel';

const NO_ENV_ACTIONS = /^actions\/(?:checkout|setup-[a-z]+|cache|upload-artifact|download-artifact|labeler|stale)@/;
const IMPLICIT_CONSUMERS: [RegExp, RegExp][] = [
  [/^(?:GH_TOKEN|GITHUB_TOKEN)$/, /^gh$/],
  [/^(?:NODE_AUTH_TOKEN|NPM_TOKEN)$/, /^(?:npm|yarn|pnpm|npx)$/],
  [/^TWINE_/, /^twine$/],
  [/^CARGO_/, /^cargo$/],
  [/^(?:AWS_|ARM_|AZURE_|GOOGLE_|TF_|VAULT_)/, /^(?:aws|terraform|az|gcloud|vault|pulumi|cdk|sam|tofu)$/],
  [/^DOCKER/, /^docker$/],
];

export function githubChecks(wf: GhWorkflow, source: string): RawFinding[] {
  const out: RawFinding[] = [];
  secretsContext(source, out);
  debugFlags(wf, out);
  envTooBroad(wf, out);
  for (const job of wf.jobs) {
    secretsInherit(job, out);
    untrustedCheckout(wf, job, source, out);
    jobOutputs(job, out);
    for (const step of job.steps) {
      stepAccessModel(wf, job, step, out);
      buildArgs(job, step, source, out);
      publishingFromScripts(wf, job, step, out);
    }
  }
  return out;
}

function span(r: [number, number] | undefined): { start: number; end: number } | undefined {
  return r ? { start: r[0], end: r[1] } : undefined;
}

function secretsContext(source: string, out: RawFinding[]): void {
  const re = /toJSON\(\s*secrets\s*\)|\bsecrets\s*\[(?!\s*(?:'[^']*'|"[^"]*")\s*\])/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const lineStart = source.lastIndexOf('\n', m.index) + 1;
    if (/^\s*#/.test(source.slice(lineStart, m.index))) continue;
    const form = m[0].startsWith('toJSON') ? 'toJSON' : 'dynamic-index';
    out.push({ ruleId: R.secretsContext.id, start: m.index, end: m.index + m[0].length, data: { form } });
  }
}

function debugFlags(wf: GhWorkflow, out: RawFinding[]): void {
  const all: EnvBinding[] = [...wf.env, ...wf.jobs.flatMap((j) => [...j.env, ...j.steps.flatMap((s) => s.env)])];
  for (const b of all) {
    if (/^ACTIONS_(?:STEP|RUNNER)_DEBUG$/.test(b.name) && /^true$/i.test(b.value.trim())) {
      out.push({ ruleId: R.debugLogging.id, start: b.keySpan[0], end: b.valueSpan?.[1] ?? b.keySpan[1], data: { ci: 'github', variable: b.name } });
    }
  }
}

function secretsInherit(job: GhJob, out: RawFinding[]): void {
  const node = getNode(job.node, 'secrets');
  if (scalarString(node) === 'inherit') {
    const s = span(nodeSpan(node))!;
    out.push({ ruleId: R.secretsInherit.id, ...s, data: { jobId: job.id, calledWorkflow: job.uses } });
  }
}

/** Steps that may read `name` from the environment: explicit references, known consumers, or any action. */
function stepUses(step: GhStep, name: string): 'explicit' | 'maybe' | 'no' {
  const envRef = new RegExp(`\\benv\\.${name.replace(/[^\w]/g, '')}\\b`);
  if (step.script?.referencedVars.has(name)) return 'explicit';
  if (step.with && pairs(step.with).some((p) => envRef.test(scalarString(p.value) ?? ''))) return 'explicit';
  if (step.env.some((b) => envRef.test(b.value) || b.name === name)) return b_override(step, name);
  if (step.uses) return NO_ENV_ACTIONS.test(step.uses) ? 'no' : 'maybe';
  if (step.script) {
    for (const [names, commands] of IMPLICIT_CONSUMERS) {
      if (names.test(name) && [...step.script.commands].some((c) => commands.test(c))) return 'maybe';
    }
  }
  return 'no';
}

function b_override(step: GhStep, name: string): 'explicit' | 'no' {
  // A step that redefines the variable does not use the outer binding; a step that maps env.X uses it.
  return step.env.some((b) => b.name === name && !new RegExp(`\\benv\\.${name}\\b`).test(b.value)) ? 'no' : 'explicit';
}

function envTooBroad(wf: GhWorkflow, out: RawFinding[]): void {
  if (wf.composite) return;
  const check = (binding: EnvBinding, steps: { job: GhJob; step: GhStep }[], scope: 'workflow' | 'job', jobId?: string) => {
    if (!binding.secret || steps.length < 2) return;
    let explicit: { job: GhJob; step: GhStep } | undefined;
    let users = 0;
    for (const s of steps) {
      const use = stepUses(s.step, binding.name);
      if (use === 'no') continue;
      users++;
      if (use === 'explicit') explicit = s;
    }
    if (users !== 1 || !explicit) return;
    out.push({
      ruleId: R.envTooBroad.id,
      start: binding.keySpan[0],
      end: binding.valueSpan?.[1] ?? binding.keySpan[1],
      message: `${binding.name} holds a secret for every step in this ${scope}, but only step ${explicit.step.index + 1}${explicit.step.name ? ` (${explicit.step.name})` : ''} uses it.`,
      data: { variable: binding.name, secretName: binding.secret.secretName, envScope: scope, jobId: jobId ?? explicit.job.id, stepIndex: explicit.step.index },
    });
  };
  const everyStep = wf.jobs.flatMap((job) => job.steps.map((step) => ({ job, step })));
  const callsReusable = wf.jobs.some((j) => j.uses);
  if (!callsReusable) for (const b of wf.env) check(b, everyStep, 'workflow');
  for (const job of wf.jobs) for (const b of job.env) check(b, job.steps.map((step) => ({ job, step })), 'job', job.id);
}

const UNTRUSTED_REF = /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|refs\/pull\/|github\.event\.number|github\.event\.pull_request\.number/;

function untrustedCheckout(wf: GhWorkflow, job: GhJob, source: string, out: RawFinding[]): void {
  const trigger = ['pull_request_target', 'workflow_run'].find((t) => wf.triggers.has(t));
  if (!trigger) return;
  const jobText = JSON.stringify(job.node.toJSON());
  const usesSecrets = /\bsecrets\s*[.[]/.test(jobText) || wf.env.some((b) => b.secret);
  if (!usesSecrets) return;
  for (const step of job.steps) {
    const runSpan = nodeSpan(step.run);
    if (runSpan) {
      // `gh pr checkout N`, `git fetch origin pull/N/head`, `git checkout <head sha>` in a script.
      const script = source.slice(runSpan[0], runSpan[1]);
      const m = /\bgh\s+pr\s+checkout\b[^\n]*|\bgit\s+(?:fetch|checkout|pull)\b[^\n]*(?:pull\/|head\.sha|head_ref|head\.ref|workflow_run\.head_)[^\n]*/.exec(script);
      if (m) {
        const start = runSpan[0] + m.index;
        out.push({ ruleId: R.untrustedCheckout.id, start, end: start + m[0].trimEnd().length, data: { trigger, jobId: job.id, stepIndex: step.index } });
      }
    }
    if (!step.uses?.startsWith('actions/checkout@')) continue;
    const ref = getNode(step.with, 'ref') ?? getNode(step.with, 'repository');
    const value = scalarString(ref);
    if (!value || !UNTRUSTED_REF.test(value) && !/head\.repo\.full_name/.test(value)) continue;
    const s = span(nodeSpan(ref))!;
    out.push({ ruleId: R.untrustedCheckout.id, ...s, data: { trigger, jobId: job.id, stepIndex: step.index } });
  }
}

function jobOutputs(job: GhJob, out: RawFinding[]): void {
  const derivedOutputs = new Map<string, Set<string>>();
  for (const step of job.steps) if (step.id && step.script) derivedOutputs.set(step.id, step.script.secretOutputs);
  for (const p of pairs(getNode(job.node, 'outputs'))) {
    const value = scalarString(p.value) ?? '';
    const direct = /\bsecrets\s*\.\s*([A-Za-z_][\w-]*)/.exec(value);
    const stepRef = /steps\.([\w-]+)\.outputs\.([\w-]+)/.exec(value);
    const derived = stepRef && derivedOutputs.get(stepRef[1])?.has(stepRef[2]);
    if (!direct && !derived) continue;
    const s = span(nodeSpan(p.value))!;
    out.push({ ruleId: R.jobOutputSecret.id, ...s, data: { jobId: job.id, outputName: keyOf(p), secretName: direct?.[1] } });
  }
}

function buildArgs(job: GhJob, step: GhStep, source: string, out: RawFinding[]): void {
  if (!step.uses?.startsWith('docker/build-push-action@') || !step.with) return;
  const node = getNode(step.with, 'build-args');
  const mapped = mappedScalar(node, source);
  if (!mapped) return;
  const secretEnv = new Set([...step.env, ...job.env].filter((b) => b.secret).map((b) => b.name));
  let offset = 0;
  for (const line of mapped.text.split('\n')) {
    const m = /^\s*([A-Za-z_][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (m) {
      const secret = /\bsecrets\s*\.\s*([A-Za-z_][\w-]*)/.exec(m[2]);
      const envRef = /\benv\.([A-Za-z_]\w*)/.exec(m[2]);
      if (secret || (envRef && secretEnv.has(envRef[1]))) {
        const lead = line.length - line.trimStart().length;
        const [start, end] = mapSpan(mapped, offset + lead, offset + line.trimEnd().length);
        out.push({ ruleId: R.buildArg.id, start, end, data: { jobId: job.id, stepIndex: step.index, argName: m[1], secretName: secret?.[1] } });
      }
    }
    offset += line.length + 1;
  }
}

function withPair(step: GhStep, ...names: string[]) {
  for (const n of names) {
    const p = getPair(step.with, n);
    if (p && scalarString(p.value)) return p;
  }
  return undefined;
}

function stepAccessModel(wf: GhWorkflow, job: GhJob, step: GhStep, out: RawFinding[]): void {
  const uses = step.uses ?? '';
  const action = uses.split('@')[0].toLowerCase();
  const push = (rule: { id: string }, p: ReturnType<typeof withPair>, data: Record<string, string | number | string[] | undefined>) => {
    const s = nodeSpan(p!.key as never) ?? [0, 0];
    const e = nodeSpan(p!.value as never) ?? s;
    out.push({ ruleId: rule.id, start: s[0], end: e[1], data: { jobId: job.id, stepIndex: step.index, action, input: keyOf(p!), ...data } });
  };
  let oidc = false;
  if (action === 'aws-actions/configure-aws-credentials') {
    const key = withPair(step, 'aws-secret-access-key', 'aws-access-key-id');
    if (key) push(R.awsStaticKeys, key, { suggestedInputs: ['role-to-assume', 'aws-region'] });
    else oidc = !!withPair(step, 'role-to-assume') && !withPair(step, 'web-identity-token-file');
  } else if (action === 'google-github-actions/auth') {
    const key = withPair(step, 'credentials_json');
    if (key) push(R.gcpCredentialsJson, key, { suggestedInputs: ['workload_identity_provider', 'service_account'] });
    else oidc = !!withPair(step, 'workload_identity_provider');
  } else if (action === 'azure/login') {
    const key = withPair(step, 'creds');
    if (key) push(R.azureLoginCreds, key, { suggestedInputs: ['client-id', 'tenant-id', 'subscription-id'] });
    else oidc = !!withPair(step, 'client-id') && !/clientSecret/.test(JSON.stringify(step.with?.toJSON() ?? {}));
  } else if (action === 'pypa/gh-action-pypi-publish') {
    const key = withPair(step, 'password');
    if (key && /secrets\./.test(scalarString(key.value) ?? '')) push(R.publishToken, key, { registry: 'pypi' });
    else if (!key) oidc = true;
  } else if (action === 'js-devtools/npm-publish') {
    const key = withPair(step, 'token');
    if (key && /secrets\./.test(scalarString(key.value) ?? '')) push(R.publishToken, key, { registry: 'npm' });
  } else if (action === 'rubygems/release-gem' || action === 'rubygems/configure-rubygems-credentials') {
    oidc = !withPair(step, 'api-token');
  }
  // A reusable workflow (only `on: workflow_call`) gets its token's permissions from the caller.
  const reusableOnly = wf.triggers.size > 0 && [...wf.triggers].every((t) => t === 'workflow_call');
  if (oidc && !reusableOnly && !grantsIdToken(job.node) && !(getNode(job.node, 'permissions') === undefined && grantsIdToken(wf.root))) {
    const s = step.usesSpan ?? [0, 0];
    out.push({ ruleId: R.oidcPermission.id, start: s[0], end: s[1], data: { jobId: job.id, stepIndex: step.index, action } });
  }
}

function grantsIdToken(node: YAMLMap): boolean {
  const perms = getNode(node, 'permissions');
  if (scalarString(perms) === 'write-all') return true;
  return getString(asMap(perms), 'id-token') === 'write';
}

const PUBLISH: { command: RegExp; variables: RegExp; registry: string }[] = [
  { command: /^(?:npm|yarn|pnpm)$/, variables: /^(?:NODE_AUTH_TOKEN|NPM_TOKEN|NPM_AUTH_TOKEN)$/, registry: 'npm' },
  { command: /^(?:twine|poetry|uv|flit|hatch)$/, variables: /^(?:TWINE_PASSWORD|POETRY_PYPI_TOKEN_PYPI|UV_PUBLISH_TOKEN|FLIT_PASSWORD|HATCH_INDEX_AUTH|PYPI_TOKEN|PYPI_API_TOKEN)$/, registry: 'pypi' },
  { command: /^cargo$/, variables: /^CARGO_REGISTRY_TOKEN$/, registry: 'crates.io' },
  { command: /^gem$/, variables: /^(?:GEM_HOST_API_KEY|RUBYGEMS_API_KEY)$/, registry: 'rubygems' },
];

/** Registry hosts a publish command or the job's setup names, when they are not the public registry's. */
const PUBLIC_REGISTRY: Record<string, RegExp> = {
  npm: /registry\.npmjs\.org/,
  pypi: /(?:^|[/.])(?:test\.)?pypi\.org|^(?:pypi|testpypi)$/,
  rubygems: /rubygems\.org/,
  'crates.io': /crates\.io/,
};

function publishesElsewhere(registry: string, runText: string, job: GhJob, step: GhStep): boolean {
  const isPublic = PUBLIC_REGISTRY[registry];
  const targets: string[] = [];
  for (const m of runText.matchAll(/--(?:registry|repository-url|repository|host|index)[= ]["']?([^\s"']+)/g)) targets.push(m[1]);
  for (const m of runText.matchAll(/(?:^|\s)-r[ ]["']?([^\s"']+)/g)) if (registry === 'pypi') targets.push(m[1]);
  for (const b of [...step.env, ...job.env]) if (/^(?:TWINE_REPOSITORY_URL|TWINE_REPOSITORY|RUBYGEMS_HOST|NPM_CONFIG_REGISTRY|UV_PUBLISH_URL)$/.test(b.name) && b.value) targets.push(b.value);
  if (registry === 'npm') {
    for (const other of job.steps) {
      if (!other.uses?.startsWith('actions/setup-node@') || !other.with) continue;
      const url = scalarString(getNode(other.with, 'registry-url'));
      if (url) targets.push(url);
    }
  }
  return targets.length > 0 && targets.every((t) => !isPublic.test(t));
}

function publishingFromScripts(wf: GhWorkflow, job: GhJob, step: GhStep, out: RawFinding[]): void {
  if (!step.script || !step.run) return;
  const runText = scalarString(step.run) ?? '';
  if (!/\b(?:publish|upload|push)\b/.test(runText)) return;
  for (const p of PUBLISH) {
    if (![...step.script.commands].some((c) => p.command.test(c))) continue;
    if (!new RegExp(`\\b(?:${p.registry === 'rubygems' ? 'push' : p.registry === 'pypi' ? 'upload|publish' : 'publish'})\\b`).test(runText)) continue;
    const binding = [...step.env, ...job.env, ...wf.env].find((b) => b.secret && p.variables.test(b.name));
    if (!binding) continue;
    // The workflow's own GITHUB_TOKEN lives as long as the job; trusted publishing exists only for
    // the public registries, so publishing elsewhere (GitHub Packages, Artifactory...) is not this case.
    if (binding.secret?.secretName === 'GITHUB_TOKEN' || publishesElsewhere(p.registry, runText, job, step)) continue;
    out.push({
      ruleId: R.publishToken.id,
      start: binding.keySpan[0],
      end: binding.valueSpan?.[1] ?? binding.keySpan[1],
      data: { jobId: job.id, stepIndex: step.index, registry: p.registry, variable: binding.name },
    });
  }
}

export { isScalar };
