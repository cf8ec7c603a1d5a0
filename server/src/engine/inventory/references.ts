/**
 * Secret references: the places a file uses a managed secret by name rather than holding it.
 * Pure text scan: a keyword prefilter, then small regexes on the lines that hold a hit.
 */
import { KeywordPrefilter } from '../prefilter';

export type ReferenceKind =
  | 'github-secret'
  | 'env-read'
  | 'vault'
  | '1password'
  | 'aws-secrets-manager'
  | 'gcp-secret-manager'
  | 'azure-key-vault'
  | 'k8s-secret-ref'
  | 'ci-variable';

export interface SecretReference {
  /** Logical name (e.g. `NPM_TOKEN`, `prod/db/password`). */
  name: string;
  kind: ReferenceKind;
  start: number;
  end: number;
}

interface ReferencePattern {
  kind: ReferenceKind;
  keywords: string[];
  /** Global regex; group `name` is the logical name. */
  regex: RegExp;
  /** Only names that look like secrets count (env reads of PATH or HOME do not). */
  secretLikeOnly?: boolean;
}

/** A name that holds a secret: token, password, key, secret, credential... */
export const SECRET_LIKE_NAME =
  /(?:^|[_.\-/]|[a-z](?=[A-Z]))(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?|auth|dsn|connection[_-]?string|webhook)(?:$|[_.\-/]|[A-Z0-9])/i;

const PATTERNS: ReferencePattern[] = [
  { kind: 'github-secret', keywords: ['secrets.'], regex: /\$\{\{[^}]*?\bsecrets\.(?<name>[A-Za-z_][A-Za-z0-9_]*)/g },
  { kind: 'github-secret', keywords: ['secrets['], regex: /\bsecrets\[\s*'(?<name>[A-Za-z_][A-Za-z0-9_]*)'\s*\]/g },
  { kind: 'env-read', keywords: ['process.env'], regex: /\bprocess\.env(?:\.(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[\s*["'](?<name2>[A-Za-z_][A-Za-z0-9_]*)["']\s*\])/g, secretLikeOnly: true },
  { kind: 'env-read', keywords: ['os.environ', 'os.getenv', 'os.environ.get'], regex: /\bos\.(?:environ(?:\.get)?\s*[\[(]\s*|getenv\(\s*)["'](?<name>[A-Za-z_][A-Za-z0-9_]*)["']/g, secretLikeOnly: true },
  { kind: 'env-read', keywords: ['getenv'], regex: /\b(?:System\.getenv|os\.Getenv|getenv)\(\s*["'](?<name>[A-Za-z_][A-Za-z0-9_]*)["']/g, secretLikeOnly: true },
  { kind: 'env-read', keywords: ['env[', 'env.fetch'], regex: /\bENV(?:\.fetch\(\s*|\[\s*)["'](?<name>[A-Za-z_][A-Za-z0-9_]*)["']/g, secretLikeOnly: true },
  { kind: 'env-read', keywords: ['getenvironmentvariable'], regex: /\bEnvironment\.GetEnvironmentVariable\(\s*"(?<name>[A-Za-z_][A-Za-z0-9_]*)"/g, secretLikeOnly: true },
  { kind: 'env-read', keywords: ['env::var'], regex: /\benv::var\(\s*"(?<name>[A-Za-z_][A-Za-z0-9_]*)"/g, secretLikeOnly: true },
  { kind: 'ci-variable', keywords: ['$'], regex: /\$(?:\{(?<name>[A-Z][A-Z0-9_]{2,})\}|\((?<name2>[A-Za-z][A-Za-z0-9_.]{2,})\)|(?<name3>[A-Z][A-Z0-9_]{2,})\b)/g, secretLikeOnly: true },
  { kind: 'vault', keywords: ['vault:'], regex: /\bvault:(?<name>[A-Za-z0-9_\-/]+(?:#[A-Za-z0-9_\-]+)?)/g },
  { kind: '1password', keywords: ['op://'], regex: /\bop:\/\/(?<name>[A-Za-z0-9_\-. ]+\/[A-Za-z0-9_\-. ]+(?:\/[A-Za-z0-9_\-. ]+)+)/g },
  { kind: 'aws-secrets-manager', keywords: ['resolve:secretsmanager:'], regex: /\{\{resolve:secretsmanager:(?<name>[A-Za-z0-9_\-/+=.@]+)/g },
  { kind: 'aws-secrets-manager', keywords: [':secretsmanager:'], regex: /arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:(?<name>[A-Za-z0-9_\-/+=.@]+)/g },
  { kind: 'gcp-secret-manager', keywords: ['/secrets/'], regex: /projects\/[A-Za-z0-9_\-]+\/secrets\/(?<name>[A-Za-z0-9_\-]+)/g },
  { kind: 'azure-key-vault', keywords: ['@microsoft.keyvault('], regex: /@Microsoft\.KeyVault\((?:SecretUri=https:\/\/[A-Za-z0-9\-]+\.vault\.azure\.net\/secrets\/(?<name>[A-Za-z0-9\-]+)|VaultName=[A-Za-z0-9\-]+;\s*SecretName=(?<name2>[A-Za-z0-9\-]+))/gi },
  { kind: 'azure-key-vault', keywords: ['.vault.azure.net/secrets/'], regex: /https:\/\/[A-Za-z0-9\-]+\.vault\.azure\.net\/secrets\/(?<name>[A-Za-z0-9\-]+)/g },
  { kind: 'k8s-secret-ref', keywords: ['secretkeyref'], regex: /secretKeyRef:\s*(?:\n\s*)?(?:name:\s*["']?(?<name>[a-z0-9][a-z0-9.\-]*)["']?)?/g },
];

const prefilter = new KeywordPrefilter([...new Set(PATTERNS.flatMap((p) => p.keywords))]);
const patternsByKeyword = new Map<string, ReferencePattern[]>();
for (const p of PATTERNS) for (const k of p.keywords) patternsByKeyword.set(k, [...(patternsByKeyword.get(k) ?? []), p]);

const MAX_LINE = 4096;

/** Finds secret references in one file's text, in text order, without duplicates. */
export function findSecretReferences(text: string): SecretReference[] {
  // Collect (line start, pattern) pairs to run, each line once per pattern.
  const work = new Map<ReferencePattern, Set<number>>();
  prefilter.scan(text, (k, start) => {
    const lineStart = text.lastIndexOf('\n', start) + 1;
    for (const p of patternsByKeyword.get(prefilter.keywords[k]) ?? []) {
      let set = work.get(p);
      if (!set) work.set(p, (set = new Set()));
      set.add(lineStart);
    }
  });
  const refs: SecretReference[] = [];
  const seen = new Set<string>();
  for (const [pattern, starts] of work) {
    for (const lineStart of starts) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      if (lineEnd - lineStart > MAX_LINE) continue;
      // k8s secretKeyRef puts the name on the next line: give that pattern two lines.
      if (pattern.kind === 'k8s-secret-ref') {
        const next = text.indexOf('\n', lineEnd + 1);
        lineEnd = next === -1 ? text.length : next;
      }
      const line = text.slice(lineStart, lineEnd);
      pattern.regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = pattern.regex.exec(line)) !== null) {
        const g = m.groups ?? {};
        const name = g.name ?? g.name2 ?? g.name3;
        if (!name) continue;
        if (pattern.secretLikeOnly && !SECRET_LIKE_NAME.test(name)) continue;
        const start = lineStart + m.index;
        const key = `${start}:${name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        refs.push({ name, kind: pattern.kind, start, end: start + m[0].length });
      }
    }
  }
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  // Two patterns may see the same use (a Key Vault reference and its URL): keep the outer one.
  return refs.filter((r, i) => !refs.slice(Math.max(0, i - 4), i).some((o) => o.name === r.name && o.end > r.start));
}
