/**
 * Azure Pipelines (azure-pipelines.yml, *.azure-pipelines.yml, templates recognised by content).
 * Steps are found wherever they sit (stages, jobs, deployment strategies, templates).
 *
 * Finding data:
 *   ci-debug-logging: {ci: 'azure', variable: 'system.debug'}
 *   script findings: see shell/analyzeScript.ts, with {ci: 'azure', stepIndex, stepKey}
 */
import { isMap, type YAMLMap } from 'yaml';
import type { AnalyzerOutput, ScanContext } from '../../analyzer';
import type { RawFinding } from '../../types';
import { R } from '../rules';
import type { SecretBinding } from '../shell/script';
import type { ShellDialect } from '../shell/tokenizer';
import { asMap, getNode, getString, scalarString, seqItems, type ParsedYaml } from '../yamlModel';
import { checkScripts, secretBindings, variableEntries, walkMaps } from './common';

const SCRIPT_TASKS: [RegExp, ShellDialect, string[]][] = [
  [/^(?:Bash|ShellScript)@\d+$/i, 'posix', ['script']],
  [/^(?:PowerShell|AzurePowerShell)@\d+$/i, 'pwsh', ['script', 'Inline', 'inline']],
  [/^CmdLine@\d+$/i, 'cmd', ['script']],
  [/^AzureCLI@\d+$/i, 'posix', ['inlineScript']],
];

export function analyzeAzure(ctx: ScanContext, parsed: ParsedYaml): AnalyzerOutput {
  const root = parsed.doc.contents;
  const findings: RawFinding[] = [];
  if (!isMap(root)) return { findings, notices: parsed.notices };
  const windows = /vmImage:\s*['"]?windows/i.test(ctx.text);
  walkMaps(root, (map) => {
    const vars = getNode(map, 'variables');
    if (vars) debugVariables(vars, findings);
    const steps = getNode(map, 'steps');
    if (!steps) return;
    const scopeVars = secretBindings(variableEntries(vars), 'job');
    seqItems(steps).forEach((item, stepIndex) => {
      const step = asMap(item);
      if (step) checkStep(step, stepIndex, ctx.text, windows, scopeVars, findings);
    });
  });
  return { findings, notices: parsed.notices };
}

function checkStep(step: YAMLMap, stepIndex: number, source: string, windows: boolean, scopeVars: Map<string, SecretBinding>, out: RawFinding[]): void {
  const env = variableEntries(getNode(step, 'env'));
  const secretVars = new Map([...scopeVars, ...secretBindings(env, 'step')]);
  const where = { ci: 'azure', stepIndex, stepName: getString(step, 'displayName') };
  const run = (node: unknown, dialect: ShellDialect, stepKey: string) => out.push(...checkScripts(node, source, 'azure', dialect, secretVars, { ...where, stepKey }).findings);
  if (getNode(step, 'script')) run(getNode(step, 'script'), windows ? 'cmd' : 'posix', 'script');
  if (getNode(step, 'bash')) run(getNode(step, 'bash'), 'posix', 'bash');
  if (getNode(step, 'pwsh')) run(getNode(step, 'pwsh'), 'pwsh', 'pwsh');
  if (getNode(step, 'powershell')) run(getNode(step, 'powershell'), 'pwsh', 'powershell');
  const task = getString(step, 'task');
  if (task) {
    const inputs = asMap(getNode(step, 'inputs'));
    for (const [re, dialect, keys] of SCRIPT_TASKS) {
      if (!re.test(task)) continue;
      const scriptType = getString(inputs, 'scriptType') ?? '';
      const d = /ps|powershell/i.test(scriptType) ? 'pwsh' : /batch/i.test(scriptType) ? 'cmd' : dialect;
      for (const k of keys) if (getNode(inputs, k)) run(getNode(inputs, k), d, `task:${task}`);
    }
  }
}

function debugVariables(vars: unknown, out: RawFinding[]): void {
  for (const e of variableEntries(vars)) {
    if (e.name.toLowerCase() === 'system.debug' && /^true$/i.test((e.value ?? scalarString(e.valueNode) ?? '').trim()) && e.valueSpan) {
      out.push({ ruleId: R.debugLogging.id, start: e.keySpan[0], end: e.valueEnd ?? e.valueSpan[1], data: { ci: 'azure', variable: 'system.debug' } });
    }
  }
}
