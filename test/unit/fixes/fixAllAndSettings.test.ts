import { strict as assert } from 'node:assert';
import { parseAllDocuments } from 'yaml';
import {
  applyEdits,
  computeFixes,
  fixAll,
  managerReference,
  resolveBackendSettings,
  suppressionFixes,
} from '../../../server/src/engine/fixes';
import { engine, fakeSecret, findingsOf } from './helpers';

describe('fixes: fix-all', () => {
  const A = fakeSecret('all-a');
  const B = fakeSecret('all-b');

  it('fixes two secrets of one GitHub step into one env: block, values to .env, idempotent', () => {
    const path = '.github/workflows/deploy.yml';
    const text = `on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          curl -H "X-Api-Key: ${A}" https://a.test\n          curl -H "X-Other: ${B}" https://b.test\n`;
    const result = fixAll({ text, path, workspace: {}, backend: resolveBackendSettings({}), scan: (t) => findingsOf(t, path) });
    assert.equal(result.fixed, 2);
    assert.equal(result.remaining, 0);
    const doc = applyEdits(text, result.files.find((f) => f.path === path)!.edits);
    assert.equal(
      doc,
      'on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          curl -H "X-Api-Key: ${FAKE}" https://a.test\n          curl -H "X-Other: ${FAKE_2}" https://b.test\n        env:\n          FAKE: ${{ secrets.FAKE }}\n          FAKE_2: ${{ secrets.FAKE_2 }}\n',
    );
    for (const d of parseAllDocuments(doc)) assert.deepEqual(d.errors, []);
    const env = result.files.find((f) => f.path === '.env')!;
    assert.equal(env.create, true);
    assert.equal(env.edits[0].newText, `# moved here by Secret Hygiene from ${path}\nFAKE=${A}\n# moved here by Secret Hygiene from ${path}\nFAKE_2=${B}\n`);
    assert.equal(result.files.find((f) => f.path === '.gitignore')!.edits[0].newText, '.env\n');
    const again = fixAll({ text: doc, path, workspace: { envText: env.edits[0].newText, gitignoreText: '.env\n' }, backend: resolveBackendSettings({}), scan: (t) => findingsOf(t, path) });
    assert.deepEqual(again.files, []);
  });

  it('the same value twice in a file is kept once in .env under one name', () => {
    const path = 'src/twice.ts';
    const text = `const apiKey = "${A}";\nconst backupKey = "${A}";\n`;
    const result = fixAll({ text, path, workspace: { gitignoreText: '.env\n' }, backend: resolveBackendSettings({}), scan: (t) => findingsOf(t, path) });
    assert.equal(applyEdits(text, result.files[0].edits), 'const apiKey = process.env.API_KEY;\nconst backupKey = process.env.API_KEY;\n');
    assert.equal(result.files.find((f) => f.path === '.env')!.edits[0].newText.split(A).length - 1, 1);
  });

  it('never applies a suppression and leaves what it cannot fix', () => {
    const path = 'notes/data.json';
    const text = `{"list": ["${A}"]}`;
    const result = fixAll({ text, path, workspace: {}, backend: resolveBackendSettings({}), scan: (t) => findingsOf(t, path) });
    const doc = result.files.find((f) => f.path === path);
    const after = doc ? applyEdits(text, doc.edits) : text;
    assert.ok(!after.includes('secret-hygiene:ignore'));
    JSON.parse(after);
  });
});

describe('fixes: suppressions', () => {
  const S = fakeSecret('supp');
  const base = { workspace: {}, backend: resolveBackendSettings({}) };
  const inline = (text: string, path: string) => {
    const finding = findingsOf(text, path)[0];
    const fix = suppressionFixes({ text, path, finding, ...base }).find((f) => f.id === 'suppress-inline');
    return fix ? applyEdits(text, fix.files[0].edits) : undefined;
  };
  it('uses the comment syntax of the file and silences the rule', () => {
    const py = inline(`token = "${S}"\n`, 'a.py')!;
    assert.equal(py, `token = "${S}" # secret-hygiene:ignore custom-fake\n`);
    assert.deepEqual(findingsOf(py, 'a.py'), []);
    const yml = inline(`key: ${S}\n`, 'conf.yml')!;
    assert.equal(yml, `key: ${S} # secret-hygiene:ignore custom-fake\n`);
    for (const d of parseAllDocuments(yml)) assert.deepEqual(d.errors, []);
    assert.equal(inline(`const k = '${S}';\n`, 'a.go'), `const k = '${S}'; // secret-hygiene:ignore custom-fake\n`);
  });
  it('offers no inline marker in JSON (no comments there), only the ignore file', () => {
    const text = `{"k": "${S}"}\n`;
    const finding = findingsOf(text, 'a.json')[0];
    const fixes = suppressionFixes({ text, path: 'a.json', finding, ...base });
    assert.deepEqual(fixes.map((f) => f.id), ['suppress-file']);
    const ignore = fixes[0].files[1];
    assert.equal(ignore.path, '.secret-hygiene-ignore');
    assert.equal(ignore.create, true);
    assert.equal(ignore.edits[0].newText, `${finding.fingerprint} # custom-fake a.json\n`);
    assert.ok(!ignore.edits[0].newText.includes(S));
    assert.deepEqual(engine.scan(text, 'a.json', { suppressions: { fingerprints: new Set([finding.fingerprint]), baselineHashes: new Map(), gitleaksLines: new Set() } }).findings, []);
  });
  it('is not offered twice for a fingerprint already in the ignore file', () => {
    const text = `k = "${S}"\n`;
    const finding = findingsOf(text, 'a.py')[0];
    const fixes = computeFixes({ text, path: 'a.py', finding, workspace: { ignoreFileText: `${finding.fingerprint} # x\n` }, backend: resolveBackendSettings({}) });
    assert.ok(!fixes.some((f) => f.id === 'suppress-file'));
  });
});

describe('fixes: backend settings', () => {
  it('reads settings leniently: unknown backend -> env', () => {
    assert.equal(resolveBackendSettings({ backend: 'nope' }).backend, 'env');
    assert.equal(resolveBackendSettings(null).backend, 'env');
    assert.equal(resolveBackendSettings({ backend: 'vault', project: 'Shop App' }).project, 'Shop App');
  });
  it('shapes references per backend and naming template', () => {
    const s = (raw: object) => resolveBackendSettings(raw, 'shop');
    assert.equal(managerReference('API_KEY', s({ backend: 'vault' })), 'secret/data/shop/api-key#value');
    assert.equal(managerReference('API_KEY', s({ backend: 'vault', vaultMount: 'kv', nameTemplate: 'apps/{project}/{NAME}' })), 'kv/data/apps/shop/API_KEY#value');
    assert.equal(managerReference('API_KEY', s({ backend: 'aws' })), 'shop/API_KEY');
    assert.equal(managerReference('API_KEY', s({ backend: 'gcp', gcpProject: 'p-123' })), 'projects/p-123/secrets/API_KEY/versions/latest');
    assert.equal(managerReference('API_KEY', s({ backend: 'azure', azureVault: 'shop-kv' })), 'https://shop-kv.vault.azure.net/secrets/api-key/');
    assert.equal(managerReference('API_KEY', s({ backend: '1password' })), 'op://Private/shop/API_KEY');
    assert.equal(managerReference('API_KEY', s({ backend: '1password', nameTemplate: '{name}' })), 'op://Private/api-key/credential');
    assert.equal(managerReference('API_KEY', s({ backend: 'doppler' })), 'API_KEY');
  });
});

describe('fixes: CRLF documents', () => {
  it('keep CRLF line endings in every inserted line', () => {
    const S = fakeSecret('crlf');
    const path = '.github/workflows/w.yml';
    const text = `on: push\r\njobs:\r\n  a:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: |\r\n          curl -H "X-Key: ${S}" https://a.test\r\n`;
    const finding = findingsOf(text, path)[0];
    const fix = computeFixes({ text, path, finding, workspace: {}, backend: resolveBackendSettings({}) }).find((f) => f.preferred)!;
    const after = applyEdits(text, fix.files[0].edits);
    assert.equal(after, 'on: push\r\njobs:\r\n  a:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: |\r\n          curl -H "X-Key: ${FAKE}" https://a.test\r\n        env:\r\n          FAKE: ${{ secrets.FAKE }}\r\n');
    assert.ok(!/[^\r]\n/.test(after), 'no bare LF');
    const py = `import sys\r\napi_key = "${S}"\r\n`;
    const pyFix = computeFixes({ text: py, path: 'a.py', finding: findingsOf(py, 'a.py')[0], workspace: {}, backend: resolveBackendSettings({}) }).find((f) => f.preferred)!;
    assert.equal(applyEdits(py, pyFix.files[0].edits), 'import os\r\nimport sys\r\napi_key = os.environ["API_KEY"]\r\n');
  });
});
