// A realistic InventoryResult for the client's pure tree code, built by the real engine from generated
// files (fake, format-valid tokens made at test time; never committed as literals), converted by the
// server's own secretView. `secrets` holds the generated values so tests can check none leaks.
import { Engine, LineIndex } from '../../../server/src/engine';
import { CodeOwners, buildInventory, collectFileFacts, parseInventoryFile } from '../../../server/src/engine/inventory';
import { secretView } from '../../../server/src/lsp/inventoryView';
import { checksummedToken, token } from '../../../server/src/engine/rules/fake';
import { expandInventory, type InventoryAnswer, type InventoryResult } from '../../../shared/inventoryProtocol';

export const TODAY = '2026-11-28';

export interface Fixture {
  result: InventoryResult;
  /** Generated secret values present in the files (never to appear in the tree). */
  secrets: string[];
}

export function folderFixture(folderUri: string, name: string, files: Record<string, string>, inventoryFile?: string, codeowners?: string): InventoryAnswer['folders'][number] {
  const engine = new Engine();
  const facts = Object.entries(files).map(([path, text]) => collectFileFacts(path, text, new LineIndex(text), engine.scan(text, path).findings));
  const inventory = buildInventory({
    files: facts,
    inventoryFile: inventoryFile === undefined ? undefined : parseInventoryFile(inventoryFile),
    codeowners: codeowners === undefined ? undefined : new CodeOwners(codeowners),
    today: TODAY,
  });
  return {
    uri: folderUri,
    name,
    secrets: inventory.secrets.map((s) => secretView(folderUri, s)),
    counts: inventory.counts,
    indexing: false,
    inventoryFileUri: inventoryFile === undefined ? undefined : `${folderUri}/.secrets-inventory.yml`,
  };
}

/** The server's answer for these folders, expanded as the client expands it. */
export function result(folders: InventoryAnswer['folders']): InventoryResult {
  return expandInventory({
    folders,
    total: folders.reduce((n, f) => n + f.counts.total, 0),
    hardCoded: folders.reduce((n, f) => n + f.counts['hard-coded'], 0),
    indexing: folders.some((f) => f.indexing),
  });
}

/** One folder: two hard-coded GitHub tokens, a hard-coded Stripe-like key, references and an inventory file. */
export function sampleFixture(folderUri = 'file:///work/app'): Fixture {
  const github = checksummedToken('ghp_', 'client-tree-github');
  const deploy = checksummedToken('ghp_', 'client-tree-deploy');
  const password = token('', 24, undefined, 'client-tree-password');
  const files: Record<string, string> = {
    'src/config.ts': `export const settings = {\n  githubToken: "${github}",\n  apiKey: process.env.STRIPE_API_KEY,\n};\n`,
    'src/deploy.ts': `export const deployToken = "${deploy}";\n`,
    'config/prod/db.env': `DB_PASSWORD=${password}\n`,
    '.github/workflows/release.yml': [
      'on: push',
      'jobs:',
      '  release:',
      '    runs-on: ubuntu-latest',
      '    environment: production',
      '    steps:',
      '      - run: npm publish',
      '        env:',
      '          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}',
      '          SLACK: ${{ secrets.SLACK_WEBHOOK }}',
      '',
    ].join('\n'),
  };
  const inventoryFile = [
    'version: 1',
    'secrets:',
    '  - name: NPM_TOKEN',
    '    owner: "@acme/release"',
    '    rotation: { cadence: 90d, lastRotated: 2026-01-10 }',
    '  - name: OLD_DEPLOY_KEY',
    '    description: retired deploy key',
    '  - name: STRIPE_API_KEY',
    '    rotation: { cadence: 1y, lastRotated: 2026-06-01 }',
    '',
  ].join('\n');
  const codeowners = '* @acme/platform\n.github/ @acme/release\n';
  return { result: result([folderFixture(folderUri, 'app', files, inventoryFile, codeowners)]), secrets: [github, deploy, password] };
}
