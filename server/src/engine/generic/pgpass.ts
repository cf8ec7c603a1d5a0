import type { Analyzer } from '../analyzer';
import { maskedPreview } from '../mask';
import { isRealPassword } from '../rules/saas/context';
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
 * and Postfix's `sasl_passwd` (`[relay]:port user:password` a line). Stored hashes (md5…, SCRAM-SHA-256$…) are not passwords.
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

export const passwordFileAnalyzer: Analyzer = {
  id: 'password-files',
  rules: [PASSWORD_FILE_RULE],
  appliesTo: (ctx) => ctx.baseName === 'userlist.txt' || ctx.baseName === 'sasl_passwd',
  analyze: (ctx) => {
    const findings: RawFinding[] = [];
    const { text, lines } = ctx;
    const userlist = ctx.baseName === 'userlist.txt';
    for (let line = 0; line < lines.lineCount; line++) {
      const lineStart = lines.lineStart(line);
      const content = text.slice(lineStart, lines.lineEnd(line));
      if (/^\s*(?:[#;]|$)/.test(content)) continue;
      const m = (userlist ? USERLIST_LINE : SASL_LINE).exec(content);
      if (!m) continue;
      const [user, password] = [m[1], m[2]];
      if (/^(?:md5[0-9a-f]{32}|SCRAM-SHA-256\$)/.test(password) || !isRealPassword(password, user)) continue;
      const at = lineStart + m.index + m[0].lastIndexOf(password);
      findings.push({
        ruleId: PASSWORD_FILE_RULE.id,
        start: at,
        end: at + password.length,
        message: `Hard-coded password for \`${user}\` in ${ctx.baseName} (${maskedPreview(password)}). Remove the file from the repository and change the password.`,
        data: { keyName: userlist ? 'PGBOUNCER_PASSWORD' : 'SMTP_PASSWORD', suggestedName: userlist ? 'PGBOUNCER_PASSWORD' : 'SMTP_PASSWORD' },
      });
    }
    return { findings };
  },
};

export const pgpassAnalyzer: Analyzer = {
  id: 'pgpass',
  rules: [PGPASS_RULE],
  appliesTo: (ctx) => PGPASS_NAMES.has(ctx.baseName),
  analyze: (ctx) => {
    const findings: RawFinding[] = [];
    const { text, lines } = ctx;
    for (let line = 0; line < lines.lineCount; line++) {
      const lineStart = lines.lineStart(line);
      const content = text.slice(lineStart, lines.lineEnd(line));
      if (/^\s*(?:#|$)/.test(content)) continue;
      const fields = fieldsOf(content);
      if (fields.length !== 5) continue;
      const user = fields[3].value;
      const password = fields[4];
      if (!isRealPassword(password.value, user)) continue;
      findings.push({
        ruleId: PGPASS_RULE.id,
        start: lineStart + password.start,
        end: lineStart + password.end,
        message: `Hard-coded PostgreSQL password for \`${user}\` in a .pgpass file (${maskedPreview(password.value)}). Remove the file from the repository and change the password.`,
        data: { keyName: 'PGPASSWORD', suggestedName: 'PGPASSWORD', provider: 'PostgreSQL' },
      });
    }
    return { findings };
  },
};
