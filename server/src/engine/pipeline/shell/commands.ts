/**
 * Facts about single commands: which print to the log, which dump the environment, which produce
 * credentials, which turn tracing on.
 */
import { commandName, type Command, type Word } from './tokenizer';

const PRINTERS = new Set(['echo', 'printf', 'write-host', 'write-output', 'write-information', 'write-verbose', 'echo.', 'print']);
const PASS_THROUGH = new Set(['tee', 'cat']);
const STDOUT_REDIRECT = /^(?:1?>>?|1?>\||&>>?)$/;
const LOG_DEVICES = /^(?:\/dev\/(?:stdout|stderr|tty)|&?[12])$/;
const PWSH_SILENCERS = new Set(['out-file', 'out-null', 'set-content', 'add-content']);

export function isPrinter(cmd: Command): boolean {
  return PRINTERS.has(commandName(cmd));
}

/** True when the command's standard output ends up in the job log. */
export function printsToLog(cmd: Command): boolean {
  if (cmd.captured) return false;
  for (const r of cmd.redirects) {
    if (STDOUT_REDIRECT.test(r.op) && !(r.target && LOG_DEVICES.test(r.target.value))) return false;
  }
  const next = cmd.pipesTo;
  if (!next) return true;
  const name = commandName(next);
  if (PASS_THROUGH.has(name)) return printsToLog(next);
  if (PWSH_SILENCERS.has(name)) return false;
  return false;
}

const QUIET_SINKS = new Set(['wc', 'md5sum', 'sha256sum', 'sha1sum', 'true', 'out-null']);

/**
 * A filter that keeps only the names of `NAME=value` lines: `cut -d= -f1`, `awk -F= '{print $1}'`,
 * a sed substitution deleting from the `=` on. What reaches the log after it is a list of names.
 */
function keepsNamesOnly(c: Command): boolean {
  const name = commandName(c);
  const text = c.args.slice(1).map((w) => w.value).join(' ');
  if (name === 'cut') return /-d\s*=?\s*['"]?=/.test(text) && /-f\s*1(?![-,\d])/.test(text);
  if (name === 'awk' || name === 'gawk' || name === 'mawk') return /-F\s*['"]?=/.test(text) && /\{\s*print\s+\$1\s*;?\s*\}/.test(text);
  if (name === 'sed') return /s([/|#])=\.\*\1\1/.test(text);
  return false;
}

/** True when the output of the pipeline that starts at `cmd` reaches the log (`env | sort` does, `env | wc -l` does not). */
export function pipelineReachesLog(cmd: Command): boolean {
  for (let c: Command | undefined = cmd; c; c = c.pipesTo) {
    if (c.captured) return false;
    for (const r of c.redirects) {
      if (STDOUT_REDIRECT.test(r.op) && !(r.target && LOG_DEVICES.test(r.target.value))) return false;
    }
    if (c !== cmd && QUIET_SINKS.has(commandName(c))) return false;
    if (c !== cmd && commandName(c) === 'grep' && c.args.some((w) => /^-[a-zA-Z]*[qc]/.test(w.value))) return false;
    if (c !== cmd && keepsNamesOnly(c)) return false;
    if (PWSH_SILENCERS.has(commandName(c))) return false;
  }
  return true;
}

/** Target of a `>`/`>>` redirect of standard output, e.g. `$GITHUB_OUTPUT`. */
export function stdoutTarget(cmd: Command): string | undefined {
  for (const r of cmd.redirects) if (STDOUT_REDIRECT.test(r.op) && r.target) return r.target.value;
  const next = cmd.pipesTo;
  if (next && commandName(next) === 'tee') {
    const file = next.args.slice(1).find((w) => !w.value.startsWith('-'));
    if (file) return file.value;
  }
  return undefined;
}

const CRED_FILE =
  /(?:^|\/)(?:\.npmrc|\.pypirc|\.netrc|_netrc|\.git-credentials|\.dockercfg|credentials(?:\.json)?|id_(?:rsa|dsa|ecdsa|ed25519)|[^/]+\.(?:pem|key|p12|pfx|jks|keystore)|kubeconfig|service[-_]?account[^/]*\.json|gcp[-_]?key[^/]*\.json|key\.json)$|\.docker\/config\.json$|\.kube\/config$|GOOGLE_APPLICATION_CREDENTIALS/;

export function isCredentialFile(path: string): boolean {
  return CRED_FILE.test(path) && !/\.pub$/.test(path) && !/(?:^|\/)(?:public|cert|ca|chain|fullchain)[^/]*\.pem$/.test(path);
}

/** Why a command dumps the environment, or undefined. */
export function envDumpKind(cmd: Command): string | undefined {
  const name = commandName(cmd);
  const args = cmd.args.slice(1).map((w) => w.value);
  const operands = args.filter((a) => !a.startsWith('-'));
  switch (name) {
    case 'env':
      return operands.length === 0 && !args.some((a) => /^-(?:i|u|-ignore-environment|-unset|C|S|-chdir|-split-string)/.test(a)) ? 'env' : undefined;
    case 'printenv':
      return operands.length === 0 ? 'printenv' : undefined;
    case 'export':
    case 'declare':
    case 'typeset':
      if (args.length === 0 && name === 'export') return 'export';
      return operands.length === 0 && args.some((a) => /^-[a-zA-Z]*[px]/.test(a)) ? `${name} -p` : undefined;
    case 'set':
      return args.length === 0 ? 'set' : undefined;
    // compgen -v / -e list variable names, never their values.
    case 'cat':
    case 'type':
    case 'get-content':
    case 'gc':
    case 'more':
    case 'less':
      return operands.some((a) => /(?:^|\/)\.env(?:\.[A-Za-z0-9_-]+)?$|GITHUB_ENV\}?$|\/proc\/(?:self|\d+|\*|\$\$)\/environ$/.test(a) && !/\.env\.(?:example|sample|template|dist)$/.test(a))
        ? 'env file'
        : undefined;
    case 'docker':
    case 'podman': {
      const sub = operands[0] === 'container' ? operands[1] : operands[0];
      if (sub !== 'inspect') return undefined;
      const format = formatArg(cmd.args);
      return format === undefined || /Env\b/.test(format) ? 'docker inspect' : undefined;
    }
    case 'get-childitem':
    case 'gci':
    case 'dir':
    case 'ls':
    case 'get-item':
    case 'gi':
      return operands.some((a) => /^env:\\?\*?$/i.test(a)) ? 'environment drive' : undefined;
    default:
      return undefined;
  }
}

function formatArg(args: Word[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--format' || v === '-f') return args[i + 1]?.value ?? '';
    if (v.startsWith('--format=')) return v.slice(9);
  }
  return undefined;
}

/** True when the command prints or returns a credential (`aws sts assume-role`, `vault read`...). */
export function isCredentialCommand(cmd: Command): boolean {
  const name = commandName(cmd);
  const a = cmd.args.slice(1).map((w) => w.value.toLowerCase());
  const has = (...words: string[]) => words.every((w) => a.includes(w));
  switch (name) {
    case 'aws':
      return (
        (has('sts') && a.some((x) => /^(?:assume-role|assume-role-with-web-identity|get-session-token|get-federation-token)$/.test(x))) ||
        has('ecr', 'get-login-password') ||
        has('secretsmanager', 'get-secret-value') ||
        (a.includes('ssm') && a.some((x) => x.startsWith('get-parameter')) && a.includes('--with-decryption'))
      );
    case 'gcloud':
      return has('auth', 'print-access-token') || has('auth', 'print-identity-token') || has('secrets', 'versions', 'access');
    case 'az':
      return has('account', 'get-access-token') || has('keyvault', 'secret', 'show');
    case 'vault':
      return a[0] === 'read' || (a[0] === 'kv' && a[1] === 'get') || (a[0] === 'write' && /^auth\//.test(a[1] ?? '')) || has('token', 'create') || a[0] === 'login';
    case 'op':
      return a[0] === 'read';
    case 'gh':
      return has('auth', 'token');
    case 'kubectl': {
      if (!(has('get', 'secret') || has('get', 'secrets'))) return false;
      // Without an output format kubectl prints a table of names; `-o name` and templates reading `.metadata` print no data.
      const joined = a.join(' ');
      if (!/(?:^|\s)(?:-o|--output)/.test(joined)) return false;
      return !/(?:^|\s)(?:-o|--output)[= ]?name(?:\s|$)|\.metadata\b/.test(joined);
    }
    case 'doppler':
      return has('secrets', 'get');
    case 'jq':
      // A field named like a credential; not pagination (`.NextToken`) or usage counts (`.usage.prompt_tokens`).
      return a.some((x) => /^\.?[\w.[\]"]*(?:token|secret|password|credentials|accesskey|access_key|secretaccesskey|private_key)/i.test(x) && !x.startsWith('-') && !/(?:next_?token|continuation_?token|page_?token|_tokens\b|token_?count|tokens_?used|max_?tokens)/i.test(x));
    default:
      return false;
  }
}

/** Commands that transform a value (a secret decoded or parsed is no longer masked). */
export function isTransform(cmd: Command): boolean {
  const name = commandName(cmd);
  if (name === 'base64') return cmd.args.some((w) => /^(?:-d|--decode|-D)$/.test(w.value));
  return name === 'jq' || name === 'xxd' || name === 'openssl' || name === 'yq';
}

/** `set -x`, `set -o xtrace`, `bash -x`, `Set-PSDebug -Trace 1`: the word that enables tracing. */
export function xtraceWord(cmd: Command): Word | undefined {
  const name = commandName(cmd);
  const args = cmd.args.slice(1);
  if (name === 'set') {
    for (let i = 0; i < args.length; i++) {
      if (/^-[a-zA-Z]*x[a-zA-Z]*$/.test(args[i].value)) return args[i];
      if (args[i].value === '-o' && args[i + 1]?.value === 'xtrace') return args[i + 1];
    }
  }
  if (name === 'bash' || name === 'sh' || name === 'zsh') return args.find((w) => /^-[a-zA-Z]*x[a-zA-Z]*$/.test(w.value));
  if (name === 'set-psdebug') {
    const i = args.findIndex((w) => /^-trace$/i.test(w.value));
    if (i >= 0 && /^[12]$/.test(args[i + 1]?.value ?? '')) return args[i];
  }
  return undefined;
}
