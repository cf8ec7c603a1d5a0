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

  it('reports quoted values of an INSERT\'s secret columns, row by row, and skips hashes and calls', () => {
    const a = pw('sql-a');
    const b = tok('sql-b');
    const bcrypt = `$2b$12$${tok('sql-salt').slice(0, 22)}${tok('sql-hash').slice(0, 31)}`;
    const text = [
      'INSERT INTO users (id, username, password, created_at) VALUES',
      `  (1, 'admin', '${a}', NOW()),`,
      `  (2, 'ops', '${bcrypt}', NOW()),`,
      `  (3, 'svc', crypt('${pw('sql-c')}', gen_salt('bf')), NOW());`,
      `insert into api_clients (name, client_secret) values ('ci', '${b}');`,
      `INSERT INTO settings (key, value) VALUES ('smtp_password', '${pw('sql-d')}');`,
    ].join('\n');
    assert.deepEqual(reported(text, 'db/seed.sql'), [
      ['generic-password', a],
      ['generic-secret', b],
    ]);
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
