/**
 * The leak-response checklist for one hard-coded secret, in Markdown. Names the provider's revoke
 * and rotate steps; the value never appears (masked preview and fingerprint only).
 */
export interface LeakFacts {
  ruleId: string;
  title: string;
  provider?: string;
  remediation: string;
  preview: string;
  fingerprint: string;
  path: string;
  line: number;
  /** First commit holding the value, when the workspace is trusted and git found it. */
  commit?: { shortSha: string; date: string };
  today: string;
}

/** One-line summary for hovers: committed secrets must be rotated, not just removed. */
export function historyNote(commit: LeakFacts['commit']): string | undefined {
  return commit ? `Committed in ${commit.shortSha} on ${commit.date}: removing it is not enough, rotate it.` : undefined;
}

export function renderLeakResponse(f: LeakFacts): string {
  const lines = [
    `# Leak response: ${f.title}`,
    '',
    `- Where: ${f.path}:${f.line + 1}`,
    `- Secret: ${f.preview} (fingerprint ${f.fingerprint}; the value is not repeated here)`,
    `- Rule: ${f.ruleId}${f.provider ? ` (${f.provider})` : ''}`,
    `- History: ${historyNote(f.commit) ?? 'not found in git history (or not checked: untrusted workspace or no repository). If the file was ever pushed, pushed branches, forks, caches and CI logs may still hold it: treat it as leaked.'}`,
    `- Opened: ${f.today}`,
    '',
    '## 1. Revoke and rotate (now)',
    '',
    `- [ ] ${f.remediation}`,
    '- [ ] Store the new value in the secret manager and update every consumer (CI secrets, deployments, local .env files).',
    '- [ ] Confirm the old value is rejected by the provider.',
    '',
    '## 2. Search for use and copies',
    '',
    '- [ ] Check the provider\'s audit or access logs for use of the old credential since it was committed.',
    '- [ ] Search CI job logs, build artifacts, container images and caches for the secret (search by the provider\'s key id or the fingerprint above, not by pasting the value into shared tools).',
    '- [ ] Check forks, mirrors and open pull requests that include the commit.',
    '',
    '## 3. Clean the history (after rotation, never instead of it)',
    '',
    '- [ ] Replace the literal with a reference (the quick fix keeps the value in your local, git-ignored .env).',
    '- [ ] If policy requires, rewrite history with git filter-repo (`--replace-text` with a file of values, kept out of the repository and deleted afterwards), force-push, and ask collaborators to re-clone; ask the hosting provider to purge cached views.',
    '',
    '## 4. Follow-ups',
    '',
    '- [ ] Record the rotation in .secrets-inventory.yml (owner, cadence, last rotated).',
    '- [ ] Add `secret-hygiene scan` to CI and pre-commit so the next one is stopped before it lands.',
    '- [ ] Short post-mortem: how it got in, who was notified, what prevents a repeat.',
    '',
  ];
  return lines.join('\n');
}
