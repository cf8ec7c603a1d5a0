import { acceptsBareValues, type FileKind } from './fileKinds';
import { envDefaultAfter, envDefaultAt, interpolationDefault, type EnvDefault } from './envFallback';
import { secretSlotOf, setterProperty } from './names';

/**
 * Finding the literal assigned to a name, in one line (or a few, for `name:`/`value:` pairs).
 * Everything here walks characters or runs anchored, linear regexes on short slices: no
 * backtracking blow-up whatever the line holds.
 */

export interface Assignment {
  keyName: string;
  /** Offsets of the value in the text, without quotes. */
  start: number;
  end: number;
  /** Set when the value is the default of an environment read (`os.getenv("X", "v")`). */
  envDefault?: { variable: string; removable: boolean };
  /** Set when the name is compared with the value (`password == "v"`): a credential check against a literal. */
  comparison?: boolean;
}

export interface LineView {
  text: string;
  /** Start and end (before the newline) of the line holding the key. */
  lineStart: number;
  lineEnd: number;
  kind: FileKind;
  /** Gradle's Groovy DSL, where `name 'value'` is an assignment. */
  groovyDsl?: boolean;
  /** Java `.properties`: `key value` (a blank separator) is an entry too. */
  properties?: boolean;
  /** PowerShell, where `-Password "v"` (one dash) passes a parameter. */
  powershell?: boolean;
  /** SQL, where options are written `name 'v'` (`OPTIONS (user 'x', password 'v')`). */
  sql?: boolean;
  /** A window of a minified line: `;name=` there ends a statement, not a parameter inside a string. */
  minified?: boolean;
  /** Start offsets of the following lines (for values one to a few lines below their name). */
  nextLine: (offset: number) => { start: number; end: number } | undefined;
}

/** A value is at most this many lines below its name (HCL `variable "x" { ... default = "…" }`). */
export const MAX_LINES_TO_VALUE = 6;

/** Longest quoted literal considered (longer strings are data blobs, not credentials to a generic rule). */
export const MAX_VALUE_LENGTH = 1024;
/** Longest bare word considered. */
export const MAX_BARE_LENGTH = 256;

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;
}
function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** The name (identifier, key, dotted key, kebab flag) around a keyword hit. */
export function nameAround(text: string, hit: number, lineStart: number, lineEnd: number): { start: number; end: number } {
  let start = hit;
  while (start > lineStart && isNameChar(text.charCodeAt(start - 1))) start--;
  let end = hit;
  while (end < lineEnd && isNameChar(text.charCodeAt(end))) end++;
  // A quoted key with spaces: "API Key": "…"
  if ((start > lineStart && text.charCodeAt(start - 1) === 32) || text.charCodeAt(end) === 32) {
    let s = start;
    while (s > lineStart && start - s < 48 && (isNameChar(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 32)) s--;
    if (s <= lineStart || !isQuote(text.charCodeAt(s - 1))) return { start, end };
    let e = end;
    while (e < lineEnd && e - end < 48 && (isNameChar(text.charCodeAt(e)) || text.charCodeAt(e) === 32)) e++;
    const q = text.charCodeAt(s - 1);
    const words = text.slice(s, e).split(' ').length;
    if (text.charCodeAt(e) === q && words <= 3 && text.charCodeAt(s) !== 32 && text.charCodeAt(e - 1) !== 32) {
      return { start: s, end: e }; // at most three words: `API Key`, `DB Root Password`; longer is a sentence
    }
  }
  return { start, end };
}

const TYPE_ANNOTATION = /[ \t]*&?(?:'[A-Za-z_]\w*[ \t]+)?(?:mut[ \t]+)?(?:[A-Za-z_][\w.]*(?:<[^<>=\n]{0,80}>)?(?:\[\])?|\[[A-Za-z_]\w*(?:;[ \t]*\d+)?\])\??[ \t]*=(?![=>~])/y;
const GO_TYPE = /[ \t]+\*?(?:\[\])?[A-Za-z_][\w.]*[ \t]*=(?!=)/y;
/** Android Gradle: `buildConfigField "String", ` / `resValue("string", ` before the field's quoted name. */
const BUILD_CONFIG_FIELD = /\b(?:buildConfigField|resValue)[ \t]*\(?[ \t]*["'][\w.<>\[\]]{1,40}["'][ \t]*,[ \t]*$/;
/** `add_argument("--password", …)`, `add_option(…)`: a command-line option's definition, not a setter. */
const SETTER_CALLEE = /(?:^|[^\w$])(define|set\w*|put\w*|add(?!_?(?:argument|option|parser))\w*|Setenv|with\w*)[ \t]*\([ \t]*$/i;
/** (After a namespace too: Android's `<meta-data android:name="…API_SECRET" android:value="…"/>`.) */
const NAME_FIELD = /(?:^|[\s{,(<"'-]|\bandroid:)(?:name|key|Name|Key|NAME|KEY|ParameterKey|variable|envVar|env_var)["']?[ \t]*[:=][ \t]*["']?$/;
const VALUE_FIELD = /(?:^|[\s{,(<"']|\bandroid:)(?:value|Value|VALUE|ParameterValue|defaultValue|default)["']?[ \t]*[:=][ \t]*/g;
const ANOTHER_NAME_FIELD = /(?:^|[\s{,(<"'-])(?:name|key|Name|Key|NAME|KEY|ParameterKey)["']?[ \t]*[:=]/;
/** String prefixes: Python f/r/b/u and pairs (rb, fr), C# @ and $, Rust r#, SQL Server's N'…' (Unicode). */
const STRING_PREFIX = /^(?:[fFrRbBuU]{1,2}|@\$?|\$@?|N(?='))(?=["'`#])/;
const BARE_CALL = /^[A-Za-z_$][\w$.:]*[([]/;
const NEXT_FIELD = /^[A-Za-z_][\w.-]{0,40}[=:]/;
/** The `<string>` element after a plist `<key>` (blanks and one line break between). */
const PLIST_STRING = /^[ \t]*\r?\n?[ \t]*<string>([^<\r\n]{1,1024})<\/string>/;
const ARN_BEFORE = /\barn:aws[\w-]*:[\w-]+:[\w-]*:(?:\d{12})?:$/;
/** A line comment (`//`, `#`, `--`, `;`, ` * `) and words up to the name, no string opened. */
const COMMENT_BEFORE_NAME = /^[ \t]*(?:\/\/+|#+|--|;+|\/?\*+)[^"'`=:;(){}[\]]{0,80}$/;
const RUBY_SET = /^[ \t]*set[ \t]+$/;
/** `<entry key="password">v</entry>`: the element's text after a name attribute. */
const ELEMENT_TEXT = /^["']?[^<>]{0,200}?>([^<]*)<\//;
const WRAPPER = /^(?:\[\]byte|String::from|Buffer\.from|Encoding\.(?:UTF8|ASCII|Default|Unicode)\.GetBytes|SecretStr|Secret::new|SecretString::(?:new|from)|bytes|Some|new[ \t]+TextEncoder\(\)\.encode)\([ \t]*(?=["'`])/;
/** The end of the conversion: `)`, or an encoding argument then `)`. */
const WRAPPER_CLOSE = /^[ \t]*(?:,[ \t]*["']?[\w-]{1,16}["']?[ \t]*)?\)/;
/** C# auto-property initialiser: `public string Password { get; set; } = "v";`. */
const CSHARP_PROPERTY = /[ \t]*\{[ \t]*(?:(?:public|private|protected|internal)[ \t]+)?get;[ \t]*(?:(?:public|private|protected|internal)[ \t]+)?(?:set|init);[ \t]*\}[ \t]*=(?![=>])/y;
/** Another libpq keyword on the line: `host=`, `dbname=`, `user=`, `port=`, `sslmode=`. */
const LIBPQ_KEYWORD = /(?:^|[\s"'`])(?:host|hostaddr|dbname|user|port|sslmode)=[^\s=]/;
/** Bicep parameter declaration: `param adminPassword string = 'v'`. */
const BICEP_PARAM = /^[ \t]*param[ \t]+$/;
/** C and C++: `#define WIFI_PASSWORD "v"`. */
const C_DEFINE = /^[ \t]*#[ \t]*define[ \t]+$/;
/** Dockerfile `ENV NAME value`, Apache `SetEnv NAME value`. */
const DOCKER_ENV = /^[ \t]*(?:ENV|SetEnv)[ \t]+$/i;
const HCL_VARIABLE = /(?:^|\s)variable[ \t]+"$/;
const HCL_DEFAULT = /(?:^|[\s{])default[ \t]*=[ \t]*/g;

function csharpProperty(text: string, end: number, lineEnd: number): number {
  CSHARP_PROPERTY.lastIndex = end;
  return CSHARP_PROPERTY.test(text) && CSHARP_PROPERTY.lastIndex <= lineEnd ? CSHARP_PROPERTY.lastIndex : -1;
}

function goTypedValue(text: string, end: number, lineEnd: number): number {
  GO_TYPE.lastIndex = end;
  return GO_TYPE.test(text) && GO_TYPE.lastIndex <= lineEnd ? GO_TYPE.lastIndex : -1;
}

/**
 * Reads the literal starting at `p` (a quoted string, or a bare word where the file kind allows it).
 * Returns its offsets without quotes, or undefined when the right-hand side is not a literal.
 */
export function readValue(
  text: string,
  p: number,
  lineEnd: number,
  kind: FileKind,
  allowBare = acceptsBareValues(kind),
  embedded = false,
): [number, number] | undefined {
  // A literal wrapped in a conversion: `[]byte("v")` (Go), `String::from("v")`, `Buffer.from("v")`,
  // `Encoding.UTF8.GetBytes("v")`, `SecretStr("v")`, `bytes("v", "utf-8")`.
  if (kind === 'code' || kind === 'go') {
    const wrapper = WRAPPER.exec(text.slice(p, Math.min(lineEnd, p + 48)));
    if (wrapper) {
      const inner = readValue(text, p + wrapper[0].length, lineEnd, kind, false);
      return inner && WRAPPER_CLOSE.test(text.slice(inner[1] + 1, Math.min(lineEnd, inner[1] + 40))) ? inner : undefined;
    }
  }
  // YAML's explicit string tag and anchors: `password: !!str v`, `password: &db_pw "v"`.
  const decoration = /^(?:!!str|&[\w-]{1,64})[ \t]+/.exec(text.slice(p, Math.min(lineEnd, p + 72)));
  if (decoration && (kind === 'config' || decoration[0].startsWith('!'))) p += decoration[0].length;
  let c = text.charCodeAt(p);
  const prefix = STRING_PREFIX.exec(text.slice(p, Math.min(lineEnd, p + 3)));
  if (prefix) {
    if (/[fF$]/.test(prefix[0])) {
      const q = p + prefix[0].length;
      const close = text.indexOf(text[q], q + 1);
      if (close > 0 && close < lineEnd && text.slice(q + 1, close).includes('{')) return undefined; // interpolated
    }
    p += prefix[0].length;
    while (p < lineEnd && text[p] === '#') p++;
    c = text.charCodeAt(p);
  }
  // A literal inside another string, its quotes escaped: code in a notebook cell or a package.json
  // script (`"password = \"v\"\n"`), a command in a JSON array.
  if (c === 92 /* backslash */ && isQuote(text.charCodeAt(p + 1))) {
    const q = text.charCodeAt(p + 1);
    const limit = Math.min(lineEnd, p + 2 + MAX_VALUE_LENGTH);
    for (let i = p + 2; i < limit; i++) {
      if (text.charCodeAt(i) !== 92) continue;
      if (text.charCodeAt(i + 1) === q) return i > p + 2 ? [p + 2, i] : undefined;
      i++; // another escape
    }
    return undefined;
  }
  // A triple-quoted literal closed on its line (Python, Kotlin, Swift, TOML): `SECRET_KEY = """v"""`.
  if ((c === 34 || c === 39) && text.startsWith(text[p].repeat(3), p)) {
    const close = text.indexOf(text[p].repeat(3), p + 3);
    return close > p + 3 && close <= lineEnd && close - p - 3 <= MAX_VALUE_LENGTH ? [p + 3, close] : undefined;
  }
  if (isQuote(c)) {
    let i = p + 1;
    const limit = Math.min(lineEnd, p + 1 + MAX_VALUE_LENGTH);
    while (i < limit) {
      const d = text.charCodeAt(i);
      if (d === 92) i += 2;
      else if (d === c) return [p + 1, i];
      else i++;
    }
    return undefined; // unterminated on this line (multi-line string) or too long to be a credential
  }
  if (!allowBare) return undefined;
  // Bare values: YAML block/anchor/tag/flow starts and comments are not literals.
  if (p >= lineEnd || /[|>!&*[{#\\]/.test(text[p])) return undefined;
  let end = p;
  const limit = Math.min(lineEnd, p + MAX_BARE_LENGTH + 1);
  while (end < limit) {
    const d = text.charCodeAt(end);
    if (isBlank(d) || d === 59 || d === 34 || d === 39) break;
    if (embedded && (d === 38 || d === 44 || d === 41 || d === 93 || d === 125 || d === 96)) break; // & , ) ] } `
    end++;
  }
  if (end - p > MAX_BARE_LENGTH) return undefined;
  // An expression rather than a word: a call (`inputsecret(`, `ini_get("x")`) or a word glued to a string.
  // (A parameter inside a string, `"…?token=v"`, ends at the string's closing quote.)
  if (!embedded && end < lineEnd && isQuote(text.charCodeAt(end))) return undefined;
  if (BARE_CALL.test(text.slice(p, end))) return undefined;
  // Text after the word (other than a comment or a command separator) means a phrase, not a value.
  let q = end;
  while (q < lineEnd && isBlank(text.charCodeAt(q))) q++;
  // (Another field may follow, as printed structs and logs put them: `Password:v DB:0`, `password=v, driverClassName=x`;
  // or a remark in parentheses: `wifi password: v   (network: staff)`.)
  if (!embedded && q < lineEnd && q > end && kind !== 'shell' && !/[#;(]/.test(text[q]) && !text.startsWith('//', q) && !NEXT_FIELD.test(text.slice(q, q + 48))) return undefined;
  while (end > p && /[,)\]}]/.test(text[end - 1])) end--;
  return end > p ? [p, end] : undefined;
}

/** The value assigned to the name at [start, end), written `name = v`, `name: v`, `"name" => v`, `<name>v</name>`... */
export function assignedValue(view: LineView, start: number, end: number): Assignment | undefined {
  const { text, lineStart, lineEnd, kind } = view;
  let keyStart = start;
  while (keyStart < end && (text[keyStart] === '-' || text[keyStart] === '.')) keyStart++;
  let keyEnd = end;
  while (keyEnd > keyStart && (text[keyEnd - 1] === '-' || text[keyEnd - 1] === '.')) keyEnd--;
  if (keyEnd <= keyStart) return undefined;
  const keyName = text.slice(keyStart, keyEnd);
  const flag = (start + 2 <= keyStart && text.startsWith('--', start)) || (view.powershell === true && start + 1 === keyStart && text[start] === '-');
  const before = start > lineStart ? text.charCodeAt(start - 1) : -1;
  let p = end;
  let quotedKey = false;
  if (isQuote(before) && text.charCodeAt(p) === before) {
    quotedKey = true;
    p++;
    if (text[p] === ']') p++;
  } else if (before === 91 /* [ */ && text[p] === ']') {
    p++; // a bracketed key: php-fpm's env[DB_PASSWORD] = v, Ruby's ENV[…] = v without quotes
  } else if (isQuote(before) && text.charCodeAt(start - 2) === 92 && text.charCodeAt(p) === 92 && text.charCodeAt(p + 1) === before) {
    quotedKey = true; // JSON inside a string, its quotes escaped (a HAR request body): {\"password\":\"v\"}
    p += 2;
  }
  // Property lists (Info.plist, launchd): `<key>ApiSecret</key>` then `<string>v</string>`.
  if (before === 62 /* > */ && text.startsWith('</key>', end) && text.slice(start - 5, start) === '<key>') {
    const m = PLIST_STRING.exec(text.slice(end + 6, end + 6 + 1300));
    if (!m) return undefined;
    const at = end + 6 + m[0].length - 9 - m[1].length;
    return { keyName, start: at, end: at + m[1].length };
  }
  // Inside an ARN (`arn:aws:secretsmanager:…:secret:ledger/prod-AbCdEf`) a name is a resource type.
  if (before === 58 /* : */ && ARN_BEFORE.test(text.slice(Math.max(lineStart, start - 160), start))) return undefined;
  // XML element: <password>value</password>, <password><![CDATA[value]]></password>. Only with its
  // closing tag: `mysql://<user>:<password>@host/<db>` in a URL template is no element.
  if (before === 60 /* < */ && text[p] === '>') {
    let s = p + 1;
    while (s < lineEnd && isBlank(text.charCodeAt(s))) s++;
    const cdata = text.startsWith('<![CDATA[', s);
    if (cdata) s += 9;
    let e = text.indexOf(cdata ? ']]>' : '<', s);
    if (e < 0 || e > lineEnd) return undefined;
    const closeTag = cdata ? e + 3 : e;
    if (!text.startsWith(`</${text.slice(start, end)}>`, closeTag)) return undefined;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    return e > s ? { keyName, start: s, end: e } : undefined;
  }
  // `${NAME:-v}`: the default inside an interpolation (shell, Compose, Spring).
  if (before === 123 /* { */ && text.charCodeAt(start - 2) === 36 /* $ */) {
    const span = interpolationDefault(text, end, lineEnd);
    return span ? { keyName, ...span, envDefault: { variable: keyName, removable: true } } : undefined;
  }
  if (text.charCodeAt(p) === 40 /* ( */ && (kind === 'code' || kind === 'go')) return setterArgument(view, p + 1, setterProperty(keyName));
  // C and C++ arrays: `static const char mqtt_password[] = "v";`
  if (kind === 'code' && text.charCodeAt(p) === 91 /* [ */) {
    const dims = /^\[\d{0,5}\]/.exec(text.slice(p, p + 8));
    if (dims) p += dims[0].length;
  }
  const nameEnd = p;
  while (p < lineEnd && isBlank(text.charCodeAt(p))) p++;
  const op = text.slice(p, p + 3);
  let valueAt = -1;
  let comparison = false;
  let buildConfigValue = false;
  if (op.startsWith(':=') || op.startsWith('?=') || op.startsWith('=>')) valueAt = p + 2;
  else if (kind === 'code' && (op.startsWith('<-') || op.startsWith('<<-'))) valueAt = p + op.indexOf('-') + 1; // R, F#: api_key <- "v"
  else if (op.startsWith('||=')) valueAt = p + 3;
  else if (op.startsWith('=')) {
    if (op[1] === '~') return undefined; // regex match
    if (op[1] === '=') {
      // In code, `password == "v"` checks a credential against a literal: the literal is the credential.
      if (kind !== 'code' && kind !== 'go') return undefined;
      comparison = true;
      valueAt = p + (op[2] === '=' ? 3 : 2);
    } else valueAt = p + 1;
  } else if (op.startsWith(':')) {
    if (op[1] === ':') return undefined;
    if (kind === 'code' || kind === 'go') {
      TYPE_ANNOTATION.lastIndex = p + 1;
      if (TYPE_ANNOTATION.test(text) && TYPE_ANNOTATION.lastIndex <= lineEnd) valueAt = TYPE_ANNOTATION.lastIndex;
      else valueAt = p + 1;
    } else valueAt = p + 1;
  } else if (op.startsWith(',') && quotedKey && SETTER_CALLEE.test(text.slice(Math.max(lineStart, start - 41), start - 1))) {
    valueAt = p + 1; // define('DB_PASSWORD', 'v'), props.put("password", "v"), os.Setenv("TOKEN", "v")
  } else if (op.startsWith(',') && quotedKey && BUILD_CONFIG_FIELD.test(text.slice(Math.max(lineStart, start - 80), start - 1))) {
    valueAt = p + 1; // Android: buildConfigField "String", "API_SECRET", "\"v\"" (a Java literal inside a Groovy string)
    buildConfigValue = true;
  } else if (op.startsWith(',') && before === 58 /* : */ && RUBY_SET.test(text.slice(lineStart, start - 1))) {
    valueAt = p + 1; // Capistrano / Chef: set :password, 'v'
  } else if (view.properties && p > end && p < lineEnd && /^[ \t]*$/.test(text.slice(lineStart, start))) {
    valueAt = p; // .properties: mail.smtp.password v
  } else if (view.groovyDsl && p > end && isQuote(text.charCodeAt(p))) {
    valueAt = p; // Gradle signing config: storePassword 'v'
  } else if (kind === 'code' && text.charCodeAt(p) === 123 /* { */ && csharpProperty(text, end, lineEnd) > 0) {
    valueAt = csharpProperty(text, end, lineEnd); // public string Password { get; set; } = "v";
  } else if (kind === 'code' && p > end && C_DEFINE.test(text.slice(lineStart, start))) {
    valueAt = p; // #define WIFI_PASSWORD "v"
  } else if (kind === 'code' && p > end && BICEP_PARAM.test(text.slice(lineStart, start)) && goTypedValue(text, end, lineEnd) > 0) {
    valueAt = goTypedValue(text, end, lineEnd); // Bicep: param adminPassword string = 'v'
  } else if (flag && quotedKey && op.startsWith(',') && /^,[ \t]*["'](?!-)/.test(text.slice(p, p + 24))) {
    valueAt = p + 1; // a flag and its value as array elements: ["--admin-password", "v"] (not click's option("--password", prompt=True))
  } else if (kind === 'code' && text.charCodeAt(p) === 123 /* { */ && p === end && isQuote(text.charCodeAt(p + 1))) {
    valueAt = p + 1; // C++ brace initialisation: std::string password{"v"};
  } else if (kind === 'go' && p > end && goTypedValue(text, end, lineEnd) > 0) {
    valueAt = goTypedValue(text, end, lineEnd); // var apiKey string = "v"
  } else if (flag && !quotedKey && p > end && p < lineEnd) {
    valueAt = p; // --password value
  } else if (kind === 'code' && before === 64 /* @ */ && p > nameEnd && isQuote(text.charCodeAt(p))) {
    valueAt = p; // Elixir module attribute: @api_token "v"
  } else if (view.sql && p > nameEnd && text.charCodeAt(p) === 39 /* ' */ && /[\s,(]/.test(text[start - 1] ?? ' ')) {
    valueAt = p; // SQL options: CREATE USER MAPPING … OPTIONS (user 'x', password 'v')
  } else if ((kind === 'code' || kind === 'text') && before === 58 /* : */ && p > nameEnd && isQuote(text.charCodeAt(p)) && /[\s{([]/.test(text[start - 2] ?? ' ')) {
    valueAt = p; // Clojure and EDN maps: {:user "app" :password "v"}
  } else if (before === 123 /* { */ && /^,[ \t]*["']/.test(text.slice(p, p + 8))) {
    valueAt = p + 1; // Erlang and Elixir tuples: {db_password, "v"}
  } else if ((kind === 'shell' || kind === 'config') && p > end && p < lineEnd && DOCKER_ENV.test(text.slice(lineStart, start))) {
    valueAt = p; // Dockerfile: ENV DB_PASSWORD value; Apache: SetEnv DB_PASSWORD value
  }
  let envDefault: EnvDefault | undefined;
  if (valueAt < 0 && (envDefault = envDefaultAfter(text, lineStart, keyStart, keyName, p))) valueAt = envDefault.valueAt;
  if (valueAt < 0) return pairedValue(view, start, end, keyName);
  let v = valueAt;
  while (v < lineEnd && isBlank(text.charCodeAt(v))) v++;
  // `'api_key' => env('PARTNER_KEY', 'v')`: the value is an environment read; its default is the literal.
  // (When the variable's own name is secret-looking, `JWT_SECRET`, its own hit reports the default under it.)
  if (!envDefault && (kind === 'code' || kind === 'go') && (envDefault = envDefaultAt(text, lineStart, v, lineEnd))) {
    return secretSlotOf(envDefault.variable) ? undefined : defaultAssignment(text, envDefault.valueAt, lineEnd, kind, keyName, envDefault);
  }
  if (buildConfigValue && text.startsWith('"\\"', v)) v++; // read the escaped inner literal
  // Helm and Go templates: `{{ .Values.db.password | default "v" | b64enc }}`: the default is a literal.
  if (text.startsWith('{{', v)) {
    const close = text.indexOf('}}', v);
    const m = close > 0 && close <= lineEnd ? /\bdefault[ \t]+"([^"\\\r\n]{1,256})"/.exec(text.slice(v, close)) : null;
    if (m) {
      const at = v + m.index + m[0].indexOf('"') + 1;
      return { keyName, start: at, end: at + m[1].length };
    }
  }
  // Java .properties: `db.password = \` continues the value on the next line (the whole value there).
  if (view.properties && /^\\[ \t]*$/.test(text.slice(v, lineEnd))) {
    const next = view.nextLine(lineEnd);
    if (!next || /\\[ \t]*$/.test(text.slice(next.start, next.end))) return undefined;
    let r = next.start;
    while (r < next.end && isBlank(text.charCodeAt(r))) r++;
    const span = readValue(text, r, next.end, kind, true);
    return span ? { keyName, start: span[0], end: span[1] } : undefined;
  }
  // A YAML block scalar holding one line: `password: |` then the value, indented, alone.
  if (kind === 'config' && /^[|>][-+]?[ \t]*(?:#.*)?$/.test(text.slice(v, lineEnd))) return blockScalarValue(view, start, keyName);
  // An object under the name (`"adminPassword": {` in ARM parameter files, `DBPassword:` with `Default:`
  // in CloudFormation): its `value` / `Default` child, on the next lines.
  if ((kind === 'json' && text.charCodeAt(v) === 123 && /^\{[ \t]*$/.test(text.slice(v, lineEnd))) || (kind === 'config' && v === lineEnd && op.startsWith(':'))) {
    return childValue(view, start, keyName);
  }
  // A formatter wrapped the line (black, prettier, gofmt): `API_KEY = (` or `const KEY =`, the literal alone on the next line.
  if ((kind === 'code' || kind === 'go') && (v === lineEnd || (text.charCodeAt(v) === 40 /* ( */ && /^\([ \t]*$/.test(text.slice(v, lineEnd))))) {
    return valueOnNextLine(view, keyName);
  }
  // A name inside a parameter list (`(host=h,password=v)`, `?token=v&x=y`, `a=1;password=v`) ends its value at the next separator.
  // Also a flag inside a quoted array element (`"--db-password=v"`), and libpq keyword/value
  // connection strings inside code strings (`"host=db user=app password=v dbname=app"`).
  const libpq = (kind === 'code' || kind === 'go') && isBlank(before) && text.charCodeAt(end) === 61 && LIBPQ_KEYWORD.test(text.slice(lineStart, lineEnd));
  const embedded = before === 40 || before === 44 || before === 63 || before === 38 || before === 59 || (flag && isQuote(text.charCodeAt(start - 1))) || libpq;
  if (envDefault) return defaultAssignment(text, v, lineEnd, kind, keyName, envDefault);
  // In code, JSON and markup, a bare value is a parameter inside a string: a query (`?api_key=v&`)
  // or a connection string (`;Secret=v;`).
  const parameter = embedded && (before === 63 || before === 38 || before === 59) && !(view.minified && (kind === 'code' || kind === 'go'));
  // In JSON, `NAME=v` (no blank before `=`) is a command or a setting inside a string: a package.json
  // script (`"PGPASSWORD=v psql …"`), a container's `env` array entry.
  const inString = kind === 'json' && text.charCodeAt(end) === 61 /* = */ && text.charCodeAt(end + 1) !== 61;
  // In a comment of code, `name: v` is a note, not code: a bare word is the value (`-- admin password: v`).
  const note = (kind === 'code' || kind === 'go') && COMMENT_BEFORE_NAME.test(text.slice(lineStart, start));
  // `PGPASSWORD=v psql …` in a script held by YAML, Markdown or text: a command's environment, then the command.
  const commandEnv = kind !== 'code' && kind !== 'go' && /^[A-Z][A-Z0-9_]*$/.test(keyName) && text.charCodeAt(end) === 61 && !isBlank(text.charCodeAt(end + 1));
  const span = readValue(text, v, lineEnd, commandEnv ? 'shell' : kind, acceptsBareValues(kind) || (kind === 'code' && flag) || parameter || inString || libpq || note, embedded || inString);
  return span ? { keyName, start: span[0], end: span[1], ...(comparison ? { comparison } : {}) } : undefined;
}

/** The literal at `at` as the default of the environment read `read`. */
function defaultAssignment(text: string, at: number, lineEnd: number, kind: FileKind, keyName: string, read: EnvDefault): Assignment | undefined {
  const span = readValue(text, at, lineEnd, kind, false);
  return span ? { keyName, start: span[0], end: span[1], envDefault: { variable: read.variable, removable: read.removable } } : undefined;
}

const CHILD_VALUE = /^([ \t]*)["']?(?:value|Value|default|Default|defaultValue)["']?[ \t]*:[ \t]*/;

/** The `value` / `Default` child of the object opened after the name, within MAX_LINES_TO_VALUE lines. */
function childValue(view: LineView, nameStart: number, keyName: string): Assignment | undefined {
  const { text, kind } = view;
  const indent = nameStart - view.lineStart - (/^\s*["']/.test(text.slice(view.lineStart, nameStart)) ? 1 : 0);
  let line = view.nextLine(view.lineEnd);
  for (let i = 0; line && i < MAX_LINES_TO_VALUE; i++, line = view.nextLine(line.end)) {
    const content = text.slice(line.start, line.end);
    if (content.trim() === '' || content.trimStart().startsWith('#')) continue;
    const lead = content.length - content.trimStart().length;
    if (lead <= indent || /^\s*\}/.test(content)) return undefined; // the object ended
    const m = CHILD_VALUE.exec(content);
    if (!m) continue;
    const span = readValue(text, line.start + m[0].length, line.end, kind, kind === 'config');
    return span ? { keyName: `${keyName}.${content.trim().split(/["':\s]/).filter(Boolean)[0]}`, start: span[0], end: span[1] } : undefined;
  }
  return undefined;
}

/** The single line of a YAML block scalar (`|` or `>`) after the name's line; more lines make it text, not a password. */
function blockScalarValue(view: LineView, nameStart: number, keyName: string): Assignment | undefined {
  const { text } = view;
  const indent = nameStart - view.lineStart;
  const line = view.nextLine(view.lineEnd);
  if (!line) return undefined;
  const content = text.slice(line.start, line.end);
  const lead = content.length - content.trimStart().length;
  if (lead <= indent || content.trim() === '') return undefined;
  const after = view.nextLine(line.end);
  if (after) {
    const next = text.slice(after.start, after.end);
    if (next.trim() !== '' && next.length - next.trimStart().length >= lead) return undefined;
  }
  const start = line.start + lead;
  const end = line.start + content.trimEnd().length;
  return end > start ? { keyName, start, end } : undefined;
}

/** The literal alone on the line after the name's (then only `)`, `,`, `;` or a comment). */
function valueOnNextLine(view: LineView, keyName: string): Assignment | undefined {
  const next = view.nextLine(view.lineEnd);
  if (!next) return undefined;
  const { text, kind } = view;
  let r = next.start;
  while (r < next.end && isBlank(text.charCodeAt(r))) r++;
  const span = readValue(text, r, next.end, kind, false);
  if (!span || !/^[ \t]*[),;]*[ \t]*(?:(?:\/\/|#).*)?$/.test(text.slice(span[1] + 1, next.end))) return undefined;
  return { keyName, start: span[0], end: span[1] };
}

/** The single quoted argument of a setter or builder call: `setPassword("v")`, `.apiKey("v")`. */
function setterArgument(view: LineView, p: number, keyName: string): Assignment | undefined {
  const { text, lineEnd, kind } = view;
  while (p < lineEnd && isBlank(text.charCodeAt(p))) p++;
  const span = readValue(text, p, lineEnd, kind, false);
  if (!span) return undefined;
  let q = span[1] + 1;
  while (q < lineEnd && isBlank(text.charCodeAt(q))) q++;
  return text.charCodeAt(q) === 41 /* ) */ ? { keyName, start: span[0], end: span[1] } : undefined;
}

/**
 * The name is itself a value (`- name: DB_PASSWORD`, `<add key="ApiKey" value="…"/>`,
 * `{"name": "TOKEN", "value": "…"}`, `variable "db_password" { default = "…" }`): look for the
 * paired value on the same line or the next few lines, stopping at the next entry.
 */
function pairedValue(view: LineView, start: number, end: number, keyName: string): Assignment | undefined {
  const { text, lineStart, lineEnd, kind } = view;
  // Sections qualify the key: `key="Cloudflare:ApiToken"` (.NET configuration), `key="smtp.auth.password"`.
  const left = text.slice(Math.max(lineStart, start - 112), start).replace(/(?:[A-Za-z_][\w.-]{0,63}:){1,4}$/, '');
  let field: RegExp;
  let maxLines: number;
  if (NAME_FIELD.test(left)) {
    field = VALUE_FIELD;
    maxLines = 2;
    if (kind === 'markup') {
      const element = ELEMENT_TEXT.exec(text.slice(end, Math.min(lineEnd, end + 1300)));
      if (element && !element[0].includes('/>')) {
        const at = end + element[0].length - 2 - element[1].length;
        const raw = element[1];
        const s = at + (raw.length - raw.trimStart().length);
        const e = at + raw.trimEnd().length;
        return e > s ? { keyName, start: s, end: e } : undefined;
      }
    }
  } else if (HCL_VARIABLE.test(left)) {
    field = HCL_DEFAULT;
    maxLines = MAX_LINES_TO_VALUE;
  } else return undefined;
  let segStart = end;
  let segEnd = lineEnd;
  for (let line = 0; line <= maxLines; line++) {
    const segment = text.slice(segStart, segEnd);
    if (line > 0 && field === VALUE_FIELD && ANOTHER_NAME_FIELD.test(segment)) return undefined;
    field.lastIndex = 0;
    const m = field.exec(segment);
    if (m) {
      const span = readValue(text, segStart + m.index + m[0].length, segEnd, kind, kind !== 'markup' && kind !== 'json' && kind !== 'code' && kind !== 'go');
      return span ? { keyName, start: span[0], end: span[1] } : undefined;
    }
    const next = view.nextLine(segEnd);
    if (!next) return undefined;
    segStart = next.start;
    segEnd = next.end;
  }
  return undefined;
}
