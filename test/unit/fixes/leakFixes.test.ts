import { strict as assert } from 'node:assert';
import { parseAllDocuments } from 'yaml';
import { Engine, resolveSettings } from '../../../server/src/engine';
import { applyEdits, computeFixes, resolveBackendSettings, type WorkspaceFacts } from '../../../server/src/engine/fixes';

const engine = new Engine(resolveSettings({}));

/** Applies the preferred fix of the first finding of `ruleId`; asserts it is gone afterwards. */
function fix(text: string, path: string, ruleId: string, options: { workspace?: WorkspaceFacts; id?: string } = {}): string {
  const findings = engine.scan(text, path).findings;
  const finding = findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `expected ${ruleId}; got [${findings.map((f) => f.ruleId).join(', ')}]`);
  const fixes = computeFixes({ text, path, finding, allFindings: findings, workspace: options.workspace ?? {}, backend: resolveBackendSettings({}) });
  const chosen = options.id ? fixes.find((f) => f.id === options.id) : fixes.find((f) => f.preferred);
  assert.ok(chosen, `no fix for ${ruleId}; got [${fixes.map((f) => f.id).join(', ')}]`);
  assert.equal(chosen.category, 'leak');
  const doc = chosen.files.find((f) => f.path === path)!;
  const after = applyEdits(text, doc.edits);
  if (/\.ya?ml$/.test(path)) for (const d of parseAllDocuments(after)) assert.deepEqual(d.errors, [], 'YAML still parses');
  const left = engine.scan(after, path).findings;
  assert.ok(!left.some((f) => f.ruleId === ruleId), `${ruleId} still reported after the fix`);
  const added = left.filter((f) => !findings.some((g) => g.ruleId === f.ruleId));
  assert.deepEqual(added.map((f) => f.ruleId), [], 'no new kind of finding appears');
  return after;
}

/** The text after a named (non-preferred) fix, without the "finding gone" check. */
function fixText(text: string, path: string, ruleId: string, id: string): string {
  const findings = engine.scan(text, path).findings;
  const finding = findings.find((f) => f.ruleId === ruleId)!;
  const chosen = computeFixes({ text, path, finding, workspace: {}, backend: resolveBackendSettings({}) }).find((f) => f.id === id);
  assert.ok(chosen && !chosen.preferred);
  const after = applyEdits(text, chosen.files[0].edits);
  for (const d of parseAllDocuments(after)) assert.deepEqual(d.errors, []);
  return after;
}

const wf = (steps: string, jobExtra = '') => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n${jobExtra}    steps:\n${steps}`;

describe('fixes: leaks and masks (pipeline findings)', () => {
  it('env dump -> names only', () => {
    const text = wf('      - run: |\n          env\n          make\n');
    assert.equal(fix(text, '.github/workflows/a.yml', 'ci-env-dump'), wf("      - run: |\n          awk 'BEGIN { for (name in ENVIRON) print name }' | sort\n          make\n"));
  });
  it('env dump -> removed (alternative)', () => {
    const text = wf('      - run: |\n          printenv\n          make\n');
    assert.equal(fix(text, '.github/workflows/a.yml', 'ci-env-dump', { id: 'remove' }), wf('      - run: |\n          make\n'));
  });
  it('code env dump (JS, Python) -> keys only', () => {
    assert.equal(fix('console.log(process.env);\n', 'src/a.js', 'code-env-dump'), 'console.log(Object.keys(process.env));\n');
    assert.equal(fix('import os\nprint(os.environ)\n', 'app.py', 'code-env-dump'), 'import os\nprint(sorted(os.environ))\n');
  });
  it('set -x -> removed (preferred)', () => {
    const text = wf('      - run: |\n          set -ex\n          curl -H "Authorization: $API_TOKEN" https://x.test\n        env:\n          API_TOKEN: ${{ secrets.API_TOKEN }}\n');
    assert.equal(fix(text, '.github/workflows/a.yml', 'ci-xtrace-with-secrets'), text.replace('set -ex', 'set -e'));
  });
  it('set -x -> tracing off around the secret use (alternative)', () => {
    const text = wf('      - run: |\n          set -x\n          make build\n          curl -H "Authorization: $API_TOKEN" https://x.test\n          make test\n        env:\n          API_TOKEN: ${{ secrets.API_TOKEN }}\n');
    assert.equal(
      fixText(text, '.github/workflows/a.yml', 'ci-xtrace-with-secrets', 'xtrace-off'),
      wf('      - run: |\n          set -x\n          make build\n          { set +x; } 2>/dev/null\n          curl -H "Authorization: $API_TOKEN" https://x.test\n          set -x\n          make test\n        env:\n          API_TOKEN: ${{ secrets.API_TOKEN }}\n'),
    );
  });
  it('derived secret -> ::add-mask:: right after it is computed', () => {
    const text = wf('      - id: sts\n        run: |\n          TOKEN=$(aws sts get-session-token --query x --output text)\n          echo "token=$TOKEN" >> "$GITHUB_OUTPUT"\n');
    assert.equal(
      fix(text, '.github/workflows/a.yml', 'ci-unmasked-derived-secret'),
      wf('      - id: sts\n        run: |\n          TOKEN=$(aws sts get-session-token --query x --output text)\n          echo "::add-mask::$TOKEN"\n          echo "token=$TOKEN" >> "$GITHUB_OUTPUT"\n'),
    );
  });
  it('${{ secrets.X }} in run: -> step env and "$X"', () => {
    const text = wf('      - run: |\n          curl -H "x: ${{ secrets.API_KEY }}" https://x.test\n');
    assert.equal(
      fix(text, '.github/workflows/a.yml', 'gha-secret-in-run'),
      wf('      - run: |\n          curl -H "x: ${API_KEY}" https://x.test\n        env:\n          API_KEY: ${{ secrets.API_KEY }}\n'),
    );
  });
  it('job-wide secret env -> the step using it', () => {
    const text = wf('      - run: make\n      - run: ./deploy.sh "$DEPLOY_TOKEN"\n', '    env:\n      DEPLOY_TOKEN: ${{ secrets.DEPLOY_TOKEN }}\n');
    assert.equal(
      fix(text, '.github/workflows/a.yml', 'gha-secret-env-too-broad'),
      wf('      - run: make\n      - run: ./deploy.sh "$DEPLOY_TOKEN"\n        env:\n          DEPLOY_TOKEN: ${{ secrets.DEPLOY_TOKEN }}\n'),
    );
  });
  it('secrets: inherit -> the secrets the local called workflow declares', () => {
    const text = 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/reuse.yml\n    secrets: inherit\n';
    const called = 'on:\n  workflow_call:\n    secrets:\n      NPM_TOKEN:\n        required: true\n      SLACK_WEBHOOK:\n        required: false\njobs: {}\n';
    const after = fix(text, '.github/workflows/a.yml', 'gha-secrets-inherit', { workspace: { readFile: (p) => (p === '.github/workflows/reuse.yml' ? called : undefined) } });
    assert.equal(after, 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/reuse.yml\n    secrets:\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n      SLACK_WEBHOOK: ${{ secrets.SLACK_WEBHOOK }}\n');
  });
  it('Azure setvariable -> issecret=true', () => {
    const text = 'steps:\n  - script: echo "##vso[task.setvariable variable=tok]$(az account get-access-token --query accessToken -o tsv)"\n';
    assert.equal(fix(text, 'azure-pipelines.yml', 'azure-setvariable-not-secret'), 'steps:\n  - script: echo "##vso[task.setvariable variable=tok;issecret=true]$(az account get-access-token --query accessToken -o tsv)"\n');
  });
  it('Jenkins double-quoted interpolation -> single quotes', () => {
    const text = "pipeline { agent any\n  stages { stage('a') { steps {\n    withCredentials([string(credentialsId: 'x', variable: 'TOKEN')]) {\n      sh \"curl -H 'a: $TOKEN' https://x.test\"\n    }\n  } } }\n}\n";
    assert.equal(fix(text, 'Jenkinsfile', 'jenkins-groovy-credential-interpolation'), text.replace(`sh "curl -H 'a: $TOKEN' https://x.test"`, "sh '''curl -H 'a: $TOKEN' https://x.test'''"));
  });
  it('Dockerfile ARG secret -> RUN --mount=type=secret', () => {
    const text = 'FROM node:20\nARG NPM_TOKEN\nRUN npm ci --token "$NPM_TOKEN"\n';
    assert.equal(fix(text, 'Dockerfile', 'dockerfile-secret-env-arg'), '# syntax=docker/dockerfile:1.10\nFROM node:20\nRUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci --token "$NPM_TOKEN"\n');
  });
  it('AWS static keys -> role-to-assume with marked placeholders and id-token: write', () => {
    const text = wf('      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n          aws-region: eu-west-1\n');
    assert.equal(
      fix(text, '.github/workflows/a.yml', 'gha-aws-static-keys'),
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n      contents: read\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-region: eu-west-1\n          role-to-assume: arn:aws:iam::ACCOUNT_ID:role/ROLE_NAME # TODO(secret-hygiene): IAM role trusting token.actions.githubusercontent.com\n',
    );
  });
  it('PyPI token -> trusted publishing', () => {
    const text = wf('      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          password: ${{ secrets.PYPI_TOKEN }}\n', '    permissions:\n      contents: read\n');
    assert.equal(
      fix(text, '.github/workflows/a.yml', 'publish-with-long-lived-token'),
      wf('      - uses: pypa/gh-action-pypi-publish@release/v1\n', '    permissions:\n      contents: read\n      id-token: write\n'),
    );
  });
});

describe('fixes: more pipeline findings', () => {
  it('toJSON(secrets) read with jq -> the explicit secrets read', () => {
    const text = wf('      - run: |\n          TOKEN="$(echo "$ALL" | jq -r \'.NPM_TOKEN\')"\n          npm whoami --registry https://r.test\n        env:\n          ALL: ${{ toJSON(secrets) }}\n');
    assert.equal(
      fix(text, '.github/workflows/a.yml', 'gha-secrets-context-exposed'),
      wf('      - run: |\n          TOKEN="${NPM_TOKEN}"\n          npm whoami --registry https://r.test\n        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n'),
    );
  });
  it('GCP credentials_json -> workload identity placeholders and id-token: write', () => {
    const text = wf('      - uses: google-github-actions/auth@v2\n        with:\n          credentials_json: ${{ secrets.GCP_SA_KEY }}\n');
    const after = fix(text, '.github/workflows/a.yml', 'gha-gcp-credentials-json');
    assert.equal(
      after,
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n      contents: read\n    steps:\n      - uses: google-github-actions/auth@v2\n        with:\n          workload_identity_provider: projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL_ID/providers/PROVIDER_ID # TODO(secret-hygiene): your provider\n          service_account: SA_NAME@PROJECT_ID.iam.gserviceaccount.com # TODO(secret-hygiene): the service account to impersonate\n',
    );
  });
  it('Azure creds -> federated client-id/tenant-id/subscription-id, keeping workflow permissions', () => {
    const text = 'on: push\npermissions:\n  packages: write\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: azure/login@v2\n        with:\n          creds: ${{ secrets.AZURE_CREDENTIALS }}\n';
    assert.equal(
      fix(text, '.github/workflows/a.yml', 'gha-azure-login-creds'),
      'on: push\npermissions:\n  packages: write\njobs:\n  build:\n    runs-on: ubuntu-latest\n    permissions:\n      packages: write\n      id-token: write\n      contents: read\n    steps:\n      - uses: azure/login@v2\n        with:\n          client-id: ${{ secrets.AZURE_CLIENT_ID }}\n          tenant-id: ${{ secrets.AZURE_TENANT_ID }}\n          subscription-id: ${{ secrets.AZURE_SUBSCRIPTION_ID }} # TODO(secret-hygiene): add a federated credential to the app registration\n',
    );
  });
  it('printing a secret -> prints whether it is set', () => {
    const text = wf('      - run: |\n          echo $DEPLOY_TOKEN\n        env:\n          DEPLOY_TOKEN: ${{ secrets.DEPLOY_TOKEN }}\n');
    assert.equal(fix(text, '.github/workflows/a.yml', 'ci-secret-print'), text.replace('echo $DEPLOY_TOKEN', 'if [ -n "$DEPLOY_TOKEN" ]; then echo "DEPLOY_TOKEN is set"; fi'));
  });
  it('debug logging setting -> removed', () => {
    const text = 'on: push\nenv:\n  ACTIONS_STEP_DEBUG: true\n  STAGE: prod\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n';
    assert.equal(fix(text, '.github/workflows/a.yml', 'ci-debug-logging'), 'on: push\nenv:\n  STAGE: prod\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n');
  });
});

describe('fixes: registries, build secrets, publishing', () => {
  it('docker login -p -> --password-stdin', () => {
    const text = wf('      - run: |\n          docker login -u ci -p "$REGISTRY_PASSWORD" registry.test\n        env:\n          REGISTRY_PASSWORD: ${{ secrets.REGISTRY_PASSWORD }}\n');
    assert.equal(fix(text, '.github/workflows/a.yml', 'ci-secret-on-command-line'), text.replace('docker login -u ci -p "$REGISTRY_PASSWORD" registry.test', 'printf \'%s\' "$REGISTRY_PASSWORD" | docker login -u ci --password-stdin registry.test'));
  });
  it('docker build --build-arg secret -> --secret', () => {
    const text = wf('      - run: |\n          docker build --build-arg NPM_TOKEN=$NPM_TOKEN .\n        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n');
    assert.equal(fix(text, '.github/workflows/a.yml', 'docker-build-arg-secret'), text.replace('--build-arg NPM_TOKEN=$NPM_TOKEN', '--secret id=npm-token,env=NPM_TOKEN'));
  });
  it('build-push-action build-args secret -> secrets: input', () => {
    const text = wf('      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          build-args: |\n            NPM_TOKEN=${{ secrets.NPM_TOKEN }}\n');
    assert.equal(fix(text, '.github/workflows/a.yml', 'docker-build-arg-secret'), wf('      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          secrets: |\n            "npm-token=${{ secrets.NPM_TOKEN }}"\n'));
  });
  it('npm token -> trusted publishing', () => {
    const text = wf('      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n');
    assert.equal(
      fix(text, '.github/workflows/a.yml', 'publish-with-long-lived-token'),
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n      contents: read\n    steps:\n      - run: npm publish\n',
    );
  });
  it('OIDC login without id-token permission -> granted', () => {
    const text = wf('      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/x\n          aws-region: us-east-1\n', '    permissions:\n      contents: read\n');
    assert.equal(fix(text, '.github/workflows/a.yml', 'gha-oidc-missing-permission'), text.replace('      contents: read\n', '      contents: read\n      id-token: write\n'));
  });
  it('::add-mask:: too late -> moved after the value is computed', () => {
    const text = wf('      - run: |\n          TOKEN=$(vault read -field=token secret/x)\n          echo "$TOKEN"\n          echo "::add-mask::$TOKEN"\n');
    assert.equal(
      fix(text, '.github/workflows/a.yml', 'ci-add-mask-too-late'),
      wf('      - run: |\n          TOKEN=$(vault read -field=token secret/x)\n          echo "::add-mask::$TOKEN"\n          echo "$TOKEN"\n'),
    );
  });
  it('a literal in GitLab variables: is one finding (the GitLab check), fixed like a hard-coded secret', () => {
    const text = 'variables:\n  DEPLOY_PASSWORD: "Zx9vQ2mKp7LwR4tY8nBc"\njob:\n  script:\n    - echo hi\n';
    const findings = engine.scan(text, '.gitlab-ci.yml').findings;
    assert.deepEqual(findings.map((f) => f.ruleId), ['gitlab-variable-literal-secret'], 'the same literal is not reported twice');
    const literal = findings[0];
    const base = { text, path: '.gitlab-ci.yml', allFindings: findings, workspace: {}, backend: resolveBackendSettings({}) };
    const preferred = computeFixes({ ...base, finding: literal }).find((f) => f.preferred)!;
    const after = applyEdits(text, preferred.files[0].edits);
    assert.equal(after, 'job:\n  script:\n    - echo hi\n');
    assert.deepEqual(engine.scan(after, '.gitlab-ci.yml').findings, []);
  });
});

describe('fixes: printing a secret expression', () => {
  it('one-line run: echo of ${{ secrets.X }} -> tests the bound variable instead', () => {
    const text = wf('      - name: Check\n        run: echo "token is ${{ secrets.NPM_TOKEN }}" # why\n');
    assert.equal(
      fix(text, '.github/workflows/a.yml', 'ci-secret-print'),
      wf('      - name: Check\n        run: if [ -n "$NPM_TOKEN" ]; then echo "NPM_TOKEN is set"; fi # why\n        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n'),
    );
  });
});
