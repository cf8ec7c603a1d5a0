/**
 * GitHub Actions expressions that only test a secret: `${{ secrets.TOKEN != '' }}`,
 * `${{ !secrets.TOKEN }}`, `${{ secrets.TOKEN && 'deploy' || 'dry-run' }}`. They evaluate to a
 * boolean or a fixed string, never to the secret, so printing or passing them exposes nothing.
 */
const SECRET = /!?\s*\bsecrets\s*(?:\.\s*[A-Za-z_][A-Za-z0-9_-]*|\[\s*(?:'[^']*'|"[^"]*")\s*\])/g;

export function onlyTestsSecrets(expression: string): boolean {
  let any = false;
  let leaks = false;
  for (const m of expression.matchAll(SECRET)) {
    any = true;
    const after = expression.slice(m.index! + m[0].length);
    const negated = m[0].startsWith('!');
    const compared = /^\s*(?:==|!=|<=|>=|<|>)/.test(after) || /(?:==|!=|<=|>=|<|>)\s*$/.test(expression.slice(0, m.index));
    const chooses = /^\s*&&\s*(?:'[^']*'|"[^"]*"|true|false|\d+)\s*(?:\|\||[)}]|$)/.test(after);
    if (!negated && !compared && !chooses) leaks = true;
  }
  return any && !leaks;
}
