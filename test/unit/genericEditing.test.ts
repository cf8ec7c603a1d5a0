import { strict as assert } from 'node:assert';
import { Engine, resolveSettings } from '../../server/src/engine';
import { typeThrough } from './randomTyping';
import { b64, engine, hex, pw, tok } from './genericHarness';

/**
 * Generic detection keeps the previous version's findings away from an edit (a value depends on its
 * line and on its name up to a few lines above). Typing through files of every shape the detector
 * reads must report what a first scan of the same text reports.
 */
const FILES: Record<string, string> = {
  'infra/main.tf': `variable "db_password" {
  type        = string
  description = "database"
  sensitive   = true

  default     = "${pw('tf-default')}"
}
resource "x" "y" {
  api_key = "${tok('tf-key')}"
}
`,
  'config/app.json': `{
  "env": [
    { "name": "CLIENT_SECRET",
      "value": "${b64('json-pair')}" },
    { "name": "PORT", "value": "8080" }
  ],
  "auth_token": "${hex('json-token')}",
  "password": "${pw('json-pw')}",
  "Jwt": {
    "Issuer": "me",
    "Key": "${tok('json-parent')}"
  },
  "Cache": { "Key": "${tok('json-other-parent')}" }
}
`,
  'config/app.yaml': `jwt:
  issuer: me

  key: ${tok('yaml-parent')}
cache:
  key: ${tok('yaml-other-parent')}
db:
  password: ${pw('yaml-pw')}
`,
  'src/settings.py': `DB_PASSWORD = "${pw('py-pw')}"
API_KEY = os.environ["API_KEY"]
client_secret = "${tok('py-secret')}"
def connect(password="${pw('py-default')}"):
    return password
`,
  'deploy/.env': `DATABASE_PASSWORD=${pw('env-pw')}
AUTH_TOKEN=${tok('env-token')}
PORT=3000
`,
  'src/Config.java': `class Config {
  String apiKey = "${tok('java-key')}";
  void init() { client.setPassword("${pw('java-setter')}"); }
}
`,
};

const INSERTS = [' ', 'x', '\n', '"', '=', ': ', '#', '{ "name": "API_TOKEN",\n', '"value": "', 'password = "', '  default = "', '}\n', '{', '"Signing": {', 'jwt:\n', '  ', '\n\n\n\n'];

/** `editing`: scanned as the language server scans an open document (reusing its previous version). */
function findingsOf(scanner: Engine, text: string, path: string, editing = false): string[] {
  return scanner.scan(text, path, { editing }).findings.map((f) => `${f.ruleId} ${f.startOffset}-${f.endOffset} ${f.severity} ${f.fingerprint} ${f.message}`);
}

describe('generic detection while typing (findings kept away from an edit)', () => {
  it('reports what a first scan reports, over random edits of files of every kind', () => {
    for (const [path, source] of Object.entries(FILES)) {
      const initial = findingsOf(engine, source, path, true);
      assert.ok(initial.length >= 2, `${path} has findings to keep track of (${initial.length})`);
      for (let seed = 1; seed <= 4; seed++) {
        typeThrough(source, seed * 17 + path.length, INSERTS, 80, (text, i) => {
          assert.deepEqual(findingsOf(engine, text, path, true), findingsOf(engine, text, path), `${path}, seed ${seed}, edit ${i}`);
        });
      }
    }
  });

  it('finds a value six lines below its name again after an edit between them', () => {
    const path = 'infra/main.tf';
    const source = FILES[path];
    const before = engine.scan(source, path, { editing: true }).findings.filter((f) => f.ruleId === 'generic-password');
    assert.equal(before.length, 1);
    // Blank line 5 gets a comment: the name is on line 1, the value on line 6.
    const edited = source.replace('\n\n', '\n  # the default\n');
    const after = engine.scan(edited, path, { editing: true }).findings.filter((f) => f.ruleId === 'generic-password');
    assert.deepEqual(after.map((f) => f.fingerprint), before.map((f) => f.fingerprint));
  });

  it('reads a vague key by its parent only within the lines an edit re-examines', () => {
    const path = 'config/app.yaml';
    const filler = Array.from({ length: 7 }, (_, i) => `  option${i}: ${i}`).join('\n');
    const source = `jwt:\n${filler}\n  key: ${tok('far-parent')}\n`;
    engine.scan(source, path, { editing: true });
    // Renaming the parent far above must give what a first scan of the new text gives.
    const renamed = source.replace('jwt:', 'cache:');
    assert.deepEqual(findingsOf(engine, renamed, path, true), findingsOf(engine, renamed, path));
    const near = `jwt:\n  issuer: me\n  key: ${tok('near-parent')}\n`;
    assert.equal(findingsOf(engine, near, path).length, 1, 'a parent two lines above qualifies the key');
    engine.scan(near, path, { editing: true });
    assert.deepEqual(findingsOf(engine, near.replace('jwt:', 'cache:'), path, true), []);
  });

  it('re-reads a one-line block scalar when the line after it changes', () => {
    const path = 'config/app.yaml';
    // Long enough that an edit of one line is re-examined locally, not by a whole new analysis.
    const padding = Array.from({ length: 60 }, (_, i) => `setting${i}: value${i}`).join('\n');
    const source = `${padding}\ndb:\n  password: |\n    ${pw('block')}\n  host: db\n${padding.replace(/setting/g, 'other')}\n`;
    engine.scan(source, path, { editing: true });
    const longer = source.replace('  host: db', '    second line of text');
    assert.deepEqual(findingsOf(engine, longer, path, true), findingsOf(engine, longer, path));
    assert.equal(findingsOf(engine, longer, path).length, 0);
  });

  it('does not mix the findings of engines with different rules switched off', () => {
    const path = 'deploy/.env';
    const text = FILES[path];
    const noPasswords = new Engine(resolveSettings({ rules: { 'generic-password': false } }));
    assert.ok(findingsOf(engine, text, path, true).some((f) => f.startsWith('generic-password')));
    assert.ok(!findingsOf(noPasswords, text, path, true).some((f) => f.startsWith('generic-password')));
    assert.ok(findingsOf(engine, text, path, true).some((f) => f.startsWith('generic-password')));
  });
});
