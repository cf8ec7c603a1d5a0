/**
 * The key of the object that holds a vague name: `"Jwt": { "Key": "v" }` (ASP.NET's appsettings.json),
 * `jwt:\n  key: v` in YAML. `Key` alone is too vague to call its value a secret; `Jwt.Key` is not.
 * The search stays within `maxLines` lines above the name, so a finding still depends only on the
 * lines the generic detector's edit reuse re-examines (see assignmentAnalyzer).
 */
import type { FileKind } from './fileKinds';

const JSON_KEY_BEFORE_BRACE = /"([A-Za-z_][\w.-]{0,63})"\s*:\s*$/;
const YAML_PARENT = /^([ \t]*)([A-Za-z_][\w.-]{0,63}):[ \t]*(?:#.*)?$/;

/**
 * Names whose value is a secret only by their parent's name: `"Jwt": {"Key": v}`. (The other way
 * round, a secret name whose value sits in a `value` / `Default` child, as in ARM parameter files
 * and CloudFormation, is read from the name down: see childValue in extract.ts.)
 */
export const VAGUE_NAMES = /^(?:key|Key|KEY)$/;

export function parentKeyOf(text: string, nameStart: number, lineStart: number, searchFrom: number, kind: FileKind, yaml: boolean): string | undefined {
  if (kind === 'json') return jsonParent(text, nameStart, searchFrom);
  if (yaml) return yamlParent(text, nameStart, lineStart, searchFrom);
  return undefined;
}

/** Walks back to the `{` that opens the name's object (strings are not parsed: configuration keys hold no braces). */
function jsonParent(text: string, nameStart: number, searchFrom: number): string | undefined {
  let depth = 0;
  for (let i = nameStart - 1; i >= searchFrom; i--) {
    const c = text.charCodeAt(i);
    if (c === 125 /* } */ || c === 93 /* ] */) depth++;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (depth === 0) {
        if (c === 91) return undefined; // an array element: no key
        const m = JSON_KEY_BEFORE_BRACE.exec(text.slice(Math.max(searchFrom, i - 80), i));
        return m?.[1];
      }
      depth--;
    }
  }
  return undefined;
}

/** The nearest line above with less indentation, when it is a `key:` opening a mapping. */
function yamlParent(text: string, nameStart: number, lineStart: number, searchFrom: number): string | undefined {
  const indent = nameStart - lineStart;
  if (/[^ \t-]/.test(text.slice(lineStart, nameStart))) return undefined; // not a plain mapping key
  let end = lineStart - 1;
  while (end > searchFrom) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (start < searchFrom) return undefined;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      const lead = line.length - line.trimStart().length;
      if (lead < indent) {
        const m = YAML_PARENT.exec(line);
        return m ? m[2] : undefined;
      }
    }
    end = start - 1;
  }
  return undefined;
}
