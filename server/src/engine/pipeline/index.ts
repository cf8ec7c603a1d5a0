import type { Analyzer, AnalyzerOutput, ScanContext } from '../analyzer';
import type { RawFinding } from '../types';
import { analyzeAzure } from './ci/azure';
import { analyzeBitbucket } from './ci/bitbucket';
import { analyzeCircleci } from './ci/circleci';
import { analyzeGithub } from './ci/github';
import { analyzeGitlab } from './ci/gitlab';
import { codeLanguage, kindByContent, kindByPath, type FileKind } from './classify';
import { analyzeCode } from './code';
import { analyzeCompose, analyzeDockerfile } from './docker';
import { analyzeJenkins } from './jenkins';
import { R } from './rules';
import { parseYaml, type ParsedYaml } from './yamlModel';

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
    return kind === 'github-workflow' || kind === 'github-action' || kind === 'gitlab' || kind === 'azure' || kind === 'circleci' || kind === 'bitbucket';
  },
  analyze(ctx) {
    const kind = fileKind(ctx);
    const parsed = parseYaml(ctx.text, ctx.lines, ctx.editing ? ctx.path : '');
    const out: AnalyzerOutput = { findings: [], notices: parsed.notices };
    for (const doc of parsed.docs) {
      const one = analyzeDocument(ctx, kind, { doc, docs: [doc], notices: [] });
      out.findings.push(...one.findings);
    }
    return dedupe(out);
  },
};

function analyzeDocument(ctx: ScanContext, kind: FileKind | undefined, parsed: ParsedYaml): AnalyzerOutput {
  switch (kind) {
      case 'github-workflow':
        return analyzeGithub(ctx, parsed, false);
      case 'github-action':
        return analyzeGithub(ctx, parsed, true);
      case 'gitlab':
        return analyzeGitlab(ctx, parsed);
      case 'azure':
        return analyzeAzure(ctx, parsed);
      case 'circleci':
        return analyzeCircleci(ctx, parsed);
      case 'bitbucket':
        return analyzeBitbucket(ctx, parsed);
      default:
        return { findings: [] };
    }
}

/**
 * Compose checks read only `services.*.environment` and `services.*.build.args`: without those words
 * (or a backslash, which could spell a key with an escape) there is nothing to find, and the YAML
 * parse, by far the slowest step for a compose file, is skipped.
 */
function mayHoldComposeSecrets(text: string): boolean {
  return (text.includes('services') && (text.includes('environment') || text.includes('args'))) || text.includes('\\');
}

const containerAnalyzer: Analyzer = {
  id: 'containers',
  rules: [R.dockerfileSecretEnv, R.dockerfileCopySecret, R.composeLiteral, R.buildArg, R.envDumpScript, R.secretPrint],
  appliesTo: (ctx) => fileKind(ctx) === 'dockerfile' || fileKind(ctx) === 'compose',
  analyze(ctx) {
    if (fileKind(ctx) === 'dockerfile') return dedupe(analyzeDockerfile(ctx));
    if (!mayHoldComposeSecrets(ctx.text)) return { findings: [] };
    const parsed = parseYaml(ctx.text, ctx.lines, ctx.editing ? ctx.path : '');
    const findings = parsed.docs.flatMap((doc) => analyzeCompose({ doc, docs: [doc], notices: [] }).findings);
    return dedupe({ findings, notices: parsed.notices });
  },
};

const jenkinsAnalyzer: Analyzer = {
  id: 'jenkins',
  rules: [R.jenkinsInterpolation, R.envDumpScript, R.secretPrint, R.xtrace, R.commandLine],
  appliesTo: (ctx) => fileKind(ctx) === 'jenkins',
  analyze: (ctx) => dedupe(analyzeJenkins(ctx)),
};

const codeAnalyzer: Analyzer = {
  id: 'code-leaks',
  rules: [R.envDumpCode, R.codeSecretLog],
  appliesTo: (ctx) => fileKind(ctx) === 'code',
  analyze: (ctx) => analyzeCode(ctx, codeLanguage(ctx.baseName)!),
};

/** Structural checks of pipelines, Dockerfiles and code (env dumps, secret prints, masks...). */
export const pipelineAnalyzers: Analyzer[] = [ciYamlAnalyzer, containerAnalyzer, jenkinsAnalyzer, codeAnalyzer];
