import { strict as assert } from 'node:assert';
import { engine, genericFindings, hex, pw, tok } from './genericHarness';

/** Secret columns of tables: Markdown, CSV/TSV and SQL INSERT statements. */
describe('generic detection: secret columns of tables', () => {
  /** The reported values, as [rule, value] pairs (the test compares them; names never carry them). */
  const reported = (text: string, path: string) => genericFindings(text, path).map((f) => [f.ruleId, text.slice(f.startOffset, f.endOffset)]);

  it('reports the cells of a Markdown table\'s password and token columns, not the other cells', () => {
    const a = pw('md-a');
    const b = tok('md-b');
    const text = [
      '# Staging logins',
      '',
      '| Service | User | Password | API token |',
      '|:--------|------|----------|-----------|',
      `| grafana | ops  | ${a} | |`,
      `| jenkins | ci | \`changeme\` | \`${b}\` |`,
      '',
      'Done.',
    ].join('\n');
    assert.deepEqual(reported(text, 'ops/staging.md'), [
      ['generic-password', a],
      ['generic-secret', b],
    ]);
    for (const f of genericFindings(text, 'ops/staging.md')) assert.ok(!f.message.includes(a) && !f.message.includes(b), 'messages never repeat a value');
  });

  it('stays quiet on tables that describe settings, on code blocks, and on placeholders', () => {
    const text = [
      '| Setting | Description | Default |',
      '|---|---|---|',
      `| password | The admin password; set it with \`--password\` | |`,
      '',
      '| User | Password |',
      '|------|----------|',
      '| admin | admin |',
      '| viewer | `<your password>` |',
      '| api | ${API_PASSWORD} |',
      '| ci | ******** |',
      '',
      '```',
      '| User | Password |',
      '|------|----------|',
      `| admin | ${pw('md-fenced')} |`,
      '```',
    ].join('\n');
    // The fenced table is an example of output, not a table of this document.
    assert.deepEqual(reported(text, 'README.md'), []);
  });

  it('reports secret columns of CSV and TSV files, with quoted fields', () => {
    const a = pw('csv-a');
    const b = hex('csv-b');
    const csv = `name,email,password,notes\nalice,alice@example.org,${a},"first, admin"\nbob,bob@example.org,"${pw('csv-c').replace('#', '""')}",\n`;
    // bob's quoted value holds a doubled quote: no single range in the text, so it is not reported.
    assert.deepEqual(reported(csv, 'seed/users.csv'), [['generic-password', a]]);
    const tsv = `client\tclient_secret\nci\t${b}\n`;
    assert.deepEqual(reported(tsv, 'clients.tsv'), [['generic-secret', b]]);
    assert.deepEqual(reported(`name,count\nx,${b}\n`, 'data.csv'), [], 'no secret column: nothing');
  });

  it('reports quoted values of an INSERT\'s secret columns, row by row, skips stored hashes, and reads hashing calls', () => {
    const a = pw('sql-a');
    const b = tok('sql-b');
    const c = pw('sql-c');
    const bcrypt = `$2b$12$${tok('sql-salt').slice(0, 22)}${tok('sql-hash').slice(0, 31)}`;
    const text = [
      'INSERT INTO users (id, username, password, created_at) VALUES',
      `  (1, 'admin', '${a}', NOW()),`,
      `  (2, 'ops', '${bcrypt}', NOW()),`,
      // The database hashes it on insert: the literal is the clear-text password.
      `  (3, 'svc', crypt('${c}', gen_salt('bf')), NOW()),`,
      `  (4, 'bot', crypt(:password, gen_salt('bf')), NOW()),`,
      `  (5, 'web', lower('${pw('sql-e')}'), NOW());`,
      `insert into api_clients (name, client_secret) values ('ci', '${b}');`,
    ].join('\n');
    assert.deepEqual(reported(text, 'db/seed.sql'), [
      ['generic-password', a],
      ['generic-password', c],
      ['generic-secret', b],
    ]);
  });

  it('reports secrets of key-value settings tables: INSERT rows (WordPress options), UPDATEs', () => {
    const d = pw('sql-d');
    const e = pw('sql-e2');
    const f = tok('sql-f');
    const text = [
      `INSERT INTO settings (key, value) VALUES ('smtp_password', '${d}');`,
      `INSERT INTO \`wp_options\` VALUES (1,'siteurl','https://blog.example.net','yes'),(89,'wp_mail_smtp_pass','${e}','yes'),(90,'db_version','51410','yes');`,
      `UPDATE app_settings SET value = '${f}' WHERE key = 'webhook_signing_secret';`,
      "UPDATE app_settings SET value = 'https://hooks.example.net' WHERE key = 'webhook_url';",
      "INSERT INTO settings VALUES ('password_min_length', '12'), ('smtp_password', '');",
    ].join('\n');
    assert.deepEqual(reported(text, 'db/settings.sql'), [
      ['generic-password', d],
      ['generic-password', e],
      ['generic-secret', f],
    ]);
    assert.match(genericFindings(text, 'db/settings.sql')[1].message, /for the `wp_mail_smtp_pass` setting/);
  });

  it('reports secret columns of pg_dump COPY rows, not NULLs or escaped text', () => {
    const g = tok('copy-g');
    const text = [
      'COPY public.oauth_clients (id, name, client_id, client_secret, redirect_uri) FROM stdin;',
      `1\tcli\t${tok('copy-id1').slice(0, 24)}\t\\N\thttps://app.example.net/callback`,
      `2\tweb\t${tok('copy-id2').slice(0, 24)}\t${g}\thttps://app.example.net/callback`,
      `3\tapi\t${tok('copy-id3').slice(0, 24)}\tab\\tcd${tok('copy-h')}\thttps://app.example.net/callback`,
      '\\.',
      '',
      `4\tlate\tx\t${tok('copy-i')}\ty`,
    ].join('\n');
    assert.deepEqual(reported(text, 'backups/auth_db.sql'), [['generic-secret', g]]);
  });

  it('reports the first 100 cells of a data export and counts the rest in a notice', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `u${i},${pw(`export-${i}`)}`);
    const result = engine.scan(`user,password\n${rows.join('\n')}\n`, 'exports/users.csv');
    assert.equal(result.findings.filter((f) => f.ruleId === 'generic-password').length, 100);
    assert.ok(result.notices.some((n) => n.level === 'warning' && /^50 more secret-looking cells/.test(n.message)), JSON.stringify(result.notices));
  });

  it('does not read tables in other file types, and survives malformed input', () => {
    const a = pw('other');
    assert.deepEqual(reported(`| User | Password |\n|---|---|\n| admin | ${a} |\n`, 'notes.txt'), []);
    for (const text of ['INSERT INTO t (password) VALUES (', "INSERT INTO t (password) VALUES ('unterminated", '| Password |\n|---|\n|', 'password\n"', '']) {
      assert.doesNotThrow(() => genericFindings(text, 'x.sql'));
      assert.doesNotThrow(() => genericFindings(text, 'x.md'));
      assert.doesNotThrow(() => genericFindings(text, 'x.csv'));
    }
  });
});
