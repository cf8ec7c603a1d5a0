import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../..');
const INJECTION = path.join(ROOT, 'syntaxes/secret-references.injection.tmLanguage.json');
const INJECTION_SCOPE = 'secret-hygiene.references.injection';

/**
 * Small stand-ins for the host grammars VS Code ships (YAML, shell, dotenv, JS, Python): comments
 * and strings are enough to check where the injection applies and where it must not.
 */
function hostGrammar(scopeName: string, comment: string): string {
  return JSON.stringify({
    scopeName,
    patterns: [
      { match: `${comment}.*$`, name: 'comment.line' },
      { begin: '"', end: '"', name: 'string.quoted.double' },
      { begin: "'", end: "'", name: 'string.quoted.single' },
    ],
  });
}
const HOSTS: Record<string, string> = {
  'source.yaml': hostGrammar('source.yaml', '(?:^|\\s)#'),
  'source.shell': hostGrammar('source.shell', '(?:^|\\s)#'),
  'source.dotenv': hostGrammar('source.dotenv', '^\\s*#'),
  'source.js': hostGrammar('source.js', '//'),
  'source.python': hostGrammar('source.python', '#'),
  'source.groovy': hostGrammar('source.groovy', '//'),
};

let registry: Registry;

/** Scopes of the token covering `needle` (first occurrence) on a one-line text. */
async function scopesAt(scope: string, line: string, needle: string): Promise<string[]> {
  const grammar = (await registry.loadGrammar(scope)) as IGrammar;
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  const at = line.indexOf(needle);
  assert.ok(at >= 0, 'needle in line');
  const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex)!;
  return token.scopes;
}

const REFERENCE = /meta\.secret-reference\./;

describe('syntax highlighting of secret-manager references', () => {
  before(async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
    await oniguruma.loadWASM(wasm);
    registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) => {
        if (scopeName === INJECTION_SCOPE) return parseRawGrammar(fs.readFileSync(INJECTION, 'utf8'), INJECTION);
        const host = HOSTS[scopeName];
        return host ? parseRawGrammar(host, `${scopeName}.json`) : null;
      },
      getInjections: (scopeName) => (HOSTS[scopeName] ? [INJECTION_SCOPE] : undefined),
    });
  });

  const cases: { scope: string; line: string; needle: string; kind: string }[] = [
    { scope: 'source.yaml', line: 'token: ${{ secrets.NPM_TOKEN }}', needle: 'NPM_TOKEN', kind: 'github' },
    { scope: 'source.yaml', line: 'password: "{{resolve:secretsmanager:shop/DB:SecretString}}"', needle: 'shop/DB', kind: 'aws' },
    { scope: 'source.yaml', line: 'arn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf', needle: 'secretsmanager', kind: 'aws' },
    { scope: 'source.yaml', line: 'key: projects/shop/secrets/API_KEY/versions/latest', needle: 'API_KEY', kind: 'gcp' },
    { scope: 'source.yaml', line: 'value: "@Microsoft.KeyVault(SecretUri=https://shop-kv.vault.azure.net/secrets/api-key/)"', needle: 'KeyVault', kind: 'azure' },
    { scope: 'source.yaml', line: '  secretKeyRef:', needle: 'secretKeyRef', kind: 'kubernetes' },
    { scope: 'source.shell', line: 'export DB=vault:secret/data/shop/db#password', needle: 'shop', kind: 'vault' },
    { scope: 'source.dotenv', line: 'API_KEY=op://Private/shop/API_KEY', needle: 'Private', kind: '1password' },
    { scope: 'source.js', line: 'const ref = "op://Private/shop/API_KEY";', needle: 'shop', kind: '1password' },
    { scope: 'source.python', line: 'name = "projects/p1/secrets/db/versions/3"', needle: 'secrets', kind: 'gcp' },
    { scope: 'source.groovy', line: "TOKEN = credentials('deploy-token')", needle: 'deploy-token', kind: 'jenkins' },
  ];
  for (const c of cases) {
    it(`marks a ${c.kind} reference in ${c.scope}`, async () => {
      const scopes = await scopesAt(c.scope, c.line, c.needle);
      assert.ok(scopes.some((s) => s === `meta.secret-reference.${c.kind}.secret-hygiene` || s.startsWith(`meta.secret-reference.${c.kind}.`)), scopes.join(' '));
    });
  }

  it('names the secret inside a GitHub reference', async () => {
    const scopes = await scopesAt('source.yaml', 'token: ${{ secrets.NPM_TOKEN }}', 'NPM_TOKEN');
    assert.ok(scopes.includes('variable.other.secret-name.secret-hygiene'), scopes.join(' '));
    const keyword = await scopesAt('source.yaml', 'token: ${{ secrets.NPM_TOKEN }}', 'secrets');
    assert.ok(keyword.includes('keyword.other.secret-store.secret-hygiene'), keyword.join(' '));
  });

  it('leaves comments, plain values and look-alikes alone', async () => {
    assert.ok(!(await scopesAt('source.yaml', '# see ${{ secrets.NPM_TOKEN }}', 'NPM_TOKEN')).some((s) => REFERENCE.test(s)), 'comment');
    assert.ok(!(await scopesAt('source.yaml', 'token: plain-value', 'plain')).some((s) => REFERENCE.test(s)), 'plain value');
    assert.ok(!(await scopesAt('source.yaml', 'expr: ${{ github.token }}', 'github')).some((s) => REFERENCE.test(s)), 'other contexts');
    assert.ok(!(await scopesAt('source.shell', 'echo operator://x/y', 'operator')).some((s) => REFERENCE.test(s)), 'op:// must start the scheme');
  });

  it('is declared as an injection grammar in package.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const entry = (manifest.contributes?.grammars ?? []).find((g: { scopeName: string }) => g.scopeName === INJECTION_SCOPE);
    assert.ok(entry, 'contributes.grammars has the injection');
    assert.equal(entry.path, './syntaxes/secret-references.injection.tmLanguage.json');
    assert.ok(entry.injectTo.includes('source.yaml') && entry.injectTo.includes('source.shell') && entry.injectTo.includes('source.dotenv'));
  });
});
