import type { AnalyzerOutput, ScanContext } from '../../analyzer';
import { asMap } from '../yamlModel';
import type { ParsedYaml } from '../yamlModel';
import { githubChecks } from './githubChecks';
import { buildWorkflow } from './githubModel';

/** GitHub Actions workflow or composite action: scripts, then structure. */
export function analyzeGithub(ctx: ScanContext, parsed: ParsedYaml, composite: boolean): AnalyzerOutput {
  const root = asMap(parsed.doc.contents);
  if (!root) return { findings: [], notices: parsed.notices };
  const wf = buildWorkflow(root, ctx.text, composite);
  return { findings: [...wf.findings, ...githubChecks(wf, ctx.text)], notices: parsed.notices };
}
