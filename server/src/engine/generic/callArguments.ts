/**
 * Credentials passed by position to well-known APIs, where no secret-looking name is assigned:
 * `req.SetBasicAuth("svc", "v")`, `new NetworkCredential(user, "v")`, `new PDO($dsn, $u, "v")`,
 * `requests.get(url, auth=("u", "v"))`, `server.login(user, "v")`, and signing keys:
 * `jwt.sign(payload, "v")`, `Algorithm.HMAC256("v")`, `hmac.new(b"v", …)`, `new SecretKeySpec("v"…)`.
 * Each call is specific enough that the argument's position says what it holds. The literal is
 * judged like a generic password (human or random), so placeholders and short words are skipped.
 */
import type { KeywordScanner } from '../keywordPool';
import type { LineIndex } from '../text/lineIndex';

/** A quoted literal (optionally a Python or Rust byte string); the value is group `v` or `w`. */
const LIT = `b?(?:"(?<v>[^"\\\\\\r\\n]{1,256})"|'(?<w>[^'\\\\\\r\\n]{1,256})')`;
/** One argument before the credential: anything but a comma or parenthesis, or a simple call. */
const ARG = `(?:[^,()\\r\\n]|\\([^()\\r\\n]{0,80}\\)){1,160}?`;
const S = '[ \\t]*';

interface CallPattern {
  /** Lower-case keyword the prefilter finds on the line. */
  keyword: string;
  pattern: RegExp;
  what: 'password' | 'secret';
  /** How the message names the call. */
  call: string;
  suggestedName: string;
}

const call = (keyword: string, source: string, what: 'password' | 'secret', name: string, suggestedName: string): CallPattern => ({
  keyword,
  pattern: new RegExp(source.replaceAll('ARG', ARG).replaceAll('LIT', LIT).replaceAll('~', S), 'g'),
  what,
  call: name,
  suggestedName,
});

export const CALL_PATTERNS: CallPattern[] = [
  // Passwords: user, then password.
  call('setbasicauth', '\\.SetBasicAuth\\(~ARG,~LIT~\\)', 'password', 'SetBasicAuth', 'BASIC_AUTH_PASSWORD'),
  call('plainauth', '\\bsmtp\\.PlainAuth\\(~ARG,~ARG,~LIT', 'password', 'smtp.PlainAuth', 'SMTP_PASSWORD'),
  call('networkcredential', '\\bnew~NetworkCredential\\(~ARG,~LIT', 'password', 'NetworkCredential', 'SERVICE_PASSWORD'),
  call('getconnection', '\\bDriverManager\\.getConnection\\(~ARG,~ARG,~LIT', 'password', 'DriverManager.getConnection', 'DB_PASSWORD'),
  call('usernamepasswordcredentials', '\\bnew~UsernamePasswordCredentials\\(~ARG,~LIT', 'password', 'UsernamePasswordCredentials', 'SERVICE_PASSWORD'),
  call('passwordauthentication', '\\bnew~PasswordAuthentication\\(~ARG,~LIT', 'password', 'PasswordAuthentication', 'SMTP_PASSWORD'),
  call('basicauthenticationinterceptor', '\\bnew~BasicAuthenticationInterceptor\\(~ARG,~LIT', 'password', 'BasicAuthenticationInterceptor', 'SERVICE_PASSWORD'),
  call('credentials.basic', '\\bCredentials\\.basic\\(~ARG,~LIT', 'password', 'Credentials.basic', 'SERVICE_PASSWORD'),
  call('pdo', '\\bnew~\\\\?PDO\\(~ARG,~ARG,~LIT', 'password', 'PDO', 'DB_PASSWORD'),
  call('mysqli', '\\b(?:mysqli_connect|new~mysqli)\\(~ARG,~ARG,~LIT', 'password', 'mysqli', 'DB_PASSWORD'),
  call('sequelize', '\\bnew~Sequelize\\(~ARG,~ARG,~LIT', 'password', 'Sequelize', 'DB_PASSWORD'),
  call('dbi->connect', '\\bDBI->connect\\(~ARG,~ARG,~LIT', 'password', 'DBI->connect', 'DB_PASSWORD'),
  call('mysql_real_connect', '\\bmysql_real_connect\\(~ARG,~ARG,~ARG,~LIT', 'password', 'mysql_real_connect', 'DB_PASSWORD'),
  // sbt: Credentials("realm", "host", "user", "password") (publishing to Nexus, Artifactory, Sonatype).
  call('credentials(', '\\bCredentials\\(~ARG,~ARG,~ARG,~LIT~\\)', 'password', 'sbt Credentials', 'PUBLISH_PASSWORD'),
  // libcurl: CURLOPT_USERPWD takes "user:password" (the password part is reported), CURLOPT_PASSWORD the password.
  call('curlopt_userpwd', '\\bCURLOPT_USERPWD~,~"[^":\\r\\n]{1,128}:(?<v>[^"\\\\\\r\\n]{1,256})"', 'password', 'CURLOPT_USERPWD', 'SERVICE_PASSWORD'),
  call('curlopt_password', '\\bCURLOPT_(?:PASSWORD|PROXYPASSWORD)~,~LIT', 'password', 'CURLOPT_PASSWORD', 'SERVICE_PASSWORD'),
  // R httr: authenticate("user", "password", type = "basic").
  call('authenticate(', '\\bauthenticate\\(~(?:"[^"\\r\\n]{1,128}"|\'[^\'\\r\\n]{1,128}\')~,~LIT', 'password', 'authenticate', 'SERVICE_PASSWORD'),
  // Lua (OpenResty) Redis: red:auth("password").
  call(':auth(', '\\b\\w*(?:red|redis|client|conn)\\w*:auth\\(~LIT~\\)', 'password', 'redis auth', 'REDIS_PASSWORD'),
  call('auth', '\\bauth~=~\\(~ARG,~LIT~\\)', 'password', 'auth=(user, password)', 'SERVICE_PASSWORD'),
  call('basicauth', '\\b(?:HTTPBasicAuth|HTTPDigestAuth|BasicAuth)\\(~ARG,~LIT', 'password', 'BasicAuth', 'SERVICE_PASSWORD'),
  call('.login', '\\b(?:server|smtp|mail|ftp|imap|conn|client|session|mailserver|s)\\.login\\(~ARG,~LIT~\\)', 'password', 'login', 'SERVICE_PASSWORD'),
  call('basic_auth', '\\.basic_auth(?:\\(|[ \\t]+)~ARG,~(?:Some\\(~)?LIT', 'password', 'basic_auth', 'SERVICE_PASSWORD'),
  call('withsmtpserver', '\\.withSMTPServer\\(~ARG,~ARG,~ARG,~LIT', 'password', 'withSMTPServer', 'SMTP_PASSWORD'),
  call('.connect(', '\\b(?:mqtt|mqttClient|client|pubsub)\\w*\\.connect\\(~"[^"\\r\\n]*"~,~"[^"\\r\\n]*"~,~LIT', 'password', 'connect(id, user, password)', 'MQTT_PASSWORD'),
  call('unsafeplaintext', '\\bSecretValue\\.(?:unsafePlainText|plainText)\\(~LIT', 'password', 'SecretValue.unsafePlainText', 'SECRET_VALUE'),
  call('forhttpheaderfield', '\\.setValue\\(~"(?:Bearer|Token) (?<v>[^"\\\\\\r\\n]{8,256})"~,~forHTTPHeaderField:~"(?:Authorization|X-Api-Key|X-API-Key)"', 'secret', 'setValue(forHTTPHeaderField:)', 'API_TOKEN'),
  call('authenticationheadervalue', '\\bnew~AuthenticationHeaderValue\\(~"(?:Bearer|Basic|Token)"~,~LIT', 'secret', 'AuthenticationHeaderValue', 'API_TOKEN'),
  call('.auth(', '\\.auth\\(~ARG,~LIT~[,)]', 'password', 'auth(user, password)', 'SERVICE_PASSWORD'),
  // Signing and encryption keys.
  call('jwt.', '\\bjwt\\.(?:sign|verify|encode|decode)\\(~ARG,~LIT', 'secret', 'jwt', 'JWT_SECRET'),
  call('jwt.', '\\bJWT(?:\\.|::)(?:encode|decode)\\(~ARG,~LIT', 'secret', 'JWT', 'JWT_SECRET'),
  call('algorithm.hmac', '\\bAlgorithm\\.HMAC(?:256|384|512)\\(~LIT', 'secret', 'Algorithm.HMAC', 'JWT_SECRET'),
  call('hmacshakeyfor', '\\bKeys\\.hmacShaKeyFor\\(~LIT', 'secret', 'Keys.hmacShaKeyFor', 'JWT_SECRET'),
  call('signwith', '\\.signWith\\(~ARG,~LIT', 'secret', 'signWith', 'JWT_SECRET'),
  call('secretkeyspec', '\\bnew~SecretKeySpec\\(~LIT', 'secret', 'SecretKeySpec', 'ENCRYPTION_KEY'),
  call('symmetricsecuritykey', '\\bnew~SymmetricSecurityKey\\(~Encoding\\.\\w+\\.GetBytes\\(~LIT', 'secret', 'SymmetricSecurityKey', 'JWT_SECRET'),
  call('hmac', '\\bhmac\\.new\\(~LIT', 'secret', 'hmac.new', 'HMAC_KEY'),
  call('hmac', '\\bcreateHmac\\(~ARG,~LIT', 'secret', 'createHmac', 'HMAC_KEY'),
  call('hmac', '\\bOpenSSL::HMAC\\.(?:hexdigest|digest|base64digest)\\(~ARG,~ARG,~LIT', 'secret', 'OpenSSL::HMAC', 'HMAC_KEY'),
  call('hash_hmac', '\\bhash_hmac\\(~ARG,~ARG,~LIT', 'secret', 'hash_hmac', 'HMAC_KEY'),
  call('fernet', '\\bFernet\\(~LIT', 'secret', 'Fernet', 'FERNET_KEY'),
  call('signedstring', '\\.SignedString\\(~\\[\\]byte\\(~LIT', 'secret', 'SignedString', 'JWT_SECRET'),
];

export const CALL_KEYWORDS = [...new Set(CALL_PATTERNS.map((p) => p.keyword))];

/** Keyword -> indices of its patterns in CALL_PATTERNS (built once). */
const PATTERNS_OF_KEYWORD = new Map(CALL_KEYWORDS.map((k) => [k, CALL_PATTERNS.flatMap((p, i) => (p.keyword === k ? [i] : []))]));

export interface CallArgument {
  start: number;
  end: number;
  what: 'password' | 'secret';
  call: string;
  suggestedName: string;
}

/** Every credential argument on the lines holding a keyword hit in [from, to). */
export function callArguments(text: string, lines: LineIndex, scanner: KeywordScanner, from: number, to: number, document: string | undefined, maxLine: number): CallArgument[] {
  const out: CallArgument[] = [];
  /** Patterns already tried, as `line * CALL_PATTERNS.length + pattern index`. */
  const tried = new Set<number>();
  scanner.scan(
    text,
    (keyword, hit) => {
      if (hit < from || hit >= to) return;
      const line = lines.lineAt(hit);
      const lineStart = lines.lineStart(line);
      const lineEnd = lines.lineEnd(line);
      if (lineEnd - lineStart > maxLine) return;
      let slice: string | undefined;
      for (const index of PATTERNS_OF_KEYWORD.get(scanner.keywords[keyword]) ?? []) {
        const key = line * CALL_PATTERNS.length + index;
        if (tried.has(key)) continue;
        tried.add(key);
        slice ??= text.slice(lineStart, lineEnd);
        const p = CALL_PATTERNS[index];
        p.pattern.lastIndex = 0;
        for (let m = p.pattern.exec(slice); m; m = p.pattern.exec(slice)) {
          const value = m.groups?.v ?? m.groups?.w;
          if (value === undefined) continue;
          const end = lineStart + m.index + m[0].lastIndexOf(value) + value.length;
          out.push({ start: end - value.length, end, what: p.what, call: p.call, suggestedName: p.suggestedName });
        }
      }
    },
    document,
  );
  return out.sort((a, b) => a.start - b.start);
}
