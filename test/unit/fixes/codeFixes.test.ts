import { strict as assert } from 'node:assert';
import { bracketsBalanced } from '../../../server/src/engine/fixes/verify';
import { applyFix, assertCleanFix, fakeSecret, githubToken } from './helpers';

/** Exact text after the preferred fix, per language; value to .env, .gitignore gains .env. */
describe('fixes: hard-coded secret in code -> environment read', () => {
  const S = fakeSecret('code');
  const cases: { lang: string; path: string; before: string; after: string }[] = [
    { lang: 'TypeScript', path: 'src/client.ts', before: `const apiKey = "${S}";\n`, after: 'const apiKey = process.env.API_KEY;\n' },
    { lang: 'JavaScript template literal', path: 'src/a.js', before: `const url = \`https://x.test/?k=${S}&v=1\`;\n`, after: 'const url = `https://x.test/?k=${process.env.URL}&v=1`;\n' },
    { lang: 'JavaScript concatenation', path: 'src/b.js', before: `const auth = "Bearer ${S}";\n`, after: 'const auth = "Bearer " + process.env.AUTH;\n' },
    { lang: 'Python', path: 'app/settings.py', before: `"""Settings."""\nSECRET_KEY = '${S}'\n`, after: `"""Settings."""\nimport os\n\nSECRET_KEY = os.environ["SECRET_KEY"]\n` },
    { lang: 'Python with imports', path: 'app/main.py', before: `import sys\n\ntoken = "${S}"\n`, after: `import os\nimport sys\n\ntoken = os.environ["TOKEN"]\n` },
    { lang: 'Python already importing os', path: 'app/x.py', before: `import os\nclient_secret = "${S}"\n`, after: `import os\nclient_secret = os.environ["CLIENT_SECRET"]\n` },
    { lang: 'Go', path: 'main.go', before: `package main\n\nimport (\n\t"fmt"\n)\n\nvar apiToken = "${S}"\n\nfunc main() { fmt.Println(len(apiToken)) }\n`, after: `package main\n\nimport (\n\t"os"\n\t"fmt"\n)\n\nvar apiToken = os.Getenv("API_TOKEN")\n\nfunc main() { fmt.Println(len(apiToken)) }\n` },
    { lang: 'Go without imports', path: 'cfg.go', before: `package cfg\n\nconst dbPassword = "${S}"\n`, after: `package cfg\n\nimport "os"\n\nconst dbPassword = os.Getenv("DB_PASSWORD")\n` },
    { lang: 'Java', path: 'src/Main.java', before: `class Main {\n  String apiKey = "${S}";\n}\n`, after: 'class Main {\n  String apiKey = System.getenv("API_KEY");\n}\n' },
    { lang: 'C#', path: 'Program.cs', before: `using System.Net;\nvar clientSecret = "${S}";\n`, after: 'using System;\nusing System.Net;\nvar clientSecret = Environment.GetEnvironmentVariable("CLIENT_SECRET");\n' },
    { lang: 'Ruby', path: 'config/app.rb', before: `API_KEY = "${S}"\n`, after: 'API_KEY = ENV.fetch("API_KEY")\n' },
    { lang: 'PHP', path: 'config.php', before: `<?php\n$apiKey = '${S}';\n`, after: `<?php\n$apiKey = getenv('API_KEY');\n` },
    { lang: 'PHP partial', path: 'dsn.php', before: `<?php\n$dsn = "mysql://app:${S}@db/app";\n`, after: `<?php\n$dsn = "mysql://app:" . getenv('MYSQL_PASSWORD') . "@db/app";\n` },
    // Only a URL's password moves: it is named a password, after the URL's owner or its scheme.
    { lang: 'Python URL password', path: 'app/db.py', before: `DATABASE_URL = "postgresql://app:${S}@db:5432/app"\n`, after: `import os\n\nDATABASE_URL = "postgresql://app:" + os.environ["DATABASE_PASSWORD"] + "@db:5432/app"\n` },
    { lang: 'JavaScript URL password, host interpolated', path: 'src/db.mjs', before: `export const url = \`postgres://app:${S}@\${host}:5432/shop\`;\n`, after: 'export const url = `postgres://app:${process.env.POSTGRES_PASSWORD}@${host}:5432/shop`;\n' },
    { lang: 'Rust', path: 'src/main.rs', before: `fn main() {\n    let api_key = "${S}";\n}\n`, after: 'fn main() {\n    let api_key = std::env::var("API_KEY").expect("API_KEY must be set");\n}\n' },
    { lang: 'shell', path: 'deploy.sh', before: `#!/bin/sh\ncurl -H "Authorization: token ${S}" https://x.test\n`, after: '#!/bin/sh\ncurl -H "Authorization: token ${FAKE}" https://x.test\n' },
    { lang: 'shell assignment', path: 'run.sh', before: `export DEPLOY_KEY='${S}'\n`, after: 'export DEPLOY_KEY="$DEPLOY_KEY"\n' },
    { lang: 'PowerShell', path: 'deploy.ps1', before: `$apiKey = "${S}"\n`, after: '$apiKey = $env:API_KEY\n' },
  ];
  for (const c of cases) {
    it(`${c.lang}: replaces the literal and keeps the value in .env`, () => {
      const applied = applyFix(c.before, c.path);
      assert.equal(applied.text, c.after);
      assertCleanFix(c.before, c.path, applied, S);
      assert.ok(bracketsBalanced(applied.text), 'brackets and quotes balanced');
    });
  }

  it('creates .env and .gitignore with exact content when both are missing', () => {
    const applied = applyFix(`const apiKey = "${S}";\n`, 'src/client.ts');
    assert.equal(applied.files.get('.env'), `# moved here by Secret Hygiene from src/client.ts\nAPI_KEY=${S}\n`);
    assert.equal(applied.files.get('.gitignore'), '.env\n');
    assert.equal(applied.fix.files.length, 3);
  });

  it('appends to an existing .env and leaves a .gitignore that already ignores it', () => {
    const applied = applyFix(`const apiKey = "${S}";\n`, 'src/client.ts', { workspace: { envText: 'PORT=3000', gitignoreText: 'node_modules/\n.env*\n' } });
    assert.equal(applied.files.get('.env'), `PORT=3000\n# moved here by Secret Hygiene from src/client.ts\nAPI_KEY=${S}\n`);
    assert.equal(applied.files.get('.gitignore'), 'node_modules/\n.env*\n');
    assert.deepEqual(applied.fix.files.map((f) => f.path), ['src/client.ts', '.env']);
  });

  it('picks a unique name when .env already holds a different value under it', () => {
    const applied = applyFix(`const apiKey = "${S}";\n`, 'src/client.ts', { workspace: { envText: 'API_KEY=other\n', gitignoreText: '.env\n' } });
    assert.equal(applied.text, 'const apiKey = process.env.API_KEY_2;\n');
    assert.match(applied.files.get('.env')!, /\nAPI_KEY_2=/);
  });

  it('reuses the name without writing .env again when it already holds that value', () => {
    const applied = applyFix(`const apiKey = "${S}";\n`, 'src/client.ts', { workspace: { envText: `API_KEY=${S}\n`, gitignoreText: '.env\n' } });
    assert.equal(applied.text, 'const apiKey = process.env.API_KEY;\n');
    assert.deepEqual(applied.fix.files.map((f) => f.path), ['src/client.ts']);
  });

  it('names a provider token after the rule when the key is vague', () => {
    const T = githubToken('code-gh');
    const applied = applyFix(`const token = "${T}";\n`, 'src/gh.ts');
    assert.equal(applied.text, 'const token = process.env.GITHUB_TOKEN;\n');
    assertCleanFix(`const token = "${T}";\n`, 'src/gh.ts', applied, T);
  });

  it('adds a .env.example placeholder when the workspace has one, shaped by the backend', () => {
    const applied = applyFix(`const apiKey = "${S}";\n`, 'src/client.ts', {
      workspace: { envExampleText: 'PORT=\n', gitignoreText: '.env\n' },
      backend: { backend: '1password' },
    });
    assert.equal(applied.files.get('.env.example'), 'PORT=\nAPI_KEY=op://Private/shop/API_KEY\n');
  });

  it('offers a SecretStorage variant that writes no .env and carries the value only in `stash`', () => {
    const applied = applyFix(`const apiKey = "${S}";\n`, 'src/client.ts', { id: 'stash', offerStash: true });
    assert.equal(applied.text, 'const apiKey = process.env.API_KEY;\n');
    assert.deepEqual(applied.fix.files.map((f) => f.path), ['src/client.ts']);
    assert.deepEqual(applied.fix.stash, { name: 'API_KEY', value: S });
    assert.equal(applied.fix.preferred, false);
    assert.ok(!applied.fix.title.includes(S));
  });
});
