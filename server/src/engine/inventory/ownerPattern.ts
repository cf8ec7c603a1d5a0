/**
 * A CODEOWNERS pattern as one regular expression over a workspace-relative file path. Patterns follow
 * gitignore rules (what GitHub and GitLab document, and what the `ignore` package implements): a
 * pattern with a slash before its end is anchored at the root, otherwise it matches at any depth; a
 * trailing slash matches directories only; `*` and `?` stay within a path segment, `**` crosses them;
 * and a pattern that matches a directory owns every file under it. Paths are case-sensitive, as on
 * GitHub and GitLab (the `ignore` package compares ignoring case by default), and `[!a]` negates a
 * class as in git. Compiled once, a path is one
 * regex test per rule (the `ignore` package tested each parent directory in turn: 35 µs a path for
 * ten rules, on the thread that answers the editor). test/unit/ownerPattern.test.ts compares both.
 */

/** The regex for `pattern`, or undefined when it can never match a file (negation, empty). */
export function compileOwnerPattern(pattern: string): RegExp | undefined {
  let p = pattern;
  if (p.startsWith('!') || p === '') return undefined; // no negation in CODEOWNERS
  if (p.startsWith('\\!') || p.startsWith('\\#')) p = p.slice(1);
  // Trailing spaces are ignored unless escaped.
  p = p.replace(/(?<!\\)\s+$/, '');
  const directoryOnly = p.endsWith('/');
  if (directoryOnly) p = p.replace(/\/+$/, '');
  if (p === '') return undefined;
  const anchored = p.includes('/');
  // `x/**/`: every directory in x, zero deep included: x itself.
  if (directoryOnly) p = p.replace(/(?<=.)\/\*\*$/, '');
  p = p.replace(/^\/+/, '');
  const body = translate(p);
  const start = anchored ? '^' : '^(?:.*/)?';
  const end = directoryOnly ? '/.*$' : '(?:/.*)?$';
  return new RegExp(start + body + end);
}

/** The glob as a regex source: `**` segments, `*`, `?`, `[...]` classes and escapes. */
function translate(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      let stars = 1;
      while (glob[i + stars] === '*') stars++;
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      const atSegmentEnd = i + stars === glob.length || glob[i + stars] === '/';
      if (stars >= 2 && atSegmentStart && atSegmentEnd) {
        if (i + stars === glob.length) out += i === 0 ? '.*' : '.+'; // `a/**`: everything inside a
        else {
          out += '(?:.*/)?'; // `**/` : zero or more directories
          stars++; // the slash after it is part of the group
        }
      } else out += '[^/]*';
      i += stars - 1;
    } else if (c === '?') out += '[^/]';
    else if (c === '\\' && i + 1 < glob.length) out += escape(glob[++i]);
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        let set = glob.slice(i + 1, close);
        if (set.startsWith('!')) set = `^${set.slice(1)}`;
        out += `[${set.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += escape(c);
  }
  return out;
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
