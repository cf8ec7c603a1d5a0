import type { Analyzer, AnalyzerOutput, ScanContext } from '../analyzer';
import type { RawFinding } from '../types';
import { analyzeGithub } from './ci/github';
import { kindByContent, kindByPath, type FileKind } from './classify';
import { R } from './rules';
import { parseYaml } from './yamlModel';

/** File kind per scan (classification by content is computed once, not per analyzer). */
const kinds = new WeakMap<ScanContext, FileKind | undefined>();

export function fileKind(ctx: ScanContext): FileKind | undefined {
  if (kinds.has(ctx)) return kinds.get(ctx);
  const byPath = kindByPath(ctx.path, ctx.baseName);
  const kind = byPath === 'yaml' ? kindByContent(ctx.path, ctx.text) : byPath;
  kinds.set(ctx, kind);
  return kind;
}

/** Drops exact duplicates (the same rule on the same span, e.g. one workflow-level binding seen from two steps). */
function dedupe(out: AnalyzerOutput): AnalyzerOutput {
  const seen = new Set<string>();
  const findings: RawFinding[] = [];
  for (const f of out.findings) {
    const key = `${f.ruleId}:${f.start}:${f.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(f);
  }
  return { findings, notices: out.notices };
}

const ciYamlAnalyzer: Analyzer = {
  id: 'ci-pipelines',
  rules: Object.values(R),
  appliesTo: (ctx) => {
    const kind = fileKind(ctx);
    return kind === 'github-workflow' || kind === 'github-action';
  },
  analyze(ctx) {
    const kind = fileKind(ctx);
    const parsed = parseYaml(ctx.text, ctx.lines);
    switch (kind) {
      case 'github-workflow':
        return dedupe(analyzeGithub(ctx, parsed, false));
      case 'github-action':
        return dedupe(analyzeGithub(ctx, parsed, true));
      default:
        return { findings: [] };
    }
  },
};

/** Structural checks of pipelines, Dockerfiles and code (env dumps, secret prints, masks...). */
export const pipelineAnalyzers: Analyzer[] = [ciYamlAnalyzer];
