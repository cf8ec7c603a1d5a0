/**
 * GitLab CI (.gitlab-ci.yml and local include files, recognised by content: each file is analysed on
 * its own, so an included file's jobs are checked where they are written).
 *
 * Finding data:
 *   gitlab-variable-literal-secret: {ci, variable, jobId?, maskable, unmaskableReason?}
 *   gitlab-unmaskable-secret: {ci, variable, jobId?, unmaskableReason}
 *   gitlab-static-cloud-keys: {ci, jobId?, cloud: 'aws'|'gcp'|'azure', variable?|command?}
 *   ci-debug-logging: {ci, variable, jobId?}
 *   script findings: see shell/analyzeScript.ts, with {ci, jobId, scriptKey}
 */
import type { YAMLMap } from 'yaml';
import type { AnalyzerOutput, ScanContext } from '../../analyzer';
import type { RawFinding } from '../../types';
import { isDictionaryLike, isPlaceholder } from '../../values';
import { gitlabUnmaskableReason, isReferenceLike, isSecretName, looksLikeSecretValue } from '../names';
import { R } from '../rules';
import { commandName, tokenize } from '../shell/tokenizer';
import { asMap, getNode, isSeq, keyOf, mappedScalar, mapSpan, pairs, scalarString, seqItems, type ParsedYaml } from '../yamlModel';
import { checkScripts, isThrowawayServicePassword, secretBindings, variableEntries, type VariableEntry } from './common';

const RESERVED = new Set(['stages', 'variables', 'include', 'default', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'spec', 'pages:deploy']);
const SCRIPT_KEYS = ['before_script', 'script', 'after_script'];
const CLOUD_KEY_VARS: [RegExp, 'aws' | 'gcp' | 'azure'][] = [
  [/^AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)$/, 'aws'],
  [/^(?:GOOGLE_APPLICATION_CREDENTIALS|GOOGLE_CREDENTIALS|GCP_SERVICE_ACCOUNT_KEY|GCLOUD_SERVICE_KEY)$/, 'gcp'],
  [/^(?:ARM_CLIENT_SECRET|AZURE_CLIENT_SECRET)$/, 'azure'],
];

export function analyzeGitlab(ctx: ScanContext, parsed: ParsedYaml): AnalyzerOutput {
  const root = asMap(parsed.doc.contents);
  const findings: RawFinding[] = [];
  if (!root) return { findings, notices: parsed.notices };
  const globalVars = variableEntries(getNode(root, 'variables'));
  const globalSecrets = secretBindings(globalVars, 'workflow');
  const jobs = pairs(root).filter((p) => !RESERVED.has(keyOf(p)) && asMap(p.value) && SCRIPT_KEYS.concat(['extends', 'trigger', 'stage', 'variables']).some((k) => getNode(p.value, k) !== undefined));
  const anyIdTokens = jobs.some((p) => getNode(p.value, 'id_tokens') !== undefined) || getNode(getNode(root, 'default'), 'id_tokens') !== undefined;

  checkVariables(globalVars, undefined, findings);
  staticKeysFromVariables(globalVars, anyIdTokens, undefined, findings);
  const defaults = asMap(getNode(root, 'default'));
  for (const key of SCRIPT_KEYS) {
    for (const holder of [root, defaults]) {
      const node = getNode(holder, key);
      if (node) findings.push(...checkScripts(node, ctx.text, 'gitlab', 'posix', globalSecrets, { ci: 'gitlab', scriptKey: key }).findings);
    }
  }
  for (const p of jobs) {
    const jobId = keyOf(p);
    const job = p.value as YAMLMap;
    const vars = variableEntries(getNode(job, 'variables'));
    checkVariables(vars, jobId, findings);
    // The job as GitLab runs it: `extends:` templates in this file first, the job's own keys over them.
    const lineage = [...templatesOf(root, job), job];
    const hasIdTokens = lineage.some((j) => getNode(j, 'id_tokens') !== undefined) || getNode(defaults, 'id_tokens') !== undefined;
    staticKeysFromVariables(vars, hasIdTokens, jobId, findings);
    const secretVars = new Map(globalSecrets);
    for (const j of lineage) {
      const entries = j === job ? vars : variableEntries(getNode(j, 'variables'));
      const secret = secretBindings(entries, 'job');
      for (const e of entries) {
        if (secret.has(e.name)) secretVars.set(e.name, secret.get(e.name)!);
        else secretVars.delete(e.name);
      }
    }
    for (const key of SCRIPT_KEYS) {
      // A script the job does not write itself runs from the nearest template that does.
      const node = lineage.map((j) => getNode(j, key)).filter((n) => n != null).pop();
      if (!node) continue;
      findings.push(...checkScripts(node, ctx.text, 'gitlab', 'posix', secretVars, { ci: 'gitlab', jobId, scriptKey: key }).findings);
      if (!hasIdTokens) staticKeysFromScripts(node, ctx.text, jobId, findings);
    }
  }
  return { findings, notices: parsed.notices };
}

/** Most templates GitLab follows through `extends:` (its own limit is 11 levels). */
const MAX_EXTENDS_DEPTH = 11;

/**
 * The templates a job extends, found in this file, farthest first (so that nearer ones and the job
 * override them): `extends: .base` or `extends: [.a, .b]`, recursively. Templates from included
 * files are not known here and are skipped.
 */
function templatesOf(root: YAMLMap, job: YAMLMap, depth = 0, seen = new Set<YAMLMap>()): YAMLMap[] {
  if (depth >= MAX_EXTENDS_DEPTH) return [];
  const names = extendsNames(getNode(job, 'extends'));
  const out: YAMLMap[] = [];
  for (const name of names) {
    const template = asMap(getNode(root, name));
    if (!template || seen.has(template) || template === job) continue;
    seen.add(template);
    out.push(...templatesOf(root, template, depth + 1, seen), template);
  }
  return out;
}

function extendsNames(node: unknown): string[] {
  if (isSeq(node)) return seqItems(node).map((n) => scalarString(n)).filter((s): s is string => !!s);
  const one = scalarString(node);
  return one ? [one] : [];
}

function checkVariables(entries: VariableEntry[], jobId: string | undefined, out: RawFinding[]): void {
  for (const e of entries) {
    const value = e.value;
    if (value === undefined || !e.valueSpan) continue;
    if (/^CI_DEBUG_(?:TRACE|SERVICES)$/.test(e.name) && /^true$/i.test(value.trim())) {
      out.push({ ruleId: R.debugLogging.id, start: e.keySpan[0], end: e.valueEnd ?? e.valueSpan[1], data: { ci: 'gitlab', variable: e.name, jobId } });
      continue;
    }
    if (value.trim() === '' || value.includes('$') || isReferenceLike(value) || isPlaceholder(value)) continue;
    const secretName = isSecretName(e.name);
    if (secretName && isThrowawayServicePassword(e.name, value)) continue;
    const reason = gitlabUnmaskableReason(value);
    if (looksLikeSecretValue(value, secretName)) {
      out.push({ ruleId: R.gitlabLiteral.id, start: e.valueSpan[0], end: e.valueSpan[1], value,
        message: `${e.name} holds a literal secret in the pipeline file${reason ? `; GitLab could not mask it either (${reason})` : ''}.`,
        data: { ci: 'gitlab', variable: e.name, jobId, maskable: !reason, unmaskableReason: reason } });
    } else if (secretName && reason && !/^(?:true|false|yes|no|\d+)$/i.test(value.trim()) && !isDictionaryLike(value)) {
      out.push({ ruleId: R.gitlabUnmaskable.id, start: e.valueSpan[0], end: e.valueSpan[1], value,
        message: `${e.name} looks like a secret that GitLab cannot mask (${reason}).`,
        data: { ci: 'gitlab', variable: e.name, jobId, unmaskableReason: reason } });
    }
  }
}

function staticKeysFromVariables(entries: VariableEntry[], hasIdTokens: boolean, jobId: string | undefined, out: RawFinding[]): void {
  if (hasIdTokens) return;
  for (const e of entries) {
    const cloud = CLOUD_KEY_VARS.find(([re]) => re.test(e.name))?.[1];
    if (!cloud || e.name === 'AWS_ACCESS_KEY_ID') continue;
    out.push({ ruleId: R.gitlabStaticCloudKeys.id, start: e.keySpan[0], end: e.valueSpan?.[1] ?? e.keySpan[1], data: { ci: 'gitlab', jobId, cloud, variable: e.name } });
  }
}

/** aws configure set aws_secret_access_key, gcloud auth activate-service-account --key-file, az login --service-principal with a secret. */
function staticKeysFromScripts(node: unknown, source: string, jobId: string, out: RawFinding[]): void {
  const visit = (n: unknown) => {
    if (isSeq(n)) return seqItems(n).forEach(visit);
    const mapped = mappedScalar(n, source);
    if (!mapped) return;
    for (const cmd of tokenize(mapped.text)) {
      const name = commandName(cmd);
      const a = cmd.args.map((w) => w.value.toLowerCase());
      let cloud: 'aws' | 'gcp' | 'azure' | undefined;
      if (name === 'aws' && a[1] === 'configure' && a.includes('aws_secret_access_key')) cloud = 'aws';
      else if (name === 'gcloud' && a.includes('activate-service-account') && a.some((x) => x.startsWith('--key-file'))) cloud = 'gcp';
      else if (name === 'az' && a[1] === 'login' && a.includes('--service-principal') && !a.some((x) => x.startsWith('--federated-token'))) cloud = 'azure';
      if (!cloud) continue;
      const [start, end] = mapSpan(mapped, cmd.args[0].start, cmd.args[cmd.args.length - 1].end);
      out.push({ ruleId: R.gitlabStaticCloudKeys.id, start, end, data: { ci: 'gitlab', jobId, cloud, command: name } });
    }
  };
  visit(node);
}
