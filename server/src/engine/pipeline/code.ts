/**
 * Source code that dumps the whole environment or logs a secret-named variable (JS/TS, Python, Go,
 * Ruby, Java/Kotlin, C#, PHP). Line-level patterns on lines with a hint word; comment lines skipped.
 *
 * Finding data:
 *   code-env-dump: {language, api (e.g. 'process.env', 'os.environ'), form?: 'loop'}
 *   code-secret-log: {language, variable (the identifier as written), suggestedName}
 */
import type { AnalyzerOutput, ScanContext } from '../analyzer';
import type { RawFinding } from '../types';
import type { CodeLanguage } from './classify';
import { R } from './rules';
import { LineLocalReuse } from '../text/lineLocalReuse';

interface LangSpec {
  /**
   * Global; a line with no match of it can hold no dump, log call or loop (every pattern below needs
   * one of these words), so only lines with a match, and lines inside a loop body, are examined.
   */
  lineHint: RegExp;
  /** Every dump and loop pattern needs a match of this: a line without one is only checked for log calls. */
  envHint: RegExp;
  /** Calls that dump the environment; group 1 (when present) is the reported span, else the whole match. */
  dumps: RegExp[];
  /** A logging call: the arguments text follows the match. */
  logCall: RegExp;
  comment: RegExp;
  /** Loops over the whole environment; group 1 is the env expression. A print in the loop body is a dump. */
  loops?: RegExp;
}

const SPECS: Record<CodeLanguage, LangSpec> = {
  js: {
    lineHint: /process\.env|console\.|logger\.|log\./g,
    envHint: /process\.env/,
    dumps: [
      /\b(?:console\.(?:log|info|debug|warn|error|dir|table|trace)|logger\.(?:info|debug|warn|error|log|trace)|log\.(?:info|debug|warn|error))\s*\(\s*(?:[^()]*,\s*)?(?:\{\s*\.\.\.\s*)?(process\.env)\s*\}?\s*[,)]/,
      /\b(?:JSON\.stringify|util\.inspect|inspect)\s*\(\s*(?:\{\s*\.\.\.\s*)?(process\.env)\s*\}?\s*[,)]/,
      /\b(?:res|response|reply|ctx)\.(?:send|json|write|end|body)\s*\(\s*(process\.env)\s*\)/,
    ],
    logCall: /\b(?:console\.(?:log|info|debug|warn|error|trace)|logger\.(?:info|debug|warn|error|log|trace)|log\.(?:info|debug|warn|error))\s*\(/g,
    comment: /^\s*(?:\/\/|\*|\/\*)/,
    loops: /(Object\.(?:entries|keys)\(\s*process\.env\s*\))/,
  },
  python: {
    lineHint: /os\.environ|print|logg|log\./g,
    envHint: /os\.environ/,
    dumps: [
      /\b(?:print|pprint(?:\.pprint)?|logging\.(?:info|debug|warning|error|critical)|logger\.(?:info|debug|warning|error|critical|exception)|log\.(?:info|debug|warning|error))\s*\(\s*(?:[^()]*,\s*)?(?:f?["'][^"']*\{?)?((?:dict\(\s*)?os\.environ(?:\.copy\(\))?(?:\.items\(\))?\s*\)?)\}?["']?\s*[,)]/,
      /\bjson\.dumps\s*\(\s*(dict\(\s*os\.environ\s*\)|os\.environ\.copy\(\)|\{\s*\*\*os\.environ\s*\})/,
    ],
    logCall: /\b(?:print|logging\.(?:info|debug|warning|error|critical)|logger\.(?:info|debug|warning|error|critical|exception)|log\.(?:info|debug|warning|error))\s*\(/g,
    comment: /^\s*#/,
    loops: /\bfor\s+[\w\s,()]+\s+in\s+(os\.environ(?:\.items\(\)|\.keys\(\))?)\s*:/,
  },
  go: {
    lineHint: /os\.Environ|fmt\.|log\.|logger\./g,
    envHint: /os\.Environ\(\)/,
    dumps: [/\b(?:fmt\.(?:Print|Println|Printf|Fprint|Fprintln|Fprintf)|log\.(?:Print|Println|Printf|Fatal|Fatalf|Fatalln))\s*\([^)]*?(os\.Environ\(\))/],
    logCall: /\b(?:fmt\.(?:Print|Println|Printf)|log\.(?:Print|Println|Printf|Fatalf)|logger\.(?:Info|Debug|Warn|Error|Infof|Debugf)|slog\.(?:Info|Debug|Warn|Error))\s*\(/g,
    comment: /^\s*\/\//,
    loops: /\brange\s+(os\.Environ\(\))/,
  },
  ruby: {
    lineHint: /ENV|puts|print|logger|pp?[\s(]/g,
    envHint: /ENV/,
    dumps: [
      /(?:^|[;\s])(?:p|pp|puts|print|logger\.(?:info|debug|warn|error)|Rails\.logger\.(?:info|debug|warn|error))\s*\(?\s*(ENV(?:\.to_h|\.to_hash|\.inspect|\.to_a)?)\s*\)?\s*(?:$|[;#])/,
      /(ENV\.each(?:_pair)?\s*(?:do|\{)\s*\|\s*\w+\s*,\s*\w+\s*\|\s*(?:puts|p|print|logger\.\w+))/,
    ],
    logCall: /(?:^|[;\s])(?:puts|print|p|pp|logger\.(?:info|debug|warn|error)|Rails\.logger\.(?:info|debug|warn|error))[\s(]/g,
    comment: /^\s*#/,
    loops: /(ENV\.(?:each|each_pair|to_h\.each))\s+do\b/,
  },
  java: {
    lineHint: /system\.|log\.|logger\./gi,
    envHint: /system\.getenv/i,
    dumps: [
      /\b(?:System\.(?:out|err)\.print(?:ln|f)?|log(?:ger)?\.(?:info|debug|warn|error|trace))\s*\([^;]*?(System\.getenv\(\s*\))/i,
      /(System\.getenv\(\s*\)\.forEach\s*\([^;]*System\.out\.print)/,
    ],
    logCall: /\b(?:System\.(?:out|err)\.print(?:ln|f)?|log(?:ger)?\.(?:info|debug|warn|error|trace))\s*\(/gi,
    comment: /^\s*(?:\/\/|\*|\/\*)/,
    loops: /(System\.getenv\(\s*\)\.(?:entrySet|keySet|forEach)\(?)/,
  },
  csharp: {
    lineHint: /GetEnvironmentVariables|Console\.|ogger\.Log/g,
    envHint: /GetEnvironmentVariables/,
    dumps: [/\b(?:Console\.Write(?:Line)?|(?:_?[lL]ogger)\.Log(?:Information|Debug|Warning|Error|Trace)|Debug\.WriteLine|Trace\.WriteLine)\s*\([^;]*?(Environment\.GetEnvironmentVariables\(\s*\))/],
    logCall: /\b(?:Console\.Write(?:Line)?|_?[lL]ogger\.Log(?:Information|Debug|Warning|Error|Trace))\s*\(/g,
    comment: /^\s*(?:\/\/|\*|\/\*)/,
    loops: /\bforeach\s*\([^)]*\bin\s+(Environment\.GetEnvironmentVariables\(\s*\))/,
  },
  php: {
    lineHint: /\$_ENV|\$_SERVER|getenv|phpinfo|echo|print|error_log/g,
    envHint: /\$_ENV|\$_SERVER|getenv|phpinfo/,
    dumps: [
      /\b(?:print_r|var_dump|var_export|json_encode|error_log)\s*\(\s*(\$_ENV|\$_SERVER|getenv\(\s*\))\s*[,)]/,
      /(?:^|[;\s])(phpinfo\s*\(\s*(?:INFO_ALL|INFO_ENVIRONMENT|INFO_VARIABLES|-1)?\s*\))/,
    ],
    logCall: /\b(?:echo|print|error_log|printf)[\s(]/g,
    comment: /^\s*(?:\/\/|#|\*|\/\*)/,
    loops: /\bforeach\s*\(\s*(\$_ENV|getenv\(\s*\))\s+as\b/,
  },
};

const DUMP_API: [RegExp, string][] = [[/process\.env/, 'process.env'], [/os\.environ/, 'os.environ'], [/os\.Environ/, 'os.Environ()'], [/\$_ENV/, '$_ENV'], [/\$_SERVER/, '$_SERVER'], [/System\.getenv/, 'System.getenv()'], [/getenv\(\s*\)/, 'getenv()'], [/GetEnvironmentVariables/, 'Environment.GetEnvironmentVariables()'], [/phpinfo/, 'phpinfo()'], [/ENV/, 'ENV']];

/** Identifiers whose last word names a secret; `token` alone is too ambiguous (lexers, paging). */
const SECRET_IDENT = /(?<![\w'"])(?:(?:self|this|@)\.?)?((?:[a-z][a-zA-Z0-9]*(?:Password|Passwd|Secret|ApiKey|Token|PrivateKey|AccessKey|Credentials)|password|passwd|secret|api_?key|apiKey|client_?secret|clientSecret|private_?key|access_?key|[a-z][a-z0-9]*_(?:password|passwd|secret|api_key|token|private_key|access_key|credentials)|[A-Z][A-Z0-9]*_(?:PASSWORD|SECRET|API_KEY|TOKEN|PRIVATE_KEY|ACCESS_KEY)))(?![\w(.[])/g;
/** Booleans about a secret (`hasToken`, `is_password_set`): printing them prints yes or no. */
const FLAG_IDENT = /^(?:has|is|should|can|did|needs?|uses?)(?:_[a-z]|[A-Z])/;
const NOT_SECRET_IDENT = /(?:page|next|continuation|cancellation|sync|resume|lexer|parser|last|current|prev|previous|start|end|csrf|xsrf|id|acquire|lock|release|cursor|pagination|request|correlation)_?token$|token_?(?:count|type|url|endpoint|expiry|length|name)$/i;

function stripStrings(args: string, lang: CodeLanguage): string {
  // Blank string literals (same length, so offsets hold) except their interpolations:
  // `${x}` in JS templates, `#{x}` in Ruby "...", `{x}` in Python f-strings, `$x`/`{$x}` in PHP "...".
  return args.replace(/(f?)(["'`])((?:\\.|(?!\2)[^\\])*)\2/g, (whole: string, f: string, q: string, body: string) => {
    if (!mayInterpolate(f, q, lang)) return ' '.repeat(whole.length);
    const out = Array.from({ length: whole.length }, () => ' ');
    const bodyAt = f.length + 1;
    const keep = (re: RegExp) => {
      for (const m of body.matchAll(re)) {
        const inner = m[1];
        const at = bodyAt + m.index! + m[0].indexOf(inner);
        for (let i = 0; i < inner.length; i++) out[at + i] = inner[i];
      }
    };
    if (q === '`' && lang === 'js') keep(/\$\{([^}]*)\}/g);
    if (q === '"' && lang === 'ruby') keep(/#\{([^}]*)\}/g);
    if (f && lang === 'python') keep(/\{([^{}]*)\}/g);
    if (q === '"' && lang === 'php') keep(/\$([A-Za-z_]\w*(?:->\w+)?)/g);
    if (q === '"' && lang === 'csharp' && f) keep(/\{([^{}]*)\}/g);
    return out.join('');
  });
}

/** Whether `keep` below applies to a literal with this prefix and quote (else it is blanked whole). */
function mayInterpolate(f: string, q: string, lang: CodeLanguage): boolean {
  return (q === '`' && lang === 'js') || (q === '"' && (lang === 'ruby' || lang === 'php' || (lang === 'csharp' && f !== ''))) || (f !== '' && lang === 'python');
}

const LOOP_WORD = /\b(?:for|foreach|forEach|each|each_pair|range|map)\b/;

/** Lines after a loop over the environment that are its body (printed there: a dump). */
const LOOP_BODY_LINES = 3;

/**
 * A finding on line X depends only on that line and, for a loop, on its body (the next
 * LOOP_BODY_LINES lines): an edit re-examines the lines within reach and keeps the other findings.
 */
const reuse = new LineLocalReuse<RawFinding>({ linesBefore: 0, linesAfter: LOOP_BODY_LINES });

export function analyzeCode(ctx: ScanContext, lang: CodeLanguage): AnalyzerOutput {
  return { findings: reuse.analyze(ctx.editing ? `${lang}|${ctx.path}` : undefined, ctx.text, (from, to) => analyzeLines(ctx.text, lang, from, to)) };
}

/**
 * The findings of the lines starting in [from, to), sorted by start (and of the lines after that a loop's
 * body takes in). Only lines with a hint are examined, and every line of a loop's body.
 */
function analyzeLines(text: string, lang: CodeLanguage, from: number, to: number): RawFinding[] {
  const spec = SPECS[lang];
  const findings: RawFinding[] = [];
  let lineStart = from;
  let pendingLoop: { start: number; end: number; api: string; linesLeft: number; body: string } | undefined;
  let hintAt = -1;
  while (lineStart <= text.length && (lineStart < to || pendingLoop)) {
    if (!pendingLoop) {
      // Jump to the line of the next hint; no hint left means nothing more to find.
      if (hintAt < lineStart) {
        spec.lineHint.lastIndex = lineStart;
        const hint = spec.lineHint.exec(text);
        if (!hint || hint.index >= to) break;
        hintAt = hint.index;
      }
      lineStart = Math.max(lineStart, text.lastIndexOf('\n', hintAt - 1) + 1);
    }
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const examined = line.length < 2000 && !spec.comment.test(line);
    const before = findings.length;
    const envLine = examined && spec.envHint.test(line);
    if (examined) scanLine(line, lineStart, lang, spec, findings, envLine);
    if (pendingLoop) {
      // Every line counts towards the body (comments and long lines add nothing to it), so a loop's
      // finding depends on a fixed number of lines.
      if (examined) pendingLoop.body += `\n${line}`;
      if (--pendingLoop.linesLeft === 0) pendingLoop = closeLoop(pendingLoop, spec, lang, findings);
    }
    const loopMatch = envLine ? spec.loops?.exec(line) : undefined;
    // A loop needs a loop on its line: `println(System.getenv().keySet())` or `console.log(Object.keys(process.env))` print names.
    const isLoop = loopMatch && LOOP_WORD.test(line) && !reducesEnvironment(line, loopMatch.index + loopMatch[0].indexOf(loopMatch[1]), loopMatch[1].length);
    const loop = isLoop ? loopMatch : undefined;
    if (loop && findings.length === before) {
      const at = lineStart + loop.index + loop[0].indexOf(loop[1]);
      pendingLoop = { start: at, end: at + loop[1].length, api: loop[1], linesLeft: LOOP_BODY_LINES, body: line.slice(loop.index + loop[0].length) };
    }
    lineStart = lineEnd + 1;
  }
  if (pendingLoop) closeLoop(pendingLoop, spec, lang, findings);
  // A loop's finding is added when its body closes, after the findings of its body's lines.
  return findings.sort((a, b) => a.start - b.start);
}

/**
 * A loop over the environment whose body (the next lines) prints: a dump, unless the body filters
 * (`if`, `startsWith`, `HasPrefix`...), in which case only chosen variables are printed.
 */
function closeLoop(loop: { start: number; end: number; api: string; body: string }, spec: LangSpec, language: CodeLanguage, out: RawFinding[]): undefined {
  spec.logCall.lastIndex = 0;
  const prints = spec.logCall.test(loop.body);
  spec.logCall.lastIndex = 0;
  if (!prints || /\b(?:if|unless|when|filter|startsWith|HasPrefix|startswith|start_with\?|StartsWith|match|includes|contains|Contains)\b/.test(loop.body)) return undefined;
  const api = DUMP_API.find(([r]) => r.test(loop.api))?.[1] ?? loop.api;
  out.push({ ruleId: R.envDumpCode.id, start: loop.start, end: loop.end, data: { language, api, form: 'loop' } });
  return undefined;
}

/**
 * The environment reduced to a count, a test or one entry before it is printed: `.size()`,
 * `.keySet().contains(…)`, `.isEmpty()`, `.Count`, `Object.keys(process.env).length`, `len(os.Environ())`.
 */
function reducesEnvironment(line: string, at: number, length: number): boolean {
  const after = line.slice(at + length, at + length + 40);
  const before = line.slice(Math.max(0, at - 12), at);
  return /^\s*\)?\s*\.\s*(?:size|keySet|containsKey|isEmpty|length|Count|Keys|ContainsKey|get|getOrDefault|has|includes|contains)\b/.test(after) || /\blen\(\s*$/.test(before);
}

/** Every SECRET_IDENT match holds one of these words (any case): arguments without one log no secret name. */
const SECRET_IDENT_HINT = /passw|secret|api_?key|token|private_?key|access_?key|credentials/i;

function scanLine(line: string, offset: number, language: CodeLanguage, spec: LangSpec, out: RawFinding[], envLine: boolean): void {
  for (const re of envLine ? spec.dumps : []) {
    const m = re.exec(line);
    if (!m) continue;
    const target = m[1] ?? m[0];
    const at = m.index + m[0].indexOf(target);
    if (reducesEnvironment(line, at, target.length)) continue;
    const api = DUMP_API.find(([r]) => r.test(target))?.[1] ?? target;
    out.push({ ruleId: R.envDumpCode.id, start: offset + at, end: offset + at + target.length, data: { language, api } });
    return;
  }
  spec.logCall.lastIndex = 0;
  for (let m = spec.logCall.exec(line); m; m = spec.logCall.exec(line)) {
    const argsStart = m.index + m[0].length;
    const rest = line.slice(argsStart);
    if (!SECRET_IDENT_HINT.test(rest)) continue; // blanking strings only removes words
    const args = stripStrings(rest, language);
    SECRET_IDENT.lastIndex = 0;
    for (let id = SECRET_IDENT.exec(args); id; id = SECRET_IDENT.exec(args)) {
      const name = id[1];
      if (NOT_SECRET_IDENT.test(name) || FLAG_IDENT.test(name)) continue;
      // `Names.MSI_SECRET` is the name of a variable; `process.env.API_TOKEN` is its value.
      const lead = args.slice(0, id.index + id[0].indexOf(name));
      if (/^[A-Z0-9_]+$/.test(name) && /\.\s*$/.test(lead) && !/(?:\benv|\bENV|environ)\s*\.\s*$/.test(lead)) continue;
      // Presence tests print a yes/no, not the value: `x if api_key else y`, `apiKey ? 'set' : 'unset'`, `!!token`.
      const before = args.slice(0, id.index + id[0].indexOf(name));
      const after = args.slice(id.index + id[0].length);
      if (/(?:\bif|\bnot|\bunless|!|\bbool\(|\bBoolean\(|\blen\(|\bisset\(|\bempty\()\s*$/.test(before) || /^\s*(?:\?|==|!=|\bis\b|&&|\|\||\bisNot\b|\bnil\?)/.test(after)) continue;
      const start = offset + argsStart + id.index + id[0].indexOf(name);
      const suggestedName = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
      out.push({ ruleId: R.codeSecretLog.id, start, end: start + name.length, message: `A log statement prints ${name}, which holds a secret by its name.`, data: { language, variable: name, suggestedName } });
      return;
    }
  }
}
