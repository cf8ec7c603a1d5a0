/**
 * PKCS#12 key stores that anyone can open (rule `pkcs12-default-password`). Every store is made at
 * test time with the system `openssl` from a throwaway key, so no key material lives in the repository.
 * The PKCS#12 key derivation is checked against OpenSSL's own implementation (`openssl kdf PKCS12KDF`).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, parseIgnoreFile, resolveSettings, type ScanResult } from '../../server/src/engine';
import { readPfx } from '../../server/src/engine/binary/pfx';
import { bmpPassword, MAC_KEY_ID, pkcs12DeriveKey, type MacDigest } from '../../server/src/engine/binary/pkcs12Kdf';
import { indexFile } from '../../server/src/workspace/scanFile';
import { ensureCliBuilt, runJson } from '../cli/helpers';

const RULE = 'pkcs12-default-password';
const GOOGLE_PASSWORD = 'notasecret'; // published by Google for every legacy P12 service-account key

function openssl(args: string[], cwd: string): string {
  const run = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (run.error) {
    throw new Error('openssl is required by the PKCS#12 tests and was not found: install it (Debian: apt-get install openssl)');
  }
  assert.equal(run.status, 0, `openssl ${args[0]} failed: ${run.stderr.slice(0, 300)}`);
  return run.stdout;
}

/** Deterministic pseudo-random bytes (xorshift), so failures are reproducible. */
function noise(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('PKCS#12 key stores with a default or empty password', function () {
  this.timeout(60_000);
  let dir: string;
  const engine = new Engine();

  /** Exports the throwaway key and certificate as a PKCS#12 file and returns its bytes. */
  function exportP12(name: string, password: string, extra: string[] = []): Buffer {
    openssl(['pkcs12', '-export', '-in', 'cert.pem', '-inkey', 'key.pem', '-out', name, '-passout', `pass:${password}`, ...extra], dir);
    return readFileSync(join(dir, name));
  }

  function only(result: ScanResult) {
    assert.equal(result.findings.length, 1, `expected one finding, got ${result.findings.length}; notices: ${JSON.stringify(result.notices)}`);
    return result.findings[0];
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sh-p12-'));
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=test', '-days', '1', '-keyout', 'key.pem', '-out', 'cert.pem'], dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const macalg of ['sha1', 'sha256', 'sha384', 'sha512']) {
    it(`reports a store that opens with Google's published password (MAC ${macalg})`, () => {
      const bytes = exportP12(`google-${macalg}.p12`, GOOGLE_PASSWORD, ['-macalg', macalg]);
      const f = only(engine.scanBinary(bytes, `keys/google-${macalg}.p12`));
      assert.equal(f.ruleId, RULE);
      assert.equal(f.kind, 'secret');
      assert.equal(f.severity, 'error');
      assert.equal(f.startOffset, 0);
      assert.equal(f.endOffset, bytes.length);
      assert.deepEqual(f.range, { start: { line: 0, character: 0 }, end: { line: 0, character: bytes.length } });
      assert.equal(f.preview, `PKCS#12…(${bytes.length} bytes)`);
      assert.equal(f.data?.provider, 'Google Cloud');
      assert.equal(f.data?.opensWith, 'google-default');
      assert.equal(f.data?.macDigest, macalg);
      assert.match(f.fingerprint, /^[0-9a-f]{32}$/);
      assert.ok(!f.message.includes(GOOGLE_PASSWORD), 'the message describes the password without quoting it');
    });
  }

  it('reports a legacy store (SHA-1 MAC, 3DES-encrypted bags) as Google issued them', () => {
    const bytes = exportP12('legacy.p12', GOOGLE_PASSWORD, ['-macalg', 'sha1', '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES']);
    assert.equal(only(engine.scanBinary(bytes, 'legacy.p12')).data?.macDigest, 'sha1');
  });

  it('reports a store with an empty password, without naming a provider', () => {
    const bytes = exportP12('empty.pfx', '');
    const f = only(engine.scanBinary(bytes, 'certs/empty.pfx'));
    assert.equal(f.data?.opensWith, 'empty');
    assert.equal(f.data?.provider, undefined);
  });

  it('reports nothing for a store protected by another password', () => {
    const bytes = exportP12('other.p12', 'a-real-passphrase-7');
    const result = engine.scanBinary(bytes, 'other.p12');
    assert.deepEqual(result.findings, []);
    assert.equal(result.skipped, false);
    assert.equal(readPfx(bytes).kind, 'mac', 'the store was read and its MAC checked');
  });

  it('reports nothing when one byte of the MAC-protected content changes', () => {
    const bytes = exportP12('tampered.p12', GOOGLE_PASSWORD);
    assert.equal(engine.scanBinary(bytes, 'tampered.p12').findings.length, 1);
    const tampered = Buffer.from(bytes);
    tampered[Math.floor(bytes.length / 2)] ^= 0x01;
    assert.deepEqual(engine.scanBinary(tampered, 'tampered.p12').findings, []);
  });

  it('does not report a store without a MAC (nothing proves the password) and says why', () => {
    const bytes = exportP12('nomac.p12', GOOGLE_PASSWORD, ['-nomac']);
    const result = engine.scanBinary(bytes, 'nomac.p12');
    assert.deepEqual(result.findings, []);
    assert.ok(result.notices.some((n) => /no integrity MAC/.test(n.message)), JSON.stringify(result.notices));
  });

  it('does not check a store whose MAC iteration count is over the limit', () => {
    const bytes = exportP12('slow.p12', GOOGLE_PASSWORD, ['-iter', '200000']);
    const result = engine.scanBinary(bytes, 'slow.p12');
    assert.deepEqual(result.findings, []);
    assert.ok(result.notices.some((n) => /iteration count 200000 is over 100000/.test(n.message)), JSON.stringify(result.notices));
  });

  it('answers "not a PKCS#12" for empty, random and truncated input, without throwing', () => {
    const valid = exportP12('whole.p12', GOOGLE_PASSWORD);
    const inputs: Buffer[] = [Buffer.alloc(0), Buffer.from([0x30]), Buffer.from([0x30, 0x80, 0x00, 0x00]), Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff])];
    for (let seed = 1; seed <= 50; seed++) inputs.push(noise(1 + seed * 37, seed));
    // Random bodies behind a plausible PFX header: SEQUENCE { INTEGER 3, ... }.
    for (let seed = 1; seed <= 50; seed++) inputs.push(Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x03]), noise(253, seed)]));
    for (let length = 0; length < valid.length; length += 13) inputs.push(valid.subarray(0, length));
    for (const input of inputs) {
      const result = engine.scanBinary(input, 'broken.p12');
      assert.deepEqual(result.findings, [], `input of ${input.length} bytes`);
      assert.ok(!result.notices.some((n) => n.level === 'warning'), `a check failed on ${input.length} bytes: ${JSON.stringify(result.notices)}`);
      assert.equal(readPfx(input).kind === 'mac' && input.length < valid.length, false);
    }
  });

  it('recognises a store by its content under another name, and skips other binary files', () => {
    const bytes = exportP12('renamed.p12', GOOGLE_PASSWORD);
    assert.equal(only(engine.scanBinary(bytes, 'backup/key.bin')).ruleId, RULE);
    const other = engine.scanBinary(noise(300, 7), 'image.png');
    assert.equal(other.skipped, true);
    assert.deepEqual(other.findings, []);
  });

  it('keys the fingerprint on the file content and honours .secret-hygiene-ignore, rule settings and exclusions', () => {
    const bytes = exportP12('ignored.p12', GOOGLE_PASSWORD);
    const a = only(engine.scanBinary(bytes, 'a/one.p12'));
    const b = only(engine.scanBinary(bytes, 'b/two.p12'));
    assert.equal(a.fingerprint, b.fingerprint, 'same file, same fingerprint wherever it lives');
    const other = only(engine.scanBinary(exportP12('ignored-2.p12', GOOGLE_PASSWORD), 'a/one.p12'));
    assert.notEqual(other.fingerprint, a.fingerprint);
    const suppressions = parseIgnoreFile(`${a.fingerprint} # ${RULE} a/one.p12\n`);
    assert.deepEqual(engine.scanBinary(bytes, 'a/one.p12', { suppressions }).findings, []);
    assert.equal(engine.scanBinary(exportP12('ignored-3.p12', GOOGLE_PASSWORD), 'a/one.p12', { suppressions }).findings.length, 1);
    const off = new Engine(resolveSettings({ rules: { [RULE]: false } }));
    assert.deepEqual(off.scanBinary(bytes, 'a/one.p12').findings, []);
    const warn = new Engine(resolveSettings({ rules: { [RULE]: 'warning' } }));
    assert.equal(only(warn.scanBinary(bytes, 'a/one.p12')).severity, 'warning');
    const excluded = new Engine(resolveSettings({ exclude: ['vendor/**'] }));
    assert.equal(excluded.scanBinary(bytes, 'vendor/one.p12').skipped, true);
  });

  it('registers the rule for hovers, SARIF and the docs', () => {
    const info = engine.rule(RULE);
    assert.ok(info, 'rule is in the catalogue');
    assert.equal(info.kind, 'secret');
    assert.equal(info.severity, 'error');
    assert.match(info.provider ?? '', /Google Cloud/);
    assert.ok(engine.allRules().some((r) => r.id === RULE));
  });

  it('lists the store in the workspace index', () => {
    mkdirSync(join(dir, 'ws'), { recursive: true });
    writeFileSync(join(dir, 'ws', 'svc.P12'), exportP12('ws.p12', GOOGLE_PASSWORD));
    const indexed = indexFile(engine, join(dir, 'ws', 'svc.P12'), 'svc.P12');
    assert.ok(indexed, 'the binary key store is indexed');
    assert.deepEqual(indexed.facts.hardCoded.map((h) => h.ruleId), [RULE]);
    assert.equal(indexed.counts.secret, 1);
  });

  describe('key derivation (RFC 7292 Appendix B.2) against openssl kdf PKCS12KDF', () => {
    const digests: MacDigest[] = [
      { name: 'sha1', outputBytes: 20, blockBytes: 64 },
      { name: 'sha224', outputBytes: 28, blockBytes: 64 },
      { name: 'sha256', outputBytes: 32, blockBytes: 64 },
      { name: 'sha384', outputBytes: 48, blockBytes: 128 },
      { name: 'sha512', outputBytes: 64, blockBytes: 128 },
    ];
    const cases = [
      { label: 'BMP password, 8-byte salt', password: bmpPassword('test-pass'), salt: noise(8, 3), iterations: 2048 },
      { label: 'empty password', password: Buffer.alloc(0), salt: noise(16, 4), iterations: 1 },
      { label: 'terminator-only password', password: bmpPassword(''), salt: noise(20, 5), iterations: 3 },
      { label: 'password and salt longer than a block', password: bmpPassword('p'.repeat(70)), salt: noise(130, 6), iterations: 2 },
    ];
    for (const digest of digests) {
      it(`matches OpenSSL for ${digest.name}`, () => {
        for (const c of cases) {
          const ours = pkcs12DeriveKey(digest, MAC_KEY_ID, c.password, c.salt, c.iterations).toString('hex');
          const out = openssl(
            ['kdf', '-keylen', String(digest.outputBytes), '-kdfopt', `digest:${digest.name.toUpperCase()}`, '-kdfopt', `hexpass:${c.password.toString('hex')}`,
              '-kdfopt', `hexsalt:${c.salt.toString('hex')}`, '-kdfopt', `id:${MAC_KEY_ID}`, '-kdfopt', `iter:${c.iterations}`, 'PKCS12KDF'],
            dir,
          );
          assert.equal(ours, out.trim().replace(/:/g, '').toLowerCase(), c.label);
        }
      });
    }
  });

  describe('through the CLI', () => {
    before(() => ensureCliBuilt());

    it('reports binary .p12/.pfx stores with their whole span and no key bytes, with and without workers', () => {
      const tree = join(dir, 'cli');
      mkdirSync(join(tree, 'keys'), { recursive: true });
      const google = exportP12('cli-google.p12', GOOGLE_PASSWORD);
      const empty = exportP12('cli-empty.p12', '');
      writeFileSync(join(tree, 'keys', 'svc.p12'), google);
      writeFileSync(join(tree, 'keys', 'Store.PFX'), empty);
      writeFileSync(join(tree, 'keys', 'safe.p12'), exportP12('cli-safe.p12', 'a-real-passphrase-7'));
      writeFileSync(join(tree, 'picture.bin'), noise(500, 9));
      const keyBody = readFileSync(join(dir, 'key.pem'), 'utf8').replace(/-----[^-]+-----|\s/g, '');
      for (const jobs of ['1', '2']) {
        const { code, json, stderr } = runJson(['scan', '.', '--jobs', jobs], tree);
        assert.equal(code, 1, stderr);
        const found = json.findings.map((f) => [f.file, f.rule, f.kind, f.startOffset, f.endOffset]).sort();
        assert.deepEqual(found, [
          ['keys/Store.PFX', RULE, 'secret', 0, empty.length],
          ['keys/svc.p12', RULE, 'secret', 0, google.length],
        ]);
        const svc = json.findings.find((f) => f.file === 'keys/svc.p12');
        assert.deepEqual(svc?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: google.length } });
        const output = JSON.stringify(json) + stderr;
        for (let at = 0; at + 24 <= keyBody.length; at += 24) {
          assert.equal(output.includes(keyBody.slice(at, at + 24)), false, `output contains key material (slice at ${at})`);
        }
        for (const store of [google, empty]) {
          assert.equal(output.includes(store.subarray(100, 124).toString('base64')), false, 'output contains store bytes (base64)');
          assert.equal(output.includes(store.subarray(100, 124).toString('hex')), false, 'output contains store bytes (hex)');
          assert.equal(output.includes(createHash('sha256').update(store).digest('hex')), false, 'output contains the raw file digest');
        }
        assert.ok(json.notices.some((n) => n.file === 'picture.bin' && /binary/.test(n.message)), 'other binary files are still skipped');
      }
    });
  });
});
