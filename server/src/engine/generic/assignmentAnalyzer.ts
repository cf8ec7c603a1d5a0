import type { Analyzer, ScanContext } from '../analyzer';
import { maskedPreview } from '../mask';
import { builtinKeywords, type KeywordScanner } from '../keywordPool';
import type { RawFinding, RuleInfo } from '../types';
import { credentialSpan, GENERIC_PASSWORD, GENERIC_SECRET, isHighEntropySecret, isPasswordLike, judge } from './classify';
import { CALL_KEYWORDS, callArguments } from './callArguments';
import { LineLocalReuse } from '../text/lineLocalReuse';
import { parentKeyOf, VAGUE_NAMES } from './parentKey';
import { assignedValue, MAX_LINES_TO_VALUE, nameAround, type LineView } from './extract';
import { fileKindOf, isLockFile } from './fileKinds';
import { conflictsWithProviderFormat } from './providerNames';
import { isAlgoliaSearchKey } from './publicContext';
import { isRejectedProviderValue } from '../rules/providerPrefixes';
import { secretSlotOf, setterProperty, suggestedNameOf } from './names';
import { listFindings, listSlotOf } from './secretLists';

/**
 * Lines longer than this are minified or generated (bundles, one-line JSON): generic detection reads
 * them only in a window around each secret-looking name, as if the window were the line.
 */
export const MAX_LINE_LENGTH = 4096;
/** The window of a long line around a name: from this far before it to this far after. */
const LONG_LINE_BEFORE = 256;
const LONG_LINE_AFTER = 1024;

/** Secret-looking names examined per line (per MAX_LINE_LENGTH characters of a long line) at most. */
const MAX_CANDIDATES_PER_LINE = 32;

const PATH_SEGMENT_BEFORE = /([A-Za-z][\w.-]*)\/$/;

/** Lower-case fragments of every secret-looking name; assignment parsing only runs around them. */
const KEYWORDS = ['pass', 'pwd', 'pw', 'psk', 'secret', 'token', 'key', 'credential', 'creds', 'auth'];

const REMEDIATION =
  'Move the value to a secret manager or an environment variable and read it at runtime; if the file was ever committed or shared, treat the value as leaked and rotate it.';

export const genericRuleInfos: RuleInfo[] = [
  {
    id: GENERIC_PASSWORD,
    title: 'password',
    kind: 'secret',
    severity: 'warning',
    description:
      'A password is written as a literal and assigned to a password-like name. Anyone who can read the file, its history or a build log can use it.',
    remediation: REMEDIATION,
  },
  {
    id: GENERIC_SECRET,
    title: 'secret (token or key)',
    kind: 'secret',
    severity: 'warning',
    description:
      'A high-entropy literal is assigned to a secret-like name (token, API key, client secret, credential). It is probably a live credential.',
    remediation: REMEDIATION,
  },
];

/**
 * Generic detection: a keyword prefilter finds secret-looking names, then the line around each hit
 * is parsed for an assignment of a literal, and the literal is judged for the kind of slot.
 */
export function assignmentAnalyzer(): Analyzer {
  // The keyword pass is shared with the built-in provider rules (one pass over the text for both).
  const prefilter = builtinKeywords.view(KEYWORDS);
  const calls = builtinKeywords.view(CALL_KEYWORDS);
  return {
    id: 'generic-assignments',
    rules: genericRuleInfos,
    appliesTo: (ctx) => !isLockFile(ctx.baseName),
    analyze: (ctx) => analyzeAssignments(ctx, prefilter, calls),
  };
}

/**
 * A finding (the value) depends on its line, on the lines above it up to its name, and on the line
 * after it (a YAML block scalar is one value only when the next line ends it): an edit re-examines
 * the lines within reach and keeps the other findings of the previous version.
 */
const reuse = new LineLocalReuse<RawFinding>({ linesBefore: MAX_LINES_TO_VALUE, linesAfter: 1 });

function analyzeAssignments(ctx: ScanContext, prefilter: KeywordScanner, calls: KeywordScanner): { findings: RawFinding[] } {
  const { settings } = ctx;
  const passwords = !settings.disabledRules.has(GENERIC_PASSWORD);
  const secrets = !settings.disabledRules.has(GENERIC_SECRET);
  if (!passwords && !secrets) return { findings: [] };
  const findings = reuse.analyze(ctx.editing ? `${passwords}|${secrets}|${ctx.path}` : undefined, ctx.text, (from, to) => analyzeLines(ctx, prefilter, calls, from, to));
  return { findings };
}

/** Every finding whose value starts in [from, to) (names up to MAX_LINES_TO_VALUE lines above included). */
function analyzeLines(ctx: ScanContext, prefilter: KeywordScanner, calls: KeywordScanner, from: number, to: number): RawFinding[] {
  const { text, lines, settings } = ctx;
  const namesFrom = lines.lineStart(lines.lineAt(from) - MAX_LINES_TO_VALUE);
  const kind = fileKindOf(ctx.baseName);
  const yaml = /\.ya?ml$/.test(ctx.baseName);
  const findings: RawFinding[] = [];
  let lastName = -1;
  let currentLine = -1;
  let lineStart = 0;
  let lineEnd = 0;
  let candidatesOnLine = 0;
  const view: LineView = {
    text,
    lineStart: 0,
    lineEnd: 0,
    kind,
    groovyDsl: ctx.baseName.endsWith('.gradle'),
    // `key value` entries: Java .properties, daemon configs (fluentd, mosquitto, slapd, keepalived),
    // mail clients' rc files (msmtp, fetchmail, mutt).
    properties: /\.(?:properties|conf)$|(?:^|\.)(?:msmtprc|fetchmailrc|muttrc)$/.test(ctx.baseName),
    powershell: /\.psm?1$/.test(ctx.baseName),
    sql: ctx.baseName.endsWith('.sql'),
    nextLine: (offset) => {
      const line = lines.lineAt(offset) + 1;
      if (line >= lines.lineCount) return undefined;
      const start = lines.lineStart(line);
      const end = lines.lineEnd(line);
      return end - start > MAX_LINE_LENGTH ? undefined : { start, end };
    },
  };
  const windowView: LineView = { ...view, minified: true, nextLine: () => undefined };
  const seenValues = new Set<number>();
  prefilter.scan(text, (_keyword, hit) => {
    if (hit < namesFrom || hit >= to) return;
    if (hit < lastName) return; // inside a name already examined (`auth_token` hits `auth` and `token`)
    if (currentLine < 0 || hit >= lineEnd + 1 || hit < lineStart) {
      currentLine = lines.lineAt(hit);
      lineStart = lines.lineStart(currentLine);
      lineEnd = lines.lineEnd(currentLine);
      candidatesOnLine = 0;
    }
    // A long line is read in a window around the name (no value on the next lines from there).
    const long = lineEnd - lineStart > MAX_LINE_LENGTH;
    const viewStart = long ? Math.max(lineStart, hit - LONG_LINE_BEFORE) : lineStart;
    const viewEnd = long ? Math.min(lineEnd, hit + LONG_LINE_AFTER) : lineEnd;
    const name = nameAround(text, hit, viewStart, viewEnd);
    lastName = name.end;
    const nameText = text.slice(name.start, name.end);
    const isCall = text.charCodeAt(name.end) === 40; /* ( */
    // Setters and builders: setPassword("v"), withApiKey("v"), .password("v")
    let slot = secretSlotOf(isCall ? setterProperty(nameText) : nameText);
    let qualifiedName: string | undefined;
    if (!slot && VAGUE_NAMES.test(nameText)) {
      // `"Jwt": { "Key": "v" }`: the parent says what the key is for.
      // Within the reach of the edit reuse: MAX_LINES_TO_VALUE lines above a value on the name's line.
      const parent = parentKeyOf(text, name.start, viewStart, long ? viewStart : lines.lineStart(Math.max(0, currentLine - MAX_LINES_TO_VALUE)), kind, yaml);
      if (parent) {
        qualifiedName = `${parent}.${nameText}`;
        slot = secretSlotOf(qualifiedName);
      }
    }
    if (!slot) {
      // `PARTNER_API_KEYS = {"acme": "v"}`: every value of a list or map under a plural secret name.
      const listSlot = long ? undefined : listSlotOf(nameText);
      if (!listSlot) return;
      view.lineStart = lineStart;
      view.lineEnd = lineEnd;
      for (const f of listFindings(view, name.end, nameText, listSlot, settings.disabledRules)) {
        if (!seenValues.has(f.start)) findings.push(f);
        seenValues.add(f.start);
      }
      return;
    }
    // A key after a path segment is qualified by it: `checksum/secret: <sha256>` (Helm) is a digest.
    if (text.charCodeAt(name.start - 1) === 47 /* / */) {
      const segment = PATH_SEGMENT_BEFORE.exec(text.slice(Math.max(viewStart, name.start - 64), name.start));
      if (segment && !secretSlotOf(`${segment[1]}_${nameText}`)) return;
    }
    // A line with dozens of secret-looking names is data, not configuration: bound the work per line.
    if (++candidatesOnLine > MAX_CANDIDATES_PER_LINE * Math.ceil((lineEnd - lineStart + 1) / MAX_LINE_LENGTH)) return;
    const lineView = long ? windowView : view;
    lineView.lineStart = viewStart;
    lineView.lineEnd = viewEnd;
    const assignment = assignedValue(lineView, name.start, name.end);
    if (!assignment || seenValues.has(assignment.start)) return;
    if (qualifiedName && assignment.start > lineEnd) return; // (see the parent search above)
    const [spanStart, spanEnd] = credentialSpan(text.slice(assignment.start, assignment.end));
    const start = assignment.start + spanStart;
    const end = assignment.start + spanEnd;
    const value = text.slice(start, end);
    const ruleId = judge(slot, value, qualifiedName ?? assignment.keyName);
    if (!ruleId || settings.disabledRules.has(ruleId)) return;
    seenValues.add(assignment.start);
    const keyName = qualifiedName ?? assignment.keyName;
    if (conflictsWithProviderFormat(keyName, value)) return;
    if (isAlgoliaSearchKey(keyName, text, lines, lines.lineAt(start), MAX_LINES_TO_VALUE, 1)) return;
    const what = ruleId === GENERIC_PASSWORD ? 'password' : 'secret';
    const envDefault = assignment.envDefault;
    findings.push({
      ruleId,
      start,
      end,
      message: envDefault
        ? `Hard-coded ${what} as the default of \`${envDefault.variable}\` (${maskedPreview(value)}): it is used wherever the variable is not set. Remove the default, keep the value in a secret manager or a local .env, and rotate it.`
        : assignment.comparison
          ? `Hard-coded ${what} compared with \`${keyName}\` (${maskedPreview(value)}): anyone who reads the code can log in. Check against a stored hash or a secret manager, and rotate it.`
          : `Hard-coded ${what} assigned to \`${keyName}\` (${maskedPreview(value)}). Move it to a secret manager or environment variable and rotate it.`,
      data: {
        keyName,
        suggestedName: envDefault ? envDefault.variable : suggestedNameOf(keyName, kind === 'code' || kind === 'go'),
        ...(envDefault ? { envDefaultOf: envDefault.variable, envDefaultRemovable: envDefault.removable } : {}),
      },
    });
  }, ctx.editing ? ctx.path : undefined);
  // Credentials passed by position to well-known calls (a line-local check: within the reuse's reach).
  if (kind === 'code' || kind === 'go') {
    for (const arg of callArguments(text, lines, calls, from, to, ctx.editing ? ctx.path : undefined, MAX_LINE_LENGTH)) {
      if (seenValues.has(arg.start)) continue;
      const value = text.slice(arg.start, arg.end);
      const ruleId = arg.what === 'password' || !isHighEntropySecret(value) ? (isPasswordLike(value) ? GENERIC_PASSWORD : undefined) : GENERIC_SECRET;
      if (!ruleId || settings.disabledRules.has(ruleId) || isRejectedProviderValue(value)) continue;
      seenValues.add(arg.start);
      findings.push({
        ruleId,
        start: arg.start,
        end: arg.end,
        message: `Hard-coded ${arg.what === 'password' ? 'password' : 'key'} passed to \`${arg.call}\` (${maskedPreview(value)}). Move it to a secret manager or environment variable and rotate it.`,
        data: { keyName: arg.call, suggestedName: arg.suggestedName },
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}
