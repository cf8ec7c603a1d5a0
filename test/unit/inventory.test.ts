import { strict as assert } from 'node:assert';
import { Engine, LineIndex } from '../../server/src/engine';
import {
  CodeOwners,
  buildInventory,
  collectFileFacts,
  findSecretReferences,
  inventoryDiagnostics,
  markRotatedEdits,
  parseCadence,
  parseInventoryFile,
  platformSignals,
  renderLeakResponse,
  renderReport,
  toEnvName,
  type FileFacts,
} from '../../server/src/engine/inventory';
import { checksummedToken } from '../../server/src/engine/rules/fake';

const engine = new Engine();
function facts(path: string, text: string): FileFacts {
  return collectFileFacts(path, text, new LineIndex(text), engine.scan(text, path).findings);
}

describe('secret references', () => {
  it('finds references of every backend and names them', () => {
    const text = [
      'token: ${{ secrets.NPM_TOKEN }}',
      'const k = process.env.STRIPE_API_KEY; const p = process.env.PATH;',
      'pw = os.environ["DB_PASSWORD"]',
      'v := os.Getenv("VAULT_TOKEN")',
      'db: vault:secret/data/prod/db#password',
      'key: op://Engineering/Stripe/credential',
      'pw: "{{resolve:secretsmanager:prod/db:SecretString:password}}"',
      'name: projects/acme/secrets/api-key/versions/latest',
      'x: "@Microsoft.KeyVault(SecretUri=https://acme-kv.vault.azure.net/secrets/sql-password/)"',
      'valueFrom:\n  secretKeyRef:\n    name: db-credentials',
      'curl -H "Authorization: Bearer $API_TOKEN" https://x',
    ].join('\n');
    const refs = findSecretReferences(text).map((r) => `${r.kind}:${r.name}`);
    assert.deepEqual(refs, [
      'github-secret:NPM_TOKEN',
      'env-read:STRIPE_API_KEY',
      'env-read:DB_PASSWORD',
      'env-read:VAULT_TOKEN',
      'vault:secret/data/prod/db#password',
      '1password:Engineering/Stripe/credential',
      'aws-secrets-manager:prod/db',
      'gcp-secret-manager:api-key',
      'azure-key-vault:sql-password',
      'k8s-secret-ref:db-credentials',
      'ci-variable:API_TOKEN',
    ]);
  });

  it('ignores env reads of names that are not secrets', () => {
    assert.deepEqual(findSecretReferences('process.env.NODE_ENV; os.getenv("HOME"); echo $PATH $HOME'), []);
  });
});

describe('inventory file', () => {
  const file = [
    'version: 1',
    'secrets:',
    '  - name: NPM_TOKEN',
    '    owner: "@acme/release"',
    '    environments: [production]',
    '    rotation:',
    '      cadence: 90d',
    '      lastRotated: 2026-01-10',
    '  - name: OLD_KEY',
    '    rotation: { cadence: 1y, lastRotated: 2026-06-01 }',
    '  - name: BROKEN',
    '    rotation:',
    '      cadence: often',
    '      lastRotated: yesterday',
    '  - description: no name',
  ].join('\n');

  it('parses entries, cadences and reports schema problems with ranges', () => {
    const parsed = parseInventoryFile(file);
    assert.deepEqual(parsed.secrets.map((s) => s.name), ['NPM_TOKEN', 'OLD_KEY', 'BROKEN']);
    assert.equal(parsed.secrets[0].rotationDays, 90);
    assert.equal(parsed.secrets[0].lastRotated, '2026-01-10');
    assert.equal(file.slice(parsed.secrets[0].nameStart, parsed.secrets[0].nameEnd), 'NPM_TOKEN');
    assert.deepEqual(parsed.problems.map((p) => p.message), [
      '`cadence` must look like 90d, 12w, 6m or 1y',
      '`lastRotated` must be a date (YYYY-MM-DD)',
      'secret entry without a `name`',
    ]);
    assert.equal(parseCadence('12w'), 84);
    assert.equal(parseCadence('6m'), 180);
    assert.equal(parseCadence('soon'), undefined);
  });

  it('never throws on malformed YAML', () => {
    const parsed = parseInventoryFile('secrets: [\n  - name: : :');
    assert.ok(parsed.problems.length > 0);
  });
});

describe('CODEOWNERS', () => {
  it('uses gitignore patterns and lets the last match win', () => {
    const owners = new CodeOwners('# owners\n*  @acme/all\n/.github/ @acme/platform\ndeploy/**/*.yml @acme/ops # prod\n[Section]\n');
    assert.deepEqual(owners.ownersOf('src/app.ts'), ['@acme/all']);
    assert.deepEqual(owners.ownersOf('.github/workflows/ci.yml'), ['@acme/platform']);
    assert.deepEqual(owners.ownersOf('deploy/prod/app.yml'), ['@acme/ops']);
  });

  it('answers the same owners when asked again for a path', () => {
    const owners = new CodeOwners('* @acme/all\n/.github/ @acme/platform\n');
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(owners.ownersOf('.github/workflows/ci.yml'), ['@acme/platform']);
      assert.deepEqual(owners.ownersOf('src/app.ts'), ['@acme/all']);
    }
  });
});

describe('inventory model', () => {
  const token = checksummedToken('ghp_', 'inventory');
  const workflow = [
    'jobs:',
    '  publish:',
    '    environment: production',
    '    steps:',
    '      - run: npm publish',
    '        env:',
    '          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}',
    '  test:',
    '    steps:',
    '      - run: npm test',
    '        env:',
    '          SENTRY_AUTH_TOKEN: ${{ secrets.SENTRY_AUTH_TOKEN }}',
  ].join('\n');
  const inventoryText = 'secrets:\n  - name: NPM_TOKEN\n    owner: "@acme/release"\n    rotation: { cadence: 30d, lastRotated: 2026-10-01 }\n  - name: UNUSED_TOKEN\n';
  const parsed = parseInventoryFile(inventoryText);
  const inventory = buildInventory({
    files: [facts('.github/workflows/release.yml', workflow), facts('src/github.ts', `const gh = "${token}";`)],
    inventoryFile: parsed,
    codeowners: new CodeOwners('* @acme/dev\n/.github/ @acme/platform\n'),
    today: '2026-11-28',
  });
  const byName = new Map(inventory.secrets.map((s) => [s.name, s]));

  it('looks up owners only for files that hold a secret or a reference', () => {
    const asked: string[] = [];
    const codeowners = new (class extends CodeOwners {
      override ownersOf(path: string): string[] {
        asked.push(path);
        return super.ownersOf(path);
      }
    })('* @acme/dev\n');
    const built = buildInventory({
      files: [facts('src/plain.ts', 'export const answer = 42;\n'), facts('src/github.ts', `const gh = "${token}";`)],
      codeowners,
      today: '2026-11-28',
    });
    assert.deepEqual(asked, ['src/github.ts']);
    assert.deepEqual(built.secrets.map((s) => [s.name, s.owners]), [['GITHUB_TOKEN', ['@acme/dev']]]);
  });

  it('groups occurrences by name with environments, owners and statuses', () => {
    const npm = byName.get('NPM_TOKEN')!;
    assert.deepEqual(npm.statuses, ['rotation-overdue', 'referenced']);
    assert.deepEqual(npm.environments, ['production']);
    assert.deepEqual(npm.owners, ['@acme/release']);
    assert.equal(npm.ownerSource, 'declared');
    assert.equal(npm.rotation?.due, '2026-10-31');
    assert.equal(npm.rotation?.daysOverdue, 28);

    const sentry = byName.get('SENTRY_AUTH_TOKEN')!;
    assert.deepEqual(sentry.statuses, ['undeclared', 'referenced']);
    assert.deepEqual(sentry.environments, []);
    assert.deepEqual(sentry.owners, ['@acme/platform']);
    assert.equal(sentry.ownerSource, 'codeowners');

    assert.deepEqual(byName.get('UNUSED_TOKEN')!.statuses, ['declared-unused']);

    const gh = byName.get('GITHUB_TOKEN')!;
    assert.equal(gh.status, 'hard-coded');
    assert.equal(gh.occurrences[0].preview, 'ghp_…(40 chars)');
    assert.deepEqual(gh.owners, ['@acme/dev']);
    assert.equal(inventory.secrets[0].name, 'GITHUB_TOKEN', 'hard-coded secrets come first');
    assert.equal(inventory.counts.total, 4);
    assert.equal(inventory.counts['hard-coded'], 1);
  });

  it('never holds the secret value', () => {
    assert.ok(!JSON.stringify(inventory).includes(token));
  });

  it('produces diagnostics for overdue rotation, unused declarations and undeclared uses', () => {
    const diags = inventoryDiagnostics(inventory, '.secrets-inventory.yml', parsed).map((d) => `${d.path}:${d.ruleId}:${d.severity}`);
    assert.deepEqual(diags, [
      '.secrets-inventory.yml:inventory-rotation-overdue:warning',
      '.secrets-inventory.yml:inventory-unused-declaration:hint',
      '.github/workflows/release.yml:inventory-undeclared-secret:info',
    ]);
  });

  it('does not judge declared/undeclared without an inventory file', () => {
    const inv = buildInventory({ files: [facts('.github/workflows/release.yml', workflow)], today: '2026-11-28' });
    assert.ok(inv.secrets.every((s) => s.statuses.join() === 'referenced'));
    assert.equal(inv.hasInventoryFile, false);
  });

  it('derives env names from keys', () => {
    assert.equal(toEnvName('apiKey'), 'API_KEY');
    assert.equal(toEnvName('spring.datasource.password'), 'SPRING_DATASOURCE_PASSWORD');
  });
});

describe('report', () => {
  it('recommends OIDC and the cloud secret manager for GitHub Actions deploying to AWS, with no value', () => {
    const token = checksummedToken('ghp_', 'report');
    const workflow = 'jobs:\n  deploy:\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n';
    const files = [facts('.github/workflows/deploy.yml', workflow), facts('src/a.ts', `x = "${token}"`)];
    const signals = new Set([...platformSignals('.github/workflows/deploy.yml', workflow), ...platformSignals('src/a.ts', '')]);
    const report = renderReport({ title: 'acme', today: '2026-11-28', inventory: buildInventory({ files, today: '2026-11-28' }), signals });
    for (const heading of ['## 1. Secret inventory', '## 2. Recommended backend and access model', '## 3. Integration plan', '## 4. Verification']) {
      assert.ok(report.includes(heading), heading);
    }
    assert.match(report, /\*\*Backend:\*\* AWS Secrets Manager/);
    assert.match(report, /GitHub Actions OIDC tokens exchanged for an IAM role/);
    assert.match(report, /src\/a\.ts:1 github-classic-pat ghp_…\(40 chars\)/);
    assert.ok(!report.includes(token));
  });

  it('renders a leak-response checklist without the value', () => {
    const md = renderLeakResponse({
      ruleId: 'github-classic-pat', title: 'GitHub personal access token (classic)', provider: 'GitHub',
      remediation: 'Revoke it at github.com/settings/tokens.', preview: 'ghp_…(40 chars)', fingerprint: 'abc',
      path: 'src/a.ts', line: 4, commit: { shortSha: '1a2b3c4', date: '2026-11-01' }, today: '2026-11-28',
    });
    assert.match(md, /Committed in 1a2b3c4 on 2026-11-01: removing it is not enough, rotate it\./);
    assert.match(md, /## 1\. Revoke and rotate/);
    assert.match(md, /src\/a\.ts:5/);
  });
});

describe('mark rotated', () => {
  const apply = (text: string | undefined, name: string) => {
    let out = text ?? '';
    for (const e of markRotatedEdits(text, name, '2026-11-28').sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    return out;
  };

  it('replaces only the date when the entry has one', () => {
    const text = '# owners\nsecrets:\n  - name: NPM_TOKEN # release\n    rotation: { cadence: 90d, lastRotated: 2026-01-10 }\n';
    assert.equal(apply(text, 'NPM_TOKEN'), text.replace('2026-01-10', '2026-11-28'));
  });

  it('adds the date to an entry without one, keeping comments, and adds missing entries', () => {
    const text = '# owners\nsecrets:\n  - name: NPM_TOKEN # release\n    owner: "@acme"\n';
    const once = apply(text, 'NPM_TOKEN');
    assert.match(once, /# owners/);
    assert.match(once, /# release/);
    assert.equal(parseInventoryFile(once).secrets[0].lastRotated, '2026-11-28');
    const twice = apply(once, 'NEW_KEY');
    assert.deepEqual(parseInventoryFile(twice).secrets.map((s) => `${s.name}:${s.lastRotated}`), ['NPM_TOKEN:2026-11-28', 'NEW_KEY:2026-11-28']);
    assert.deepEqual(parseInventoryFile(twice).problems, []);
  });

  it('creates the file content when there is none, and refuses a broken file', () => {
    assert.deepEqual(parseInventoryFile(apply(undefined, 'A_TOKEN')).secrets.map((s) => s.lastRotated), ['2026-11-28']);
    assert.throws(() => markRotatedEdits('secrets: [\n', 'A', '2026-11-28'), /does not parse/);
  });
});
