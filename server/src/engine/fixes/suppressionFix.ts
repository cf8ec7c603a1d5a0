import { IGNORE_FILE, PROJECT_MARKER } from '../suppression';
import { enclosingString, fileContext, type FileContext } from './context';
import type { Fix, FixInput } from './types';
import { appendLines } from './workspaceFiles';

const SLASH_COMMENT = new Set<FileContext>(['js', 'go', 'java', 'csharp', 'rust', 'php', 'jenkins', 'azure-arm']);
const NO_COMMENT = new Set<FileContext>(['json', 'cloudformation']);

/** The comment that carries an inline marker in this file, or undefined when the format has none. */
export function lineComment(path: string, text: string, body: string): string | undefined {
  const context = fileContext(path, text);
  if (NO_COMMENT.has(context) && !/\.jsonc$/i.test(path)) return undefined;
  if (/\.(md|markdown|html?|xml|vue|svelte)$/i.test(path)) return `<!-- ${body} -->`;
  if (/\.(sql|lua)$/i.test(path)) return `-- ${body}`;
  if (SLASH_COMMENT.has(context) || /\.(jsonc|c|cc|cpp|h|hpp|swift|dart|scala|kt)$/i.test(path)) return `// ${body}`;
  return `# ${body}`;
}

/**
 * Suppressions, never preferred: an inline `secret-hygiene:ignore <rule>` comment at the end of the
 * finding's line, and the fingerprint appended to `.secret-hygiene-ignore`.
 */
export function suppressionFixes(input: FixInput): Fix[] {
  const { text, path, finding, workspace } = input;
  const fixes: Fix[] = [];
  const lineStart = text.lastIndexOf('\n', finding.startOffset - 1) + 1;
  let lineEnd = text.indexOf('\n', finding.startOffset);
  if (lineEnd === -1) lineEnd = text.length;
  if (lineEnd > lineStart && text[lineEnd - 1] === '\r') lineEnd--;
  const line = text.slice(lineStart, lineEnd);
  const comment = lineComment(path, text, `${PROJECT_MARKER} ${finding.ruleId}`);
  const context = fileContext(path, text);
  // A marker after a line continuation or inside an unterminated (multi-line) string would change the code.
  const unterminated = finding.kind === 'secret' && /[`'"]/.test(text[finding.startOffset - 1] ?? '') && !enclosingString(text, finding.startOffset, finding.endOffset);
  if (comment && !line.trimEnd().endsWith('\\') && !(unterminated && context !== 'dotenv')) {
    const at = lineStart + line.trimEnd().length;
    fixes.push({
      id: 'suppress-inline',
      title: `Ignore ${finding.ruleId} on this line (${PROJECT_MARKER} comment)`,
      category: 'suppression',
      preferred: false,
      files: [{ path, edits: [{ start: at, end: lineEnd, newText: ` ${comment}` }] }],
    });
  }
  const ignoreText = workspace.ignoreFileText;
  if (!ignoreText || !ignoreText.toLowerCase().includes(finding.fingerprint)) {
    fixes.push({
      id: 'suppress-file',
      title: `Ignore this value everywhere (add its fingerprint to ${IGNORE_FILE})`,
      category: 'suppression',
      preferred: false,
      files: [{ path, edits: [] }, appendLines(IGNORE_FILE, ignoreText, [`${finding.fingerprint} # ${finding.ruleId} ${path}`])],
    });
  }
  return fixes;
}
