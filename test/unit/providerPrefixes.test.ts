import { strict as assert } from 'node:assert';
import { Engine, resolveSettings } from '../../server/src/engine';
import { ALNUM, chars, checksummedToken, HEX } from '../../server/src/engine/rules/fake';
import { isRejectedProviderValue, providerPrefixesOf } from '../../server/src/engine/rules/providerPrefixes';
import { providerRules } from '../../server/src/engine/rules';
import { isPlaceholder } from '../../server/src/engine/values';

/**
 * Values that carry a provider's prefix belong to the provider rule: one it rejects (wrong
 * checksum, length or alphabet) is a truncated, mistyped or made-up value, not a generic secret.
 */
describe('provider prefixes', () => {
  const engine = new Engine(resolveSettings({}));
  const secrets = (text: string, path: string) => engine.scan(text, path).findings.filter((f) => f.kind === 'secret').map((f) => f.ruleId);

  /** A GitHub token whose checksum is wrong: the right body with its last character changed. */
  const badChecksum = (label: string) => {
    const good = checksummedToken('ghp_', label);
    return good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
  };

  it('reads distinctive prefixes from the rules, not words any value could start with', () => {
    const prefixes = providerPrefixesOf(providerRules);
    for (const p of ['ghp_', 'github_pat_', 'glpat-', 'npm_', 'dckr_pat_', 'sk_live_', 'xoxb-', 'AIza', 'SG.', 'hvs.']) assert.ok(prefixes.includes(p), p);
    for (const p of ['api-', 'key-', 'secret_', 'sk-', 'pat', 'http']) assert.ok(!prefixes.includes(p), p);
  });

  it('rejects prefixed values the provider rule does not accept, and only those', () => {
    assert.ok(isRejectedProviderValue(badChecksum('pp1')));
    assert.ok(isRejectedProviderValue(`glpat-${chars(ALNUM, 11, 'pp2')}`));
    assert.ok(!isRejectedProviderValue(checksummedToken('ghp_', 'pp3')));
    assert.ok(!isRejectedProviderValue(checksummedToken('npm_', 'pp4')));
    assert.ok(!isRejectedProviderValue(chars(ALNUM, 40, 'pp5')), 'no prefix: not the provider rules\' to judge');
  });

  it('keeps the generic detector, Authorization headers, .npmrc and compose literals off rejected values', () => {
    const bad = badChecksum('pp6');
    assert.deepEqual(secrets(`const ghToken = "${bad}";\n`, 'src/gh.ts'), []);
    assert.deepEqual(secrets(`curl -H "Authorization: Bearer ${bad}" https://api.github.com/user\n`, 'scripts/call.sh'), []);
    const npmBad = checksummedToken('npm_', 'pp7').slice(0, -1) + 'z';
    assert.deepEqual(secrets(`//registry.npmjs.org/:_authToken=${npmBad}\n`, '.npmrc'), []);
    assert.deepEqual(secrets(`services:\n  bot:\n    image: acme/bot\n    environment:\n      GITHUB_TOKEN: ${bad}\n`, 'docker-compose.yml'), []);
    assert.deepEqual(secrets(`GOOGLE_API_KEY=AIza${chars(ALNUM, 17, 'pp8')}\n`, '.env'), []);
  });

  it('still reports valid provider values there, by the provider rule', () => {
    const good = checksummedToken('ghp_', 'pp9');
    assert.deepEqual(secrets(`const ghToken = "${good}";\n`, 'src/gh.ts'), ['github-classic-pat']);
    assert.deepEqual(secrets(`services:\n  bot:\n    image: acme/bot\n    environment:\n      GITHUB_TOKEN: ${good}\n`, 'docker-compose.yml'), ['github-classic-pat']);
    // A password that merely contains a prefix-like word later on is still a password.
    assert.deepEqual(secrets(`DB_PASSWORD=${chars(ALNUM, 10, 'pp10')}ghp_#4\n`, '.env'), ['generic-password']);
  });

  it('takes a prefix followed by one repeated character, and ellipses, for placeholders', () => {
    assert.ok(isPlaceholder(`sk_live_${'0'.repeat(24)}`));
    assert.ok(isPlaceholder(`ghp_${'x'.repeat(36)}`));
    assert.ok(isPlaceholder(`sk-ant-api03-...`));
    assert.ok(isPlaceholder(`${chars(HEX, 12, 'pp11')}\u2026`));
    assert.ok(!isPlaceholder(`sk_live_${chars(ALNUM, 24, 'pp12')}`));
    assert.deepEqual(secrets(`STRIPE_SECRET_KEY=sk_live_${'0'.repeat(24)}\n`, '.env'), []);
  });
});
