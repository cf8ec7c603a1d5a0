/**
 * Finds the first commit that added a secret, for the leak-response note ("committed in <sha> on
 * <date>: removing it is not enough, rotate it").
 *
 * Safety: the value never goes on a command line, in the environment or in a log. git streams the
 * history (`git log -p`) and the search runs in this process. Only ever called for trusted
 * workspaces (a repository's own config can make git run programs); textconv and external diff
 * drivers are disabled anyway. Bounded by time and bytes: a huge history gives "not determined".
 */
import { spawn } from 'node:child_process';

export interface CommitInfo {
  shortSha: string;
  date: string;
}

export interface HistoryOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

/** Resolves the oldest commit whose diff adds a line holding `value`; undefined when none or unknown. */
export function firstCommitAdding(repoRoot: string, value: string, options: HistoryOptions = {}): Promise<CommitInfo | undefined> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
  // A multi-line value (a private key) is searched by its longest line.
  const needle = value.split(/\r?\n/).reduce((a, b) => (b.length > a.length ? b : a), '');
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(
        'git',
        ['-c', 'core.quotepath=off', 'log', '--all', '--reverse', '-p', '--no-color', '--no-ext-diff', '--no-textconv', '--format=%x00commit %h %as'],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0' } },
      );
    } catch {
      resolve(undefined);
      return;
    }
    let current: CommitInfo | undefined;
    let carry = '';
    let bytes = 0;
    let settled = false;
    const done = (result: CommitInfo | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill();
      resolve(result);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    child.on('error', () => done(undefined));
    child.on('close', () => done(undefined));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(undefined);
      const lines = (carry + chunk).split('\n');
      carry = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('\u0000commit ')) {
          const [, sha, date] = line.slice(1).split(' ');
          current = { shortSha: sha, date };
        } else if (current && line.startsWith('+') && !line.startsWith('+++') && line.includes(needle)) {
          return done(current);
        }
      }
    });
  });
}
