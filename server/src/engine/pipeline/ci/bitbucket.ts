/**
 * Bitbucket Pipelines (bitbucket-pipelines.yml): `script` and `after-script` of every step.
 * Script findings carry {ci: 'bitbucket', pipeline (path of keys), stepIndex}.
 */
import { isMap } from 'yaml';
import type { AnalyzerOutput, ScanContext } from '../../analyzer';
import type { RawFinding } from '../../types';
import { getNode, type ParsedYaml } from '../yamlModel';
import { checkScripts, walkMaps } from './common';

export function analyzeBitbucket(ctx: ScanContext, parsed: ParsedYaml): AnalyzerOutput {
  const root = parsed.doc.contents;
  const findings: RawFinding[] = [];
  if (!isMap(root)) return { findings, notices: parsed.notices };
  let stepIndex = 0;
  walkMaps(root, (map, path) => {
    const step = getNode(map, 'step');
    if (!isMap(step)) return;
    const where = { ci: 'bitbucket', pipeline: path.join('.'), stepIndex: stepIndex++ };
    for (const key of ['script', 'after-script']) {
      const node = getNode(step, key);
      if (node) findings.push(...checkScripts(node, ctx.text, 'bitbucket', 'posix', new Map(), where).findings);
    }
  });
  return { findings, notices: parsed.notices };
}
