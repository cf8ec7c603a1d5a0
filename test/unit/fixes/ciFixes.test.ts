import { strict as assert } from 'node:assert';
import { parseAllDocuments } from 'yaml';
import { applyFix, assertCleanFix, fakeSecret } from './helpers';

function assertYamlParses(text: string): void {
  for (const doc of parseAllDocuments(text)) assert.deepEqual(doc.errors, [], 'YAML still parses');
}

/** Exact text after the preferred fix for each CI system and config format; YAML re-parsed. */
describe('fixes: hard-coded secret in CI and config -> reference', () => {
  const S = fakeSecret('ci');
  const cases: { name: string; path: string; before: string; after: string }[] = [
    {
      name: 'GitHub Actions run: secret moves to the step env',
      path: '.github/workflows/deploy.yml',
      before: `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Deploy\n        run: |\n          curl -H "Authorization: Bearer ${S}" https://x.test\n          echo done\n`,
      after: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Deploy\n        run: |\n          curl -H "Authorization: Bearer ${FAKE}" https://x.test\n          echo done\n        env:\n          FAKE: ${{ secrets.FAKE }}\n',
    },
    {
      name: 'GitHub Actions run: existing step env gains the secret',
      path: '.github/workflows/ci.yml',
      before: `jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: TOKEN=${S} ./deploy.sh\n        env:\n          STAGE: prod\n`,
      after: 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: TOKEN="$TOKEN" ./deploy.sh\n        env:\n          STAGE: prod\n          TOKEN: ${{ secrets.TOKEN }}\n',
    },
    {
      name: 'GitHub Actions pwsh step uses $env:NAME',
      path: '.github/workflows/win.yml',
      before: `jobs:\n  w:\n    runs-on: windows-latest\n    steps:\n      - shell: pwsh\n        run: Invoke-RestMethod -Headers @{ k = '${S}' } https://x.test\n`,
      after: "jobs:\n  w:\n    runs-on: windows-latest\n    steps:\n      - shell: pwsh\n        run: Invoke-RestMethod -Headers @{ k = $env:FAKE } https://x.test\n        env:\n          FAKE: ${{ secrets.FAKE }}\n",
    },
    {
      name: 'GitHub Actions with: input becomes ${{ secrets.NAME }}',
      path: '.github/workflows/pub.yml',
      before: `jobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: some/action@v1\n        with:\n          api-key: ${S}\n`,
      after: 'jobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: some/action@v1\n        with:\n          api-key: ${{ secrets.API_KEY }}\n',
    },
    {
      name: 'GitLab script uses the CI/CD variable',
      path: '.gitlab-ci.yml',
      before: `deploy:\n  script:\n    - curl --user "ci:${S}" https://x.test\n`,
      after: 'deploy:\n  script:\n    - curl --user "ci:${FAKE}" https://x.test\n',
    },
    {
      name: 'GitLab variables entry is removed (becomes a masked CI/CD variable)',
      path: '.gitlab-ci.yml',
      before: `variables:\n  STAGE: prod\n  DEPLOY_TOKEN: "${S}"\ndeploy:\n  script:\n    - ./deploy.sh\n`,
      after: 'variables:\n  STAGE: prod\ndeploy:\n  script:\n    - ./deploy.sh\n',
    },
    {
      name: 'Azure Pipelines script maps the secret through env:',
      path: 'azure-pipelines.yml',
      before: `steps:\n  - script: ./publish.sh --key ${S}\n    displayName: Publish\n`,
      after: 'steps:\n  - script: ./publish.sh --key "$KEY"\n    displayName: Publish\n    env:\n      KEY: $(KEY)\n',
    },
    {
      name: 'Azure Pipelines variables entry (the only one) is removed with its key',
      path: 'azure-pipelines.yml',
      before: `variables:\n  apiPassword: ${S}\nsteps:\n  - script: echo hi\n`,
      after: 'steps:\n  - script: echo hi\n',
    },
    {
      name: 'CircleCI command uses $NAME',
      path: '.circleci/config.yml',
      before: `version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/base:current\n    steps:\n      - run:\n          command: ./push.sh ${S}\n`,
      after: 'version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/base:current\n    steps:\n      - run:\n          command: ./push.sh "$FAKE"\n',
    },
    {
      name: 'Bitbucket script uses $NAME',
      path: 'bitbucket-pipelines.yml',
      before: `pipelines:\n  default:\n    - step:\n        script:\n          - export NPM_TOKEN=${S}\n`,
      after: 'pipelines:\n  default:\n    - step:\n        script:\n          - export NPM_TOKEN="$NPM_TOKEN"\n',
    },
    {
      name: 'docker-compose environment uses ${NAME} from .env',
      path: 'docker-compose.yml',
      before: `services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: ${S}\n`,
      after: 'services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n',
    },
    {
      name: 'Kubernetes env value becomes valueFrom.secretKeyRef',
      path: 'k8s/deployment.yaml',
      before: `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: API_TOKEN\n              value: "${S}"\n            - name: MODE\n              value: prod\n`,
      after: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: API_TOKEN\n              valueFrom:\n                secretKeyRef:\n                  name: shop-secrets\n                  key: API_TOKEN\n            - name: MODE\n              value: prod\n',
    },
    {
      name: 'CloudFormation uses a Secrets Manager dynamic reference',
      path: 'infra/stack.yaml',
      before: `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: ${S}\n`,
      after: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: '{{resolve:secretsmanager:shop/MASTER_USER_PASSWORD:SecretString}}'\n",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const applied = applyFix(c.before, c.path);
      assert.equal(applied.text, c.after);
      assertYamlParses(applied.text);
      assertCleanFix(c.before, c.path, applied, S);
    });
  }
  it('GitHub refuses GITHUB_ secret names: the secret is named GH_…', () => {
    const before = `jobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      GITHUB_PAT: ${S}\n    steps:\n      - run: echo\n`;
    const applied = applyFix(before, '.github/workflows/a.yml');
    assert.equal(applied.text, 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      GITHUB_PAT: ${{ secrets.GH_PAT }}\n    steps:\n      - run: echo\n');
    assert.match(applied.files.get('.env')!, /^GH_PAT=/m);
  });
});

describe('fixes: other formats', () => {
  const S = fakeSecret('other');
  it('Terraform: sensitive variable, value kept as TF_VAR_ in .env', () => {
    const before = `resource "aws_db_instance" "db" {\n  password = "${S}"\n}\n`;
    const applied = applyFix(before, 'infra/main.tf');
    assert.equal(applied.text, 'resource "aws_db_instance" "db" {\n  password = var.password\n}\n\nvariable "password" {\n  type      = string\n  sensitive = true\n}\n');
    assert.match(applied.files.get('.env')!, new RegExp(`^TF_VAR_password=${S}$`, 'm'));
    assertCleanFix(before, 'infra/main.tf', applied, S);
  });
  it('Jenkinsfile environment {} uses credentials()', () => {
    const before = `pipeline {\n  agent any\n  environment {\n    DEPLOY_TOKEN = '${S}'\n  }\n  stages { stage('x') { steps { sh 'echo' } } }\n}\n`;
    const applied = applyFix(before, 'Jenkinsfile');
    assert.equal(applied.text, "pipeline {\n  agent any\n  environment {\n    DEPLOY_TOKEN = credentials('deploy-token')\n  }\n  stages { stage('x') { steps { sh 'echo' } } }\n}\n");
    assertCleanFix(before, 'Jenkinsfile', applied, S);
  });
  it('Jenkinsfile sh step is wrapped in withCredentials', () => {
    const before = `node {\n  stage('push') {\n    sh 'curl -H "Authorization: Bearer ${S}" https://x.test'\n  }\n}\n`;
    const applied = applyFix(before, 'Jenkinsfile');
    assert.equal(applied.text, `node {\n  stage('push') {\n    withCredentials([string(credentialsId: 'fake', variable: 'FAKE')]) {\n      sh 'curl -H "Authorization: Bearer $FAKE" https://x.test'\n    }\n  }\n}\n`);
    assertCleanFix(before, 'Jenkinsfile', applied, S);
  });
  it('Dockerfile ENV secret becomes a build secret mounted in the RUN that uses it', () => {
    const before = `FROM node:20\nENV NPM_TOKEN=${S}\nRUN curl -H "Authorization: Bearer $NPM_TOKEN" https://x.test\n`;
    const applied = applyFix(before, 'Dockerfile');
    assert.equal(applied.text, '# syntax=docker/dockerfile:1.10\nFROM node:20\nRUN --mount=type=secret,id=npm-token,env=NPM_TOKEN curl -H "Authorization: Bearer $NPM_TOKEN" https://x.test\n');
    assert.match(applied.fix.title, /docker build --secret id=npm-token,env=NPM_TOKEN/);
    assertCleanFix(before, 'Dockerfile', applied, S);
  });
  it('.env.example (tracked template) loses the value to .env', () => {
    const before = `PORT=3000\nSTRIPE_KEY=${S}\n`;
    const applied = applyFix(before, '.env.example', { workspace: { gitignoreText: '.env\n' } });
    assert.equal(applied.text, 'PORT=3000\nSTRIPE_KEY=\n');
    assert.equal(applied.files.get('.env'), `# moved here by Secret Hygiene from .env.example\nSTRIPE_KEY=${S}\n`);
  });
  it('local .env: stays, becomes git-ignored, .env.example gains a placeholder line', () => {
    const before = `STRIPE_KEY=${S}\n`;
    const applied = applyFix(before, '.env', { workspace: { gitignoreText: 'node_modules\n', envExampleText: 'PORT=\n' }, backend: { backend: 'vault' } });
    assert.equal(applied.text, before);
    assert.equal(applied.files.get('.gitignore'), 'node_modules\n.env\n');
    assert.equal(applied.files.get('.env.example'), 'PORT=\nSTRIPE_KEY=vault:secret/data/shop/stripe-key#value\n');
  });
  it('.npmrc and other config: ${NAME} placeholder expanded from the environment', () => {
    const before = `//registry.npmjs.org/:_authToken=${S}\n`;
    const applied = applyFix(before, '.npmrc');
    assert.equal(applied.text, '//registry.npmjs.org/:_authToken=${AUTH_TOKEN}\n');
    assert.match(applied.fix.title, /expanded from the environment/);
  });
  it('docs, data and SQL: the same ${NAME}, called a placeholder to fill in (nothing expands it there)', () => {
    for (const [path, before] of [
      ['ops/logins.md', `| User | Password |\n|---|---|\n| admin | ${S} |\n`],
      ['db/seed.sql', `INSERT INTO users (name, password) VALUES ('admin', '${S}');\n`],
    ]) {
      const applied = applyFix(before, path);
      assert.ok(/\$\{[A-Z_]+\}/.test(applied.text) && !applied.text.includes(S), path);
      assert.match(applied.fix.title, /placeholder/);
      assert.doesNotMatch(applied.fix.title, /expanded/);
      assertCleanFix(before, path, applied, S);
    }
  });
  it('Azure ARM template app setting becomes a Key Vault reference', () => {
    const before = JSON.stringify({ resources: [{ type: 'Microsoft.Web/sites', properties: { siteConfig: { appSettings: [{ name: 'ApiKey', value: S }] } } }] }, null, 2);
    const applied = applyFix(before, 'infra/site.json', { backend: { backend: 'azure', azureVault: 'shop-kv' } });
    assert.ok(applied.text.includes('"value": "@Microsoft.KeyVault(SecretUri=https://shop-kv.vault.azure.net/secrets/api-key/)"'), applied.text);
    JSON.parse(applied.text);
  });
});

describe('fixes: backend-shaped CI references', () => {
  it('GitLab with the Vault backend: the job reads the secret through secrets: vault', () => {
    const S = fakeSecret('gitlab-vault');
    const before = `deploy:\n  script:\n    - ./deploy.sh --api-key "${S}"\n`;
    const applied = applyFix(before, '.gitlab-ci.yml', { backend: { backend: 'vault' } });
    assert.equal(applied.text, 'deploy:\n  script:\n    - ./deploy.sh --api-key "$API_KEY"\n  secrets:\n    API_KEY: { vault: shop/api-key/value@secret, file: false }\n');
    assertYamlParses(applied.text);
  });
});

describe('fixes: names from nested config keys', () => {
  it('YAML config: the parent key names a vague secret key', () => {
    const S = fakeSecret('nested');
    const before = `database:\n  host: db\n  password: ${S}\n`;
    const applied = applyFix(before, 'config/app.yml');
    assert.equal(applied.text, 'database:\n  host: db\n  password: ${DATABASE_PASSWORD}\n');
  });
  it('properties: a dotted key keeps its owner (db.password -> DB_PASSWORD)', () => {
    const S = fakeSecret('dotted');
    const applied = applyFix(`db.password=${S}\n`, 'src/main/resources/application.properties');
    assert.equal(applied.text, 'db.password=${DB_PASSWORD}\n');
    assertCleanFix(`db.password=${S}\n`, 'src/main/resources/application.properties', applied, S);
  });
});
