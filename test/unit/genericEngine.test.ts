import { strict as assert } from 'node:assert';
import { Engine, resolveSettings } from '../../server/src/engine';
import { BASE64, chars, checksummedToken } from '../../server/src/engine/rules/fake';
import { engine, genericFindings, tok } from './genericHarness';

describe('generic detection: engine integration', () => {
  it('registers both rules as warning-level secret rules', () => {
    for (const id of ['generic-password', 'generic-secret']) {
      const info = engine.rule(id);
      assert.ok(info, id);
      assert.equal(info.kind, 'secret');
      assert.equal(info.severity, 'warning');
      assert.ok(info.remediation.length > 20);
    }
  });

  it('puts the key name and a suggested environment name on findings, never the value', () => {
    const value = tok('engine1');
    const [f] = genericFindings(`const stripeApiKey = "${value}";`, 'src/pay.ts');
    assert.deepEqual(f.data, { keyName: 'stripeApiKey', suggestedName: 'STRIPE_API_KEY' });
    assert.ok(f.message.includes('stripeApiKey'));
    assert.ok(!JSON.stringify(f).includes(value));
  });

  it('suggests the member name for object paths in code, the whole key in configuration', () => {
    const [code] = genericFindings(`config.api_key = "${tok('engine5')}"`, 'config/initializers/api.rb');
    assert.deepEqual(code.data, { keyName: 'config.api_key', suggestedName: 'API_KEY' });
    const [props] = genericFindings('spring.datasource.password=Winter2024!', 'application.properties');
    assert.deepEqual(props.data, { keyName: 'spring.datasource.password', suggestedName: 'SPRING_DATASOURCE_PASSWORD' });
  });

  it('reports every assignment in a file once', () => {
    const a = tok('engine2');
    const text = `db:\n  password: Winter2024!\napi:\n  token: "${a}"\n  token_url: https://example.com/token\n`;
    const found = genericFindings(text, 'config/app.yml');
    assert.deepEqual(found.map((f) => [f.ruleId, f.range.start.line]), [['generic-password', 1], ['generic-secret', 3]]);
  });

  it('lowers findings in test and documentation paths to info', () => {
    const [f] = genericFindings('password = "Winter2024!"', 'tests/test_login.py');
    assert.equal(f.severity, 'info');
    // Test layouts of other ecosystems: .NET test projects, pytest files outside tests/, Cypress,
    // Playwright, Storybook, Gradle integration tests.
    for (const path of ['MyApp.Tests/LoginTests.cs', 'app/test_login.py', 'app/conftest.py', 'web/login.cy.ts', 'e2e/login.ts', 'playwright/auth.ts', 'src/Login.stories.tsx', 'src/integrationTest/java/LoginIT.java', 'app/tests.py']) {
      const [g] = genericFindings('password = "Winter2024!"', path);
      assert.equal(g?.severity, 'info', path);
    }
    const [h] = genericFindings('password = "Winter2024!"', 'app/contest.py');
    assert.equal(h.severity, 'warning');
  });

  it('can be turned off per rule', () => {
    const quiet = new Engine(resolveSettings({ rules: { 'generic-password': false } }));
    const text = `password = "Winter2024!"\napi_key = "${tok('engine3')}"`;
    assert.deepEqual(quiet.scan(text, 'app.py').findings.map((f) => f.ruleId), ['generic-secret']);
  });

  it('skips lock files', () => {
    const text = `token = "${tok('engine4')}"\npassword = "Winter2024!"\n`;
    for (const name of ['yarn.lock', 'Cargo.lock', 'go.sum', 'poetry.lock', 'Gemfile.lock', 'composer.lock', 'pnpm-lock.yaml', 'package-lock.json']) {
      assert.deepEqual(genericFindings(text, `deps/${name}`), [], name);
    }
    assert.equal(genericFindings(text, 'deps/config.toml').length, 2);
  });

  it('reads lines over 4096 characters (minified bundles) around each secret-looking name', () => {
    const long = `var a="${'x'.repeat(5000)}";login({username:"admin",password:"Winter2024!"}).then(f);`;
    const key = tok('minified');
    const text = `${long}\n${'y=1;'.repeat(2000)}var Qn={clientId:"web-portal",clientSecret:"${key}",scope:"openid"};\npassword = "hunter2!X"\n`;
    const result = engine.scan(text, 'dist/app.js');
    const generic = result.findings.filter((f) => f.ruleId.startsWith('generic-'));
    assert.deepEqual(generic.map((f) => f.range.start.line), [0, 1, 2]);
    assert.equal(text.slice(generic[1].startOffset, generic[1].endOffset), key);
    assert.deepEqual(result.notices.filter((n) => n.message.includes('4096')), []);
    // In minified code `;NAME=` starts a statement: its right-hand side is an expression, not a parameter.
    const statements = `${'z=2;'.repeat(1200)}Le.SOCKS5_NO_ACCEPTABLE_AUTH=Le.SOCKS5_CUSTOM_AUTH_END=Le.SOCKS5_CUSTOM_AUTH_START=void 0;`;
    assert.deepEqual(engine.scan(statements, 'dist/bundle.js').findings.filter((f) => f.ruleId.startsWith('generic-')), []);
    // Source maps are JSON: code in `sourcesContent` is an escaped string, not assignments.
    const map = `{"version":3,"sourcesContent":["${'// filler\\n'.repeat(500)}const password = result.groups?.password;\\n"]}`;
    assert.deepEqual(engine.scan(map, 'dist/index.js.map').findings.filter((f) => f.ruleId.startsWith('generic-')), []);
  });

  it('leaves a value to the provider rule when one matches it', () => {
    const value = checksummedToken('ghp_', 'generic-engine');
    const found = engine.scan(`const token = "${value}";`, 'src/gh.ts').findings;
    assert.deepEqual(found.map((f) => f.ruleId), ['github-classic-pat']);
  });

  it('ignores placeholder and non-values under every slot and syntax', () => {
    const values = [
      'changeme', 'xxxx', 'xxxxxxxxxxxxxxxxxxxx', '<your-token>', 'example', 'example-api-key-0001', 'dummy', 'dummy-token-123',
      'redacted', 'REDACTED', '***', '********', 'password', 'null', 'None', 'true', '', 'your_api_key_here', '/run/secrets/db_password',
      'C:\\secrets\\token.txt', 'https://vault.example.com/v1/secret/data/app', '${DB_PASSWORD}', '{{ db_password }}',
    ];
    const templates: [string, (v: string) => string][] = [
      ['app.py', (v) => `password = "${v}"`],
      ['app.py', (v) => `api_key = "${v}"`],
      ['config.yml', (v) => `password: ${v}`],
      ['config.yml', (v) => `auth_token: "${v}"`],
      ['.env', (v) => `CLIENT_SECRET=${v}`],
    ];
    for (const [i, value] of values.entries()) {
      for (const [path, make] of templates) {
        assert.deepEqual(genericFindings(make(value), path), [], `placeholder #${i} in ${path}`);
      }
    }
  });

  it('survives hostile lines without errors', () => {
    const hostile = [
      'password='.repeat(400),
      '"password": "'.repeat(300),
      `<password>${'<'.repeat(3000)}`,
      `password: ${'a: '.repeat(1300)}`,
      `api_key = r#${'#'.repeat(4000)}`,
      `${'-'.repeat(4000)}password`,
      `variable "db_password" {\n${'\n'.repeat(10)}default = "Winter2024!"`,
    ];
    for (const [i, text] of hostile.entries()) {
      const result = engine.scan(text, `hostile${i}.yml`);
      assert.ok(!result.notices.some((n) => n.level === 'warning'), `hostile #${i} made a check fail`);
    }
  });
});

describe('generic detection next to provider-owned names', () => {
  it('leaves AWS secret key names whose value is not the AWS format to the AWS rules', () => {
    const fresh = new Engine();
    const blob = `${chars(BASE64, 54, 'kms-blob')}==`;
    assert.deepEqual(fresh.scan(`AWS_SECRET_ACCESS_KEY = ${blob}\n`, 'config/.env').findings.map((f) => f.ruleId), []);
    const key = chars(BASE64, 40, 'aws-format');
    const hits = fresh.scan(`AWS_SECRET_ACCESS_KEY = ${key}\n`, 'config/.env').findings.map((f) => f.ruleId);
    assert.ok(hits.some((id) => id.startsWith('aws-secret-access-key')), hits.join(','));
  });
});
