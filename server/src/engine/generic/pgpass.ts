import type { Analyzer, ScanContext } from '../analyzer';
import { maskedPreview } from '../mask';
import { isRealPassword } from '../rules/saas/context';
import { isStoredPasswordHash } from '../values';
import type { RawFinding, RuleInfo } from '../types';

/**
 * PostgreSQL's password file (`~/.pgpass`, `%APPDATA%\postgresql\pgpass.conf`): one
 * `hostname:port:database:username:password` entry a line, `\:` and `\\` escaped. Nothing in such a
 * line names it (no keyword for the provider rules), so the file is recognised by its name.
 */
export const PGPASS_RULE: RuleInfo = {
  id: 'pgpass-password',
  title: 'password in a PostgreSQL .pgpass file',
  kind: 'secret',
  severity: 'error',
  provider: 'PostgreSQL',
  description: 'A .pgpass file holds database passwords in clear text; committed, it gives every reader of the repository those logins.',
  remediation:
    'Change the database users\' passwords (ALTER USER ... PASSWORD), remove the file from the repository and its history, and keep .pgpass in the home directory (mode 0600) or use PGPASSWORD from a secret store, or IAM / certificate authentication.',
};

const PGPASS_NAMES = new Set(['.pgpass', 'pgpass.conf']);

/** The fields of one entry, with their offsets in the line (escapes kept in the text, read in the values). */
function fieldsOf(line: string): { value: string; start: number; end: number }[] {
  const fields: { value: string; start: number; end: number }[] = [];
  let value = '';
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      value += line[++i];
    } else if (c === ':' && fields.length < 4) {
      fields.push({ value, start, end: i });
      value = '';
      start = i + 1;
    } else value += c;
  }
  fields.push({ value, start, end: line.length });
  return fields;
}

/**
 * Other password files recognised by name: PgBouncer's `userlist.txt` (`"user" "password"` a line)
 * and Postfix's `sasl_passwd` (`[relay]:port user:password` a line). Stored hashes (PgBouncer's
 * md5… and SCRAM-SHA-256$…) are not passwords.
 */
export const PASSWORD_FILE_RULE: RuleInfo = {
  id: 'password-file-entry',
  title: 'password in a service password file (PgBouncer userlist.txt, Postfix sasl_passwd)',
  kind: 'secret',
  severity: 'error',
  description: 'A service\'s password file holds login passwords in clear text; committed, it gives every reader of the repository those logins.',
  remediation:
    'Change the passwords, remove the file from the repository and its history, and generate it at deploy time from a secret manager (for PgBouncer, prefer auth_query or SCRAM hashes over clear text).',
};

const USERLIST_LINE = /^\s*"([^"]*)"\s+"([^"]*)"/;
const SASL_LINE = /^\s*\S+\s+([^:\s]+):(\S+)\s*$/;

/** One password entry of a password file: its user, its password, and the password's offsets. */
interface PasswordEntry {
  user: string;
  password: string;
  start: number;
  end: number;
}

/**
 * The entries of a line-per-entry password file that hold a real password (not a placeholder, a
 * default or the user name), with offsets in the text. `parse` reads one non-comment line: the
 * user, the password (unescaped) and the password's offsets in the line.
 */
function passwordEntries(ctx: ScanContext, comment: RegExp, parse: (line: string) => PasswordEntry | undefined): PasswordEntry[] {
  const entries: PasswordEntry[] = [];
  const { text, lines } = ctx;
  for (let line = 0; line < lines.lineCount; line++) {
    const lineStart = lines.lineStart(line);
    const content = text.slice(lineStart, lines.lineEnd(line));
    if (comment.test(content)) continue;
    const entry = parse(content);
    if (!entry || !isRealPassword(entry.password, entry.user)) continue;
    entries.push({ ...entry, start: lineStart + entry.start, end: lineStart + entry.end });
  }
  return entries;
}

export const passwordFileAnalyzer: Analyzer = {
  id: 'password-files',
  rules: [PASSWORD_FILE_RULE],
  appliesTo: (ctx) => ctx.baseName === 'userlist.txt' || ctx.baseName === 'sasl_passwd',
  analyze: (ctx) => {
    const userlist = ctx.baseName === 'userlist.txt';
    const name = userlist ? 'PGBOUNCER_PASSWORD' : 'SMTP_PASSWORD';
    const entries = passwordEntries(ctx, /^\s*(?:[#;]|$)/, (content) => {
      const m = (userlist ? USERLIST_LINE : SASL_LINE).exec(content);
      if (!m || isStoredPasswordHash(m[2])) return undefined;
      const at = m.index + m[0].lastIndexOf(m[2]);
      return { user: m[1], password: m[2], start: at, end: at + m[2].length };
    });
    const findings: RawFinding[] = entries.map((e) => ({
      ruleId: PASSWORD_FILE_RULE.id,
      start: e.start,
      end: e.end,
      message: `Hard-coded password for \`${e.user}\` in ${ctx.baseName} (${maskedPreview(e.password)}). Remove the file from the repository and change the password.`,
      data: { keyName: name, suggestedName: name },
    }));
    return { findings };
  },
};

export const pgpassAnalyzer: Analyzer = {
  id: 'pgpass',
  rules: [PGPASS_RULE],
  appliesTo: (ctx) => PGPASS_NAMES.has(ctx.baseName),
  analyze: (ctx) => {
    const entries = passwordEntries(ctx, /^\s*(?:#|$)/, (content) => {
      const fields = fieldsOf(content);
      if (fields.length !== 5) return undefined;
      const password = fields[4];
      return { user: fields[3].value, password: password.value, start: password.start, end: password.end };
    });
    const findings: RawFinding[] = entries.map((e) => ({
      ruleId: PGPASS_RULE.id,
      start: e.start,
      end: e.end,
      message: `Hard-coded PostgreSQL password for \`${e.user}\` in a .pgpass file (${maskedPreview(e.password)}). Remove the file from the repository and change the password.`,
      data: { keyName: 'PGPASSWORD', suggestedName: 'PGPASSWORD', provider: 'PostgreSQL' },
    }));
    return { findings };
  },
};
