/** What kind of file a fix edits, from its path (and a glance at the text where the path is not enough). */
export type FileContext =
  | 'github-actions' | 'gitlab-ci' | 'azure-pipelines' | 'circleci' | 'bitbucket' | 'jenkins'
  | 'dockerfile' | 'compose' | 'kubernetes' | 'cloudformation' | 'terraform' | 'azure-arm' | 'dotenv'
  | 'js' | 'python' | 'go' | 'java' | 'csharp' | 'ruby' | 'php' | 'rust' | 'shell' | 'pwsh'
  | 'yaml' | 'json' | 'config'
  /** Credential stores read as they are (.pgpass, .netrc, .git-credentials): nothing expands a reference. */
  | 'credential-store';

/** Files whose format cannot refer to an environment variable or a secret manager. */
const CREDENTIAL_STORES = new Set(['.pgpass', 'pgpass.conf', '.netrc', '_netrc', '.git-credentials', 'userlist.txt', 'sasl_passwd']);

const CODE_EXTENSIONS: Record<string, FileContext> = {
  js: 'js', mjs: 'js', cjs: 'js', jsx: 'js', ts: 'js', mts: 'js', cts: 'js', tsx: 'js', vue: 'js', svelte: 'js',
  py: 'python', pyw: 'python',
  go: 'go',
  java: 'java', kt: 'java', kts: 'java', groovy: 'java', scala: 'java',
  cs: 'csharp',
  rb: 'ruby', rake: 'ruby',
  php: 'php',
  rs: 'rust',
  sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell',
  ps1: 'pwsh', psm1: 'pwsh',
  tf: 'terraform', tfvars: 'terraform', hcl: 'terraform',
  bicep: 'azure-arm',
  yml: 'yaml', yaml: 'yaml',
  json: 'json', jsonc: 'json',
};

export function fileContext(path: string, text: string): FileContext {
  const lower = path.toLowerCase();
  const base = lower.slice(lower.lastIndexOf('/') + 1);
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(lower) || /(^|\/)action\.ya?ml$/.test(lower)) return 'github-actions';
  if (/(^|[./])gitlab-ci\.ya?ml$/.test(base) || /(^|\/)\.gitlab\/ci\//.test(lower)) return 'gitlab-ci';
  if (/^azure-pipelines.*\.ya?ml$/.test(base) || /(^|\/)\.azure-?pipelines\//.test(lower)) return 'azure-pipelines';
  if (/(^|\/)\.circleci\/[^/]+\.ya?ml$/.test(lower)) return 'circleci';
  if (base === 'bitbucket-pipelines.yml') return 'bitbucket';
  if (base === 'jenkinsfile' || base.endsWith('.jenkinsfile') || base.startsWith('jenkinsfile.')) return 'jenkins';
  if (base === 'dockerfile' || base.startsWith('dockerfile.') || base.endsWith('.dockerfile') || base === 'containerfile') return 'dockerfile';
  if (/^(docker-)?compose(\.[^.]+)?\.ya?ml$/.test(base)) return 'compose';
  if (base === '.env' || base.startsWith('.env.') || ext === 'env') return 'dotenv';
  if (CREDENTIAL_STORES.has(base) || /(^|\/)config\/(master|credentials\/[\w.-]+)\.key$/.test(lower)) return 'credential-store';
  const byExt = CODE_EXTENSIONS[ext];
  if (byExt === 'yaml' || byExt === 'json') {
    if (/AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?AWS::/.test(text)) return 'cloudformation';
    if (byExt === 'json' && /Microsoft\.(Web|Resources)\/|deploymentTemplate\.json|"appSettings"/i.test(text)) return 'azure-arm';
    if (byExt === 'yaml' && /^\s*apiVersion:/m.test(text) && /^\s*kind:/m.test(text)) return 'kubernetes';
    return byExt;
  }
  if (byExt) return byExt;
  if (/^#!.*\b(ba|z|k)?sh\b/.test(text)) return 'shell';
  if (/^#!.*\bpython/.test(text)) return 'python';
  if (/^#!.*\bnode\b/.test(text)) return 'js';
  return 'config';
}

export const CODE_CONTEXTS = new Set<FileContext>(['js', 'python', 'go', 'java', 'csharp', 'ruby', 'php', 'rust']);

/** A string literal around a span: offsets of the opening and closing quote characters. */
export interface StringLiteral {
  quote: string;
  /** Offset of the opening quote (after any prefix such as f, r, b, @). */
  open: number;
  /** Offset of the closing quote. */
  close: number;
  /** Prefix letters before the quote (`f`, `r`, `b`, `@`, `$`...), possibly empty. */
  prefix: string;
}

/**
 * Finds the string literal on the span's line that encloses [start, end), scanning quotes from the
 * line start with backslash escapes. `quotes` lists the quote characters of the language.
 */
export function enclosingString(text: string, start: number, end: number, quotes = `"'\``, escapes = true): StringLiteral | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  let i = lineStart;
  while (i < lineEnd) {
    const c = text[i];
    if (quotes.includes(c)) {
      const triple = (c === '"' || c === "'") && text.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      let j = i + q.length;
      while (j < lineEnd && !text.startsWith(q, j)) j += escapes && text[j] === '\\' && c !== '`' ? 2 : escapes && text[j] === '\\' ? 2 : 1;
      if (j >= lineEnd) return undefined;
      if (i < start && j >= end) {
        let p = i;
        while (p > lineStart && /[A-Za-z@$]/.test(text[p - 1]) && i - p < 3) p--;
        return { quote: q, open: i + q.length - 1, close: j, prefix: text.slice(p, i) };
      }
      if (j >= end) return undefined;
      i = j + q.length;
      continue;
    }
    if (i >= start) return undefined;
    i++;
  }
  return undefined;
}
