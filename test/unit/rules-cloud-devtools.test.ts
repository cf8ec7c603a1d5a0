import { strict as assert } from 'node:assert';
import { Engine, resolveSettings } from '../../server/src/engine';
import { cloudRules } from '../../server/src/engine/rules/cloud';
import { devtoolsRules } from '../../server/src/engine/rules/devtools';
import { decodeBase64, hasValidCrc32HexSuffix, jwtPayload } from '../../server/src/engine/rules/checksums';
import { ALNUM, BASE64, HEX, b64url, chars, crc32 } from '../../server/src/engine/rules/fake';
import { fakeUuid } from '../../server/src/engine/rules/cloud/ruleKit';

const mine = [...cloudRules, ...devtoolsRules];
const engine = new Engine(resolveSettings({}));
const findingsOf = (text: string, ruleId?: string) =>
  engine.scan(text, 'src/app.env').findings.filter((f) => (ruleId ? f.ruleId === ruleId : mine.some((r) => r.id === f.ruleId)));

describe('cloud and devtools rule catalogue', () => {
  it('declares at least 80 rules, each with two positive and two negative examples, an env name and a remediation', () => {
    assert.ok(mine.length >= 80, `only ${mine.length} rules`);
    for (const rule of mine) {
      assert.ok(rule.examples.positive.length >= 2, `${rule.id} needs 2 positives`);
      assert.ok(rule.examples.negative.length >= 2, `${rule.id} needs 2 negatives`);
      assert.ok(rule.envName && /^[A-Za-z_][A-Za-z0-9_]*$/.test(rule.envName), `${rule.id} needs an env name`);
      assert.ok(rule.remediation.length > 60, `${rule.id} needs a concrete remediation`);
      for (const k of rule.keywords) assert.equal(k, k.toLowerCase(), `${rule.id} keyword must be lower-case`);
    }
  });

  it('never repeats the secret in a finding message or preview', () => {
    for (const rule of mine) {
      rule.examples.positive.forEach((example, i) => {
        for (const f of findingsOf(example, rule.id)) {
          const value = example.slice(f.startOffset, f.endOffset);
          assert.ok(!f.message.includes(value), `${rule.id} positive #${i + 1} message repeats the value`);
          assert.ok(!f.preview.includes(value), `${rule.id} positive #${i + 1} preview repeats the value`);
        }
      });
    }
  });
});

describe('cloud and devtools finding spans', () => {
  it('reports only the value of a named setting, not the name', () => {
    const value = chars(BASE64, 40, 'span:aws');
    const text = `aws_secret_access_key = "${value}"`;
    const [f] = findingsOf(text, 'aws-secret-access-key');
    assert.ok(f, 'not found');
    assert.equal(f.startOffset, text.indexOf(value));
    assert.equal(f.endOffset, text.indexOf(value) + 40);
  });

  it('reports the private key of a service account JSON, not the whole object', () => {
    const body = Array.from({ length: 6 }, (_, i) => chars(BASE64, 64, `span:sa:${i}`)).join('\\n');
    const key = `-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----\\n`;
    const text = `{\n  "type": "service_account",\n  "private_key": "${key}",\n  "client_email": "a@b.iam.gserviceaccount.com"\n}`;
    const hits = engine.scan(text, 'key.json').findings.filter((f) => f.kind === 'secret');
    assert.equal(hits.length, 1, `got ${hits.map((h) => h.ruleId).join(', ')}`);
    assert.equal(hits[0].startOffset, text.indexOf(key));
    assert.equal(hits[0].endOffset, text.indexOf(key) + key.length);
  });

  it('finds an AWS key pair as two findings: the key ID and the secret next to it', () => {
    const id = 'AKIA' + chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, 'pair');
    const secret = chars(BASE64, 40, 'pair:secret');
    const rules = findingsOf(`${id},${secret}\n`).map((f) => f.ruleId).sort();
    assert.deepEqual(rules, ['aws-access-key-id', 'aws-secret-access-key-near-key-id']);
  });
});

describe('cloud and devtools rules leave ordinary text alone', () => {
  const benign = [
    // CI references and environment reads for every suggested variable name.
    ...[...new Set(mine.map((r) => r.envName))].map((name) => `${name}: \${{ secrets.${name} }}\n${name}=$${name}\nkey = os.environ["${name}"]`),
    // Git hashes, UUIDs and integrity hashes next to provider names.
    `github_sha: ${chars(HEX, 40, 'b1')}\nGITLAB_COMMIT=${chars(HEX, 40, 'b2')}\nheroku_app_id: ${fakeUuid('b3')}`,
    `"integrity": "sha512-${chars(BASE64, 86, 'b4')}=="`,
    `AZURE_TENANT_ID=${fakeUuid('b5')}\nAZURE_CLIENT_ID=${fakeUuid('b6')}\nAZURE_SUBSCRIPTION_ID=${fakeUuid('b7')}`,
    'See https://docs.gitlab.com/security/tokens/ for glpat- and gldt- prefixes; hvs. tokens; AKIA keys.',
    `image: registry.example.com/app@sha256:${chars(HEX, 64, 'b8')}`,
  ];
  benign.forEach((text, i) => {
    it(`reports nothing in benign sample #${i + 1}`, () => {
      const hits = findingsOf(text);
      assert.deepEqual(hits.map((h) => h.ruleId), []);
    });
  });
});

describe('format validators', () => {
  it('checks the Cloudflare CRC-32 hex suffix', () => {
    const body = chars(ALNUM, 40, 'v:cf');
    const sum = crc32(body).toString(16).padStart(8, '0');
    assert.equal(hasValidCrc32HexSuffix(body + sum), true);
    assert.equal(hasValidCrc32HexSuffix(body + (sum[0] === '0' ? '1' : '0') + sum.slice(1)), false);
    assert.equal(hasValidCrc32HexSuffix('abc'), false);
  });

  it('decodes standard and URL-safe base64 and rejects other text', () => {
    assert.equal(decodeBase64(Buffer.from('hello?>').toString('base64'))?.toString(), 'hello?>');
    assert.equal(decodeBase64(b64url('hello?>'))?.toString(), 'hello?>');
    assert.equal(decodeBase64('not base64!'), undefined);
  });

  it('reads a JWT payload only from a well-formed token', () => {
    const jwt = `${b64url({ alg: 'HS256' })}.${b64url({ role: 'service_role' })}.${chars(ALNUM, 20, 'v:jwt')}`;
    assert.deepEqual(jwtPayload(jwt), { role: 'service_role' });
    assert.equal(jwtPayload(`${b64url({ typ: 'x' })}.${b64url({ role: 'a' })}.sig`), undefined);
    assert.equal(jwtPayload('a.b'), undefined);
  });
});
