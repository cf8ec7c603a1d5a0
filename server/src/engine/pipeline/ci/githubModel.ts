/**
 * The parts of a GitHub Actions workflow (or composite action) the checks need: env bindings at
 * each level, jobs, steps with their shell, and each run: script analysed once.
 */
import { onlyTestsSecrets } from '../secretTests';
import type { Node, YAMLMap } from 'yaml';
import { isWellKnownSecretName } from '../names';
import { analyzeScript } from '../shell/analyzeScript';
import type { ScriptResult, SecretBinding } from '../shell/script';
import type { ShellDialect } from '../shell/tokenizer';
import { asMap, getNode, getString, keyOf, keySpan, mappedScalar, nodeSpan, pairs, scalarString, seqItems } from '../yamlModel';
import type { RawFinding } from '../../types';

export interface EnvBinding {
  name: string;
  value: string;
  keySpan: [number, number];
  valueSpan?: [number, number];
  /** Set when the value comes from the secrets context. */
  secret?: SecretBinding;
}

export interface GhStep {
  index: number;
  node: YAMLMap;
  name?: string;
  id?: string;
  uses?: string;
  usesSpan?: [number, number];
  with?: YAMLMap;
  env: EnvBinding[];
  run?: Node;
  dialect?: ShellDialect;
  script?: ScriptResult;
}

export interface GhJob {
  id: string;
  node: YAMLMap;
  env: EnvBinding[];
  steps: GhStep[];
  /** Reusable workflow call (`jobs.x.uses`). */
  uses?: string;
}

export interface GhWorkflow {
  root: YAMLMap;
  env: EnvBinding[];
  jobs: GhJob[];
  /** Composite action: one pseudo-job holding runs.steps. */
  composite: boolean;
  triggers: Set<string>;
  findings: RawFinding[];
}

const SECRET_REF = /\bsecrets\s*\.\s*([A-Za-z_][A-Za-z0-9_-]*)/;

export function envBindings(node: unknown, scope: SecretBinding['scope']): EnvBinding[] {
  const out: EnvBinding[] = [];
  for (const p of pairs(node)) {
    const name = keyOf(p);
    const ks = keySpan(p);
    if (!name || !ks) continue;
    const value = scalarString(p.value) ?? '';
    const binding: EnvBinding = { name, value, keySpan: ks, valueSpan: nodeSpan(p.value) };
    const m = SECRET_REF.exec(value);
    if ((m || /\bsecrets\s*\[/.test(value)) && !onlyTestsSecrets(value)) binding.secret = { secretName: m?.[1], scope, derived: /fromJSON\(\s*secrets\b/i.test(value) };
    out.push(binding);
  }
  return out;
}

function dialectOf(shell: string | undefined, runsOn: string): ShellDialect | undefined {
  const s = (shell ?? '').trim().toLowerCase();
  if (s === '') return /windows/i.test(runsOn) ? 'pwsh' : 'posix';
  if (s.startsWith('pwsh') || s.startsWith('powershell')) return 'pwsh';
  if (s.startsWith('cmd')) return 'cmd';
  if (s.startsWith('bash') || s.startsWith('sh') || s.startsWith('zsh') || s.includes('{0}') && /bash|sh /.test(s)) return 'posix';
  return undefined; // python, node...: not a shell script
}

export function buildWorkflow(root: YAMLMap, source: string, composite: boolean): GhWorkflow {
  const wf: GhWorkflow = { root, env: envBindings(getNode(root, 'env'), 'workflow'), jobs: [], composite, triggers: triggersOf(getNode(root, 'on') ?? getNode(root, 'true')), findings: [] };
  const defaultShell = getString(asMap(getNode(asMap(getNode(root, 'defaults')), 'run')), 'shell');
  if (composite) {
    const runs = asMap(getNode(root, 'runs'));
    wf.jobs.push(buildJob('(composite)', runs ?? root, wf, source, defaultShell, 'step'));
  } else {
    for (const p of pairs(getNode(root, 'jobs'))) {
      const jobNode = asMap(p.value);
      if (jobNode) wf.jobs.push(buildJob(keyOf(p), jobNode, wf, source, defaultShell, 'job'));
    }
  }
  return wf;
}

function buildJob(id: string, node: YAMLMap, wf: GhWorkflow, source: string, workflowShell: string | undefined, envScope: 'job' | 'step'): GhJob {
  const job: GhJob = { id, node, env: envScope === 'job' ? envBindings(getNode(node, 'env'), 'job') : [], steps: [], uses: getString(node, 'uses') };
  const jobShell = getString(asMap(getNode(asMap(getNode(node, 'defaults')), 'run')), 'shell') ?? workflowShell;
  const runsOn = scalarString(getNode(node, 'runs-on')) ?? JSON.stringify(getNode(node, 'runs-on') ?? '');
  seqItems(getNode(node, 'steps')).forEach((item, index) => {
    const stepNode = asMap(item);
    if (!stepNode) return;
    const usesNode = getNode(stepNode, 'uses');
    const step: GhStep = {
      index,
      node: stepNode,
      name: getString(stepNode, 'name'),
      id: getString(stepNode, 'id'),
      uses: scalarString(usesNode),
      usesSpan: nodeSpan(usesNode),
      with: asMap(getNode(stepNode, 'with')),
      env: envBindings(getNode(stepNode, 'env'), 'step'),
      run: getNode(stepNode, 'run') ?? undefined,
    };
    job.steps.push(step);
    if (!step.run) return;
    step.dialect = dialectOf(getString(stepNode, 'shell') ?? jobShell, runsOn);
    const mapped = mappedScalar(step.run, source);
    if (!step.dialect || !mapped) return;
    const secretVars = new Map<string, SecretBinding>();
    for (const b of [...wf.env, ...job.env, ...step.env]) {
      if (b.secret) secretVars.set(b.name, b.secret);
      else secretVars.delete(b.name);
    }
    for (const b of [...wf.env, ...job.env, ...step.env]) if (!b.secret && isWellKnownSecretName(b.name) && /\$\{\{/.test(b.value)) secretVars.set(b.name, { scope: 'well-known', derived: false });
    step.script = analyzeScript({
      mapped,
      dialect: step.dialect,
      ci: 'github',
      secretVars,
      where: { ci: 'github', jobId: id, stepIndex: index, stepName: step.name ?? step.id },
    });
    wf.findings.push(...step.script.findings);
  });
  return job;
}

function triggersOf(node: unknown): Set<string> {
  const out = new Set<string>();
  const single = scalarString(node);
  if (single) out.add(single);
  for (const item of seqItems(node)) {
    const s = scalarString(item);
    if (s) out.add(s);
  }
  for (const p of pairs(node)) out.add(keyOf(p));
  return out;
}
