import { b64, hex, pw, suiteOf, tok, uuid4 } from './genericHarness';

/** Generic detection in shell, configuration and markup files, where bare words are values too. */

const P = 'generic-password' as const;
const S = 'generic-secret' as const;
const HUMAN = 'Winter2024!';
const HUMAN2 = 'hunter2!X';

suiteOf(
  'shell',
  [
    { what: 'an exported variable', path: 'scripts/deploy.sh', text: `#!/bin/sh\nexport DB_PASSWORD="${HUMAN}"\n`, value: HUMAN, rule: P, keyName: 'DB_PASSWORD' },
    { what: 'a bare assignment', path: 'scripts/deploy.sh', text: `API_TOKEN=${tok('sh1')}\ncurl -H "x: y" x`, value: tok('sh1'), rule: S },
    { what: 'a --password flag', path: 'scripts/backup.sh', text: `./restore-tool --user root --password=${HUMAN2} app.bak`, value: HUMAN2, rule: P },
    { what: 'a Dockerfile ENV', path: 'Dockerfile', text: `FROM node:20\nENV DB_PASSWORD ${pw('docker')}\n`, value: pw('docker'), rule: P },
  ],
  [
    { what: 'a variable reference', path: 'scripts/deploy.sh', text: 'export DB_PASSWORD="$DB_PASSWORD"' },
    { what: 'a command substitution', path: 'scripts/deploy.sh', text: 'TOKEN=$(vault read -field=token secret/app)' },
    { what: 'a default expansion', path: 'scripts/deploy.sh', text: 'PASSWORD=${PASSWORD:-}' },
    { what: 'an echo of the word', path: 'scripts/deploy.sh', text: 'echo "password"' },
    { what: 'a read -s prompt', path: 'scripts/deploy.sh', text: 'read -s PASSWORD' },
    { what: 'PWD as a path', path: 'scripts/deploy.sh', text: 'PWD=/home/user/project' },
    { what: 'a %VAR% reference', path: 'scripts/deploy.bat', text: 'set PASSWORD=%DB_PASSWORD%' },
  ],
);

suiteOf(
  'YAML',
  [
    { what: 'a plain scalar', path: 'config/app.yml', text: `db:\n  user: app\n  password: ${HUMAN}  # prod\n`, value: HUMAN, rule: P, keyName: 'password' },
    { what: 'a quoted api_key', path: 'config/app.yaml', text: `service:\n  api_key: "${tok('yaml1')}"\n`, value: tok('yaml1'), rule: S },
    { what: 'a value in a CRLF file', path: 'config/app.yml', text: `db:\r\n  password: ${pw('crlf')}\r\n  user: app\r\n`, value: pw('crlf'), rule: P },
    { what: 'a Kubernetes env name/value pair', path: 'k8s/deploy.yaml', text: `env:\n  - name: DB_PASSWORD\n    value: "${HUMAN2}"\n`, value: HUMAN2, rule: P, keyName: 'DB_PASSWORD' },
    { what: 'a compose environment list entry', path: 'docker-compose.yml', text: `    environment:\n      - AUTH_SECRET=${b64('yaml2')}\n`, value: b64('yaml2'), rule: S },
  ],
  [
    { what: 'a ${VAR} reference', path: 'config/app.yml', text: 'password: ${DB_PASSWORD}' },
    { what: 'a GitHub Actions secret', path: '.github/workflows/ci.yml', text: 'env:\n  TOKEN: ${{ secrets.GITHUB_TOKEN }}' },
    { what: 'a Jinja variable', path: 'ansible/vars.yml', text: 'db_password: "{{ vault_db_password }}"' },
    { what: 'an Ansible vault block', path: 'ansible/vars.yml', text: 'db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256' },
    { what: 'a secretKeyRef', path: 'k8s/deploy.yaml', text: '- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password' },
    { what: 'a SOPS value', path: 'secrets.enc.yaml', text: 'password: ENC[AES256_GCM,data:Tm90QVJlYWxWYWx1ZQ==,type:str]' },
    { what: 'a password_field name', path: 'forms.yml', text: `password_field: ${HUMAN}` },
    { what: 'a label sentence', path: 'locales/en.yml', text: 'en:\n  password: Enter your password' },
    { what: 'changeme', path: 'config/app.yml', text: 'password: changeme' },
    { what: 'a Helm template value', path: 'chart/templates/secret.yaml', text: 'password: "{{ .Values.db.password }}"' },
    { what: 'a 1Password reference', path: 'config/app.yml', text: 'api_key: op://vault/item/credential' },
  ],
);

suiteOf(
  'JSON',
  [
    { what: 'a password member', path: 'config/app.json', text: `{\n  "password": "${HUMAN}"\n}`, value: HUMAN, rule: P },
    { what: 'an apiKey member', path: 'appsettings.json', text: `{"Service": {"apiKey": "${tok('json1')}"}}`, value: tok('json1'), rule: S, keyName: 'apiKey' },
    { what: 'a quoted key with a space', path: 'export.json', text: `{"API Key": "${tok('json3')}"}`, value: tok('json3'), rule: S, keyName: 'API Key' },
    { what: 'a name/value pair (ECS task definition)', path: 'taskdef.json', text: `"environment": [{"name": "API_TOKEN", "value": "${tok('json2')}"}]`, value: tok('json2'), rule: S, keyName: 'API_TOKEN' },
  ],
  [
    { what: 'null', path: 'config/app.json', text: '{"password": null}' },
    { what: 'an empty string', path: 'config/app.json', text: '{"password": ""}' },
    { what: 'a token count', path: 'config/app.json', text: '{"token_count": 12345678}' },
    { what: 'a token URL', path: 'config/app.json', text: '{"tokenUrl": "https://login.example.com/oauth2/token"}' },
    { what: 'an angle-bracket placeholder', path: 'config/app.json', text: '{"password": "<your-password>"}' },
    { what: 'a Secrets Manager ARN', path: 'config/app.json', text: '{"client_secret": "arn:aws:secretsmanager:us-east-1:123456789012:secret:app-Abc123"}' },
    { what: 'a CloudFormation dynamic reference', path: 'template.json', text: '{"MasterUserPassword": "{{resolve:secretsmanager:db:SecretString:password}}"}' },
    { what: 'an Azure Key Vault reference', path: 'appsettings.json', text: '{"ApiKey": "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/api)"}' },
    { what: 'a GCP Secret Manager name', path: 'config/app.json', text: '{"api_key": "projects/my-project/secrets/api-key/versions/latest"}' },
    { what: 'an integrity hash under a token name', path: 'meta.json', text: `{"token": "sha512-${b64('sri')}"}` },
    { what: 'a sentence used as a key', path: 'locales/de.json', text: `{"Please enter your password": "${HUMAN}"}` },
    { what: 'a JSON schema property', path: 'schema.json', text: '{"password": {"type": "string", "format": "password"}}' },
    { what: 'a lock file, whatever it holds', path: 'package-lock.json', text: `{"packages": {"": {"token": "${tok('lock')}", "integrity": "sha512-${b64('lock')}"}}}` },
  ],
);

suiteOf(
  'TOML',
  [
    { what: 'a password', path: 'config.toml', text: `[database]\npassword = "${HUMAN}"\n`, value: HUMAN, rule: P },
    { what: 'a literal-string api_key', path: 'Settings.toml', text: `api_key = '${tok('toml1')}'`, value: tok('toml1'), rule: S },
    { what: 'a secret in a table', path: 'config.toml', text: `[auth]\nsecret = "${hex('toml2')}"\n`, value: hex('toml2'), rule: S, keyName: 'secret' },
  ],
  [
    { what: 'an empty password', path: 'config.toml', text: 'password = ""' },
    { what: 'a ${VAR} reference', path: 'config.toml', text: 'password = "${DB_PASSWORD}"' },
    { what: 'a token file path', path: 'config.toml', text: 'token_file = "/run/secrets/token"' },
    { what: 'a mask', path: 'config.toml', text: 'password = "xxxxxxxx"' },
    { what: 'a 1Password reference', path: 'config.toml', text: 'secret = "op://vault/item/field"' },
  ],
);

suiteOf(
  'INI / properties',
  [
    { what: 'a dotted Spring key', path: 'src/main/resources/application.properties', text: `spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.password=${HUMAN}\n`, value: HUMAN, rule: P, keyName: 'spring.datasource.password' },
    { what: 'an INI section entry', path: 'config/db.ini', text: `[db]\npassword = ${HUMAN2}\n`, value: HUMAN2, rule: P },
    { what: 'a credentials-file key', path: 'deploy/aws.cfg', text: `[default]\nclient_secret = ${b64('ini1')}\n`, value: b64('ini1'), rule: S },
  ],
  [
    { what: 'a placeholder reference', path: 'src/main/resources/application.properties', text: 'spring.datasource.password=${DB_PASSWORD}' },
    { what: 'an empty value', path: 'config/db.ini', text: 'password=' },
    { what: 'changeme', path: 'config/db.ini', text: 'password = changeme' },
    { what: 'a hint sentence', path: 'messages.properties', text: 'password.hint=Enter your password' },
    { what: 'a %VAR% reference', path: 'config/db.ini', text: 'password=%DB_PASSWORD%' },
  ],
);

suiteOf(
  '.env',
  [
    { what: 'a bare password', path: '.env', text: `DB_HOST=localhost\nDB_PASSWORD=${HUMAN}\n`, value: HUMAN, rule: P, keyName: 'DB_PASSWORD' },
    { what: 'a double-quoted key', path: '.env.production', text: `PAYMENT_API_KEY="${tok('env1')}"`, value: tok('env1'), rule: S },
    { what: 'a single-quoted secret', path: 'app.env', text: `AUTH_SECRET='${tok('env2')}'`, value: tok('env2'), rule: S },
    { what: 'a random UUID as an ACL token', path: '.env', text: `CONSUL_HTTP_TOKEN=${uuid4('env3')}`, value: uuid4('env3'), rule: S },
    { what: 'a random UUID as an API key', path: '.env', text: `BILLING_API_KEY="${uuid4('env4')}"`, value: uuid4('env4'), rule: S },
  ],
  [
    { what: 'an empty value', path: '.env', text: 'DB_PASSWORD=' },
    { what: 'changeme', path: '.env', text: 'DB_PASSWORD=changeme' },
    { what: 'a your-... placeholder', path: '.env.example', text: 'API_KEY=your-api-key-here' },
    { what: 'a variable reference', path: '.env', text: 'TOKEN=$OTHER_TOKEN' },
    { what: 'a secret name', path: '.env', text: 'SECRET_NAME=prod-db-password' },
    { what: 'an alphabet sequence', path: '.env', text: 'API_KEY=abcdefghijklmnopqrstuvwxyz' },
    { what: 'a digit sequence password', path: '.env', text: 'DB_PASSWORD=123456789' },
    { what: 'repeated characters', path: '.env', text: 'AUTH_TOKEN=aaaaaaaaaaaaaaaaaaaaaaaa' },
    { what: 'a time-based (v1) UUID under a token name', path: '.env', text: 'SESSION_TOKEN=6ba7b810-9dad-11d1-80b4-00c04fd430c8' },
    { what: 'a random UUID under an id name', path: '.env', text: `AZURE_CLIENT_ID=${uuid4('env5')}` },
    { what: 'the OpenAPI sample UUID under a token name', path: '.env', text: 'API_TOKEN=3fa85f64-5717-4562-b3fc-2c963f66afa6' },
    { what: 'a Vault path reference', path: '.env', text: 'DB_PASSWORD=vault:secret/data/app#password' },
  ],
);

suiteOf(
  'XML',
  [
    { what: 'a password element', path: 'conf/settings.xml', text: `<server>\n  <id>repo</id>\n  <password>${HUMAN}</password>\n</server>`, value: HUMAN, rule: P, keyName: 'password' },
    { what: 'an appSettings key/value', path: 'Web.config', text: `<appSettings>\n  <add key="ApiKey" value="${tok('xml1')}" />\n</appSettings>`, value: tok('xml1'), rule: S, keyName: 'ApiKey' },
    { what: 'a Spring property name/value', path: 'beans.xml', text: `<property name="password" value="${HUMAN2}"/>`, value: HUMAN2, rule: P },
    { what: 'a properties-XML entry', path: 'conf/app-properties.xml', text: `<properties>\n  <entry key="db.password">${HUMAN}</entry>\n</properties>`, value: HUMAN, rule: P, keyName: 'db.password' },
    { what: 'a password attribute', path: 'context.xml', text: `<Resource name="jdbc/app" username="app" password="${pw('xml2')}" />`, value: pw('xml2'), rule: P },
  ],
  [
    { what: 'a property placeholder', path: 'conf/settings.xml', text: '<password>${db.password}</password>' },
    { what: 'an HTML password input', path: 'login.html', text: '<input type="password" name="password" id="password"/>' },
    { what: 'a label', path: 'login.html', text: '<label for="password">Password</label>' },
    { what: 'an empty element', path: 'conf/settings.xml', text: '<password></password>' },
    { what: 'a token URL value', path: 'Web.config', text: '<add key="TokenUrl" value="https://login.example.com/token" />' },
    { what: 'a self-closing entry followed by other text', path: 'conf/app-properties.xml', text: `<entry key="db.password"/>\n<note>${HUMAN}</note>` },
    { what: 'a Maven encrypted password', path: 'conf/settings.xml', text: '<password>{COQLCE6DU6GtcS5P=}</password>' },
  ],
);

suiteOf(
  'HCL / Terraform',
  [
    { what: 'a resource argument', path: 'infra/db.tf', text: `resource "aws_db_instance" "db" {\n  password = "${HUMAN}"\n}`, value: HUMAN, rule: P, keyName: 'password' },
    { what: 'a variable default', path: 'infra/variables.tf', text: `variable "db_password" {\n  type      = string\n  sensitive = true\n  default   = "${HUMAN2}"\n}`, value: HUMAN2, rule: P, keyName: 'db_password' },
    { what: 'a provider token', path: 'infra/main.tf', text: `provider "cloud" {\n  api_key = "${tok('tf1')}"\n}`, value: tok('tf1'), rule: S },
  ],
  [
    { what: 'a variable reference', path: 'infra/db.tf', text: 'password = var.db_password' },
    { what: 'a random_password result', path: 'infra/db.tf', text: 'password = random_password.db.result' },
    { what: 'an interpolation', path: 'infra/db.tf', text: 'password = "${var.db_password}"' },
    { what: 'a secret ARN', path: 'infra/db.tf', text: 'secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"' },
    { what: 'a data source read', path: 'infra/db.tf', text: 'password = data.aws_secretsmanager_secret_version.db.secret_string' },
    { what: 'a variable without default', path: 'infra/variables.tf', text: 'variable "db_password" {\n  type = string\n}\nvariable "region" {\n  default = "eu-west-1"\n}' },
  ],
);

suiteOf(
  'other text files',
  [
    { what: 'a note with a colon', path: 'notes/servers.txt', text: `staging box\npassword: ${HUMAN}\n`, value: HUMAN, rule: P },
    { what: 'a file without extension', path: 'deploy/credentials', text: `[default]\nclient_secret=${b64('txt1')}\n`, value: b64('txt1'), rule: S },
    { what: 'a Vim script literal', path: 'plugin/remote.vim', text: `let g:remote_token = '${tok('vim')}'`, value: tok('vim'), rule: S },
  ],
  [
    { what: 'a Vim prompt call', path: 'plugin/remote.vim', text: 'let s:netrw_passwd = inputsecret("Enter Password: ")' },
    { what: 'a Vim variable copy', path: 'plugin/remote.vim', text: 'let s:netrw_hup[host].passwd = s:netrw_passwd' },
    { what: 'an anonymous FTP password', path: 'lib/Net/FTP.pm', text: "$pass = '-anonymous@'" },
    { what: 'a prose sentence', path: 'notes/howto.txt', text: 'The password: is asked for at login, the token: comes from the vault.' },
    { what: 'a call glued to a string', path: 'notes/snippet.txt', text: 'password = ini_get("mysql.default_password")' },
  ],
);

suiteOf(
  'vague names qualified by their context',
  [
    { what: 'an ASP.NET Jwt:Key in appsettings.json', path: 'src/Api/appsettings.json', text: `{\n  "Jwt": {\n    "Issuer": "api",\n    "Key": "${tok('ctx1')}"\n  }\n}\n`, value: tok('ctx1'), rule: S, keyName: 'Jwt.Key' },
    { what: 'a YAML jwt.key', path: 'config/application.yaml', text: `jwt:\n  issuer: api\n  key: ${tok('ctx2')}\n`, value: tok('ctx2'), rule: S, keyName: 'jwt.key' },
    { what: 'an api_key query parameter in a template literal', path: 'src/client.js', text: `fetch(\`https://api.example.test/v1/items?page=2&api_key=${tok('ctx3')}\`);`, value: tok('ctx3'), rule: S },
    { what: 'a Secret= part of a connection string in code', path: 'src/Clients.cs', text: `var c = new Client("Endpoint=https://svc.example.test/;Id=app;Secret=${tok('ctx4')}");`, value: tok('ctx4'), rule: S },
    { what: 'a YAML !!str tagged password', path: 'config/app.yml', text: `db:\n  password: !!str ${pw('ctx5')}\n`, value: pw('ctx5'), rule: P },
    { what: 'an Apache SetEnv', path: 'public/.htaccess', text: `RewriteEngine On\nSetEnv DB_PASSWORD ${pw('ctx6')}\n`, value: pw('ctx6'), rule: P },
  ],
  [
    { what: 'a Key under a non-secret parent', path: 'src/Api/appsettings.json', text: `{ "Logging": { "Key": "${tok('ctxn1')}" } }` },
    { what: 'a cache key in YAML', path: 'config/app.yaml', text: `cache:\n  key: ${tok('ctxn2')}\n` },
    { what: 'a Key in an array element', path: 'config/keys.json', text: `{ "Jwt": [ { "Key": "${tok('ctxn3')}" } ] }` },
    { what: 'a query parameter that is a reference', path: 'src/client.js', text: 'fetch(`https://api.example.test/v1?api_key=${apiKey}`);' },
    { what: 'a YAML !!str tagged placeholder', path: 'config/app.yml', text: 'db:\n  password: !!str changeme\n' },
    { what: 'an Apache SetEnv of a non-secret', path: 'public/.htaccess', text: 'SetEnv APP_ENV production\nSetEnv DB_PASSWORD_FILE /run/secrets/db\n' },
  ],
);
