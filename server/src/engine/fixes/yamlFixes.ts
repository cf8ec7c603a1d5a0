import { isMap, isScalar, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { cloudFormationReference, keyVaultAppSetting, managerName } from './backends';
import { shellReplacement } from './code';
import type { FileContext } from './context';
import { toEnvName, toKebab } from './naming';
import type { BackendSettings, OffsetEdit } from './types';
import { columnOf, locateYaml, mapContentEnd, mapIndent, pairLines, pairOf, type YamlHit } from './yamlLocate';

/** What a YAML reference fix decided: the document edits, the name the value is kept under, a title. */
export interface YamlReference {
  edits: OffsetEdit[];
  name: string;
  title: string;
}

export interface YamlFixRequest {
  text: string;
  start: number;
  end: number;
  context: FileContext;
  /** Picks the unique env/secret name from a base name. */
  name(base: string): string;
  /** Base name derived from the finding (key or rule). */
  baseName: string;
  backend: BackendSettings;
}

const SCRIPT_KEYS: Partial<Record<FileContext, string[]>> = {
  'github-actions': ['run'],
  'gitlab-ci': ['script', 'before_script', 'after_script'],
  'azure-pipelines': ['script', 'bash', 'powershell', 'pwsh'],
  circleci: ['run', 'command'],
  bitbucket: ['script', 'after-script'],
};
const VARIABLE_KEYS: Partial<Record<FileContext, string[]>> = {
  'gitlab-ci': ['variables'],
  'azure-pipelines': ['variables'],
  circleci: ['environment'],
  bitbucket: ['variables'],
};

/** GitHub refuses secret names starting with GITHUB_. */
export function githubSecretName(name: string): string {
  return name.startsWith('GITHUB_') ? `GH_${name.slice(7)}` : name;
}

/** A plain YAML scalar must be quoted when the replacement starts with an indicator or holds `: `/` #`. */
function yamlScalarText(scalar: Scalar, replacement: string): string {
  const plainSafe = !/^[@`{}[\]&*!|>'"%,?:#-]/.test(replacement) && !/: | #/.test(replacement);
  if (scalar.type === 'PLAIN' && !plainSafe) return `'${replacement.replace(/'/g, "''")}'`;
  if (scalar.type === 'QUOTE_SINGLE') return replacement.replace(/'/g, "''");
  if (scalar.type === 'QUOTE_DOUBLE') return replacement.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return replacement;
}

/** Replaces the secret span inside a scalar; the whole plain scalar gets quoted when needed. */
function replaceInScalar(req: YamlFixRequest, hit: YamlHit, replacement: string): OffsetEdit {
  const r = hit.scalar.range!;
  const quoted = hit.scalar.type === 'QUOTE_SINGLE' || hit.scalar.type === 'QUOTE_DOUBLE';
  const innerStart = quoted ? r[0] + 1 : r[0];
  const innerEnd = quoted ? r[1] - 1 : r[1];
  const whole = req.start === innerStart && req.end === innerEnd;
  if (whole && !quoted) return { start: r[0], end: r[1], newText: yamlScalarText(hit.scalar, replacement) };
  return { start: req.start, end: req.end, newText: quoted ? yamlScalarText(hit.scalar, replacement) : replacement };
}

function isWholeValue(req: YamlFixRequest, hit: YamlHit): boolean {
  const r = hit.scalar.range!;
  const quoted = hit.scalar.type === 'QUOTE_SINGLE' || hit.scalar.type === 'QUOTE_DOUBLE';
  return req.start === (quoted ? r[0] + 1 : r[0]) && req.end === (quoted ? r[1] - 1 : r[1]);
}

/** The map holding the script key (a step or job), when the hit is inside a script value. */
function scriptOwner(hit: YamlHit, keys: string[]): { owner: YAMLMap; key: string } | undefined {
  for (let i = hit.steps.length - 1; i >= 0; i--) {
    const step = hit.steps[i];
    if (typeof step.key === 'string' && keys.includes(step.key) && isMap(step.parent)) return { owner: step.parent, key: step.key };
    if (typeof step.key === 'string' && step.key === 'inputs' && isMap(step.parent)) {
      const inner = hit.steps[i + 1];
      if (inner && typeof inner.key === 'string' && /^(script|inlineScript|arguments)$/.test(inner.key)) return { owner: step.parent, key: 'inputs' };
    }
  }
  return undefined;
}

function scalarValue(map: YAMLMap | undefined, key: string): string | undefined {
  const p = map ? pairOf(map, key) : undefined;
  return p && isScalar(p.value) ? String(p.value.value) : undefined;
}

/** GitHub: does this step run its script with PowerShell? (step shell, job/workflow defaults, Windows runner) */
function githubUsesPwsh(hit: YamlHit, step: YAMLMap): boolean {
  const shellOf = (m: YAMLMap | undefined) => {
    const d = m ? pairOf(m, 'defaults')?.value : undefined;
    const run = isMap(d) ? pairOf(d, 'run')?.value : undefined;
    return isMap(run) ? scalarValue(run, 'shell') : undefined;
  };
  const stepShell = scalarValue(step, 'shell');
  const job = hit.steps[0]?.key === 'jobs' ? hit.steps[1]?.pair?.value : undefined;
  const jobMap = isMap(job) ? job : undefined;
  const root = isMap(hit.steps[0]?.parent) ? (hit.steps[0].parent as YAMLMap) : undefined;
  const shell = stepShell ?? shellOf(jobMap) ?? shellOf(root);
  if (shell) return /^(pwsh|powershell)$/i.test(shell);
  return /windows/i.test(scalarValue(jobMap, 'runs-on') ?? '');
}

/** Adds `name: value` to the `env:` of a step/job map (creating `env:` when missing). */
export function addToEnvMap(text: string, owner: YAMLMap, envKey: string, name: string, value: string): OffsetEdit | undefined {
  const env = pairOf(owner, envKey);
  if (env && isMap(env.value) && env.value.items.length > 0) {
    const existing = pairOf(env.value, name);
    if (existing) return isScalar(existing.value) && String(existing.value.value) === value ? { start: 0, end: 0, newText: '' } : undefined;
    const at = mapContentEnd(text, env.value);
    return { start: at, end: at, newText: `\n${' '.repeat(mapIndent(text, env.value))}${name}: ${value}` };
  }
  const indent = mapIndent(text, owner);
  if (env) {
    if (env.value !== null && !(isScalar(env.value) && (env.value.value === null || env.value.value === ''))) return undefined;
    const key = env.key as Node;
    const at = text.indexOf('\n', key.range![1]);
    const end = at === -1 ? text.length : at;
    return { start: end, end, newText: `\n${' '.repeat(indent + 2)}${name}: ${value}` };
  }
  const at = mapContentEnd(text, owner);
  return { start: at, end: at, newText: `\n${' '.repeat(indent)}${envKey}:\n${' '.repeat(indent + 2)}${name}: ${value}` };
}

/** Deletes a variables entry (and the emptied `variables:` key). */
function deleteEntry(text: string, hit: YamlHit): OffsetEdit | undefined {
  const last = hit.steps[hit.steps.length - 1];
  const holder = hit.steps[hit.steps.length - 2];
  if (!last?.pair || !isMap(last.parent)) return undefined;
  const lines = (last.parent.items.length === 1 && holder?.pair ? pairLines(text, holder.pair) : undefined) ?? pairLines(text, last.pair);
  return lines ? { start: lines.start, end: lines.end, newText: '' } : undefined;
}

/** Reference fix for a secret in a YAML file, by the file's CI system or config format. */
export function yamlReference(req: YamlFixRequest): YamlReference | undefined {
  const { text, context } = req;
  const hit = locateYaml(text, req.start);
  if (!hit || hit.inKey || hit.scalar.range![1] < req.end) return undefined;
  const lastKey = hit.steps[hit.steps.length - 1]?.key;
  const holderKey = hit.steps[hit.steps.length - 2]?.key;
  const scripts = SCRIPT_KEYS[context];
  const script = scripts ? scriptOwner(hit, scripts) : undefined;

  if (context === 'github-actions') {
    const name = req.name(githubSecretName(req.baseName));
    const ref = `\${{ secrets.${name} }}`;
    if (script && script.key === 'run') {
      const pwsh = githubUsesPwsh(hit, script.owner);
      const envEdit = addToEnvMap(text, script.owner, 'env', name, ref);
      if (envEdit) {
        return {
          name,
          title: `Use secret ${name} through the step's env: (value moved to .env)`,
          edits: [shellReplacement(text, req.start, req.end, name, pwsh), envEdit],
        };
      }
    }
    return { name, title: `Replace with \${{ secrets.${name} }} (value moved to .env)`, edits: [replaceInScalar(req, hit, ref)] };
  }

  if (context === 'azure-pipelines' && script) {
    const name = req.name(req.baseName);
    const pwsh = script.key === 'powershell' || script.key === 'pwsh' || /PowerShell/i.test(scalarValue(script.owner, 'task') ?? '');
    const envEdit = addToEnvMap(text, script.owner, 'env', name, `$(${name})`);
    if (envEdit) {
      return {
        name,
        title: `Map secret variable ${name} through the step's env: (value moved to .env)`,
        edits: [shellReplacement(text, req.start, req.end, name, pwsh), envEdit],
      };
    }
  }

  if (script && context === 'gitlab-ci' && req.backend.backend === 'vault') {
    // GitLab reads it from Vault itself (secrets: with file: false exposes it as $NAME).
    const name = req.name(req.baseName);
    const path = managerName(name, req.backend);
    const vault = `{ vault: ${path}/value@${req.backend.vaultMount ?? 'secret'}, file: false }`;
    const secretsEdit = addToEnvMap(text, script.owner, 'secrets', name, vault);
    if (secretsEdit) {
      return { name, title: `Read ${name} from Vault with GitLab secrets: (value moved to .env)`, edits: [shellReplacement(text, req.start, req.end, name), secretsEdit] };
    }
  }

  if (script && context !== 'azure-pipelines') {
    const name = req.name(req.baseName);
    return { name, title: `Read \$${name} from a masked CI/CD variable (value moved to .env)`, edits: [shellReplacement(text, req.start, req.end, name)] };
  }

  const variableKeys = VARIABLE_KEYS[context];
  if (variableKeys && typeof holderKey === 'string' && variableKeys.includes(holderKey) && typeof lastKey === 'string' && isWholeValue(req, hit)) {
    const name = req.name(toEnvName(lastKey) === lastKey ? lastKey : toEnvName(lastKey));
    const edit = deleteEntry(text, hit);
    const where = context === 'gitlab-ci' ? 'a masked, protected CI/CD variable' : context === 'azure-pipelines' ? 'a secret pipeline variable' : 'a secured project variable';
    if (edit) return { name, title: `Define ${name} as ${where} instead (value moved to .env)`, edits: [edit] };
  }

  if (context === 'kubernetes' && lastKey === 'value' && isWholeValue(req, hit)) {
    const entry = hit.steps[hit.steps.length - 1];
    const container = entry.parent as YAMLMap;
    const envName = scalarValue(container, 'name');
    const pair = entry.pair as Pair;
    const lines = pairLines(text, pair);
    if (envName && lines) {
      const name = req.name(toEnvName(envName));
      const indent = ' '.repeat(columnOf(text, (pair.key as Node).range![0]));
      const secretName = `${toKebab(req.backend.project ?? 'app') || 'app'}-secrets`;
      const block = `${indent}valueFrom:\n${indent}  secretKeyRef:\n${indent}    name: ${secretName}\n${indent}    key: ${name}\n`;
      return { name, title: `Read it from Secret ${secretName} (valueFrom.secretKeyRef; value moved to .env)`, edits: [{ start: lines.start, end: lines.end, newText: block }] };
    }
  }

  if (context === 'cloudformation') {
    const name = req.name(req.baseName);
    const ref = cloudFormationReference(name, req.backend);
    return { name, title: `Replace with an AWS Secrets Manager dynamic reference (value moved to .env)`, edits: [replaceInScalar(req, hit, ref)] };
  }

  if (context === 'azure-pipelines' || context === 'gitlab-ci' || context === 'circleci' || context === 'bitbucket') {
    const name = req.name(req.baseName);
    const ref = context === 'azure-pipelines' ? `$(${name})` : `\${${name}}`;
    return { name, title: `Replace with ${ref} (value moved to .env)`, edits: [replaceInScalar(req, hit, ref)] };
  }

  // Compose interpolates ${NAME} from the shell and the project's .env; other YAML gets the same placeholder.
  const inEnv = context === 'compose' && typeof holderKey === 'string' && holderKey === 'environment' && typeof lastKey === 'string';
  const name = req.name(inEnv ? toEnvName(lastKey as string) : req.baseName);
  if (context === 'compose' || context === 'yaml' || context === 'kubernetes') {
    const how = context === 'kubernetes' ? 'render with envsubst before kubectl apply; ' : context === 'yaml' ? 'expanded by your config loader; ' : '';
    return { name, title: `Replace with \${${name}} (${how}value moved to .env)`, edits: [replaceInScalar(req, hit, `\${${name}}`)] };
  }
  return undefined;
}

/** Azure app settings / ARM / Bicep: a Key Vault reference in place of the value. */
export function keyVaultReplacement(req: YamlFixRequest): YamlReference {
  const name = req.name(req.baseName);
  return { name, title: 'Replace with a Key Vault reference (value moved to .env)', edits: [{ start: req.start, end: req.end, newText: keyVaultAppSetting(name, req.backend) }] };
}

