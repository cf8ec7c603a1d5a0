/**
 * A generated workspace for the inventory benchmark: 10,000 indexed files (about 100 MB) in nested
 * packages, mostly small files and a few large ones, CI files (GitHub Actions, GitLab, Azure,
 * Jenkins) that reference secrets, .env files under prod/staging folders, CODEOWNERS and an
 * inventory file, fake secrets planted at the corpus rate (fake.ts generators), plus content the
 * index must skip: node_modules, and folders and files listed in a root and a nested .gitignore.
 * Deterministic; generated once into a temp folder and reused while its version matches.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FAKE_KINDS } from '../examples/fakeKinds';
import { block, EXTENSIONS, FOOTERS, gen, HEADERS, LANGS, PLANT_EVERY_BYTES, PLANTED_KINDS, plantedLine, rng, type Gen, type Lang } from './corpus';

export const WORKSPACE_VERSION = 1;

export interface WorkspaceManifest {
  version: number;
  /** Files the index should scan (not ignored, not in node_modules). */
  indexed: number;
  indexedBytes: number;
  /** Files present but ignored (.gitignore) or never entered (node_modules). */
  skipped: number;
  skippedBytes: number;
  planted: number;
}

const INDEXED_FILES = 10_000;
/** Planted secrets are rarer than in the throughput corpus: a few hundred in the workspace. */
const PLANT_RATE_DIVISOR = 5;
const AREAS = ['api', 'billing', 'orders', 'auth', 'search', 'reports', 'notifications', 'shared'];
const SUBS = ['handlers', 'models', 'services', 'util', 'jobs', 'internal/store', 'internal/cache'];
const SECRET_NAMES = ['NPM_TOKEN', 'DEPLOY_KEY', 'SENTRY_AUTH_TOKEN', 'DATABASE_PASSWORD', 'SLACK_WEBHOOK', 'AWS_SECRET_ACCESS_KEY', 'STRIPE_API_KEY', 'DOCKER_PASSWORD'];

/** Mostly small files, some medium, a few large: about 10 KiB on average. */
function fileSize(random: () => number): number {
  const r = random();
  if (r < 0.62) return 1024 + Math.floor(random() * 7 * 1024);
  if (r < 0.92) return 8 * 1024 + Math.floor(random() * 12 * 1024);
  if (r < 0.9985) return 20 * 1024 + Math.floor(random() * 34 * 1024);
  return 128 * 1024 + Math.floor(random() * 512 * 1024);
}

function githubWorkflow(g: Gen, i: number): string {
  const a = g.pick(SECRET_NAMES);
  const b = g.pick(SECRET_NAMES);
  return [
    `name: ${g.word()}-${i}`,
    'on: [push, pull_request]',
    'jobs:',
    `  ${g.word()}:`,
    `    environment: ${g.pick(['production', 'staging', 'development'])}`,
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    `      - run: npm ci && npm run ${g.word()}`,
    '        env:',
    `          ${a}: \${{ secrets.${a} }}`,
    `          ${b}: \${{ secrets.${b} }}`,
    `      - run: ./scripts/${g.word()}.sh --retries ${g.int(5)}`,
    '',
  ].join('\n');
}

function gitlabCi(g: Gen): string {
  const jobs: string[] = ['stages: [build, test, deploy]', ''];
  for (let j = 0; j < 12; j++) {
    jobs.push(`${g.word()}-${j}:`, `  stage: ${g.pick(['build', 'test', 'deploy'])}`, `  environment: ${g.pick(['production', 'staging'])}`);
    jobs.push('  script:', `    - ./ci/${g.word()}.sh "$${g.pick(SECRET_NAMES)}"`, `    - make ${g.word()}`, '');
  }
  return jobs.join('\n');
}

function azurePipeline(g: Gen): string {
  return `trigger: [main]\npool: { vmImage: ubuntu-latest }\nvariables:\n  - group: ${g.word()}-secrets\nsteps:\n  - script: ./deploy.sh\n    env:\n      TOKEN: $(${g.pick(SECRET_NAMES)})\n`;
}

function jenkinsfile(g: Gen): string {
  return `pipeline {\n  agent any\n  stages {\n    stage('${g.word()}') {\n      steps {\n        withCredentials([string(credentialsId: '${g.word()}-token', variable: 'TOKEN')]) {\n          sh './release.sh'\n        }\n      }\n    }\n  }\n}\n`;
}

const INVENTORY_FILE = `version: 1\nsecrets:\n${SECRET_NAMES.map((n, i) => `  - name: ${n}\n    owner: "@acme/${AREAS[i % AREAS.length]}"\n    rotation: { cadence: 90d, lastRotated: 2026-0${1 + (i % 9)}-01 }\n`).join('')}`;

/** Generates (or reuses) the workspace under `dir`. */
export function ensureInventoryWorkspace(dir: string): WorkspaceManifest {
  const manifestPath = join(dirname(dir), `${dir.split(/[\\/]/).pop()}.manifest.json`);
  if (existsSync(manifestPath) && existsSync(dir)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as WorkspaceManifest;
    if (manifest.version === WORKSPACE_VERSION) return manifest;
  }
  rmSync(dir, { recursive: true, force: true });
  const random = rng(20261129);
  const g = gen(random);
  const m: WorkspaceManifest = { version: WORKSPACE_VERSION, indexed: 0, indexedBytes: 0, skipped: 0, skippedBytes: 0, planted: 0 };
  let plantCount = 0;
  /** Secrets planted in the text generated last (counted when it is written to an indexed file). */
  let plantedHere = 0;
  const write = (rel: string, text: string, indexed: boolean) => {
    const file = join(dir, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    if (indexed) m.planted += plantedHere;
    plantedHere = 0;
    if (indexed) {
      m.indexed++;
      m.indexedBytes += Buffer.byteLength(text);
    } else {
      m.skipped++;
      m.skippedBytes += Buffer.byteLength(text);
    }
  };
  const source = (lang: Lang, target: number, plant: boolean): string => {
    plantedHere = 0;
    let text = HEADERS[lang];
    while (text.length < target) {
      text += block(lang, g);
      if (plant && random() < 1 / (PLANT_RATE_DIVISOR * PLANT_EVERY_BYTES / 420)) {
        const value = FAKE_KINDS[PLANTED_KINDS[plantCount % PLANTED_KINDS.length]].generate(`inventory-bench:${plantCount}`);
        const { before, after } = plantedLine(lang, g, value);
        if (!before) continue;
        text += before + value + after;
        plantCount++;
        plantedHere++;
      }
    }
    return text + (FOOTERS[lang] ?? '');
  };

  // Project files at the root and the ignore rules.
  write('.gitignore', 'dist/\ncoverage/\n*.log\n.cache/\n', true);
  write('CODEOWNERS', `* @acme/platform\n${AREAS.map((a) => `/packages/*/src/${a}/ @acme/${a}`).join('\n')}\n`, true);
  write('.secrets-inventory.yml', INVENTORY_FILE, true);
  write('.gitlab-ci.yml', gitlabCi(g), true);
  write('azure-pipelines.yml', azurePipeline(g), true);
  write('Jenkinsfile', jenkinsfile(g), true);
  for (let i = 0; i < 24; i++) write(`.github/workflows/${g.word()}-${i}.yml`, githubWorkflow(g, i), true);
  for (const env of ['prod', 'staging', 'dev']) for (let i = 0; i < 4; i++) write(`config/${env}/${g.word()}-${i}.env`, source('env', 600 + g.int(2000), true), true);

  // Skipped content: dependencies, build output, coverage, logs, a nested .gitignore's folder.
  for (let i = 0; i < 1500; i++) write(`node_modules/${g.word()}-${i % 150}/lib/${g.word()}_${i}.js`, source('js', fileSize(random), true), false);
  for (let i = 0; i < 300; i++) write(`dist/${g.word()}_${i}.js`, source('js', fileSize(random), true), false);
  for (let i = 0; i < 100; i++) write(`coverage/${g.word()}_${i}.json`, source('json', fileSize(random), false), false);
  for (let i = 0; i < 20; i++) write(`logs/${g.word()}_${i}.log`, source('env', fileSize(random), true), false);
  write('packages/pkg00/.gitignore', 'generated/\n', true);
  for (let i = 0; i < 50; i++) write(`packages/pkg00/generated/${g.word()}_${i}.ts`, source('ts', fileSize(random), true), false);

  // The packages: nested source folders, deploy YAML and config up to the file count.
  for (let i = 0; m.indexed < INDEXED_FILES; i++) {
    const lang = g.pick(LANGS);
    const pkg = `packages/pkg${String(i % 60).padStart(2, '0')}`;
    const area = g.pick(AREAS);
    const folder =
      lang === 'yaml' ? `${pkg}/deploy/${g.pick(['prod', 'staging', 'base'])}` : lang === 'env' ? `${pkg}/config` : `${pkg}/src/${area}/${g.pick(SUBS)}`;
    write(`${folder}/${g.word()}_${i}.${EXTENSIONS[lang]}`, source(lang, fileSize(random), true), true);
  }
  writeFileSync(manifestPath, JSON.stringify(m));
  return m;
}
