import { strict as assert } from 'node:assert';
import { expectFindings, GHA, ruleSuite, workflow } from './harness';

/** `${{ secrets.NAME }}` without fighting template-literal escaping. */
const S = (name: string) => '${{ secrets.' + name + ' }}';
const E = (expr: string) => '${{ ' + expr + ' }}';

describe('script checks', () => {
  ruleSuite(
    'ci-env-dump',
    [
      { path: GHA, text: workflow(`      - run: |\n          npm ci\n          «env» | sort\n`) },
      { path: GHA, text: workflow(`      - run: «printenv»\n`) },
      { path: '.gitlab-ci.yml', text: `debug:\n  script:\n    - «export -p»\n    - «cat .env»\n` },
      { path: 'bitbucket-pipelines.yml', text: `pipelines:\n  default:\n    - step:\n        script:\n          - «cat "$GITHUB_ENV"»\n          - «docker inspect app»\n` },
      { path: GHA, text: workflow(`      - shell: pwsh\n        run: |\n          «Get-ChildItem env:»\n          «gci Env:\\»\n`) },
      { path: 'azure-pipelines.yml', text: `trigger: [main]\nsteps:\n  - bash: |\n      «declare -p»\n      compgen -v\n` },
      { path: 'Jenkinsfile', text: `pipeline {\n  agent any\n  stages {\n    stage('debug') { steps { sh '«printenv» | sort' } }\n  }\n}\n` },
      { path: 'Dockerfile', text: `FROM node:20\nRUN npm ci && \\\n    «env»\n` },
      { path: '.circleci/config.yml', text: `version: 2.1\njobs:\n  build:\n    docker: [{image: cimg/base:2024.01}]\n    steps:\n      - run: «export»\n` },
    ],
    [
      { path: GHA, text: workflow(`      - run: env NODE_ENV=production npm run build\n`) },
      { path: GHA, text: workflow(`      - run: printenv HOME PATH\n`) },
      { path: GHA, text: workflow(`      - run: |\n          env > env.txt\n          env | wc -l\n          cat .env.example\n`) },
      { path: '.gitlab-ci.yml', text: `build:\n  script:\n    - set -euo pipefail\n    - docker inspect --format '{{.State.Health.Status}}' app\n` },
      { path: GHA, text: workflow(`      - run: echo "see env docs"  # env\n`) },
      // Names only.
      { path: GHA, text: workflow(`      - run: |\n          env | cut -d= -f1 | sort\n          printenv | awk -F= '{print $1}'\n          env | sed 's/=.*//'\n          compgen -e\n`) },
    ],
  );

  ruleSuite(
    'ci-secret-print',
    [
      { path: GHA, text: workflow(`      - env:\n          DEPLOY_KEY: ${S('DEPLOY_KEY')}\n        run: echo "key is «$DEPLOY_KEY»"\n`) },
      { path: '.gitlab-ci.yml', text: `deploy:\n  script:\n    - echo «$AWS_SECRET_ACCESS_KEY»\n    - printf '%s\\n' "«\${NPM_TOKEN}»"\n` },
      { path: GHA, text: workflow(`      - env:\n          TOKEN: ${S('API_TOKEN')}\n        run: |\n          cat <<EOF\n          token=«$TOKEN»\n          EOF\n`) },
      { path: GHA, text: workflow(`      - run: echo "${'$'}{{ secrets.X }}" && echo «$GH_TOKEN» | tee out.log\n`).replace('"${{ secrets.X }}"', 'done') },
      { path: '.gitlab-ci.yml', text: `show:\n  script:\n    - cat «~/.docker/config.json»\n` },
      { path: GHA, text: workflow(`      - shell: pwsh\n        env:\n          API_TOKEN: ${S('API_TOKEN')}\n        run: Write-Host "token «$env:API_TOKEN»"\n`) },
      { path: 'azure-pipelines.yml', text: `pool:\n  vmImage: windows-latest\nsteps:\n  - script: echo «%DB_PASSWORD%»\n` },
      { path: 'azure-pipelines.yml', text: `trigger: [main]\nsteps:\n  - bash: echo "token=«$(System.AccessToken)»"\n` },
      // Bound from a secret in a template the job extends.
      { path: '.gitlab-ci.yml', text: `.notify:\n  variables:\n    HOOK: $SLACK_WEBHOOK_URL\nnotify:\n  extends: .notify\n  script:\n    - echo «$HOOK»\n` },
    ],
    [
      { path: GHA, text: workflow(`      - env:\n          NPM_TOKEN: ${S('NPM_TOKEN')}\n        run: echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > ~/.npmrc\n`) },
      { path: '.gitlab-ci.yml', text: `login:\n  script:\n    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"\n` },
      { path: GHA, text: workflow(`      - run: echo "version $VERSION built from $GITHUB_SHA"\n`) },
      { path: GHA, text: workflow(`      - run: echo "TOKEN_URL=$TOKEN_URL and $PASSWORD_FILE"\n`) },
      { path: GHA, text: workflow(`      - shell: pwsh\n        run: Write-Host "Deploying $env:APP_NAME to $env:AZURE_REGION"\n`) },
      { path: GHA, text: workflow(`      - env:\n          TOKEN: ${S('TOKEN')}\n        run: echo "token set: \${TOKEN:+yes}, length \${#TOKEN}"\n`) },
      // The job overrides the template's binding with a plain value.
      { path: '.gitlab-ci.yml', text: `.notify:\n  variables:\n    HOOK: $SLACK_WEBHOOK_URL\nnotify:\n  extends: .notify\n  variables:\n    HOOK: https://status.example.com/ping\n  script:\n    - echo "$HOOK"\n` },
      { path: GHA, text: workflow(`      - env:\n          HAS_NPM_TOKEN: ${E("secrets.NPM_TOKEN != ''")}\n        run: echo "npm token configured: $HAS_NPM_TOKEN"\n`) },
      { path: GHA, text: workflow(`      - env:\n          KUBE_TOKEN: ${S('KUBE_TOKEN')}\n        run: kubectl --server https://k8s.internal --token-file=<(printf %s "$KUBE_TOKEN") get pods\n`) },
    ],
  );

  ruleSuite(
    'ci-xtrace-with-secrets',
    [
      { path: GHA, text: workflow(`      - env:\n          TOKEN: ${S('TOKEN')}\n        run: |\n          set «-x»\n          curl -H "Authorization: Bearer $TOKEN" https://api.example.com\n`) },
      { path: GHA, text: workflow(`      - env:\n          PASS: ${S('PASS')}\n        run: bash «-x» deploy.sh\n`) },
      { path: '.gitlab-ci.yml', text: `deploy:\n  script:\n    - set -o «xtrace»\n    - ./deploy --token-file <(echo "$DEPLOY_TOKEN")\n` },
      { path: GHA, text: workflow(`      - env:\n          KEY: ${S('KEY')}\n        run: set «-eux»\n`) },
    ],
    [
      { path: GHA, text: workflow(`      - run: |\n          set -x\n          make test\n`) },
      { path: '.gitlab-ci.yml', text: `test:\n  script:\n    - set -eux\n    - go test ./...\n` },
      { path: GHA, text: workflow(`      - env:\n          TOKEN: ${S('TOKEN')}\n        run: |\n          set -euo pipefail\n          ./publish.sh\n`) },
    ],
  );

  ruleSuite(
    'ci-unmasked-derived-secret',
    [
      { path: GHA, text: workflow(`      - id: t\n        run: |\n          TOKEN=$(gcloud auth print-access-token)\n          echo "token=«$TOKEN»" >> "$GITHUB_OUTPUT"\n`) },
      { path: GHA, text: workflow(`      - run: «aws sts assume-role --role-arn arn:aws:iam::123456789012:role/ci --role-session-name ci»\n`) },
      { path: GHA, text: workflow(`      - env:\n          DB_PASS: ${E('fromJSON(secrets.DB).password')}\n        run: echo "DB_PASS=«$DB_PASS»" >> $GITHUB_ENV\n`) },
      { path: GHA, text: workflow(`      - env:\n          CREDS: ${S('CREDS_B64')}\n        run: |\n          KEY=$(echo "$CREDS" | base64 -d)\n          echo «$KEY»\n`) },
      { path: GHA, text: workflow(`      - run: echo "t=«$(vault read -field=token secret/ci)»" >> $GITHUB_OUTPUT\n`) },
      { path: GHA, text: workflow(`      - shell: pwsh\n        run: |\n          $t = gcloud auth print-access-token\n          Write-Output "token=«$t»" >> $env:GITHUB_OUTPUT\n`) },
      { path: GHA, text: workflow(`      - run: «kubectl get secret app-db -o jsonpath='{.data.password}'»\n`) },
    ],
    [
      { path: GHA, text: workflow(`      - run: |\n          TOKEN=$(gcloud auth print-access-token)\n          echo "::add-mask::$TOKEN"\n          echo "token=$TOKEN" >> "$GITHUB_OUTPUT"\n`) },
      { path: GHA, text: workflow(`      - run: aws ecr get-login-password | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com\n`) },
      { path: GHA, text: workflow(`      - run: |\n          VERSION=$(jq -r .version package.json)\n          echo "version=$VERSION" >> "$GITHUB_OUTPUT"\n`) },
      { path: GHA, text: workflow(`      - run: aws sts assume-role --role-arn arn:aws:iam::123456789012:role/ci --role-session-name ci > creds.json\n`) },
      // Names, metadata, pagination cursors and usage counts are not credentials.
      { path: GHA, text: workflow(`      - run: |\n          kubectl get secrets -n shop\n          kubectl get secret app-tls -o name\n          kubectl get secret app-tls -o jsonpath='{.metadata.creationTimestamp}'\n`) },
      { path: GHA, text: workflow(`      - run: |\n          NEXT_TOKEN=$(aws logs describe-log-streams --log-group-name app | jq -r '.nextToken')\n          echo "next=$NEXT_TOKEN" >> "$GITHUB_OUTPUT"\n          PROMPT_TOKENS=$(jq -r '.usage.prompt_tokens' response.json)\n          echo "prompt=$PROMPT_TOKENS" >> "$GITHUB_OUTPUT"\n`) },
    ],
  );

  ruleSuite(
    'ci-add-mask-too-late',
    [
      { path: GHA, text: workflow(`      - run: |\n          T=$(gcloud auth print-access-token)\n          echo "t=$T" >> $GITHUB_OUTPUT\n          «echo "::add-mask::$T"»\n`) },
      { path: GHA, text: workflow(`      - run: |\n          P=$(vault kv get -field=password secret/db)\n          echo "$P"\n          «echo ::add-mask::$P»\n`) },
      { path: GHA, text: workflow(`      - env:\n          RAW: ${S('RAW')}\n        run: |\n          K=$(echo "$RAW" | jq -r .private_key)\n          echo "k=$K" >> "$GITHUB_ENV"\n          «echo "::add-mask::\${K}"»\n`) },
    ],
    [
      { path: GHA, text: workflow(`      - run: |\n          T=$(gcloud auth print-access-token)\n          echo "::add-mask::$T"\n          echo "t=$T" >> $GITHUB_OUTPUT\n`) },
      { path: GHA, text: workflow(`      - run: echo "::add-mask::$SOME_VALUE"\n`) },
      { path: GHA, text: workflow(`      - run: |\n          V=$(cat VERSION)\n          echo "v=$V" >> $GITHUB_OUTPUT\n          echo "::add-mask::$OTHER"\n`) },
    ],
  );

  ruleSuite(
    'azure-setvariable-not-secret',
    [
      { path: 'azure-pipelines.yml', text: `trigger: [main]\nsteps:\n  - bash: echo «"##vso[task.setvariable variable=apiToken]$(az account get-access-token --query accessToken -o tsv)"»\n` },
      { path: 'azure-pipelines.yml', text: `pool:\n  vmImage: ubuntu-latest\nsteps:\n  - script: echo «"##vso[task.setvariable variable=dbPassword]$PW"»\n` },
      { path: 'azure-pipelines.yml', text: `trigger: none\nsteps:\n  - pwsh: Write-Host «"##vso[task.setvariable variable=sasToken;isOutput=true]$env:SAS_TOKEN"»\n` },
    ],
    [
      { path: 'azure-pipelines.yml', text: `trigger: [main]\nsteps:\n  - bash: echo "##vso[task.setvariable variable=apiToken;issecret=true]$TOKEN"\n` },
      { path: 'azure-pipelines.yml', text: `trigger: [main]\nsteps:\n  - bash: echo "##vso[task.setvariable variable=version]$(cat VERSION)"\n` },
      { path: 'azure-pipelines.yml', text: `trigger: [main]\nsteps:\n  - script: echo "##vso[task.setvariable variable=imageTag;isOutput=true]$(Build.BuildId)"\n` },
    ],
  );

  ruleSuite(
    'gha-secret-in-run',
    [
      { path: GHA, text: workflow(`      - run: npm publish --access public && echo ${'«'}${S('DONE')}${'»'}\n`) },
      { path: GHA, text: workflow(`      - run: |\n          curl -H "X-Api-Key: «${S('API_KEY')}»" https://api.example.com/deploy\n`) },
      { path: GHA, text: workflow(`      - run: ./deploy.sh «${S('DEPLOY_ENV_FILE')}»\n`) },
    ],
    [
      { path: GHA, text: workflow(`      - env:\n          API_KEY: ${S('API_KEY')}\n        run: curl -H "X-Api-Key: $API_KEY" https://api.example.com/deploy\n`) },
      { path: GHA, text: workflow(`      - run: echo "${E('github.sha')}"\n`) },
      { path: GHA, text: workflow(`      - uses: actions/setup-node@v4\n        with:\n          token: ${S('GH_PAT')}\n`) },
      // Tests of a secret yield a boolean or a fixed string, never the secret.
      { path: GHA, text: workflow(`      - run: echo "has_token=${E("secrets.SONAR_TOKEN != ''")}" >> "$GITHUB_OUTPUT"\n`) },
      { path: GHA, text: workflow(`      - run: ./release.sh --mode ${E("secrets.NPM_TOKEN && 'publish' || 'dry-run'")}\n`) },
      { path: GHA, text: workflow(`      - run: if ${E('!secrets.DEPLOY_KEY')}; then echo skip; fi\n`) },
    ],
  );

  ruleSuite(
    'ci-secret-on-command-line',
    [
      { path: GHA, text: workflow(`      - run: docker login -u me --password «${S('DOCKER_PASSWORD')}» ghcr.io\n`) },
      { path: '.gitlab-ci.yml', text: `push:\n  script:\n    - docker login -u "$REG_USER" -p «"$REG_PASSWORD"» registry.example.com\n` },
      { path: GHA, text: workflow(`      - env:\n          PASS: ${S('PASS')}\n        run: curl -u «"deploy:$PASS"» https://example.com/upload\n`) },
      { path: '.gitlab-ci.yml', text: `mirror:\n  script:\n    - git push «https://oauth2:\${MIRROR_TOKEN}@github.com/acme/app.git»\n` },
      { path: 'Jenkinsfile', text: `node {\n  withCredentials([string(credentialsId: 'api', variable: 'API_TOKEN')]) {\n    sh 'deploy «--token=$API_TOKEN»'\n  }\n}\n` },
    ],
    [
      { path: GHA, text: workflow(`      - env:\n          DOCKER_PASSWORD: ${S('DOCKER_PASSWORD')}\n        run: echo "$DOCKER_PASSWORD" | docker login -u me --password-stdin\n`) },
      { path: GHA, text: workflow(`      - run: curl -u "$GITHUB_ACTOR" https://example.com && git clone https://github.com/acme/app.git\n`) },
      { path: '.gitlab-ci.yml', text: `db:\n  script:\n    - psql --password-file=/run/secrets/pg -h db\n    - helm upgrade app ./chart --set image.tag=$CI_COMMIT_SHA\n` },
    ],
  );

  ruleSuite(
    'docker-build-arg-secret',
    [
      { path: GHA, text: workflow(`      - run: docker build --build-arg «NPM_TOKEN=${S('NPM_TOKEN')}» -t app .\n`) },
      { path: '.gitlab-ci.yml', text: `build:\n  script:\n    - docker build --build-arg «GITHUB_TOKEN» -t app .\n` },
      { path: GHA, text: workflow(`      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          build-args: |\n            VERSION=1.2.3\n            «PIP_INDEX_PASSWORD=${S('PIP_PASSWORD')}»\n`) },
      { path: 'docker-compose.yml', text: `services:\n  app:\n    build:\n      context: .\n      args:\n        «NPM_TOKEN: \${NPM_TOKEN}»\n` },
    ],
    [
      { path: GHA, text: workflow(`      - run: docker build --build-arg VERSION=${E('github.ref_name')} -t app .\n`) },
      { path: GHA, text: workflow(`      - uses: docker/build-push-action@v6\n        with:\n          secrets: |\n            npm_token=${S('NPM_TOKEN')}\n`) },
      { path: '.gitlab-ci.yml', text: `build:\n  script:\n    - docker build --secret id=npm,env=NPM_TOKEN --build-arg NODE_ENV=production .\n` },
    ],
  );
});

describe('script finding data', () => {
  it('names the secret, its scope, the job, step and shell, never the value', () => {
    const text = workflow(`      - uses: actions/checkout@v4\n      - env:\n          NPM_TOKEN: ${S('NPM_TOKEN')}\n        run: echo «$NPM_TOKEN»\n`);
    const [f] = expectFindings('ci-secret-print', { path: GHA, text });
    assert.deepEqual(
      { ...f.data },
      { ci: 'github', jobId: 'build', stepIndex: 1, stepName: undefined, shell: 'bash', variable: 'NPM_TOKEN', secretName: 'NPM_TOKEN', envScope: 'step', command: 'echo', derived: undefined },
    );
  });

  it('gives the env name to bind for a secret inlined into run:', () => {
    const [f] = expectFindings('gha-secret-in-run', { path: GHA, text: workflow(`      - shell: pwsh\n        run: ./deploy.ps1 -Key «${S('DEPLOY_KEY')}»\n`) });
    assert.equal(f.data?.suggestedName, 'DEPLOY_KEY');
    assert.equal(f.data?.shell, 'pwsh');
  });
});
