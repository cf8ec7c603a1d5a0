import { chars } from '../../server/src/engine/rules/fake';
import { pw, suiteOf, tok } from './genericHarness';

/** A key in WordPress's style: 64 characters, a third of them symbols, braces included. */
const SALT = chars('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#%^&*()-_=+[]{}|;:,.<>?', 64, 'generic:wp-salt');
/**
 * The same with a space, which WordPress's generator also draws. (A salt that holds `{{`, `${` or
 * `$(` by chance, about 2% of them, reads as a template reference and is not reported.)
 */
const SPACED_SALT = `${chars('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#%^&*()-_=+[]{}|;:,.<>?', 30, 'generic:wp-salt-a1')} ${chars('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#%^&*()-_=+[]{}|;:,.<>?', 33, 'generic:wp-salt-b1')}`;

/** Generic detection in programming languages: quoted literals only; identifiers and calls are not values. */

const P = 'generic-password' as const;
const S = 'generic-secret' as const;
const HUMAN = 'Winter2024!';
const HUMAN2 = 'hunter2!X';

suiteOf(
  'JavaScript / TypeScript',
  [
    { what: 'a const password', path: 'src/db.ts', text: `const password = "${HUMAN}";\n`, value: HUMAN, rule: P, keyName: 'password' },
    { what: 'an apiKey object property', path: 'src/client.js', text: `const config = { apiKey: '${tok('js1')}', retries: 3 };`, value: tok('js1'), rule: S, keyName: 'apiKey' },
    { what: 'a typed export in a template literal', path: 'src/auth.ts', text: `export const AUTH_TOKEN: string = \`${tok('js2')}\`;`, value: tok('js2'), rule: S, keyName: 'AUTH_TOKEN' },
    { what: 'a bearer Authorization header (token part only)', path: 'src/api.ts', text: `headers["Authorization"] = "Bearer ${tok('js3')}";`, value: tok('js3'), rule: S },
    { what: 'a comparison with a literal (a hard-coded credential check)', path: 'src/db.ts', text: `if (password === "${HUMAN}") { decide(); }` , value: HUMAN, rule: P },
  ],
  [
    { what: 'an environment read', path: 'src/db.ts', text: 'const password = process.env.DB_PASSWORD;' },
    { what: 'a function call', path: 'src/db.ts', text: 'const password = getPassword();' },
    { what: 'a member read', path: 'src/db.ts', text: 'const token = response.token;' },
    { what: 'a type annotation without a value', path: 'src/db.ts', text: 'let password: string;\nclass A { apiKey: string; }' },
    { what: 'a tokenizer name', path: 'src/nlp.ts', text: `const tokenizer = "${tok('js4')}";` },
    { what: 'a password hint', path: 'src/ui.ts', text: `const passwordHint = "${HUMAN}";` },
    { what: 'an i18n lookup', path: 'src/i18n.ts', text: `const label = t("password", "${HUMAN}");` },
    { what: 'an i18n label with spaces', path: 'src/i18n.ts', text: 'const messages = { password: "Enter your password" };' },
    { what: 'an interpolated template', path: 'src/a.ts', text: 'const apiKey = `${prefix}${suffix}`;' },
    { what: 'a token count', path: 'src/llm.ts', text: 'const max_tokens = 4096;' },
    { what: 'optional properties in an interface', path: 'src/types.ts', text: 'interface Login { password?: string; apiKey?: string }' },
    { what: 'form field descriptors', path: 'src/form.ts', text: 'const fields = [{ type: "password", name: "password", placeholder: "Password" }];' },
    { what: 'a hashed password identifier', path: 'src/a.ts', text: 'const user = { password: hashedPassword };' },
  ],
);

suiteOf(
  'Python',
  [
    { what: 'a module constant', path: 'app/settings.py', text: `DB_PASSWORD = '${HUMAN2}'\n`, value: HUMAN2, rule: P, keyName: 'DB_PASSWORD' },
    { what: 'a keyword argument', path: 'app/client.py', text: `client = Client(api_key="${tok('py1')}", timeout=3)`, value: tok('py1'), rule: S, keyName: 'api_key' },
    { what: 'a dict entry', path: 'app/settings.py', text: `SETTINGS = {"secret_key": "${tok('py2')}"}`, value: tok('py2'), rule: S, keyName: 'secret_key' },
    { what: 'an environment write with a literal', path: 'app/boot.py', text: `os.environ["API_TOKEN"] = "${tok('py4')}"`, value: tok('py4'), rule: S, keyName: 'API_TOKEN' },
    { what: 'a raw bytes literal', path: 'app/keys.py', text: `SIGNING_KEY = rb"${tok('py5')}"`, value: tok('py5'), rule: S },
    { what: 'an annotated assignment', path: 'app/cfg.py', text: `password: str = "${pw('py3')}"`, value: pw('py3'), rule: P },
    { what: 'a comparison with a literal (a hard-coded credential check)', path: 'app/login.py', text: `if password == "${HUMAN}": decide()` , value: HUMAN, rule: P },
  ],
  [
    { what: 'os.environ', path: 'app/settings.py', text: 'password = os.environ["DB_PASSWORD"]' },
    { what: 'os.getenv', path: 'app/settings.py', text: 'token = os.getenv("API_TOKEN")' },
    { what: 'None', path: 'app/settings.py', text: 'password = None' },
    { what: 'changeme', path: 'app/settings.py', text: 'password = "changeme"' },
    { what: 'an f-string', path: 'app/a.py', text: 'api_key = f"{prefix}{suffix}"' },
    { what: 'a raw f-string', path: 'app/a.py', text: 'api_key = rf"{prefix}{suffix}"' },
    { what: 'a secret name (a path, not a secret)', path: 'app/a.py', text: 'secret_name = "prod/db/password"' },
    { what: 'a mask', path: 'app/a.py', text: 'password = "********"' },
  ],
);

suiteOf(
  'Go',
  [
    { what: 'a short variable declaration', path: 'cmd/main.go', text: `password := "${HUMAN}"`, value: HUMAN, rule: P },
    { what: 'a typed var', path: 'cmd/main.go', text: `var apiKey string = "${tok('go1')}"`, value: tok('go1'), rule: S, keyName: 'apiKey' },
    { what: 'a struct field', path: 'cmd/main.go', text: `cfg := Config{ClientSecret: "${tok('go2')}", Port: 8080}`, value: tok('go2'), rule: S, keyName: 'ClientSecret' },
    { what: 'a raw string constant', path: 'cmd/main.go', text: `const authToken = \`${tok('go3')}\``, value: tok('go3'), rule: S },
    { what: 'a comparison with a literal (a hard-coded credential check)', path: 'cmd/main.go', text: `if password == "${HUMAN}" {` , value: HUMAN, rule: P },
  ],
  [
    { what: 'os.Getenv', path: 'cmd/main.go', text: 'password := os.Getenv("DB_PASSWORD")' },
    { what: 'a token URL', path: 'cmd/main.go', text: 'tokenURL := "https://auth.example.com/oauth/token"' },
    { what: 'a declaration without value', path: 'cmd/main.go', text: 'var password string' },
    { what: 'a header read', path: 'cmd/main.go', text: 'token := r.Header.Get("Authorization")' },
    { what: 'struct tags', path: 'cmd/config.go', text: 'type C struct {\n  Password string `json:"password" yaml:"password"`\n}' },
  ],
);

suiteOf(
  'Java',
  [
    { what: 'a static final constant', path: 'src/main/java/Db.java', text: `private static final String DB_PASSWORD = "${HUMAN}";`, value: HUMAN, rule: P },
    { what: 'a local string', path: 'src/main/java/Api.java', text: `String apiKey = "${tok('java1')}";`, value: tok('java1'), rule: S },
    { what: 'a Gradle signing config', path: 'app/build.gradle', text: `signingConfigs {\n  release {\n    storePassword '${pw('gradle')}'\n  }\n}`, value: pw('gradle'), rule: P, keyName: 'storePassword' },
    { what: 'a setter call', path: 'src/main/java/Db.java', text: `dataSource.setPassword("${pw('java2')}");`, value: pw('java2'), rule: P, keyName: 'Password' },
    { what: 'a builder call', path: 'src/main/java/Db.java', text: `DataSourceBuilder.create().username("app").password("${pw('java3')}").build();`, value: pw('java3'), rule: P, keyName: 'password' },
    { what: 'a setProperty call', path: 'src/main/java/Db.java', text: `props.setProperty("password", "${HUMAN2}");`, value: HUMAN2, rule: P, keyName: 'password' },
  ],
  [
    { what: 'System.getenv', path: 'src/main/java/Db.java', text: 'String password = System.getenv("DB_PASSWORD");' },
    { what: 'a Spring placeholder', path: 'src/main/java/Db.java', text: '@Value("${db.password}") private String password;' },
    { what: 'an equals comparison', path: 'src/main/java/Db.java', text: `if (password.equals("${HUMAN}")) {}` },
    { what: 'null', path: 'src/main/java/Db.java', text: 'String password = null;' },
    { what: 'a password field name constant', path: 'src/main/java/Ui.java', text: `String passwordField = "${HUMAN}";` },
    { what: 'a validator call', path: 'src/main/java/Ui.java', text: `assertFalse(validatePassword("${HUMAN}"));` },
    { what: 'a two-argument call', path: 'src/main/java/Ui.java', text: `form.password("${HUMAN}", true);` },
    { what: 'a getter with a key', path: 'src/main/java/Api.java', text: `String t = vault.getToken("${tok('java4')}");` },
  ],
);

suiteOf(
  'Kotlin',
  [
    { what: 'a val', path: 'app/src/main/kotlin/Db.kt', text: `val password = "${HUMAN}"`, value: HUMAN, rule: P },
    { what: 'a typed val', path: 'app/src/main/kotlin/Api.kt', text: `val apiKey: String = "${tok('kt1')}"`, value: tok('kt1'), rule: S },
    { what: 'a with-builder call', path: 'app/src/main/kotlin/Api.kt', text: `val client = Client.builder().withApiKey("${tok('kt3')}").build()`, value: tok('kt3'), rule: S, keyName: 'ApiKey' },
    { what: 'a const val', path: 'app/src/main/kotlin/Auth.kt', text: `const val CLIENT_SECRET = "${tok('kt2')}"`, value: tok('kt2'), rule: S, keyName: 'CLIENT_SECRET' },
  ],
  [
    { what: 'System.getenv', path: 'app/src/main/kotlin/Db.kt', text: 'val password = System.getenv("DB_PASSWORD")' },
    { what: 'a nullable declaration', path: 'app/src/main/kotlin/Db.kt', text: 'val password: String? = null' },
    { what: 'a safe-call read', path: 'app/src/main/kotlin/Api.kt', text: 'val token = response.body()?.token' },
    { what: 'a string template', path: 'app/src/main/kotlin/Api.kt', text: 'val apiKey = "$prefix$suffix"' },
    { what: 'a secret name', path: 'app/src/main/kotlin/Api.kt', text: 'val secretName = "prod/api/key"' },
  ],
);

suiteOf(
  'C#',
  [
    { what: 'a var', path: 'src/Db.cs', text: `var password = "${HUMAN}";`, value: HUMAN, rule: P },
    { what: 'a const', path: 'src/Api.cs', text: `public const string ApiKey = "${tok('cs1')}";`, value: tok('cs1'), rule: S, keyName: 'ApiKey' },
    { what: 'a verbatim string property assignment', path: 'src/Auth.cs', text: `options.ClientSecret = @"${tok('cs2')}";`, value: tok('cs2'), rule: S },
    { what: 'a comparison with a literal (a hard-coded credential check)', path: 'src/Db.cs', text: `if (password == "${HUMAN}") {}` , value: HUMAN, rule: P },
  ],
  [
    { what: 'comparisons with another variable or a placeholder', path: 'src/Db.cs', text: 'if (password == confirmPassword || password == "") { return; }' },
    { what: 'an environment read', path: 'src/Db.cs', text: 'var password = Environment.GetEnvironmentVariable("DB_PASSWORD");' },
    { what: 'an interpolated string', path: 'src/Db.cs', text: 'string password = $"{prefix}{suffix}";' },
    { what: 'an auto-property', path: 'src/Db.cs', text: 'public string Password { get; set; }' },
    { what: 'an empty string', path: 'src/Db.cs', text: 'var password = "";' },
  ],
);

suiteOf(
  'Ruby',
  [
    { what: 'a local', path: 'lib/db.rb', text: `password = '${HUMAN}'`, value: HUMAN, rule: P },
    { what: 'a config attribute', path: 'config/initializers/api.rb', text: `config.api_key = "${tok('rb1')}"`, value: tok('rb1'), rule: S, keyName: 'config.api_key' },
    { what: 'a hash entry', path: 'lib/client.rb', text: `Client.new(auth_token: "${tok('rb2')}")`, value: tok('rb2'), rule: S },
    { what: 'a Capistrano set', path: 'config/deploy.rb', text: `set :password, '${pw('rb4')}'`, value: pw('rb4'), rule: P },
    { what: 'a hash rocket entry', path: 'lib/client.rb', text: `{ :client_secret => '${tok('rb3')}' }`, value: tok('rb3'), rule: S },
    { what: 'a comparison with a literal (a hard-coded credential check)', path: 'lib/db.rb', text: `return if password == "${HUMAN}"` , value: HUMAN, rule: P },
  ],
  [
    { what: 'comparisons with another variable or a placeholder', path: 'lib/db.rb', text: 'return if password == params[:password_confirmation] || password == "changeme"' },
    { what: 'ENV[]', path: 'lib/db.rb', text: 'password = ENV["DB_PASSWORD"]' },
    { what: 'ENV.fetch', path: 'lib/db.rb', text: 'password = ENV.fetch("DB_PASSWORD")' },
    { what: 'interpolation', path: 'lib/db.rb', text: 'token = "#{prefix}#{suffix}"' },
    { what: 'nil', path: 'lib/db.rb', text: 'password = nil' },
  ],
);

suiteOf(
  'PHP',
  [
    { what: 'a variable', path: 'src/db.php', text: `<?php\n$password = '${HUMAN}';`, value: HUMAN, rule: P, keyName: 'password' },
    { what: 'an array entry', path: 'config/services.php', text: `return ['api_key' => '${tok('php1')}',];`, value: tok('php1'), rule: S, keyName: 'api_key' },
    { what: 'a define', path: 'wp-config.php', text: `define('AUTH_SECRET', '${tok('php2')}');`, value: tok('php2'), rule: S, keyName: 'AUTH_SECRET' },
    { what: 'a key full of symbols and braces', path: 'config/app.php', text: `define('SESSION_SECRET', '${SALT}');`, value: SALT, rule: S, keyName: 'SESSION_SECRET' },
    { what: 'a random key with a space in it', path: 'config/app.php', text: `define('SIGNING_SECRET', '${SPACED_SALT}');`, value: SPACED_SALT, rule: S, keyName: 'SIGNING_SECRET' },
  ],
  [
    { what: 'getenv', path: 'src/db.php', text: "$password = getenv('DB_PASSWORD');" },
    { what: 'a Laravel env() call', path: 'config/database.php', text: "'password' => env('DB_PASSWORD'),"},
    { what: 'request input', path: 'src/login.php', text: "$password = $_POST['password'];" },
    { what: 'an HTML password input', path: 'views/login.php', text: '<input type="password" name="password" value="">' },
    { what: 'interpolation', path: 'src/a.php', text: '$token = "{$prefix}{$suffix}";' },
    { what: 'the WordPress sample key', path: 'wp-config-sample.php', text: "define('AUTH_KEY', 'put your unique phrase here');" },
    { what: 'a sentence in a secret-named constant', path: 'src/messages.php', text: "define('SECRET_HINT', 'Your secret answer must be at least eight characters long.');" },
  ],
);

suiteOf(
  'Rust',
  [
    { what: 'a let binding', path: 'src/main.rs', text: `let password = "${HUMAN}";`, value: HUMAN, rule: P },
    { what: 'a typed const', path: 'src/main.rs', text: `const API_KEY: &str = "${tok('rs1')}";`, value: tok('rs1'), rule: S, keyName: 'API_KEY' },
    { what: 'a static with a lifetime', path: 'src/main.rs', text: `static AUTH_TOKEN: &'static str = "${tok('rs2')}";`, value: tok('rs2'), rule: S },
    { what: 'a comparison with a literal (a hard-coded credential check)', path: 'src/main.rs', text: `if password == "${HUMAN}" {}` , value: HUMAN, rule: P },
  ],
  [
    { what: 'comparisons with another variable or a placeholder', path: 'src/main.rs', text: 'if password == "" || password == confirm { return; }' },
    { what: 'std::env::var', path: 'src/main.rs', text: 'let password = std::env::var("DB_PASSWORD")?;' },
    { what: 'a declaration', path: 'src/main.rs', text: 'let password: String;' },
    { what: 'a field read', path: 'src/main.rs', text: 'let token = resp.token.clone();' },
    { what: 'a token count', path: 'src/main.rs', text: 'let max_tokens = 4096;' },
  ],
);
