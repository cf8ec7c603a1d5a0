/**
 * Per-file facts for the inventory: the hard-coded secrets (masked) and the references a file holds,
 * with the environment each one runs in. Computed once per file version and cached by the index.
 */
import type { Finding } from '../types';
import type { LineIndex } from '../text/lineIndex';
import { LITERAL_SECRET_RULE_IDS } from '../pipeline/rules';
import { findSecretReferences, type ReferenceKind } from './references';

export interface HardCodedFact {
  name: string;
  ruleId: string;
  title: string;
  provider?: string;
  preview: string;
  fingerprint: string;
  line: number;
  character: number;
  startOffset: number;
  endOffset: number;
}

export interface ReferenceFact {
  name: string;
  kind: ReferenceKind;
  line: number;
  character: number;
  startOffset: number;
  endOffset: number;
  environment?: string;
}

export interface FileFacts {
  path: string;
  hardCoded: HardCodedFact[];
  references: ReferenceFact[];
  /** Environments named by the path (prod/, staging/...) for occurrences without a job environment. */
  pathEnvironment?: string;
}

/** `apiKey` -> `API_KEY`, `db.password` -> `DB_PASSWORD`. */
export function toEnvName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

const PATH_ENVIRONMENTS: [RegExp, string][] = [
  [/(?:^|[/._-])(?:prod|production|prd)(?:[/._-]|$)/i, 'production'],
  [/(?:^|[/._-])(?:staging|stage|stg|preprod)(?:[/._-]|$)/i, 'staging'],
  [/(?:^|[/._-])(?:dev|development)(?:[/._-]|$)/i, 'development'],
];

export function environmentFromPath(path: string): string | undefined {
  for (const [re, env] of PATH_ENVIRONMENTS) if (re.test(path)) return env;
  return undefined;
}

/**
 * YAML job environments (GitHub `environment: prod` or `environment: {name: prod}` / `name:` on the
 * next line; GitLab `environment: prod` / `name:`): each applies to the lines of its enclosing block.
 */
function environmentBlocks(lines: LineIndex): { from: number; to: number; name: string }[] {
  const blocks: { from: number; to: number; name: string }[] = [];
  const indentOf = (line: number) => {
    const t = lines.lineText(line);
    return t.trim() ? t.length - t.trimStart().length : -1;
  };
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const m = /^(\s*)environment:\s*(.*)$/.exec(text);
    if (!m) continue;
    let name = m[2].replace(/^\{\s*name:\s*/, '').replace(/[}"'\s].*$/, '');
    if (!name && line + 1 < lines.lineCount) {
      const next = /^\s*name:\s*["']?([\w.-]+)/.exec(lines.lineText(line + 1));
      if (next) name = next[1];
    }
    if (!name || name.startsWith('$')) continue;
    const indent = m[1].length;
    let from = line;
    while (from > 0 && (indentOf(from - 1) === -1 || indentOf(from - 1) >= indent)) from--;
    from = Math.max(0, from - 1);
    const blockIndent = indentOf(from);
    let to = line + 1;
    while (to < lines.lineCount && (indentOf(to) === -1 || indentOf(to) > blockIndent)) to++;
    blocks.push({ from, to, name });
  }
  return blocks;
}

/** The logical name of a hard-coded finding: suggested by its rule, or the name it was assigned to. */
function nameOf(f: Finding): string {
  const d = f.data ?? {};
  if (typeof d.suggestedName === 'string' && d.suggestedName) return d.suggestedName;
  for (const key of [d.keyName, d.variable, d.secretName]) if (typeof key === 'string' && key) return toEnvName(key);
  return toEnvName(f.ruleId);
}

export function collectFileFacts(path: string, text: string, lines: LineIndex, findings: readonly Finding[]): FileFacts {
  const hardCoded: HardCodedFact[] = findings
    .filter((f) => f.kind === 'secret' || LITERAL_SECRET_RULE_IDS.has(f.ruleId))
    .map((f) => ({
      name: nameOf(f),
      ruleId: f.ruleId,
      title: f.title,
      provider: f.data?.provider,
      preview: f.preview,
      fingerprint: f.fingerprint,
      line: f.range.start.line,
      character: f.range.start.character,
      startOffset: f.startOffset,
      endOffset: f.endOffset,
    }));
  const isYaml = /\.ya?ml$/i.test(path);
  const blocks = isYaml ? environmentBlocks(lines) : [];
  const references: ReferenceFact[] = findSecretReferences(text).map((r) => {
    const pos = lines.positionAt(r.start);
    const block = blocks.find((b) => pos.line >= b.from && pos.line < b.to);
    return { name: r.name, kind: r.kind, line: pos.line, character: pos.character, startOffset: r.start, endOffset: r.end, environment: block?.name };
  });
  return { path, hardCoded, references, pathEnvironment: environmentFromPath(path) };
}
