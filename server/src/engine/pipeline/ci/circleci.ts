/**
 * CircleCI (.circleci/config.yml): run steps anywhere (jobs, commands, orbs inline), environment maps.
 *
 * Finding data:
 *   circleci-unmaskable-secret: {ci: 'circleci', variable, reason: 'too-short'|'literal-in-config'}
 *   script findings: see shell/analyzeScript.ts, with {ci: 'circleci', jobId?, stepIndex}
 */
import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { AnalyzerOutput, ScanContext } from '../../analyzer';
import type { RawFinding } from '../../types';
import { isDictionaryLike, isPlaceholder } from '../../values';
import { isReferenceLike, isSecretName, looksLikeSecretValue } from '../names';
import { R } from '../rules';
import { asMap, getNode, getString, seqItems, type ParsedYaml } from '../yamlModel';
import { checkScripts, isThrowawayServicePassword, secretBindings, variableEntries, walkMaps } from './common';

export function analyzeCircleci(ctx: ScanContext, parsed: ParsedYaml): AnalyzerOutput {
  const root = parsed.doc.contents;
  const findings: RawFinding[] = [];
  if (!isMap(root)) return { findings, notices: parsed.notices };
  walkMaps(root, (map, path) => {
    const env = getNode(map, 'environment');
    if (env) unmaskable(env, findings);
    const steps = getNode(map, 'steps');
    if (!steps) return;
    const jobId = path[0] === 'jobs' ? path[1] : undefined;
    const jobSecrets = secretBindings(variableEntries(env), 'job');
    seqItems(steps).forEach((item, stepIndex) => {
      const step = asMap(item);
      const runNode = getNode(step, 'run');
      if (!runNode) return;
      const runMap = asMap(runNode);
      const command = runMap ? getNode(runMap, 'command') : runNode;
      const stepEnv = runMap ? secretBindings(variableEntries(getNode(runMap, 'environment')), 'step') : new Map();
      const shell = runMap ? getString(runMap, 'shell') ?? '' : '';
      const dialect = /pwsh|powershell/i.test(shell) ? 'pwsh' : /cmd/i.test(shell) ? 'cmd' : 'posix';
      if (command && (isScalar(command) || isMap(command) === false)) {
        findings.push(...checkScripts(command, ctx.text, 'circleci', dialect, new Map([...jobSecrets, ...stepEnv]), { ci: 'circleci', jobId, stepIndex }).findings);
      }
    });
  });
  return { findings, notices: parsed.notices };
}

function unmaskable(env: unknown, out: RawFinding[]): void {
  for (const e of variableEntries(env)) {
    const v = e.value;
    if (v === undefined || !e.valueSpan || !isSecretName(e.name)) continue;
    if (v.trim() === '' || isReferenceLike(v) || isPlaceholder(v) || isDictionaryLike(v) || isThrowawayServicePassword(e.name, v)) continue;
    const tooShort = v.length < 4;
    if (!tooShort && !looksLikeSecretValue(v, true)) continue;
    out.push({
      ruleId: R.circleciUnmaskable.id,
      start: e.valueSpan[0],
      end: e.valueSpan[1],
      value: v,
      message: tooShort
        ? `${e.name} is shorter than 4 characters: CircleCI never masks such values.`
        : `${e.name} is written into config.yml, where CircleCI does not mask it.`,
      data: { ci: 'circleci', variable: e.name, reason: tooShort ? 'too-short' : 'literal-in-config' },
    });
  }
}

export type { YAMLMap };
