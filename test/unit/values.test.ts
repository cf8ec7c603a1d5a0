import { strict as assert } from 'node:assert';
import { ALNUM, BASE64, chars, HEX } from '../../server/src/engine/rules/fake';
import {
  characterClasses,
  hasFilledBody,
  isDictionaryLike,
  isMostlySequential,
  isPlaceholder,
  isReference,
  isRepetitive,
  isSequence,
  looksLikePath,
  looksLikeUrl,
  shannonEntropy,
} from '../../server/src/engine/values';

describe('value classifiers', () => {
  it('computes Shannon entropy in bits per character', () => {
    assert.equal(shannonEntropy(''), 0);
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abab'), 1);
    assert.ok(Math.abs(shannonEntropy('0123456789abcdef') - 4) < 1e-9);
    assert.ok(shannonEntropy(chars(ALNUM, 40, 'values:alnum')) > 4.5);
    assert.ok(shannonEntropy(chars(HEX, 40, 'values:hex')) > 3.3);
  });

  it('recognises repetition and sequences', () => {
    assert.ok(isRepetitive('aaaaaaaa'));
    assert.ok(isRepetitive('abababab'));
    assert.ok(isRepetitive('0000-0000'));
    assert.ok(!isRepetitive('abc'));
    assert.ok(!isRepetitive(chars(ALNUM, 12, 'values:rep')));
    assert.ok(isSequence('abcdefgh'));
    assert.ok(isSequence('12345678'));
    assert.ok(isSequence('0123456789'));
    assert.ok(!isSequence('abcde'));
    assert.ok(!isSequence(chars(ALNUM, 16, 'values:seq')));
  });

  it('recognises placeholders and masks but not random values', () => {
    for (const v of ['changeme', 'CHANGE_ME', 'your-api-key', 'your_token', '<token>', 'xxxxxxxx', '********', 'example-key', 'dummy', 'REDACTED', 'TODO']) {
      assert.ok(isPlaceholder(v), `placeholder #${v.length}`);
    }
    assert.ok(!isPlaceholder(chars(ALNUM, 24, 'values:ph')));
    assert.ok(!isPlaceholder('Winter2024!'));
  });

  it('recognises references to secrets kept elsewhere', () => {
    const references = [
      '${DB_PASSWORD}', '$DB_PASSWORD', '$(cat /run/secrets/x)', '${{ secrets.TOKEN }}', '{{ vault_pw }}', '%DB_PASSWORD%', '#{ENV}',
      '<%= ENV["X"] %>', 'vault:secret/data/app#password', 'op://vault/item/field', 'arn:aws:secretsmanager:us-east-1:1:secret:x',
      '{{resolve:ssm-secure:/app/pw:1}}', '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)',
      'projects/p/secrets/s/versions/latest', 'ENC[AES256_GCM,data:abc,type:str]', 'process.env.TOKEN', 'os.getenv("X")',
      'System.getenv("X")', 'ENV["X"]', 'env("X")',
    ];
    for (const [i, v] of references.entries()) assert.ok(isReference(v), `reference #${i}`);
    for (const v of ['Winter2024!', chars(BASE64, 40, 'values:ref'), 'hunter2!X']) assert.ok(!isReference(v));
  });

  it('recognises URLs and paths', () => {
    assert.ok(looksLikeUrl('https://example.com/token'));
    assert.ok(looksLikeUrl('postgres://db/app'));
    assert.ok(!looksLikeUrl('Winter2024!'));
    for (const v of ['/run/secrets/token', './secrets.json', '../x', '~/.ssh/id_rsa', 'C:\\keys\\app.pfx', 'service-account.json', 'tls.key']) {
      assert.ok(looksLikePath(v), v);
    }
    assert.ok(!looksLikePath(chars(BASE64, 40, 'values:path')));
    // Padded base64 that happens to start with a slash (32 bytes: 43 characters and `=`).
    assert.ok(!looksLikePath(`/${chars(BASE64, 42, 'values:slash')}=`));
    assert.ok(!looksLikePath('Winter2024!'));
  });

  it('takes a provider prefix followed by one repeated character or a count for a filler', () => {
    for (const v of ['sk_live_000000000000000000000000', 'ghp_' + 'x'.repeat(36), 'shpat_0123456789abcdef0123456789abcdef', 'sk_live_0123456789abcdefghijklmn', 'sk-ant-api03-' + 'abcdefghij'.repeat(9) + 'abcAA']) {
      assert.ok(hasFilledBody(v), `filler ${v.slice(0, 8)}`);
    }
    // Alternating case, runs of several letters and random bodies fit providers' formats: left to the rules.
    for (const v of ['glpat-aBcDeFgHiJkLmNoPqRsT', `tskey-api-${'A'.repeat(8)}-${'B'.repeat(12)}`, `sk_live_${chars(ALNUM, 24, 'fill1')}`, `dop_v1_${chars(HEX, 64, 'fill2')}`]) {
      assert.ok(!hasFilledBody(v), `not a filler ${v.slice(0, 8)}`);
    }
  });

  it('recognises values made mostly of ascending runs', () => {
    assert.ok(isMostlySequential('abcdef12345124'));
    assert.ok(isMostlySequential('ABC-123-xyz'));
    assert.ok(!isMostlySequential('Winter2024!'));
    assert.ok(!isMostlySequential(chars(ALNUM, 24, 'values:mostly')));
  });

  it('counts character classes, not counting identifier joiners as symbols', () => {
    assert.deepEqual(characterClasses('aB3_-.!'), { lower: 1, upper: 1, digit: 1, symbol: 1 });
  });

  it('recognises default and sample credentials built from dictionary words', () => {
    for (const v of ['password', 'Passw0rd!', 'P@ssw0rd', 'admin123', 'root1234', 'qwerty123', 'Test@123', 'mypassword1', 's3cr3t', 'changeme1', 'secret-password']) {
      assert.ok(isDictionaryLike(v), `dictionary-like #${v.length}`);
    }
    for (const v of ['Winter2024!', 'hunter2!X', chars(ALNUM, 12, 'values:dict')]) assert.ok(!isDictionaryLike(v));
  });
});
