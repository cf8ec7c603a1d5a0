/**
 * Logins written as prose in documentation: runbooks, READMEs and tickets that say
 * "Admin login: `admin` / `…`" or "credentials: deploy / …". No name is assigned a value there; the
 * label (`login`, `credentials`, `user/password`) and the `user / password` shape are the evidence.
 * Only documentation files (Markdown, reStructuredText, AsciiDoc, text) are read; the password part
 * must be a real password (not a default such as `admin`, `changeme` or `password`).
 */
import type { Analyzer } from '../analyzer';
import { maskedPreview } from '../mask';
import { isRealPassword } from '../rules/saas/context';
import type { RawFinding } from '../types';
import { genericRuleInfos } from './assignmentAnalyzer';
import { GENERIC_PASSWORD, isPasswordLike } from './classify';

const DOC_FILE = /\.(?:md|markdown|mdx|rst|adoc|asciidoc|txt)$/i;
/**
 * A label, a few words (`(break-glass only)`), a colon or `=`, then `user / password`, each part
 * optionally quoted or in backticks.
 */
const LOGIN_LINE =
  /\b(?:log[ -]?in|sign[ -]in|credentials?|creds|user(?:name)?[ \t]*\/[ \t]*password)\b[ \t\w()-]{0,40}?[:=][ \t]*(?<q1>[`'"]?)(?<user>[^\s`'"/:]{1,64})\k<q1>[ \t]*\/[ \t]*(?<q2>[`'"]?)(?<password>[^\s`'"/()[\]]{4,128})\k<q2>/gi;
/** Reported per file at most (a list of sample logins is documentation of test data). */
const MAX_PER_FILE = 20;

export const proseLoginAnalyzer: Analyzer = {
  id: 'prose-logins',
  rules: genericRuleInfos,
  appliesTo: (ctx) => DOC_FILE.test(ctx.baseName) && /log[ -]?in|sign[ -]in|cred|password/i.test(ctx.text),
  analyze: (ctx) => {
    if (ctx.settings.disabledRules.has(GENERIC_PASSWORD)) return { findings: [] };
    const findings: RawFinding[] = [];
    LOGIN_LINE.lastIndex = 0;
    for (let m = LOGIN_LINE.exec(ctx.text); m && findings.length < MAX_PER_FILE; m = LOGIN_LINE.exec(ctx.text)) {
      const { user, password } = m.groups!;
      const trimmed = password.replace(/[.,;:)]+$/, '');
      if (!isPasswordLike(trimmed) || !isRealPassword(trimmed, user)) continue;
      const start = m.index + m[0].length - m.groups!.q2.length - password.length;
      findings.push({
        ruleId: GENERIC_PASSWORD,
        start,
        end: start + trimmed.length,
        message: `Password of the \`${user}\` login written in the text (${maskedPreview(trimmed)}). Keep it in a password manager or secret store, link to it here, and change it.`,
        data: { keyName: `${user}.password`, suggestedName: `${user}_PASSWORD` },
      });
    }
    return { findings };
  },
};
