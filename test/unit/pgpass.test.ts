import { strict as assert } from 'node:assert';
import { Engine } from '../../server/src/engine';
import { ALNUM, chars } from '../../server/src/engine/rules/fake';

/** PostgreSQL password files, recognised by name: the fifth field of each entry is a password. */
describe('.pgpass files', () => {
  const engine = new Engine();
  const pw = (label: string) => `${chars(ALNUM, 14, `pgpass:${label}`)}#7`;
  const found = (text: string, path = '.pgpass') =>
    engine.scan(text, path).findings.filter((f) => f.ruleId === 'pgpass-password').map((f) => text.slice(f.startOffset, f.endOffset));

  it('reports the password of each entry, escapes included, and never in its message', () => {
    const a = pw('a');
    const b = `${pw('b')}:x`;
    const text = `# production\ndb.internal:5432:orders:app:${a}\n*:*:*:replicator:${b.replace(':', '\\:')}\r\n`;
    assert.deepEqual(found(text), [a, b.replace(':', '\\:')]);
    for (const f of engine.scan(text, '.pgpass').findings) {
      assert.ok(!f.message.includes(a) && !f.message.includes(b), 'the message holds no password');
      assert.equal(f.severity, 'error');
    }
  });

  it('is recognised by name only, on Windows too', () => {
    const line = `localhost:5432:app:app:${pw('c')}\n`;
    assert.equal(found(line, 'home/ci/.pgpass').length, 1);
    assert.equal(found(line, 'AppData/Roaming/postgresql/pgpass.conf').length, 1);
    assert.equal(found(line, 'notes/hosts.txt').length, 0);
  });

  it('skips comments, incomplete entries, and placeholder or default passwords', () => {
    const text = [`# localhost:5432:app:app:${pw('d')}`, 'localhost:5432:app:app', 'localhost:5432:app:app:password', 'localhost:5432:app:app:${PGPASSWORD}', 'localhost:5432:app:postgres:postgres', ''].join('\n');
    assert.deepEqual(found(text), []);
  });
});

/** PgBouncer's userlist.txt and Postfix's sasl_passwd: password files recognised by name too. */
describe('service password files (userlist.txt, sasl_passwd)', () => {
  const engine = new Engine();
  const pw = (label: string) => `${chars(ALNUM, 14, `pwfile:${label}`)}#7`;
  const found = (text: string, path: string) =>
    engine.scan(text, path).findings.filter((f) => f.ruleId === 'password-file-entry').map((f) => text.slice(f.startOffset, f.endOffset));

  it('reports clear-text passwords in PgBouncer userlist.txt, not stored hashes', () => {
    const text = `;; users\n"app_rw" "${pw('u1')}"\n"stats" "md5${chars('0123456789abcdef', 32, 'pwfile:md5')}"\n"admin" "SCRAM-SHA-256$4096:${chars(ALNUM, 24, 'pwfile:scram')}"\n`;
    assert.deepEqual(found(text, 'ops/pgbouncer/userlist.txt'), [pw('u1')]);
    for (const f of engine.scan(text, 'ops/pgbouncer/userlist.txt').findings) assert.ok(!f.message.includes(pw('u1')));
  });

  it('reports the password of a Postfix sasl_passwd entry, not placeholders', () => {
    const text = `[smtp.relay.test]:587 relay@corp.test:${pw('s1')}\n[smtp.other.test]:587 user:password\n# [x]:25 a:b\n`;
    assert.deepEqual(found(text, 'ops/postfix/sasl_passwd'), [pw('s1')]);
    assert.deepEqual(found(text, 'ops/postfix/relay.txt'), []);
  });
});
