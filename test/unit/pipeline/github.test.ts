import { strict as assert } from 'node:assert';
import { expectFindings, GHA, ruleSuite, workflow } from './harness';

const S = (name: string) => '${{ secrets.' + name + ' }}';
const E = (expr: string) => '${{ ' + expr + ' }}';

describe('GitHub Actions structure checks', () => {
  ruleSuite(
    'gha-secrets-context-exposed',
    [
      { path: GHA, text: workflow(`      - env:\n          ALL: ${'${{ '}«toJSON(secrets)»${' }}'}\n        run: ./use-secrets.sh\n`) },
      { path: GHA, text: workflow(`      - uses: ./.github/actions/deploy\n        with:\n          token: ${'${{ '}«secrets[»format('{0}_TOKEN', matrix.env)] }}\n`) },
      { path: GHA, text: workflow(`      - run: ./deploy.sh\n        env:\n          KEY: ${'${{ '}«secrets[»inputs.secret_name] }}\n`) },
    ],
    [
      { path: GHA, text: workflow(`      - run: echo ok\n        env:\n          KEY: ${E("secrets['DEPLOY_KEY']")}\n`) },
      { path: GHA, text: workflow(`      - run: echo '${E('toJSON(github.event)')}' > event.json\n`) },
      { path: GHA, text: workflow(`      # toJSON(secrets) would expose everything\n      - run: echo ok\n`) },
    ],
  );

  ruleSuite(
    'gha-secrets-inherit',
    [
      { path: GHA, text: `on: push\njobs:\n  release:\n    uses: ./.github/workflows/release.yml\n    secrets: «inherit»\n` },
      { path: GHA, text: `on: [push]\njobs:\n  deploy:\n    uses: acme/workflows/.github/workflows/deploy.yml@v2\n    with:\n      env: prod\n    secrets: «inherit»\n` },
      { path: GHA, text: `on: workflow_dispatch\njobs:\n  a:\n    uses: ./.github/workflows/a.yml\n    secrets: «inherit»\n  b:\n    uses: ./.github/workflows/b.yml\n    secrets: «inherit»\n` },
    ],
    [
      { path: GHA, text: `on: push\njobs:\n  release:\n    uses: ./.github/workflows/release.yml\n    secrets:\n      NPM_TOKEN: ${S('NPM_TOKEN')}\n` },
      { path: GHA, text: `on: push\njobs:\n  release:\n    uses: ./.github/workflows/release.yml\n` },
      { path: GHA, text: workflow(`      - run: echo "secrets: inherit is discussed in docs"\n`) },
    ],
  );

  ruleSuite(
    'gha-secret-env-too-broad',
    [
      { path: GHA, text: workflow(`      - uses: actions/checkout@v4\n      - run: npm test\n      - run: ./notify.sh "$SLACK_WEBHOOK"\n`, `env:\n  «SLACK_WEBHOOK: ${S('SLACK_WEBHOOK')}»\n`) },
      { path: GHA, text: `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      «DEPLOY_KEY: ${S('DEPLOY_KEY')}»\n    steps:\n      - uses: actions/checkout@v4\n      - run: make build\n      - run: ./deploy --key-file <(printf '%s' "$DEPLOY_KEY")\n` },
      { path: GHA, text: `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    env:\n      «SONAR_TOKEN: ${S('SONAR_TOKEN')}»\n    steps:\n      - uses: actions/setup-java@v4\n        with:\n          java-version: 21\n      - run: ./gradlew test\n      - run: ./gradlew sonar -Dsonar.token=$SONAR_TOKEN\n` },
    ],
    [
      { path: GHA, text: workflow(`      - uses: actions/checkout@v4\n      - run: ./notify.sh\n        env:\n          SLACK_WEBHOOK: ${S('SLACK_WEBHOOK')}\n`) },
      { path: GHA, text: `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      GH_TOKEN: ${S('BOT_TOKEN')}\n    steps:\n      - run: gh release create v1\n      - run: gh pr comment 1 --body "$GH_TOKEN used"\n` },
      { path: GHA, text: `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      API_KEY: ${S('API_KEY')}\n    steps:\n      - run: ./a.sh "$API_KEY"\n      - run: ./b.sh "$API_KEY"\n` },
    ],
  );

  ruleSuite(
    'gha-untrusted-checkout-with-secrets',
    [
      { path: GHA, text: `on: pull_request_target\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: «${E('github.event.pull_request.head.sha')}»\n      - run: npm ci && npm test\n        env:\n          NPM_TOKEN: ${S('NPM_TOKEN')}\n` },
      { path: GHA, text: `on:\n  workflow_run:\n    workflows: [ci]\n    types: [completed]\njobs:\n  report:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: «${E('github.event.workflow_run.head_sha')}»\n      - run: ./report.sh\n        env:\n          TOKEN: ${S('REPORT_TOKEN')}\n` },
      { path: GHA, text: `on: pull_request_target\njobs:\n  bench:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - env:\n          GH_TOKEN: ${S('GITHUB_TOKEN')}\n        run: |\n          «gh pr checkout ${E('github.event.pull_request.number')}»\n          make bench\n` },
      { path: GHA, text: `on:\n  pull_request_target:\n    types: [labeled]\njobs:\n  e2e:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: «refs/pull/${E('github.event.number')}/merge»\n      - uses: cypress-io/github-action@v6\n        with:\n          record: true\n        env:\n          CYPRESS_RECORD_KEY: ${S('CYPRESS_RECORD_KEY')}\n` },
    ],
    [
      { path: GHA, text: `on: pull_request_target\njobs:\n  label:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/labeler@v5\n        with:\n          repo-token: ${S('GITHUB_TOKEN')}\n` },
      { path: GHA, text: `on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${E('github.event.pull_request.head.sha')}\n      - run: npm test\n        env:\n          NPM_TOKEN: ${S('NPM_TOKEN')}\n` },
      { path: GHA, text: `on: pull_request_target\njobs:\n  greet:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${E('github.event.pull_request.head.sha')}\n      - run: npx eslint .\n` },
    ],
  );

  ruleSuite(
    'gha-job-output-secret',
    [
      { path: GHA, text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      token: «${S('DEPLOY_TOKEN')}»\n    steps:\n      - run: echo hi\n` },
      { path: GHA, text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      tok: «${E('steps.login.outputs.token')}»\n    steps:\n      - id: login\n        run: |\n          T=$(az account get-access-token --query accessToken -o tsv)\n          echo "token=$T" >> "$GITHUB_OUTPUT"\n` },
      { path: GHA, text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      key: «${E('steps.k.outputs.key')}»\n    steps:\n      - id: k\n        env:\n          SIGNING_KEY: ${S('SIGNING_KEY')}\n        run: echo "key=$SIGNING_KEY" >> "$GITHUB_OUTPUT"\n` },
      { path: GHA, text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      creds: «${E('secrets.REGISTRY_PASSWORD')}»\n      version: ${E('steps.v.outputs.version')}\n    steps:\n      - id: v\n        run: echo "version=1.0.0" >> "$GITHUB_OUTPUT"\n` },
    ],
    [
      { path: GHA, text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      version: ${E('steps.v.outputs.version')}\n    steps:\n      - id: v\n        run: echo "version=$(cat VERSION)" >> "$GITHUB_OUTPUT"\n` },
      { path: GHA, text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      digest: ${E('steps.build.outputs.digest')}\n    steps:\n      - id: build\n        env:\n          REGISTRY_TOKEN: ${S('REGISTRY_TOKEN')}\n        run: |\n          echo "$REGISTRY_TOKEN" | docker login ghcr.io -u bot --password-stdin\n          echo "digest=$(docker push ghcr.io/acme/app:1 | tail -1)" >> "$GITHUB_OUTPUT"\n` },
      { path: GHA, text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      matrix: ${E('steps.m.outputs.matrix')}\n    steps:\n      - id: m\n        run: echo 'matrix=["a","b"]' >> "$GITHUB_OUTPUT"\n` },
    ],
  );

  ruleSuite(
    'ci-debug-logging',
    [
      { path: GHA, text: workflow(`      - run: make\n`, `env:\n  «ACTIONS_STEP_DEBUG: true»\n`) },
      { path: '.gitlab-ci.yml', text: `variables:\n  «CI_DEBUG_TRACE: "true"»\ntest:\n  script: [make test]\n` },
      { path: 'azure-pipelines.yml', text: `trigger: [main]\nvariables:\n  «system.debug: true»\nsteps:\n  - script: make\n` },
      { path: 'azure-pipelines.yml', text: `trigger: [main]\nvariables:\n  - name: «system.debug\n    value: 'true'»\nsteps:\n  - script: make\n` },
      { path: '.gitlab-ci.yml', text: `test:\n  variables:\n    «CI_DEBUG_SERVICES: "true"»\n  script: [make test]\n` },
    ],
    [
      { path: GHA, text: workflow(`      - run: make\n`, `env:\n  ACTIONS_STEP_DEBUG: false\n`) },
      { path: '.gitlab-ci.yml', text: `variables:\n  CI_DEBUG_TRACE: "false"\ntest:\n  script: [make test]\n` },
      { path: 'azure-pipelines.yml', text: `trigger: [main]\nvariables:\n  buildConfiguration: Release\nsteps:\n  - script: make\n` },
    ],
  );

  it('carries secret-free data for quick fixes (env too broad)', () => {
    const [f] = expectFindings('gha-secret-env-too-broad', {
      path: GHA,
      text: `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      «DEPLOY_KEY: ${S('DEPLOY_KEY')}»\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./deploy "$DEPLOY_KEY"\n      - run: make\n`,
    });
    assert.deepEqual(
      { variable: f.data?.variable, secretName: f.data?.secretName, envScope: f.data?.envScope, jobId: f.data?.jobId, stepIndex: f.data?.stepIndex },
      { variable: 'DEPLOY_KEY', secretName: 'DEPLOY_KEY', envScope: 'job', jobId: 'deploy', stepIndex: 1 },
    );
  });
});
