import { strict as assert } from 'node:assert';
import { Engine, resolveSettings } from '../../server/src/engine';
import { ALNUM, BASE64, HEX, b64url, chars } from '../../server/src/engine/rules/fake';
import { fakePem } from '../../server/src/engine/rules/keys/privateKeys';
import { encodeBech32, isValidBech32 } from '../../server/src/engine/rules/keys/bech32';

/**
 * Behaviour of the saas and keys rules beyond their own examples: spans, overlaps between rules,
 * per-value findings in manifests, and that no finding repeats the value it found.
 */
const engine = new Engine(resolveSettings({}));
const scan = (text: string, path = 'src/config.txt') => engine.scan(text, path).findings;
const only = (text: string, ruleId: string, path?: string) => scan(text, path).filter((f) => f.ruleId === ruleId);
const pw = (label: string) => chars(ALNUM, 16, `test:${label}`);

describe('saas and keys rules', () => {
  describe('private keys', () => {
    const body = `MII${chars(BASE64, 900, 'test:pem')}`;
    const pem = fakePem('', body);

    it('spans the whole PEM block, BEGIN to END', () => {
      const text = `key: |\n${pem}\nnext: 1\n`;
      const hits = only(text, 'private-key-pkcs8');
      assert.equal(hits.length, 1);
      assert.equal(hits[0].startOffset, text.indexOf('-----BEGIN'));
      assert.equal(hits[0].endOffset, text.indexOf('KEY-----', text.indexOf('-----END')) + 'KEY-----'.length);
    });

    it('finds the escaped "\\n" form inside a JSON string', () => {
      const escaped = pem.replace(/\n/g, '\\n');
      const text = JSON.stringify({ name: 'signer', key: `${pem}\n` }, null, 2);
      assert.ok(text.includes(escaped));
      const hits = only(text, 'private-key-pkcs8');
      assert.equal(hits.length, 1);
      assert.equal(text.slice(hits[0].startOffset, hits[0].startOffset + 10), '-----BEGIN');
    });

    it('reports a placeholder block, then still finds the real key after it', () => {
      const text = `-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n\n${pem}\n`;
      const hits = only(text, 'private-key-pkcs8');
      assert.equal(hits.length, 1);
      assert.ok(hits[0].startOffset > text.indexOf('-----END'));
    });

    it('rates a passphrase-protected key as a warning, not an error', () => {
      const hits = scan(fakePem('ENCRYPTED ', body));
      assert.deepEqual(hits.map((f) => [f.ruleId, f.severity]), [['private-key-encrypted', 'warning']]);
    });
  });

  describe('age identities', () => {
    it('accepts a valid bech32 checksum and rejects a single changed character', () => {
      const data = [...chars('0123456789abcdefghijklmnopqrstuv', 52, 'test:age')].map((c) => parseInt(c, 32));
      const key = encodeBech32('age-secret-key-', data).toUpperCase();
      assert.ok(isValidBech32(key));
      assert.equal(only(key, 'age-secret-key').length, 1);
      const last = key[key.length - 1] === 'Q' ? 'P' : 'Q';
      const broken = key.slice(0, -1) + last;
      assert.equal(isValidBech32(broken), false);
      assert.equal(only(broken, 'age-secret-key').length, 0);
    });
  });

  describe('connection strings', () => {
    it('reports only the password, even when it contains "@" and ":"', () => {
      const secret = `${pw('a')}@x:${pw('b')}`;
      const text = `MONGO_URI="mongodb+srv://app:${secret}@cluster0.mongo.internal/db?retryWrites=true"`;
      const hits = only(text, 'mongodb-connection-string');
      assert.equal(hits.length, 1);
      assert.equal(text.slice(hits[0].startOffset, hits[0].endOffset), secret);
    });

    it('reports a password with an empty user (redis://:password@host)', () => {
      const text = `REDIS_URL=redis://:${pw('r')}@cache.internal:6379`;
      assert.equal(only(text, 'redis-connection-string').length, 1);
    });

    it('ignores references, placeholders and a password equal to the user name', () => {
      for (const text of [
        'postgres://app:${DB_PASSWORD}@db/app',
        'postgres://$(PGUSER):$(PGPASSWORD)@$(PGHOST)/db',
        'mysql://user:password@localhost/db',
        'postgres://postgres:postgres@localhost:5432/db',
        'mongodb://YOUR_USERNAME:YOUR_PASSWORD@cluster.internal/test',
        'postgresql://{username}:{password}@{{host}}:5432/{database}',
      ]) {
        assert.deepEqual(scan(text).map((f) => f.ruleId), [], 'a connection string without a real password was reported');
      }
    });

    it('reports a real password on localhost too (the host does not make it safe)', () => {
      assert.equal(only(`mysql://dev:${pw('l')}@localhost:3306/app`, 'mysql-connection-string').length, 1);
    });
  });

  describe('overlaps', () => {
    it('lets a provider rule win over the container rule for the same token', () => {
      const token = `glsa_${chars(ALNUM, 32, 'test:gl')}_${chars(HEX, 8, 'test:gl2')}`;
      const hits = scan(`curl -H "Authorization: Bearer ${token}" https://grafana.internal/api`);
      assert.deepEqual(hits.map((f) => f.ruleId), ['grafana-service-account-token']);
    });

    it('reports a bare signed JWT once, as a JWT, not as a bearer token', () => {
      const jwt = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'svc', exp: 1900000000 })}.${chars(ALNUM, 43, 'test:sig')}`;
      const hits = scan(`Authorization: Bearer ${jwt}`);
      assert.deepEqual(hits.map((f) => [f.ruleId, f.severity]), [['jwt', 'warning']]);
    });

    it('ignores unsigned JWTs (alg "none")', () => {
      const jwt = `${b64url({ alg: 'none' })}.${b64url({ sub: 'svc', admin: true })}.`;
      assert.equal(only(`token=${jwt}`, 'jwt').length, 0);
    });

    it('tells Stripe and Paystack keys apart by format', () => {
      const paystack = `sk_live_${chars(HEX, 40, 'test:ps')}`;
      const stripe = `sk_live_${chars(ALNUM, 99, 'test:st')}`;
      assert.deepEqual(scan(`KEY=${paystack}`).map((f) => f.ruleId), ['paystack-secret-key']);
      assert.deepEqual(scan(`KEY=${stripe}`).map((f) => f.ruleId), ['stripe-secret-key']);
    });

    it('rates Stripe test-mode keys lower than live keys', () => {
      const [test] = scan(`sk_test_${chars(ALNUM, 24, 'test:t')}`);
      const [live] = scan(`sk_live_${chars(ALNUM, 24, 'test:l')}`);
      assert.equal(test.severity, 'warning');
      assert.equal(live.severity, 'error');
    });
  });

  describe('Kubernetes Secret manifests', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    it('reports each secret value of data and stringData, skipping names, references and empty values', () => {
      const text = [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: app',
        'data:',
        `  username: ${b64('service-user')}`,
        `  password: ${b64(pw('k1'))}`,
        `  api-key: ${b64(pw('k2'))}`,
        'stringData:',
        `  TOKEN: "${pw('k3')}"`,
        '  FROM_ENV: "${TOKEN}"',
        '  EMPTY: ""',
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'data:',
        `  password: ${b64(pw('k4'))}`,
        '',
      ].join('\n');
      const hits = only(text, 'k8s-secret-manifest-value', 'deploy/app.yaml');
      const keys = hits.map((f) => text.slice(text.lastIndexOf('\n', f.startOffset) + 1, f.startOffset).trim());
      assert.deepEqual(keys, ['password:', 'api-key:', 'TOKEN: "']);
    });
  });

  describe('config files', () => {
    it('decodes docker config auth and ignores placeholder credentials', () => {
      const good = `{"auths":{"registry.internal":{"auth":"${Buffer.from(`ci:${pw('d')}`).toString('base64')}"}}}`;
      const bad = `{"auths":{"registry.internal":{"auth":"${Buffer.from('user:password').toString('base64')}"}}}`;
      assert.equal(only(good, 'docker-config-auth').length, 1);
      assert.equal(only(bad, 'docker-config-auth').length, 0);
    });

    it('reads .netrc entries written over several lines', () => {
      const text = `machine api.internal\n  login bot\n  password ${pw('n')}\n`;
      const hits = only(text, 'netrc-password');
      assert.equal(hits.length, 1);
      assert.equal(text.slice(hits[0].startOffset, hits[0].endOffset), pw('n'));
    });
  });

  describe('house rule: a finding never repeats the secret', () => {
    it('keeps messages, previews and data free of the value for every kind of rule here', () => {
      const secrets = [
        `SG.${chars(ALNUM, 22, 'h1')}.${chars(ALNUM, 43, 'h2')}`,
        `postgres://app:${pw('h3')}@db/app`,
        fakePem('RSA ', `MII${chars(BASE64, 600, 'h4')}`),
        `AIRTABLE=pat${chars(ALNUM, 14, 'h5')}.${chars(HEX, 64, 'h6')}`,
      ];
      for (const text of secrets) {
        const hits = scan(text);
        assert.ok(hits.length > 0, 'expected a finding');
        for (const f of hits) {
          const value = text.slice(f.startOffset, f.endOffset);
          const shown = JSON.stringify({ m: f.message, p: f.preview, d: f.data, t: f.title });
          assert.ok(!shown.includes(value.slice(-12)), `${f.ruleId} repeats part of its value`);
        }
      }
    });
  });
});
