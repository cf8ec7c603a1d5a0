import { sha1Hex } from './mask';
import type { LineIndex } from './text/lineIndex';

/**
 * Suppressions that survive edits. Inline markers are read from the text; committed files are parsed
 * by the adapters (LSP, CLI) with the parsers below and passed in as a SuppressionIndex.
 */
export interface SuppressionIndex {
  /** Fingerprints from `.secret-hygiene-ignore`. */
  fingerprints: Set<string>;
  /** detect-secrets `.secrets.baseline`: file path -> SHA-1 hashes of allowed secrets. */
  baselineHashes: Map<string, Set<string>>;
  /** `.gitleaksignore`: `file:line` (1-based) keys; gitleaks keys findings on file, rule and line. */
  gitleaksLines: Set<string>;
}

export const IGNORE_FILE = '.secret-hygiene-ignore';

/** Committed files whose contents suppress findings, each with its parser. */
export const SUPPRESSION_FILE_PARSERS: Readonly<Record<string, (text: string, into: SuppressionIndex) => SuppressionIndex>> = {
  [IGNORE_FILE]: (text, into) => parseIgnoreFile(text, into),
  '.gitleaksignore': (text, into) => parseGitleaksIgnore(text, into),
  '.secrets.baseline': (text, into) => parseSecretsBaseline(text, into),
};

export const SUPPRESSION_FILE_NAMES: readonly string[] = Object.keys(SUPPRESSION_FILE_PARSERS);

/** One SuppressionIndex from the suppression files `read` returns (undefined: the file is absent). */
export function buildSuppressions(read: (fileName: string) => string | undefined): SuppressionIndex {
  const index = emptySuppressions();
  for (const name of SUPPRESSION_FILE_NAMES) {
    const text = read(name);
    if (text !== undefined) SUPPRESSION_FILE_PARSERS[name](text, index);
  }
  return index;
}
export const PROJECT_MARKER = 'secret-hygiene:ignore';

export function emptySuppressions(): SuppressionIndex {
  return { fingerprints: new Set(), baselineHashes: new Map(), gitleaksLines: new Set() };
}

/**
 * `.secret-hygiene-ignore`: one fingerprint per line, optionally followed by a comment
 * (`# rule path`); blank lines and lines starting with `#` are ignored.
 */
export function parseIgnoreFile(text: string, into = emptySuppressions()): SuppressionIndex {
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([0-9a-f]{16,64})\b/i.exec(line);
    if (m) into.fingerprints.add(m[1].toLowerCase());
  }
  return into;
}

/** `.gitleaksignore`: `[commit:]file:rule-id:line` per line. Matched on file and line. */
export function parseGitleaksIgnore(text: string, into = emptySuppressions()): SuppressionIndex {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:[0-9a-f]{7,40}:)?(.+):[^:]+:(\d+)$/i.exec(line);
    if (m) into.gitleaksLines.add(`${m[1]}:${m[2]}`);
  }
  return into;
}

/** detect-secrets `.secrets.baseline` (JSON). Entries audited as real secrets are not suppressed. */
export function parseSecretsBaseline(text: string, into = emptySuppressions()): SuppressionIndex {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return into;
  }
  const results = (json as { results?: Record<string, unknown> } | null)?.results;
  if (!results || typeof results !== 'object') return into;
  for (const [file, entries] of Object.entries(results)) {
    if (!Array.isArray(entries)) continue;
    for (const e of entries as { hashed_secret?: unknown; is_secret?: unknown }[]) {
      if (typeof e?.hashed_secret !== 'string' || e.is_secret === true) continue;
      let set = into.baselineHashes.get(file);
      if (!set) into.baselineHashes.set(file, (set = new Set()));
      set.add(e.hashed_secret.toLowerCase());
    }
  }
  return into;
}

const SAME_LINE_MARKERS = [
  'gitleaks:allow',
  'pragma: allowlist secret',
  'secretlint-disable-line',
  'trufflehog:ignore',
  'ggignore',
];
const NEXT_LINE_MARKERS = ['pragma: allowlist nextline secret', 'secretlint-disable-next-line'];

/** True when an inline marker on the finding's lines (or the line before) silences `ruleId`. */
export function hasInlineMarker(lines: LineIndex, startLine: number, endLine: number, ruleId: string): boolean {
  const lastLine = Math.min(endLine, startLine + 1); // a marker after a multi-line value's first line
  for (let line = startLine; line <= lastLine; line++) {
    const text = lines.lineText(line);
    if (text.length > 4096) continue;
    if (SAME_LINE_MARKERS.some((m) => text.includes(m))) return true;
    if (projectMarkerApplies(text, PROJECT_MARKER, ruleId)) return true;
  }
  if (startLine > 0) {
    const previous = lines.lineText(startLine - 1);
    if (previous.length <= 4096) {
      if (NEXT_LINE_MARKERS.some((m) => previous.includes(m))) return true;
      if (projectMarkerApplies(previous, `${PROJECT_MARKER}-next-line`, ruleId)) return true;
    }
  }
  return false;
}

/**
 * `secret-hygiene:ignore` silences every rule on the line; `secret-hygiene:ignore rule-a,rule-b`
 * only the named rules. `secret-hygiene:ignore-next-line [rules]` does the same for the next line.
 */
function projectMarkerApplies(lineText: string, marker: string, ruleId: string): boolean {
  let at = lineText.indexOf(marker);
  while (at !== -1) {
    const after = lineText.slice(at + marker.length);
    if (!after.startsWith('-next-line') || marker.endsWith('-next-line')) {
      const named = /^[ \t]+([a-z0-9][a-z0-9-]*(?:[ \t]*,[ \t]*[a-z0-9][a-z0-9-]*)*)/.exec(after);
      if (!named) return true;
      if (named[1].split(',').map((s) => s.trim()).includes(ruleId)) return true;
    }
    at = lineText.indexOf(marker, at + 1);
  }
  return false;
}

/** True when a committed file suppresses this finding. */
export function isSuppressedByFiles(
  index: SuppressionIndex,
  path: string,
  fingerprint: string,
  value: string,
  startLine: number,
): boolean {
  if (index.fingerprints.has(fingerprint)) return true;
  if (index.gitleaksLines.size > 0 && index.gitleaksLines.has(`${path}:${startLine + 1}`)) return true;
  const hashes = index.baselineHashes.get(path);
  if (hashes && hashes.has(sha1Hex(value))) return true;
  return false;
}
