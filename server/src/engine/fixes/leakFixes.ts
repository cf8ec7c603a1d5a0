import { fileContext } from './context';
import { buildArgScriptEdit, buildPushSecretEdits, passwordStdinEdit } from './dockerLeakFixes';
import { dockerfileReplacement } from './otherFixes';
import { referenceFixes } from './referenceFix';
import {
  addMaskEdits,
  azureIsSecretEdit,
  codeEnvDumpEdit,
  envDumpFixes,
  jenkinsSingleQuoteEdit,
  moveMaskEdits,
  secretPrintEdit,
  xtraceEdits,
  xtraceRemoveEdit,
} from './scriptLeakFixes';
import { envTooBroadFix, oidcFix, secretInRunFix, secretsContextFix, secretsInheritFix, type LeakEdit } from './githubLeakFixes';
import type { Fix, FixInput, OffsetEdit } from './types';
import { addToEnvMap } from './yamlFixes';
import { parseWorkflow } from './workflowEdits';
import { envFileEdit, envTitle, gitignoreEdit, localEnv } from './workspaceFiles';
import { isMap } from 'yaml';
import { LITERAL_SECRET_RULE_IDS } from '../pipeline/rules';
import { deletePair } from './workflowEdits';
import { locateYaml } from './yamlLocate';

/** Pipeline findings on a literal value: fixed like a hard-coded secret (reference + value to .env). */
const LITERAL_RULES = LITERAL_SECRET_RULE_IDS;
const OIDC_RULES = new Set(['gha-aws-static-keys', 'gha-gcp-credentials-json', 'gha-azure-login-creds', 'publish-with-long-lived-token', 'gha-oidc-missing-permission']);

function documentFix(input: FixInput, e: LeakEdit, preferred: boolean): Fix {
  return { id: e.id, title: e.title, category: 'leak', preferred, files: [{ path: input.path, edits: e.edits }] };
}

/** Fixes for the pipeline checks' findings (env dumps, prints, masks, exposure, access model). */
export function leakFixes(input: FixInput): Fix[] {
  const { text, finding, path } = input;
  const rule = finding.ruleId;
  if (LITERAL_RULES.has(rule)) {
    // A secret finding on the same value already carries the reference fix.
    const sameSpan = (input.allFindings ?? []).some((f) => f.kind === 'secret' && f.startOffset === finding.startOffset && f.endOffset === finding.endOffset);
    if (sameSpan) return [];
    const literal = text.slice(finding.startOffset, finding.endOffset);
    if (!/^\$|\$\{/.test(literal)) return referenceFixes(input, undefined, true);
    return [];
  }
  const one = (id: string, title: string, edits: OffsetEdit[] | OffsetEdit | undefined): Fix[] => {
    if (!edits) return [];
    const list = Array.isArray(edits) ? edits : [edits];
    return list.length ? [documentFix(input, { id, title, edits: list }, true)] : [];
  };
  const wf = fileContext(path, text) === 'github-actions' ? parseWorkflow(text) : undefined;
  const stepStart = () => wf?.stepAt(finding.startOffset).step?.range?.[0] ?? 0;
  switch (rule) {
    case 'ci-env-dump':
      return envDumpFixes(text, finding).map((e, i) => documentFix(input, e, i === 0));
    case 'code-env-dump':
      return one('names-only', 'Log the variable names only (no values)', codeEnvDumpEdit(text, finding));
    case 'ci-xtrace-with-secrets': {
      // Preferred: no tracing in a step holding secrets. Alternative: keep tracing, off around secret use
      // (the check still reports the step then, since any later line could print a secret).
      const around = xtraceEdits(text, finding);
      const fixes = one('xtrace-remove', 'Remove shell tracing from this step (it prints secrets)', xtraceRemoveEdit(text, finding));
      if (around) fixes.push(documentFix(input, { id: 'xtrace-off', title: 'Turn tracing off (set +x) around the lines that use secrets', edits: around }, fixes.length === 0));
      return fixes;
    }
    case 'ci-unmasked-derived-secret':
      return one('add-mask', `Mask it right after it is computed (echo "::add-mask::$${finding.data?.variable}")`, addMaskEdits(text, finding, stepStart()));
    case 'ci-add-mask-too-late':
      return one('move-mask', 'Move ::add-mask:: right after the value is computed', moveMaskEdits(text, finding, stepStart()));
    case 'azure-setvariable-not-secret':
      return one('issecret', 'Mark the variable secret (issecret=true)', azureIsSecretEdit(text, finding));
    case 'ci-secret-print': {
      if (typeof finding.data?.variable === 'string') {
        return one('print-set', `Print whether ${finding.data.variable} is set, not its value`, secretPrintEdit(text, finding));
      }
      // echo "${{ secrets.X }}": bind it in the step env: and test the variable instead.
      const secretName = finding.data?.secretName;
      const step = wf?.stepAt(finding.startOffset).step;
      if (typeof secretName !== 'string' || !step || !/^\$\{\{\s*secrets\.[A-Za-z0-9_]+\s*\}\}$/.test(text.slice(finding.startOffset, finding.endOffset))) return [];
      const name = String(finding.data?.suggestedName ?? secretName);
      const print = secretPrintEdit(text, finding, name);
      const env = print ? addToEnvMap(text, step, 'env', name, text.slice(finding.startOffset, finding.endOffset)) : undefined;
      return one('print-set', `Print whether ${name} is set, not its value`, print && env ? [print, env].filter((e) => e.end > e.start || e.newText) : undefined);
    }
    case 'jenkins-groovy-credential-interpolation':
      return one('single-quotes', 'Use a single-quoted string so the shell, not Groovy, expands the credential', jenkinsSingleQuoteEdit(text, finding));
    case 'ci-debug-logging': {
      const hit = locateYaml(text, Math.max(finding.startOffset, finding.endOffset - 1));
      const last = hit && !hit.inKey ? hit.steps[hit.steps.length - 1] : undefined;
      const holder = hit?.steps[hit.steps.length - 2];
      const map = last?.parent;
      const removal = last?.pair && map && isMap(map) ? deletePair(text, map, last.pair, holder?.pair) : undefined;
      return one('remove-debug', 'Remove the debug logging setting', removal);
    }
    case 'ci-secret-on-command-line':
      return one('password-stdin', 'Pass the password on stdin (--password-stdin)', passwordStdinEdit(text, finding));
    case 'docker-build-arg-secret': {
      if (wf && finding.data?.shell === undefined) {
        return one('build-secret', 'Pass it as a build secret (secrets: input; RUN --mount=type=secret in the Dockerfile)', buildPushSecretEdits(text, finding, wf));
      }
      return one('build-secret', 'Pass it as a BuildKit secret (--secret id=…,env=…; RUN --mount=type=secret in the Dockerfile)', buildArgScriptEdit(text, finding));
    }
    case 'dockerfile-secret-env-arg':
      return dockerSecretFix(input);
    case 'gha-secret-in-run':
      return wf ? fromLeak(input, secretInRunFix(text, finding, wf)) : [];
    case 'gha-secret-env-too-broad':
      return wf ? fromLeak(input, envTooBroadFix(text, finding, wf)) : [];
    case 'gha-secrets-context-exposed':
      return wf ? fromLeak(input, secretsContextFix(text, finding, wf)) : [];
    case 'gha-secrets-inherit':
      return wf ? fromLeak(input, secretsInheritFix(text, finding, wf, input.workspace)) : [];
    default:
      if (OIDC_RULES.has(rule) && wf) return fromLeak(input, oidcFix(text, finding, wf));
      return [];
  }
}

function fromLeak(input: FixInput, e: LeakEdit | undefined): Fix[] {
  return e ? [documentFix(input, e, true)] : [];
}

/** Dockerfile ARG/ENV holding a secret -> a build secret mounted in the RUN that uses it. */
function dockerSecretFix(input: FixInput): Fix[] {
  const { text, finding, path, workspace } = input;
  const variable = String(finding.data?.variable ?? '');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) return [];
  const lineStart = text.lastIndexOf('\n', finding.startOffset - 1) + 1;
  const lineEnd = text.indexOf('\n', finding.startOffset);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const m = new RegExp(`^\\s*(?:ARG|ENV)\\s+${variable}(?:\\s*=\\s*|\\s+)?(.*)$`, 'i').exec(line);
  if (!m) return [];
  const raw = m[1].trim().replace(/^(["'])(.*)\1$/, '$2');
  const literal = raw && !raw.startsWith('$') ? raw : undefined;
  const replacement = dockerfileReplacement(text, finding.startOffset, finding.endOffset, () => variable, variable);
  if (!replacement) return [];
  const files: Fix['files'] = [{ path, edits: replacement.edits }];
  if (literal) {
    const local = localEnv(workspace);
    files.push(envFileEdit(local.text, variable, literal, path, local.path));
    const ignore = gitignoreEdit(workspace.gitignoreText, local.path);
    if (ignore) files.push(ignore);
  }
  return [{ id: 'build-secret', title: envTitle(replacement.title.replace(/; value moved to \.env/, literal ? '; value moved to .env' : ''), workspace), category: 'leak', preferred: true, files }];
}
