import { strict as assert } from 'node:assert';
import { genericFindings, pw, suiteOf, tok } from './genericHarness';

const P = 'generic-password' as const;
const S = 'generic-secret' as const;

/** The default used when an environment variable is missing is a hard-coded secret all the same. */
suiteOf(
  'defaults of environment reads',
  [
    { what: 'a JavaScript || default', path: 'src/auth.js', text: `const jwtSecret = process.env.JWT_SECRET || "${tok('ed1')}";`, value: tok('ed1'), rule: S, keyName: 'process.env.JWT_SECRET' },
    { what: 'a TypeScript ?? default with a bracketed name', path: 'src/api.ts', text: `const key = process.env['PAYMENT_API_KEY'] ?? '${tok('ed2')}';`, value: tok('ed2'), rule: S, keyName: 'PAYMENT_API_KEY' },
    { what: 'a Python os.getenv default', path: 'app/settings.py', text: `import os\nDB_PASS = os.getenv("DB_PASSWORD", "${pw('ed3')}")`, value: pw('ed3'), rule: P, keyName: 'DB_PASSWORD' },
    { what: 'a Python environ.get ... or default', path: 'app/settings.py', text: `SECRET_KEY = os.environ.get("SECRET_KEY") or "${tok('ed4')}"`, value: tok('ed4'), rule: S },
    { what: 'a Ruby ENV.fetch default', path: 'config/initializers/api.rb', text: `API_TOKEN = ENV.fetch('API_TOKEN', '${tok('ed5')}')`, value: tok('ed5'), rule: S },
    { what: 'a Laravel env() default', path: 'config/app.php', text: `<?php return ['key' => env('APP_KEY', '${tok('ed6')}')];`, value: tok('ed6'), rule: S, keyName: 'APP_KEY' },
    { what: 'a C# ?? default', path: 'src/Startup.cs', text: `var secret = Environment.GetEnvironmentVariable("CLIENT_SECRET") ?? "${tok('ed7')}";`, value: tok('ed7'), rule: S },
    { what: 'a Java getOrDefault default', path: 'src/main/java/App.java', text: `String p = System.getenv().getOrDefault("DB_PASSWORD", "${pw('ed8')}");`, value: pw('ed8'), rule: P },
    { what: 'a Compose ${VAR:-default}', path: 'docker-compose.yml', text: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-${pw('ed9')}}\n`, value: pw('ed9'), rule: P, keyName: 'POSTGRES_PASSWORD' },
    { what: 'a quoted shell ${VAR:-default}', path: 'scripts/run.sh', text: `API_TOKEN="\${API_TOKEN:-${tok('ed10')}}"`, value: tok('ed10'), rule: S },
    { what: 'a Spring ${name:default}', path: 'src/main/resources/application.yml', text: `jwt:\n  secret: \${JWT_SECRET:${tok('ed11')}}\n`, value: tok('ed11'), rule: S, keyName: 'JWT_SECRET' },
    // The variable's name says nothing; the name the read is assigned to does.
    { what: 'a Laravel env() default under an api_key entry', path: 'config/services.php', text: `<?php return ['partner' => [\n    'api_key' => env('PARTNER_KEY', '${tok('ed12')}'),\n]];`, value: tok('ed12'), rule: S, keyName: 'api_key' },
    { what: 'a Python getenv default in a dict under "token"', path: 'app/settings.py', text: `CLIENT = {\n    "token": os.getenv("PARTNER", "${tok('ed13')}"),\n}`, value: tok('ed13'), rule: S },
    { what: 'a JavaScript || default under apiKey', path: 'src/config.js', text: `module.exports = {\n  apiKey: process.env.PARTNER_KEY || '${tok('ed14')}',\n};`, value: tok('ed14'), rule: S },
  ],
  [
    { what: 'a read without a default', path: 'src/auth.js', text: 'const jwtSecret = process.env.JWT_SECRET;' },
    { what: 'an empty default', path: 'src/auth.js', text: "const jwtSecret = process.env.JWT_SECRET || '';" },
    { what: 'a placeholder default', path: 'app/settings.py', text: 'SECRET_KEY = os.getenv("SECRET_KEY", "change-me-in-production")' },
    { what: 'a default read from another variable', path: 'app/settings.py', text: 'SECRET_KEY = os.getenv("SECRET_KEY", fallback_key)' },
    { what: 'a non-secret variable with a default', path: 'src/config.js', text: `const region = process.env.AWS_REGION || "${tok('edn1')}";` },
    { what: 'a read with a default under a non-secret name', path: 'config/services.php', text: `<?php return ['url' => env('PARTNER_KEY', '${tok('edn2')}')];` },
    { what: 'a placeholder default under a secret name', path: 'app/settings.py', text: 'CLIENT = {"api_key": os.getenv("PARTNER", "your-api-key-here")}' },
    { what: 'a ${VAR:?message} check', path: 'scripts/run.sh', text: 'API_TOKEN="${API_TOKEN:?API_TOKEN is required}"' },
    { what: 'a ${VAR:0:4} substring', path: 'scripts/run.sh', text: 'echo "${API_TOKEN:0:4}"' },
    { what: 'a ${VAR:+alternative}', path: 'scripts/run.sh', text: 'ARGS="${API_TOKEN:+--with-token}"' },
    { what: 'a nested default', path: 'docker-compose.yml', text: 'environment:\n  DB_PASSWORD: ${DB_PASSWORD:-${FALLBACK_PASSWORD}}\n' },
    { what: 'a GitHub Actions expression', path: '.github/workflows/ci.yml', text: 'env:\n  TOKEN: ${{ secrets.TOKEN }}\n' },
  ],
);

describe('generic detection: the message of an environment default', () => {
  it('names the variable and says when the default is used, without the value', () => {
    const value = tok('edm');
    const [f] = genericFindings(`const s = process.env.SESSION_SECRET || "${value}";`, 'src/s.js');
    assert.match(f.message, /default of `SESSION_SECRET`/);
    assert.match(f.message, /wherever the variable is not set/);
    assert.equal(f.data?.envDefaultOf, 'SESSION_SECRET');
    assert.ok(!f.message.includes(value));
  });
});
