import { CODE_CONTEXTS, fileContext } from './context';
import { applyEdits, editsAreDisjoint } from './edits';
import type { Fix, FixInput } from './types';
import { parseYaml } from './yamlLocate';

/** Counts of (), [], {} outside strings and comments are not tracked: a cheap balance check. */
export function bracketsBalanced(text: string): boolean {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote || (c === '\n' && quote !== '`')) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c in pairs) {
      if (stack.pop() !== pairs[c]) return false;
    }
  }
  return stack.length === 0;
}

/** Whether the document still parses the way it did before, judged by its format. */
export function stillParses(path: string, before: string, after: string): boolean {
  const context = fileContext(path, before);
  if (/\.ya?ml$/i.test(path)) return !parseYaml(before) || !!parseYaml(after);
  if (/\.json$/i.test(path)) {
    try {
      JSON.parse(before);
    } catch {
      return true;
    }
    try {
      JSON.parse(after);
      return true;
    } catch {
      return false;
    }
  }
  if (CODE_CONTEXTS.has(context) || context === 'jenkins' || context === 'terraform') {
    return !bracketsBalanced(before) || bracketsBalanced(after);
  }
  return true;
}

/** A fix is kept only when its document edits are disjoint and the result still parses. */
export function verifyFix(input: FixInput, fix: Fix): boolean {
  const doc = fix.files.find((f) => f.path === input.path);
  if (!doc) return true;
  if (!editsAreDisjoint(doc.edits)) return false;
  return stillParses(input.path, input.text, applyEdits(input.text, doc.edits));
}
