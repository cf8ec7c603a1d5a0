/**
 * Checks on one script (a run: step, a GitLab script line, a Dockerfile RUN...):
 * env dumps, secret prints, tracing with secrets, unmasked derived secrets and late masks, Azure
 * setvariable without issecret, secrets inlined or on command lines, secrets as build args.
 *
 * Finding data (besides the adapter's `where`: jobId, stepIndex, stepName, ci...):
 *   ci-env-dump: {command, shell}
 *   ci-secret-print: {variable?, secretName?, envScope? ('step'|'job'|'workflow'|'well-known'), command, derived?, shell}
 *   ci-xtrace-with-secrets: {command, shell}
 *   ci-unmasked-derived-secret: {variable?, sink: 'log'|'output'|'env'|'summary', outputName?, shell}
 *   ci-add-mask-too-late: {variable, printedLine (0-based, in the script), shell}
 *   azure-setvariable-not-secret: {variable (Azure variable name), shell}
 *   gha-secret-in-run: {secretName, suggestedName (env var to bind), shell}
 *   ci-secret-on-command-line: {flag?, secretName?, variable?, envScope?, form: 'flag'|'user'|'url', command, shell}
 *   docker-build-arg-secret: {argName, secretName?, variable?, shell}
 */
import { onlyTestsSecrets } from '../secretTests';
import { RecentCache } from '../../recentCache';
import { isSecretName } from '../names';
import { mapSpan } from '../yamlModel';
import { R } from '../rules';
import { envDumpKind, isCredentialCommand, isCredentialFile, isPrinter, isTransform, pipelineReachesLog, printsToLog, stdoutTarget, xtraceWord } from './commands';
import { scriptFinding, type ScriptInput, type ScriptResult } from './script';
import { allExpansions, commandName, tokenize, type Command, type Expansion, type Word } from './tokenizer';

interface SecretRef {
  derived: boolean;
  name?: string;
  secretName?: string;
  /** Where the variable was bound: step, job or workflow env, or a well-known name. */
  envScope?: string;
}

/** Builtins whose arguments never reach a process list. */
const ASSIGNING_BUILTINS = new Set(['export', 'local', 'declare', 'readonly', 'typeset', 'set', 'echo', 'printf']);

const SECRET_EXPR = /\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[)/;
const FROM_JSON_SECRET = /fromJSON\(\s*secrets\b/i;

/**
 * Recent results by script text and scope, with spans relative to the script and no `where`: an
 * edit of a workflow changes one step, and the other steps' checks are reused. Results are read-only.
 */
const recent = new RecentCache<ScriptResult>(512);

export function analyzeScript(input: ScriptInput): ScriptResult {
  const bindings = [...input.secretVars].map(([name, b]) => `${name}=${b.secretName ?? ''}:${b.scope}:${b.derived ? 1 : 0}`).sort();
  const key = `${input.ci}\u0000${input.dialect}\u0000${bindings.join(',')}\u0000${input.mapped.text}`;
  let relative = recent.get(key);
  if (!relative) {
    const identity = Array.from({ length: input.mapped.text.length + 1 }, (_, i) => i);
    relative = analyzeScriptText({ ...input, mapped: { text: input.mapped.text, map: identity }, where: {} });
    recent.set(key, relative);
  }
  const findings = relative.findings.map((f) => {
    const [start, end] = mapSpan(input.mapped, f.start, f.end);
    return { ...f, start, end, data: { ...input.where, ...f.data } };
  });
  return { ...relative, findings };
}

function analyzeScriptText(input: ScriptInput): ScriptResult {
  const text = input.mapped.text;
  const commands = tokenize(text, { dialect: input.dialect, azureMacros: input.ci === 'azure' });
  const result: ScriptResult = { findings: [], referencedVars: new Set(), commands: new Set(), secretOutputs: new Set() };
  const tainted = new Set<string>();
  const masked = new Set<string>();
  const printed = new Map<string, number>();
  const exprReported = new Set<number>();
  const xtrace: { cmd: Command; word: Word }[] = [];
  let secretsInScope = input.secretVars.size > 0;
  const out = result.findings;

  const refOf = (e: Expansion): SecretRef | undefined => {
    if (e.kind === 'expr') {
      if (FROM_JSON_SECRET.test(e.name)) return { derived: true, secretName: SECRET_EXPR.exec(e.name)?.[1] };
      const m = onlyTestsSecrets(e.name) ? null : SECRET_EXPR.exec(e.name);
      return m ? { derived: false, secretName: m[1] } : undefined;
    }
    if (e.kind === 'var') {
      const binding = input.secretVars.get(e.name);
      if (tainted.has(e.name)) return { derived: true, name: e.name };
      if (binding) return { derived: binding.derived, name: e.name, secretName: binding.secretName, envScope: binding.scope };
      if (isSecretName(e.name)) return { derived: false, name: e.name };
      return undefined;
    }
    if (e.commands && substIsDerived(e.commands)) return { derived: true };
    return undefined;
  };
  const firstRef = (words: Word[]): { ref: SecretRef; exp: Expansion } | undefined => {
    for (const w of words) for (const e of allExpansions(w.expansions)) {
      const ref = refOf(e);
      if (ref) return { ref, exp: e };
    }
    return undefined;
  };
  const substIsDerived = (cmds: Command[]): boolean => {
    if (cmds.some(isCredentialCommand)) return true;
    const hasSecret = cmds.some((c) => c.words.some((w) => w.expansions.some((e) => e.kind !== 'subst' && refOf(e))));
    return hasSecret && cmds.some(isTransform);
  };
  const lineOf = (offset: number) => countLines(text, offset);

  for (const cmd of commands) {
    const name = commandName(cmd);
    if (name) result.commands.add(name);
    for (const w of cmd.words) for (const e of allExpansions(w.expansions)) if (e.kind === 'var') result.referencedVars.add(e.name);
    for (const r of cmd.redirects) for (const e of r.heredoc?.expansions ?? []) if (e.kind === 'var') result.referencedVars.add(e.name);
    for (const w of cmd.words) for (const e of w.expansions) if (e.kind === 'expr' && SECRET_EXPR.test(e.name) && !onlyTestsSecrets(e.name)) secretsInScope = true;

    // Taint: NAME=$(credential command), export NAME=..., pwsh $name = credential command.
    for (const w of assignmentWords(cmd)) {
      const eq = w.value.indexOf('=');
      const varName = w.value.slice(0, eq).replace(/\+$/, '');
      if (w.expansions.some((e) => refOf(e)?.derived)) tainted.add(varName);
    }
    if (input.dialect === 'pwsh' && cmd.args[1]?.value === '=' && /^\$[A-Za-z_]\w*$/.test(cmd.args[0]?.value ?? '')) {
      const rhs = tokenize(text.slice(cmd.args[2]?.start ?? cmd.end, cmd.end), { dialect: 'pwsh' });
      if (rhs.some(isCredentialCommand)) tainted.add(cmd.args[0].value.slice(1));
    }

    const dump = envDumpKind(cmd);
    if (dump && pipelineReachesLog(cmd)) {
      const last = cmd.args[cmd.args.length - 1];
      out.push(scriptFinding(input, R.envDumpScript.id, cmd.args[0].start, last.end, { command: dump }, `${dumpLabel(dump)} prints every variable in scope, secrets included, to the log.`));
    }

    const trace = xtraceWord(cmd);
    if (trace) xtrace.push({ cmd, word: trace });

    if (isPrinter(cmd)) handlePrint(cmd);
    else if (name === 'cat' && printsToLog(cmd)) handleCat(cmd);

    if (isCredentialCommand(cmd) && !cmd.captured && printsToLog(cmd) && !cmd.pipedFrom && commandName(cmd) !== 'jq') {
      const last = cmd.args[cmd.args.length - 1];
      if (input.ci === 'github') {
        out.push(scriptFinding(input, R.unmaskedDerived.id, cmd.args[0].start, last.end, { sink: 'log', command: name }, 'This command prints a fresh credential to the log, where nothing masks it.'));
      } else {
        out.push(scriptFinding(input, R.secretPrint.id, cmd.args[0].start, last.end, { command: name, derived: true }, 'This command prints a fresh credential to the log.'));
      }
    }
    commandLineChecks(cmd);
  }

  if (secretsInScope || [...result.referencedVars].some((v) => isSecretName(v) || input.secretVars.has(v))) {
    for (const { cmd, word } of xtrace) {
      out.push(scriptFinding(input, R.xtrace.id, word.start, word.end, { command: commandName(cmd) }, 'Tracing prints each command with secrets expanded; secrets are in scope here.'));
    }
  }
  // Secret expressions pasted into the script text.
  if (input.ci === 'github') {
    for (const cmd of commands) for (const w of [...cmd.words, ...cmd.redirects.flatMap((r) => (r.target ? [r.target] : []))]) {
      for (const e of w.expansions) {
        if (e.kind !== 'expr' || exprReported.has(e.start)) continue;
        const m = SECRET_EXPR.exec(e.name);
        if (!m || FROM_JSON_SECRET.test(e.name) || /toJSON\(\s*secrets\s*\)/i.test(e.name) || onlyTestsSecrets(e.name)) continue;
        exprReported.add(e.start);
        out.push(scriptFinding(input, R.secretInRun.id, e.start, e.end, { secretName: m[1], suggestedName: m[1] }));
      }
    }
  }
  return result;

  function handlePrint(cmd: Command): void {
    const args = cmd.args.slice(1);
    const joined = args.map((w) => w.value).join(' ');
    if (/::add-mask::/.test(joined)) {
      for (const w of args) for (const e of w.expansions) {
        if (e.kind !== 'var') continue;
        masked.add(e.name);
        const at = printed.get(e.name);
        if (at !== undefined) {
          out.push(scriptFinding(input, R.maskTooLate.id, cmd.args[0].start, w.end, { variable: e.name, printedLine: lineOf(at) }, `::add-mask:: comes after $${e.name} was already printed or passed on.`));
        }
      }
      return;
    }
    if (/##vso\[task\.setvariable/i.test(joined)) return azureSetVariable(cmd, joined);
    if (/^::(?:debug|notice|warning|error|group|endgroup|stop-commands)/.test(joined)) {
      // Workflow commands still print their message: fall through.
    }
    const target = stdoutTarget(cmd);
    const fileSink = target === undefined ? undefined : /GITHUB_OUTPUT/.test(target) ? 'output' : /GITHUB_ENV/.test(target) ? 'env' : /GITHUB_STEP_SUMMARY/.test(target) ? 'summary' : undefined;
    const sink = fileSink ?? (printsToLog(cmd) ? 'log' : undefined);
    if (!sink) return;
    for (const w of args) for (const e of allExpansions(w.expansions)) {
      const ref = refOf(e);
      if (!ref) continue;
      if (ref.name) printed.set(ref.name, e.start);
      if (sink === 'output') {
        // A step output holding a secret (derived or not) makes any job output that forwards it a leak.
        const name = /^([A-Za-z_][\w-]*)=/.exec(w.value)?.[1];
        if (name) result.secretOutputs.add(name);
      }
      if (ref.derived && input.ci === 'github') {
        if (ref.name && masked.has(ref.name)) continue;
        const outputName = sink === 'output' || sink === 'env' ? /^([A-Za-z_][\w-]*)=/.exec(w.value)?.[1] : undefined;
        out.push(scriptFinding(input, R.unmaskedDerived.id, e.start, e.end, { variable: ref.name, secretName: ref.secretName, sink, outputName },
          sink === 'log' || sink === 'summary' ? 'This value is derived from a secret and is printed without ::add-mask:: first.' : `This value is derived from a secret and is written to $GITHUB_${sink === 'output' ? 'OUTPUT' : 'ENV'} without ::add-mask:: first.`));
      } else if (sink === 'log' || sink === 'summary') {
        out.push(scriptFinding(input, R.secretPrint.id, e.start, e.end, { variable: ref.name, secretName: ref.secretName, envScope: ref.envScope, command: commandName(cmd), derived: ref.derived || undefined },
          `${ref.name ? `$${ref.name}` : 'A secret'} is printed to the ${sink === 'summary' ? 'job summary' : 'log'}.`));
      }
    }
  }

  function handleCat(cmd: Command): void {
    for (const r of cmd.redirects) {
      const exps = r.heredoc?.expansions ?? (r.op === '<<<' && r.target ? r.target.expansions : []);
      for (const e of exps) {
        const ref = refOf(e);
        if (ref) out.push(scriptFinding(input, R.secretPrint.id, e.start, e.end, { variable: ref.name, secretName: ref.secretName, command: 'cat' }));
      }
    }
    for (const w of cmd.args.slice(1)) {
      if (!w.value.startsWith('-') && isCredentialFile(w.value)) {
        out.push(scriptFinding(input, R.secretPrint.id, w.start, w.end, { command: 'cat', file: true }, 'This prints a credential file to the log.'));
      }
    }
  }

  function azureSetVariable(cmd: Command, joined: string): void {
    const m = /##vso\[task\.setvariable\b([^\]]*)\]/i.exec(joined);
    if (!m || /issecret\s*=\s*true/i.test(m[1])) return;
    const variable = /variable\s*=\s*([^;\]\s]+)/i.exec(m[1])?.[1] ?? '';
    const valueRef = firstRef(cmd.args.slice(1));
    if (!isSecretName(variable) && !valueRef) return;
    const word = cmd.args.find((w) => /##vso\[/i.test(w.value)) ?? cmd.args[0];
    out.push(scriptFinding(input, R.azureSetVariable.id, word.start, word.end, { variable }));
  }

  function commandLineChecks(cmd: Command): void {
    const name = commandName(cmd);
    if (isPrinter(cmd)) return;
    const args = cmd.args;
    for (let i = 1; i < args.length; i++) {
      const v = args[i].value;
      const flag = /^(--?(?:password|passwd|pass|token|api-key|apikey|api-token|access-token|auth-token|secret|client-secret|private-key|key-password))(=.*)?$/i.exec(v);
      const short = /^-p$/.test(v) && /^(?:docker|podman|helm|buildah|skopeo|oras|sshpass|crane)$/.test(name) ? v : undefined;
      const mysql = /^-p\S+/.test(v) && /^(?:mysql|mysqldump|mysqladmin)$/.test(name);
      if ((flag && !/stdin$/i.test(v)) || short || mysql) {
        const word = flag?.[2] || mysql ? args[i] : args[i + 1];
        if (word) report(word, { flag: flag?.[1] ?? (mysql ? '-p' : short), form: 'flag', command: name });
        continue;
      }
      if ((v === '-u' || v === '--user') && (name === 'curl' || name === 'wget') && args[i + 1]) {
        const userWord = args[i + 1];
        const colon = userWord.raw.indexOf(':');
        if (colon > 0) report(userWord, { form: 'user', command: name }, (e) => e.start > userWord.start + colon);
        continue;
      }
      const buildArg = /^--build-arg(?:=(.*))?$/.exec(v);
      if (buildArg && (name === 'docker' || name === 'podman' || name === 'buildah')) {
        const word = buildArg[1] !== undefined ? args[i] : args[i + 1];
        if (!word) continue;
        const spec = buildArg[1] ?? word.value;
        const argName = spec.split('=')[0];
        const hit = firstRef([word]);
        if (hit || (!spec.includes('=') && (isSecretName(argName) || input.secretVars.has(argName)))) {
          out.push(scriptFinding(input, R.buildArg.id, word.start, word.end, { argName, secretName: hit?.ref.secretName, variable: hit?.ref.name }));
          markExprs(word);
        }
        continue;
      }
      if (/:\/\/[^/]*@/.test(v) && !ASSIGNING_BUILTINS.has(name)) {
        const raw = args[i].raw;
        const at = args[i].start + raw.indexOf('@', raw.indexOf('://'));
        report(args[i], { form: 'url', command: name }, (e) => e.start < at);
      }
    }
  }

  function report(word: Word, data: Record<string, string | undefined>, filter: (e: Expansion) => boolean = () => true): void {
    for (const e of allExpansions(word.expansions)) {
      if (!filter(e)) continue;
      const ref = refOf(e);
      if (!ref) continue;
      out.push(scriptFinding(input, R.commandLine.id, word.start, word.end, { ...data, secretName: ref.secretName, variable: ref.name, envScope: ref.envScope }));
      markExprs(word);
      return;
    }
  }

  function markExprs(word: Word): void {
    for (const e of word.expansions) if (e.kind === 'expr') exprReported.add(e.start);
  }
}

function assignmentWords(cmd: Command): Word[] {
  const name = commandName(cmd);
  const words = [...cmd.assignments];
  if (name === 'export' || name === 'local' || name === 'declare' || name === 'readonly' || name === 'typeset') {
    for (const w of cmd.args.slice(1)) if (/^[A-Za-z_]\w*=/.test(w.value)) words.push(w);
  }
  return words;
}

function countLines(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function dumpLabel(kind: string): string {
  switch (kind) {
    case 'env file':
      return 'Printing an env file';
    case 'docker inspect':
      return 'docker inspect without a --format that excludes Env';
    case 'environment drive':
      return 'Listing the env: drive';
    default:
      return `\`${kind}\``;
  }
}
