import { strict as assert } from 'node:assert';
import { Engine } from '../../../server/src/engine';
import { applyEdits, computeFixes, resolveBackendSettings } from '../../../server/src/engine/fixes';
import { ALNUM, chars } from '../../../server/src/engine/rules/fake';

/**
 * A secret used as the default of an environment read: the fix drops the default (the code already
 * reads the variable) and keeps the value in .env under the variable's name, so nothing is lost.
 */
describe('fixes for defaults of environment reads', () => {
  const engine = new Engine();
  const value = chars(ALNUM, 24, 'fix:envdefault');
  const fixFor = (path: string, text: string, envText?: string) => {
    const findings = engine.scan(text, path).findings;
    assert.equal(findings.length, 1, findings.map((f) => f.ruleId).join(', '));
    const workspace = { gitignoreText: '.env\n', ...(envText !== undefined ? { envText } : {}) };
    const [fix] = computeFixes({ text, path, finding: findings[0], allFindings: findings, workspace, backend: resolveBackendSettings({}) });
    const own = fix.files.find((f) => f.path === path)!;
    const env = fix.files.find((f) => f.path === '.env');
    return { fix, result: applyEdits(text, own.edits), env: env ? applyEdits(envText ?? '', env.edits) : undefined };
  };

  const removals: [string, string, string, string][] = [
    ['src/auth.js', `const s = process.env.JWT_SECRET || "${value}";\n`, 'const s = process.env.JWT_SECRET;\n', 'JWT_SECRET'],
    ['src/api.ts', `const k = process.env['API_KEY'] ?? '${value}';\n`, "const k = process.env['API_KEY'];\n", 'API_KEY'],
    ['app/settings.py', `import os\nSECRET_KEY = os.getenv("SECRET_KEY", "${value}")\n`, 'import os\nSECRET_KEY = os.getenv("SECRET_KEY")\n', 'SECRET_KEY'],
    ['app/settings.py', `import os\nSECRET_KEY = os.environ.get("SECRET_KEY") or "${value}"\n`, 'import os\nSECRET_KEY = os.environ.get("SECRET_KEY")\n', 'SECRET_KEY'],
    ['config/api.rb', `TOKEN = ENV.fetch('API_TOKEN', '${value}')\n`, "TOKEN = ENV.fetch('API_TOKEN')\n", 'API_TOKEN'],
    ['config/app.php', `<?php return ['key' => env('APP_KEY', '${value}')];\n`, "<?php return ['key' => env('APP_KEY')];\n", 'APP_KEY'],
    ['docker-compose.yml', `services:\n  api:\n    environment:\n      API_TOKEN: \${API_TOKEN:-${value}}\n`, 'services:\n  api:\n    environment:\n      API_TOKEN: ${API_TOKEN}\n', 'API_TOKEN'],
    ['scripts/run.sh', `#!/bin/sh\nAPI_TOKEN="\${API_TOKEN:-${value}}"\n`, '#!/bin/sh\nAPI_TOKEN="${API_TOKEN}"\n', 'API_TOKEN'],
  ];
  for (const [path, text, expected, variable] of removals) {
    it(`drops the default in ${path} (${expected.trim().split('\n').pop()!.slice(0, 40)}) and keeps the value in .env`, () => {
      const { fix, result, env } = fixFor(path, text);
      assert.equal(fix.category, 'reference');
      assert.ok(fix.title.startsWith(`Remove the hard-coded default of ${variable}`), fix.title);
      assert.equal(result, expected);
      assert.ok(env?.includes(`${variable}=${value}`), 'the value is kept in .env under the variable name');
    });
  }

  it('does not write .env again when it already holds the same value', () => {
    const { fix, result } = fixFor('src/auth.js', `const s = process.env.JWT_SECRET || "${value}";\n`, `JWT_SECRET=${value}\n`);
    assert.equal(result, 'const s = process.env.JWT_SECRET;\n');
    assert.ok(!fix.files.some((f) => f.path === '.env'));
  });

  it('falls back to a reference when .env holds another value under that name', () => {
    const { fix, result } = fixFor('src/auth.js', `const s = process.env.JWT_SECRET || "${value}";\n`, 'JWT_SECRET=something-else-entirely\n');
    assert.ok(!fix.title.startsWith('Remove the hard-coded default'), fix.title);
    assert.ok(!result.includes(value));
  });

  it('keeps a required default argument (Java getOrDefault) and replaces it by a read instead', () => {
    const { fix, result } = fixFor('src/main/java/App.java', `class App { String p = System.getenv().getOrDefault("DB_TOKEN", "${value}"); }\n`);
    assert.ok(!fix.title.startsWith('Remove the hard-coded default'), fix.title);
    assert.match(result, /getOrDefault\("DB_TOKEN", System\.getenv\("DB_TOKEN"\)\)/);
  });
});
