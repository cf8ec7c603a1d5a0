import { chars } from '../../server/src/engine/rules/fake';
import { pw, suiteOf, tok } from './genericHarness';

/** A generated app-password-shaped value: 16 random lower-case letters. */
const letters16 = chars('abcdefghijklmnopqrstuvwxyz', 16, 'idioms:app-password');

/** A generated 32-hex-character key (Algolia's key shape). */
const hexOf = (label: string) => chars('0123456789abcdef', 32, `idioms:hex:${label}`);

const P = 'generic-password' as const;
const S = 'generic-secret' as const;

/** Idioms found missing by writing leaks the way people commit them (notebooks, formatters, C#, C). */
suiteOf(
  'idioms: embedded strings, wrapped lines, properties, macros, conversions',
  [
    { what: 'code in a notebook cell (escaped quotes)', path: 'notebooks/analysis.ipynb', text: `{"cells": [{"source": ["import os\\n", "password = \\"${pw('i1')}\\"\\n"]}]}`, value: pw('i1'), rule: P },
    { what: 'an env assignment in a package.json script', path: 'package.json', text: `{ "scripts": { "db": "PGPASSWORD=${pw('i2')} psql -h db" } }`, value: pw('i2'), rule: P },
    { what: 'a value wrapped onto the next line (black)', path: 'app/settings.py', text: `API_KEY = (\n    "${tok('i3')}"\n)\n`, value: tok('i3'), rule: S },
    { what: 'a value wrapped onto the next line (prettier)', path: 'src/config.ts', text: `const STRIPE_SECRET_TOKEN =\n  "${tok('i4')}";\n`, value: tok('i4'), rule: S },
    { what: 'a C# auto-property initialiser', path: 'src/Settings.cs', text: `public string Password { get; set; } = "${pw('i5')}";`, value: pw('i5'), rule: P },
    { what: 'a C #define', path: 'firmware/config.h', text: `#define WIFI_PASSWORD "${pw('i6')}"`, value: pw('i6'), rule: P },
    { what: 'a YAML anchor before the value', path: 'config/app.yml', text: `db:\n  password: &db_pw "${pw('i7')}"\n`, value: pw('i7'), rule: P },
    { what: 'a crontab line', path: 'deploy/crontab', text: `0 2 * * * PGPASSWORD=${pw('i8')} pg_dump app > /backup/app.sql`, value: pw('i8'), rule: P },
    { what: 'a Go []byte conversion', path: 'auth/jwt.go', text: `var jwtKey = []byte("${tok('i9')}")`, value: tok('i9'), rule: S },
    { what: 'a Rust String::from', path: 'src/main.rs', text: `let api_token = String::from("${tok('i10')}");`, value: tok('i10'), rule: S },
    { what: 'a short _PW name', path: '.env', text: `LDAP_BIND_PW=${pw('i11')}`, value: pw('i11'), rule: P },
    { what: 'an ARM parameter file value', path: 'deploy/azuredeploy.parameters.json', text: `{\n  "parameters": {\n    "adminPassword": {\n      "value": "${pw('i12')}"\n    }\n  }\n}\n`, value: pw('i12'), rule: P, keyName: 'adminPassword.value' },
    { what: 'a CloudFormation parameter default', path: 'deploy/rds.yaml', text: `Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n    Default: ${pw('i13')}\n`, value: pw('i13'), rule: P },
    { what: 'a Bicep parameter default', path: 'deploy/main.bicep', text: `@secure()\nparam adminPassword string = '${pw('i14')}'\n`, value: pw('i14'), rule: P },
    { what: 'a flag and its value as array elements', path: 'docker-compose.yml', text: `services:\n  app:\n    command: ["--admin-password", "${pw('i15')}"]\n`, value: pw('i15'), rule: P },
    { what: 'a flag=value array element', path: 'k8s/deployment.yaml', text: `        args: ["--db-password=${pw('i16')}", "--port=8080"]\n`, value: pw('i16'), rule: P },
    { what: 'a C++ brace initialisation', path: 'firmware/net.cpp', text: `std::string password{"${pw('i17')}"};`, value: pw('i17'), rule: P },
    { what: 'a libpq connection string in Go', path: 'internal/store.go', text: `db, err := sql.Open("postgres", "host=pg01 user=inv password=${pw('i18')} dbname=inv sslmode=require")`, value: pw('i18'), rule: P },
    { what: 'a Gmail app password under a mail name', path: 'mysite/settings.py', text: `EMAIL_HOST_PASSWORD = "${letters16}"`, value: letters16, rule: P },
    { what: 'a .properties entry with a blank separator', path: 'legacy/mail.properties', text: `mail.smtp.host smtp.corp.test\nmail.smtp.password ${pw('i20')}\n`, value: pw('i20'), rule: P },
    { what: 'a fluentd output password', path: 'fluentd/fluent.conf', text: `<match **>\n  @type elasticsearch\n  user elastic\n  password ${pw('i21')}\n</match>\n`, value: pw('i21'), rule: P },
    { what: 'a one-line YAML block scalar', path: 'config/app.yaml', text: `db:\n  password: |\n    ${pw('i22')}\n  host: db\n`, value: pw('i22'), rule: P },
    { what: "a Ruby ENV.fetch block's default", path: 'config/database.yml', text: `  password: <%= ENV.fetch("DATABASE_PASSWORD") { "${pw('i19')}" } %>`, value: pw('i19'), rule: P },
    { what: 'a C char array', path: 'firmware/mqtt.c', text: `static const char mqtt_password[] = "${pw('i30')}";`, value: pw('i30'), rule: P },
    { what: 'a C++ constexpr array holding a signing key', path: 'src/sign.cc', text: `constexpr char kSigningKey[] = "${tok('i31')}";`, value: tok('i31'), rule: S },
    { what: 'a Rust byte-string static', path: 'src/auth.rs', text: `static JWT_SECRET: &[u8] = b"${tok('i32')}";`, value: tok('i32'), rule: S },
    { what: 'an Elixir module attribute', path: 'lib/client.ex', text: `  @auth_token "${tok('i33')}"`, value: tok('i33'), rule: S },
    { what: 'a PowerShell -Password parameter', path: 'deploy/backup.ps1', text: `Invoke-Sqlcmd -ServerInstance "db01" -Username "svc" -Password "${pw('i34')}" \``, value: pw('i34'), rule: P },
    { what: 'a mysql_real_connect password', path: 'src/db.c', text: `if (!mysql_real_connect(conn, "db01", "etl", "${pw('i35')}", "orders", 3306, NULL, 0)) {`, value: pw('i35'), rule: P },
    { what: "libcurl's CURLOPT_USERPWD (the password part)", path: 'src/http.cpp', text: `curl_easy_setopt(curl, CURLOPT_USERPWD, "crm_app:${pw('i36')}");`, value: pw('i36'), rule: P },
    { what: "R httr's authenticate()", path: 'R/client.R', text: `resp <- GET(url, authenticate("webapp", "${pw('i37')}", type = "basic"))`, value: pw('i37'), rule: P },
    { what: 'an OpenResty Redis auth', path: 'lua/cache.lua', text: `local res, err = red:auth("${pw('i38')}")`, value: pw('i38'), rule: P },
    { what: 'a deploy key in a Jenkinsfile', path: 'Jenkinsfile', text: `def deployKey = '${tok('i39')}'`, value: tok('i39'), rule: S },
    { what: 'a random key with a short placeholder word inside by chance', path: 'app/settings.py', text: `PARTNER_API_KEY = "${tok('i40').slice(0, 12)}ctBdy${tok('i41')}"`, value: `${tok('i40').slice(0, 12)}ctBdy${tok('i41')}`, rule: S },
    { what: 'a .NET appSettings key qualified by its section', path: 'src/Web/Web.config', text: `  <add key="Cloudflare:CloudflareApiToken" value="${tok('i42')}" />`, value: tok('i42'), rule: S },
    { what: 'an Algolia key in an indexing script (no search block)', path: 'scripts/reindex.js', text: `const client = algoliasearch('BH4D9OD16A', '${hexOf('alg2')}');
const apiKey = '${hexOf('alg3')}';
`, value: hexOf('alg3'), rule: S },
    // Layouts from the layout probe.
    { what: 'a Python triple-quoted literal', path: 'shop/settings_local.py', text: `SECRET_KEY = """${tok('i43')}"""`, value: tok('i43'), rule: S },
    { what: "an R '<-' assignment", path: 'R/analysis.R', text: `api_key <- "${hexOf('r1')}"`, value: hexOf('r1'), rule: S },
    { what: 'a Clojure keyword map', path: 'src/shop/core.clj', text: `(def db {:dbtype "postgresql" :user "shop" :password "${pw('i44')}"})`, value: pw('i44'), rule: P },
    { what: 'an Erlang application environment tuple', path: 'config/sys.config', text: `[{shop, [{db_user, "shop"}, {db_password, "${pw('i45')}"}]}].`, value: pw('i45'), rule: P },
    { what: 'an Android meta-data name and value', path: 'app/src/main/AndroidManifest.xml', text: `    <meta-data android:name="io.acme.API_SECRET" android:value="${hexOf('am1')}"/>`, value: hexOf('am1'), rule: S },
    { what: 'a .properties value continued on the next line', path: 'src/main/resources/db.properties', text: `db.url = jdbc:mysql://db:3306/app\ndb.password = \\\n    ${pw('i46')}\ndb.pool.size = 10\n`, value: pw('i46'), rule: P },
    { what: "a SQL Server N'…' string", path: 'db/linked_server.sql', text: `EXEC sp_addlinkedsrvlogin @rmtsrvname = N'LEGACY', @rmtuser = N'etl', @rmtpassword = N'${pw('i47')}';`, value: pw('i47'), rule: P },
    // Artifacts: a HAR request body (JSON inside a JSON string), printed structs in crash logs.
    { what: 'a password in a HAR request body', path: 'debug/session.har', text: `          "text": "{\\"email\\":\\"olga@example.net\\",\\"password\\":\\"${pw('i48')}\\",\\"remember\\":true}"`, value: pw('i48'), rule: P },
    { what: "a Go struct printed with %+v", path: 'logs/panic.txt', text: `panic: dial redis: NOAUTH config={Addr:redis.internal:6379 Username:default Password:${pw('i49')} DB:0 PoolSize:20}`, value: pw('i49'), rule: P },
    { what: "a Java toString() in a stack trace", path: 'logs/billing-crash.log', text: `Caused by: IllegalStateException: DataSourceProperties{url=jdbc:mysql://db:3306/billing, username=billing, password=${pw('i50')}, driverClassName=com.mysql.cj.jdbc.Driver}`, value: pw('i50'), rule: P },
    { what: 'a password noted in an SQL comment', path: 'db/migrate/0042_orders.sql', text: `-- admin password: ${pw('i51')}\nALTER TABLE orders ADD COLUMN status text;`, value: pw('i51'), rule: P },
    { what: 'a token noted in a Python comment', path: 'app/client.py', text: `# api_token = ${tok('i52')}\nAPI_TOKEN = os.environ["API_TOKEN"]`, value: tok('i52'), rule: S },
    { what: "a command's environment in a workflow script", path: '.github/workflows/migrate.yml', text: `jobs:\n  migrate:\n    steps:\n      - run: |\n          PGPASSWORD=${pw('i53')} psql -h db.internal -U migrator -f schema.sql\n`, value: pw('i53'), rule: P },
    { what: 'an Info.plist key and string', path: 'ios/App/Info.plist', text: `<dict>\n\t<key>AlgoliaApplicationID</key>\n\t<string>BDR720RH5M</string>\n\t<key>AlgoliaAdminAPIKey</key>\n\t<string>${hexOf('pl1')}</string>\n</dict>\n`, value: hexOf('pl1'), rule: S },
    { what: 'an sbt Credentials(realm, host, user, password)', path: 'build.sbt', text: `    credentials += Credentials("Sonatype Nexus Repository Manager", "nexus.example.net", "deployer", "${pw('i54')}"),`, value: pw('i54'), rule: P },
    { what: "SQL options written name 'value'", path: 'db/V31__reporting_fdw.sql', text: `CREATE USER MAPPING FOR ledger_rw SERVER warehouse\n  OPTIONS (user 'ledger_reader', password '${pw('i55')}');\n`, value: pw('i55'), rule: P },
    // Lists and maps under a plural secret name: the entries' labels say nothing.
    { what: 'a Python dict of partner API keys', path: 'app/api_keys.py', text: `PARTNER_API_KEYS = {\n    "acme-freight": "${tok('i56')}",\n}\n`, value: tok('i56'), rule: S },
    { what: 'a JavaScript array of valid tokens', path: 'src/auth.js', text: `const VALID_TOKENS = [\n  '${tok('i57')}',\n];\n`, value: tok('i57'), rule: S },
    { what: 'a YAML map of API keys', path: 'config/partners.yml', text: `api_keys:\n  partner: ${tok('i58')}\nlog_level: info\n`, value: tok('i58'), rule: S },
    // Logins written as prose in documentation.
    { what: 'a login in backticks in a notes file', path: 'ops/grafana-notes.txt', text: `Grafana\n\nAdmin login (break-glass only): \`admin\` / \`${pw('i59')}\`\n`, value: pw('i59'), rule: P },
    { what: 'a user/password line in a text file', path: 'ops/staging.txt', text: `Staging username/password: deploy / ${pw('i60')}\n`, value: pw('i60'), rule: P },
    // Mixed-files probe: daemon and tool configurations.
    { what: "php-fpm's env[NAME] = v", path: 'php-fpm.d/sparrow.conf', text: `env[DB_USER] = sparrow\nenv[DB_PASSWORD] = ${pw('i61')}\n`, value: pw('i61'), rule: P },
    { what: "SSSD's ldap_default_authtok", path: 'etc/sssd/sssd.conf', text: `[domain/zorg]\nldap_default_authtok_type = password\nldap_default_authtok = ${pw('i62')}\n`, value: pw('i62'), rule: P },
    { what: "Airflow's fernet_key", path: 'airflow/airflow.cfg', text: `[core]\n# Secret key to save connection passwords in the db\nfernet_key = ${tok('i63')}\n`, value: tok('i63'), rule: S },
    { what: "Alertmanager's PagerDuty routing_key", path: 'alertmanager.yml', text: `receivers:\n  - name: pagerduty\n    pagerduty_configs:\n      - routing_key: ${hexOf('pd1')}\n`, value: hexOf('pd1'), rule: S },
    { what: 'a password in an msmtp rc file', path: '.msmtprc', text: `account        work\nhost           smtp.example.net\nuser           mallory@example.net\npassword       ${pw('i64')}\n`, value: pw('i64'), rule: P },
    { what: 'a season-and-year password under a secret name', path: 'src/server.js', text: "app.use(session({ name: 'sid', secret: 'Maple2024', resave: false }));", value: 'Maple2024', rule: P },
  ],
  [
    { what: 'an escaped reference in a notebook', path: 'notebooks/a.ipynb', text: '{"source": ["password = \\"{{ pw }}\\"\\n"]}' },
    { what: 'a wrapped call on the next line', path: 'app/settings.py', text: 'API_KEY = (\n    get_secret("api-key")\n)\n' },
    { what: 'a wrapped value followed by more code', path: 'src/config.ts', text: `const apiKey =\n  "${tok('in1')}" + suffix;\n` },
    { what: 'a getter-only property', path: 'src/Settings.cs', text: 'public string Password { get; } = LoadPassword();' },
    { what: 'an empty triple-quoted literal and a docstring', path: 'app/settings.py', text: 'SECRET_KEY = """"""\nAPI_TOKEN = """\n    multi-line help text\n"""\n' },
    { what: 'a Go channel send', path: 'internal/auth/tokens.go', text: 'tokens <- token' },
    { what: 'a Secrets Manager ARN', path: 'serverless.yml', text: 'provider:\n  environment:\n    DB_SECRET_ARN: arn:aws:secretsmanager:us-east-1:604712345678:secret:ledger/prod-db-AbC123\n' },
    { what: 'plist keys naming a header, and sbt credentials from a file', path: 'ios/App/Info.plist', text: '<dict>\n\t<key>APIKeyHeader</key>\n\t<string>X-Api-Key</string>\n\t<key>NSCameraUsageDescription</key>\n\t<string>Scan barcodes</string>\n</dict>\n' },
    { what: 'sbt credentials read from a file', path: 'build.sbt', text: 'credentials += Credentials(Path.userHome / ".sbt" / ".credentials")' },
    { what: 'routing keys of a message broker, and a fernet key read from the environment', path: 'config/broker.yml', text: 'exchange:\n  routing_key: orders.created\nfernet_key: ${AIRFLOW__CORE__FERNET_KEY}\n' },
    { what: 'prose about logins without a password', path: 'docs/login.md', text: 'Login: user / password\nCredentials: admin / admin\nSign in: SSO / Google\n* fix HasOnly(capability) in node::credentials (Tobias) [nodejs-private/node-private#505](https://example.net)\n-   [Client Credential Grant](https://oauth.net/2/grant-types/client-credentials/)\n' },
    { what: 'lists under plural names of non-secrets, references and placeholders', path: 'app/settings.py', text: `page_tokens = ["${tok('in2')}"]\nDkimTokens = [\n    "${tok('in3').toLowerCase()}",\n]\nPARTNER_API_KEYS = {\n    "acme": os.environ["ACME_KEY"],\n    "globex": "changeme",\n}\n` },
    { what: 'comments that describe or read a secret', path: 'app/client.py', text: "# password: the user's password, hashed\n# api_key: os.environ['API_KEY']\n# token = get_token()\n// apiKey = props.apiKey\n# SECRET_KEY = SECRET_KEY_FROM_ENV\n" },
    { what: 'a description after a name in prose', path: 'docs/notes.txt', text: 'password: required field, at least 12 characters' },
    { what: 'a Clojure keyword with a placeholder', path: 'src/shop/core.clj', text: '(def db {:user "shop" :password "changeme"})' },
    { what: 'a .properties continuation holding a reference', path: 'src/main/resources/db.properties', text: 'db.password = \\\n    ${DB_PASSWORD}\n' },
    { what: 'a #define of a non-secret', path: 'firmware/config.h', text: '#define WIFI_SSID "home-network"' },
    { what: 'a conversion of a variable', path: 'auth/jwt.go', text: 'var jwtKey = []byte(os.Getenv("JWT_KEY"))' },
    { what: 'a Mapbox public token', path: 'src/map.js', text: `const map = new mapboxgl.Map({ accessToken: "pk.eyJ${tok('mb1')}.${tok('mb2')}" });` },
    { what: 'a translated password label', path: 'config/locales/es.yml', text: 'es:\n  password: "Contraseña"\n' },
    { what: 'an ARM parameter that references Key Vault', path: 'deploy/azuredeploy.parameters.json', text: '{ "adminPassword": { "reference": { "keyVault": { "id": "/subscriptions/x" }, "secretName": "admin" } } }' },
    { what: 'a value under a non-secret parent', path: 'deploy/params.json', text: `{ "region": { "value": "${tok('in2')}" } }` },
    { what: 'a .properties message with a blank separator', path: 'src/main/resources/messages.properties', text: 'password.hint Enter your password\nlogin.password Password\n' },
    { what: 'a multi-line YAML block scalar', path: 'config/app.yaml', text: 'help:\n  password: |\n    Use at least 12 characters,\n    with digits and symbols.\n' },
    { what: 'argparse option definitions', path: 'tools/cli.py', text: 'parser.add_argument("--password", type=str, required=True)\nparser.add_argument("--token", nargs="?", const=True, default=False)\n@click.option("--password", prompt=True, hide_input=True)\n' },
    { what: 'a camelCase placeholder with an acronym', path: 'src/Api/appsettings.json', text: '{ "Jwt": { "Key": "JwtSigningKeyFromVault" } }' },
    { what: 'a Pusher app key (public)', path: 'src/pusher.ts', text: 'export const PUSHER_KEY = process.env.PUSHER_APP_KEY || "de504dc5763aeef9ff52";' },
    { what: 'a your-... app password placeholder', path: '.env.example', text: 'GMAIL_APP_PASSWORD=your16charapppwd' },
    { what: 'PAM password lines', path: 'pam.d/common.conf', text: 'auth required pam_unix.so\npassword required pam_unix.so sha512 shadow\n' },
    { what: 'letters only under a non-mail name', path: 'app/settings.py', text: `DB_PASSWORD = "${letters16}"` },
    { what: 'a libpq string without a password literal', path: 'internal/store.go', text: 'db, err := sql.Open("postgres", "host=pg01 user=inv dbname=inv sslmode=require")' },
    { what: 'a C array indexed, not declared', path: 'src/buf.c', text: 'password[0] = \'\\0\';' },
    { what: 'a PowerShell parameter from a variable', path: 'deploy/backup.ps1', text: 'Invoke-Sqlcmd -Username "svc" -Password $env:SQL_PASSWORD' },
    { what: 'a placeholder word as a word', path: '.env.example', text: 'API_TOKEN=fake-token-for-local-dev-1234\nDB_PASSWORD=TODO_set_me_9\n' },
    { what: "Docusaurus' DocSearch block (a search-only key)", path: 'website/docusaurus.config.js', text: `  themeConfig: {
    algolia: {
      appId: 'BH4D9OD16A',
      apiKey: '${hexOf('alg1')}',
      indexName: 'docs',
    },
  },
` },
    { what: 'a PostHog project API key (public, write-only)', path: '.env', text: `POSTHOG_API_KEY=phc_${tok('ph1')}${tok('ph2').slice(0, 11)}\n` },
    { what: "VitePress' Algolia search options", path: 'docs/.vitepress/config.ts', text: `search: { provider: 'algolia', options: { appId: 'BH4D9OD16A', apiKey: '${hexOf('alg4')}', indexName: 'vitepress' } }` },
  ],
);
