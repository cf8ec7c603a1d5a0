import { generateKeyPairSync } from 'node:crypto';
import { strict as assert } from 'node:assert';
import { Engine, resolveSettings } from '../../server/src/engine';
import { ALNUM, BASE64, chars, HEX } from '../../server/src/engine/rules/fake';
import { shannonEntropy } from '../../server/src/engine/values';
import { fakePem } from '../../server/src/engine/rules/keys/privateKeys';

/**
 * Shapes found by independent probes of application and infrastructure repositories (written by
 * helpers without sight of the code): each false positive and miss they showed, as a generated case.
 */
describe('cases from the application and infrastructure probes', () => {
  const engine = new Engine(resolveSettings({}));
  const secrets = (text: string, path: string) => engine.scan(text, path).findings.filter((f) => f.kind === 'secret').map((f) => f.ruleId);
  const pw = (label: string) => `${chars(ALNUM, 14, `probe6:${label}`)}#7`;

  it('ignores committed ciphertext: dotenvx values and SOPS values in a Secret manifest', () => {
    const dotenvx = `DOTENV_PUBLIC_KEY_PRODUCTION="02${chars(HEX, 64, 'dx1')}"\nSTRIPE_SECRET_KEY="encrypted:${chars(BASE64, 120, 'dx2')}"\nSESSION_SECRET="encrypted:${chars(BASE64, 160, 'dx3')}"\n`;
    assert.deepEqual(secrets(dotenvx, '.env.production'), []);
    const sops = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: checkout\ntype: Opaque\nstringData:\n  DB_PASSWORD: ENC[AES256_GCM,data:${chars(BASE64, 24, 'sp1')},iv:${chars(BASE64, 44, 'sp2')},tag:${chars(BASE64, 24, 'sp3')},type:str]\nsops:\n  version: 3.8.1\n`;
    assert.deepEqual(secrets(sops, 'k8s/secrets/checkout.enc.yaml'), []);
  });

  it('ignores user names, hosts and databases in a Secret manifest, and still reports its password', () => {
    const password = pw('k1');
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\nstringData:\n  DB_USER: buildagent\n  POSTGRES_DATABASE: orders\n  SMTP_HOST: smtp.internal\n  DB_PASSWORD: "${password}"\n`;
    assert.deepEqual(secrets(text, 'k8s/secret.yaml'), ['k8s-secret-manifest-value']);
  });

  it('ignores default credentials in compose connection URLs', () => {
    const text = 'services:\n  api:\n    image: acme/api\n    environment:\n      DATABASE_URL: postgres://postgres:postgres@db:5432/app\n';
    assert.deepEqual(secrets(text, 'docker-compose.yml'), []);
    const real = `services:\n  api:\n    image: acme/api\n    environment:\n      DATABASE_URL: postgres://app:${pw('c1')}@db:5432/app\n`;
    assert.equal(secrets(real, 'docker-compose.yml').length, 1);
  });

  it('ignores a runbook placeholder in SQL, make and shell expansions, and the classic hunter2', () => {
    assert.deepEqual(secrets("ALTER ROLE accounts_app WITH PASSWORD '<new password from step 1>';\n", 'docs/runbooks/rotate.md'), []);
    assert.deepEqual(secrets('build:\n\tdocker build --secret id=npmrc,src=$(HOME)/.npmrc -t app .\n', 'Makefile'), []);
    assert.deepEqual(secrets('TEST_PASSWORD = "hunter2"\n', 'app/settings.py'), []);
  });

  it('ignores a checksum line near a private key path (the window reads whole lines)', () => {
    // The rule's window reaches 160 characters back from "private_key" (late on its line): into the
    // checksum line, after the word "checksum" that the digest-line test looks for.
    const text = `Vagrant.configure("2") do |config|\n  config.vm.box_download_checksum = "${chars(HEX, 64, 'vg1')}"\n  config.vm.box_download_checksum_type = "sha256"\n  config.ssh.insert_key = true\n  config.ssh.private_key_path = ["~/.ssh/id_ed25519", "~/.vagrant.d/insecure_private_key"]\nend\n`;
    assert.deepEqual(secrets(text, 'Vagrantfile'), []);
  });

  it('ignores AWS account ids (AWS: not secret), and the published Slack signing-secret example', () => {
    assert.deepEqual(secrets(`aws_account_id = "${chars('123456789', 12, 'acct')}"\n`, 'prod.auto.tfvars'), []);
    assert.deepEqual(secrets(`SIGNING_SECRET = "${['8f742231b10e', '8888abcd99yyyzzz85a5'].join('')}"\n`, 'app/slack.py'), []);
  });

  it('reports a literal default in a Helm template, not the template around it', () => {
    const password = pw('helm1');
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ include "ledger.fullname" . }}\ndata:\n  username: {{ .Values.db.username | default "ops" | b64enc | quote }}\n  password: {{ .Values.db.password | default "${password}" | b64enc | quote }}\n`;
    const found = engine.scan(text, 'charts/ledger/templates/secret.yaml').findings.filter((f) => f.kind === 'secret');
    assert.deepEqual(found.map((f) => text.slice(f.startOffset, f.endOffset)), [password]);
    assert.deepEqual(secrets('  password: {{ .Values.db.password | default "changeme" | b64enc }}\n  token: {{ required "token" .Values.token }}\n', 'charts/x/templates/secret.yaml'), []);
  });

  it('reports secrets baked into Android BuildConfig fields (Groovy and Kotlin DSL)', () => {
    const key = chars(ALNUM, 40, 'gradle1');
    assert.deepEqual(secrets(`android {\n    defaultConfig {\n        buildConfigField "String", "PAYMENTS_SECRET", "\\"${key}\\""\n    }\n}\n`, 'app/build.gradle'), ['generic-secret']);
    assert.deepEqual(secrets(`buildConfigField("String", "MAPS_API_KEY", "\\"${key}\\"")\n`, 'app/build.gradle.kts'), ['generic-secret']);
    assert.deepEqual(secrets('buildConfigField "String", "API_BASE_URL", "\\"https://api.acme.net\\""\n', 'app/build.gradle'), []);
  });

  it('reads XML elements only with their closing tag, CDATA included', () => {
    const password = pw('x1');
    assert.deepEqual(secrets(`<settings><servers><server>\n  <id>nexus</id>\n  <password><![CDATA[${password}]]></password>\n</server></servers></settings>\n`, 'settings.xml'), ['generic-password']);
    assert.deepEqual(secrets('DATABASE_URL=mysql://<username>:<password>@aws.connect.psdb.cloud/<database>?sslaccept=strict\n', '.env.example'), []);
  });

  it('ignores GnuPG key ids, Braintree tokenization keys and Adyen client keys (public by design)', () => {
    assert.deepEqual(secrets(`[user]\n\tname = Release Bot\n\tsigningkey = 0x${chars(HEX, 16, 'gpg1').toUpperCase()}\n`, '.gitconfig'), []);
    const tokenization = `production_${chars('abcdefghijklmnopqrstuvwxyz0123456789', 8, 'bt1')}_${chars('abcdefghijklmnopqrstuvwxyz0123456789', 16, 'bt2')}`;
    assert.deepEqual(secrets(`braintree.dropin.create({\n  authorization: '${tokenization}',\n  container: '#dropin',\n});\n`, 'src/checkout.js'), []);
    const clientKey = `live_${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 32, 'adyen1')}`;
    assert.deepEqual(secrets(`const checkout = await AdyenCheckout({ environment: 'live', clientKey: '${clientKey}' });\n`, 'src/checkout.js'), []);
  });

  it('reports the password of a connection URL whose host is interpolated, not one whose password is', () => {
    const password = `${chars(ALNUM, 16, 'tpl1')}x9`;
    assert.deepEqual(secrets(`export const url = \`postgres://app:${password}@\${host}:5432/shop\`;\n`, 'src/db.mjs'), ['postgres-connection-string']);
    assert.deepEqual(secrets(`MAILER_DSN=smtp://mailer:${password}@$SMTP_HOST:587\n`, '.env'), ['service-url-password']);
    assert.deepEqual(secrets('export const url = `postgres://app:${password}@${host}:5432/shop`;\n', 'src/db.mjs'), []);
  });

  it('ignores digests named after a secret, test-vector keys and documentation JWTs', () => {
    const rendered = `spec:\n  template:\n    metadata:\n      annotations:\n        checksum/config: ${chars(HEX, 64, 'hc1')}\n        checksum/secret: ${chars(HEX, 64, 'hc2')}\n`;
    assert.deepEqual(secrets(rendered, 'rendered/deployment.yaml'), []);
    // RFC 8032 test 1 (a published test vector, in every Ed25519 library's tests).
    assert.deepEqual(secrets("const secretKey = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';\n", 'src/ed25519.ts'), []);
    // RFC 7519's example token, under a token name: neither the jwt rule nor the generic detector.
    const header = Buffer.from('{"typ":"JWT",\r\n "alg":"HS256"}').toString('base64url');
    const payload = Buffer.from('{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}').toString('base64url');
    assert.deepEqual(secrets(`const RFC_TOKEN = '${header}.${payload}.${chars(ALNUM, 43, 'rfc-sig')}';\n`, 'src/jwt.ts'), []);
    // Other annotations after a path segment keep their meaning.
    const key = chars(ALNUM, 32, 'ann1');
    assert.deepEqual(secrets(`metadata:\n  annotations:\n    example.com/api-token: ${key}\n`, 'k8s/deploy.yaml'), ['generic-secret']);
  });

  it('reports a login written as prose in a runbook, at the documentation severity', () => {
    const password = pw('prose1');
    const text = `# Grafana\n\nURL: https://grafana.internal\n\nAdmin login (break-glass only): \`admin\` / \`${password}\`\n`;
    const found = engine.scan(text, 'docs/runbooks/grafana.md').findings.filter((f) => f.kind === 'secret');
    assert.deepEqual(found.map((f) => [f.ruleId, f.severity, text.slice(f.startOffset, f.endOffset)]), [['generic-password', 'info', password]]);
    assert.ok(!found[0].message.includes(password));
  });

  it('reports EC private keys as bare base64 DER (PKCS#8 and SEC1), generated at run time', () => {
    for (const namedCurve of ['P-256', 'P-384']) {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve });
      for (const type of ['pkcs8', 'sec1'] as const) {
        const der = privateKey.export({ format: 'der', type }).toString('base64');
        assert.deepEqual(secrets(`{ "signing": { "privateKey": "${der}" } }\n`, 'config/saml.json'), ['private-key-der-base64'], `${namedCurve} ${type}`);
      }
    }
  });

  it('reports a private key commented out line by line', () => {
    const key = fakePem('RSA ', `MII${chars(BASE64, 900, 'commented-key')}`);
    const hashed = key.split('\n').map((line) => `# ${line}`).join('\n');
    assert.deepEqual(secrets(`Host bastion\n    IdentityFile ~/.ssh/id_rsa_work\n\n# backup of the bastion key (TODO: remove)\n${hashed}\n`, 'ssh/config'), ['private-key-rsa']);
    const slashed = key.split('\n').map((line) => `// ${line}`).join('\n');
    assert.deepEqual(secrets(`const x = 1;\n${slashed}\n`, 'src/keys.ts'), ['private-key-rsa']);
  });

  it('reads URLs whose slashes a JSON writer escaped (Slack exports, json_encode)', () => {
    const password = `${chars(ALNUM, 14, 'esc1')}-9x`;
    const webhook = `https:\\/\\/hooks.slack.com\\/services\\/T${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10, 'esc2')}\\/B${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10, 'esc3')}\\/${chars(ALNUM, 24, 'esc4')}`;
    const text = `[{"type":"message","text":"db is mysql:\\/\\/admin:${password}@staging-db.internal:3306\\/app"},\n {"type":"message","text":"hook: <${webhook}>"}]\n`;
    const found = engine.scan(text, 'slack-export/deploys/2025-04-21.json').findings.filter((f) => f.kind === 'secret');
    assert.deepEqual(found.map((f) => [f.ruleId, text.slice(f.startOffset, f.endOffset)]), [['mysql-connection-string', password], ['slack-webhook-url', webhook]]);
    for (const f of found) assert.ok(!f.message.includes(password) && !f.preview.includes('services'));
  });

  it('reports hex keys whose entropy is under a threshold made for letters and digits', () => {
    // Random 40-digit hex keys measure 3.4 to 3.9 bits a character; pick generated ones under 3.5.
    const low = Array.from({ length: 400 }, (_, i) => chars(HEX, 40, `hexlow${i}`)).filter((v) => shannonEntropy(v) < 3.5).slice(0, 5);
    assert.equal(low.length, 5);
    for (const key of low) {
      assert.deepEqual(secrets(`location /api/ {\n    proxy_set_header X-Api-Key ${key};\n}\n`, 'deploy/nginx/default.conf'), ['http-api-key-header']);
      assert.deepEqual(secrets(`const client = new Client({ apiKey: "${key}" });\n`, 'src/client.ts'), ['generic-secret']);
    }
    // Hex of low entropy is still no key.
    assert.deepEqual(secrets('    proxy_set_header X-Api-Key 00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff;\n', 'deploy/nginx/default.conf'), []);
  });

  it('reports the default of an environment read under a secret name, and random keys that the case runs took for words', () => {
    const key = chars(HEX, 64, 'laravel1');
    const text = `<?php\nreturn [\n    'partner' => [\n        'api_key' => env('PARTNER_KEY', '${key}'),\n    ],\n];\n`;
    assert.deepEqual(secrets(text, 'config/services.php'), ['generic-secret']);
    // Spring: the `search` section names the service whose key it is.
    const springKey = chars(ALNUM, 36, 'spring-search');
    assert.deepEqual(secrets(`    public SearchService(@Value("\${search.api-key:${springKey}}") String apiKey) {}\n`, 'src/main/java/SearchService.java'), ['generic-secret']);
  });
});

describe('Terraform state files', () => {
  const engine = new Engine(resolveSettings({}));
  const state = (result: string, dbPassword: string) =>
    JSON.stringify(
      {
        version: 4,
        resources: [
          { mode: 'managed', type: 'random_password', name: 'db', instances: [{ attributes: { id: 'none', length: 24, override_special: '-_.', result }, sensitive_attributes: [[{ type: 'get_attr', value: 'result' }]] }] },
          { mode: 'managed', type: 'aws_db_instance', name: 'main', instances: [{ attributes: { identifier: 'orders', username: 'app', password: dbPassword }, sensitive_attributes: [[{ type: 'get_attr', value: 'password' }]] }] },
          { mode: 'managed', type: 'aws_s3_bucket', name: 'logs', instances: [{ attributes: { bucket: 'acme-logs', arn: 'arn:aws:s3:::acme-logs' }, sensitive_attributes: [] }] },
        ],
      },
      null,
      2,
    );

  it('reports each attribute Terraform marks sensitive, at its value, never repeating it', () => {
    const result = chars(ALNUM, 24, 'tf1');
    const password = `${chars(ALNUM, 16, 'tf2')}#9`;
    const text = state(result, password);
    const found = engine.scan(text, 'infra/terraform.tfstate').findings.filter((f) => f.ruleId === 'terraform-state-sensitive-value');
    assert.deepEqual(found.map((f) => text.slice(f.startOffset, f.endOffset)), [result, password]);
    for (const f of found) assert.ok(!f.message.includes(result) && !f.message.includes(password));
    assert.equal(engine.scan(text, 'infra/terraform.tfstate.backup').findings.filter((f) => f.ruleId === 'terraform-state-sensitive-value').length, 2);
  });

  it('leaves other files, placeholders and broken state alone', () => {
    const text = state(chars(ALNUM, 24, 'tf3'), '${var.db_password}');
    assert.equal(engine.scan(text, 'infra/terraform.tfstate').findings.filter((f) => f.ruleId === 'terraform-state-sensitive-value').length, 1);
    assert.equal(engine.scan(text, 'infra/state.json').findings.filter((f) => f.ruleId === 'terraform-state-sensitive-value').length, 0);
    const broken = engine.scan('{"version": 4, "resources": [', 'terraform.tfstate');
    assert.ok(broken.notices.some((n) => /not valid JSON/.test(n.message)));
  });
});
