import { strict as assert } from 'node:assert';
import { ALNUM, chars, checksummedToken, token } from '../../../server/src/engine/rules/fake';
import { expectFindings, ruleSuite, scan } from './harness';

/** Generated, visibly fake secret values (never committed as literals). */
const fake = (label: string, length = 24) => chars(ALNUM, length, `pipeline-test:${label}`);
const fakePassword = (label: string) => `${chars(ALNUM, 6, label)}-${chars('!#%&*+', 2, label)}${chars('0123456789', 3, label)}`;

describe('literal secrets in CI and container files', () => {
  ruleSuite(
    'gitlab-variable-literal-secret',
    [
      { path: '.gitlab-ci.yml', text: `variables:\n  API_TOKEN: "«${fake('gl1')}»"\ntest:\n  script: [make test]\n` },
      { path: '.gitlab-ci.yml', text: `deploy:\n  variables:\n    DEPLOY_PASSWORD: «${fakePassword('gl2')}»\n  script: [./deploy.sh]\n` },
      { path: 'ci/deploy.gitlab-ci.yml', text: `.deploy:\n  variables:\n    SENTRY_AUTH_TOKEN:\n      value: "«${fake('gl3', 40)}»"\n  script:\n    - sentry-cli releases new "$CI_COMMIT_SHA"\n` },
    ],
    [
      { path: '.gitlab-ci.yml', text: `variables:\n  API_TOKEN: $PROJECT_API_TOKEN\n  DOCKER_DRIVER: overlay2\ntest:\n  script: [make test]\n` },
      { path: '.gitlab-ci.yml', text: `variables:\n  DB_PASSWORD: "changeme"\n  POSTGRES_PASSWORD: postgres\ntest:\n  script: [make test]\n` },
      { path: '.gitlab-ci.yml', text: `variables:\n  VAULT_ADDR: https://vault.example.com\n  TOKEN_PATH: secret/data/ci\ntest:\n  script: [make test]\n` },
    ],
  );

  ruleSuite(
    'gitlab-unmaskable-secret',
    [
      { path: '.gitlab-ci.yml', text: `variables:\n  ADMIN_PASSWORD: "«${chars(ALNUM, 6, 'u1')}»"\ntest:\n  script: [make test]\n` },
      { path: '.gitlab-ci.yml', text: `test:\n  variables:\n    SMTP_PASSWORD: "«${chars('abcdefgh', 4, 'u2')} ${chars('abcdefgh', 5, 'u3')}»"\n  script: [make test]\n` },
      { path: '.gitlab-ci.yml', text: `test:\n  variables:\n    API_SECRET: «${chars('abcdefgh', 5, 'u4')}2»\n  script: [make test]\n` },
    ],
    [
      { path: '.gitlab-ci.yml', text: `variables:\n  ADMIN_PASSWORD: $ADMIN_PASSWORD_MASKED\ntest:\n  script: [make test]\n` },
      { path: '.gitlab-ci.yml', text: `variables:\n  MYSQL_ROOT_PASSWORD: root\ntest:\n  services: [mysql:8]\n  script: [make test]\n` },
      { path: '.gitlab-ci.yml', text: `variables:\n  USE_TOKEN_AUTH: "true"\n  TOKEN_TTL: "3600"\ntest:\n  script: [make test]\n` },
    ],
  );

  ruleSuite(
    'circleci-unmaskable-secret',
    [
      { path: '.circleci/config.yml', text: `version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/base:2024.01\n    environment:\n      API_KEY: "«${chars(ALNUM, 3, 'c1')}»"\n    steps: [checkout]\n` },
      { path: '.circleci/config.yml', text: `version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/node:20.11\n        environment:\n          NPM_TOKEN: «${checksummedToken('npm_', 'c2')}»\n    steps: [checkout]\n` },
      { path: '.circleci/config.yml', text: `version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/base:2024.01\n    steps:\n      - run:\n          command: make deploy\n          environment:\n            DEPLOY_PASSWORD: "«${fakePassword('c3')}»"\n` },
    ],
    [
      { path: '.circleci/config.yml', text: `version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/base:2024.01\n    environment:\n      API_KEY: \${API_KEY}\n    steps: [checkout]\n` },
      { path: '.circleci/config.yml', text: `version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/postgres:16.1\n        environment:\n          POSTGRES_PASSWORD: circle\n    steps: [checkout]\n` },
      { path: '.circleci/config.yml', text: `version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/base:2024.01\n    environment:\n      NODE_ENV: production\n      TOKEN_URL: https://auth.example.com/token\n    steps: [checkout]\n` },
    ],
  );

  ruleSuite(
    'compose-literal-secret',
    [
      { path: 'docker-compose.yml', text: `services:\n  api:\n    image: acme/api\n    environment:\n      STRIPE_SECRET_KEY: «${token('sk_test_', 24, ALNUM, 'd1')}»\n` },
      { path: 'compose.yaml', text: `services:\n  api:\n    image: acme/api\n    environment:\n      - DB_PASSWORD=«${fakePassword('d2')}»\n      - LOG_LEVEL=info\n` },
      { path: 'docker-compose.prod.yml', text: `services:\n  worker:\n    image: acme/worker\n    environment:\n      JWT_SECRET: "«${fake('d3', 32)}»"\n` },
    ],
    [
      { path: 'docker-compose.yml', text: `services:\n  api:\n    image: acme/api\n    environment:\n      STRIPE_SECRET_KEY: \${STRIPE_SECRET_KEY}\n      DB_PASSWORD: \${DB_PASSWORD:?set it in .env}\n` },
      { path: 'docker-compose.yml', text: `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n      POSTGRES_USER: app\n` },
      { path: 'docker-compose.yml', text: `services:\n  api:\n    image: acme/api\n    environment:\n      - API_URL=http://api:8080/v1\n      - PASSWORD_FILE=/run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./db_password.txt\n` },
    ],
  );

  ruleSuite(
    'dockerfile-secret-env-arg',
    [
      { path: 'Dockerfile', text: `FROM node:20-alpine\nARG «NPM_TOKEN»\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci\n` },
      { path: 'build/api.dockerfile', text: `FROM python:3.12-slim\nENV «DJANGO_SECRET_KEY=${fake('k1', 40)}» \\\n    PYTHONUNBUFFERED=1\n` },
      { path: 'Containerfile', text: `FROM golang:1.22\nARG «GITHUB_TOKEN=""»\nENV «GOPRIVATE_TOKEN $GITHUB_TOKEN»\n` },
      { path: 'Dockerfile.prod', text: `FROM alpine\nENV APP_SETTING=«${fake('k4', 32)}»\n`.replace('APP_SETTING=«', '«APP_SETTING=') },
    ],
    [
      { path: 'Dockerfile', text: `FROM node:20-alpine\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\nENV NODE_ENV=production\n` },
      { path: 'Dockerfile', text: `FROM python:3.12\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\nENV PASSWORD_FILE=/run/secrets/db\n` },
      { path: 'Dockerfile', text: `FROM alpine\nARG VERSION=1.2.3\nARG TARGETPLATFORM\nENV PATH=/app/bin:$PATH\n` },
      { path: 'Dockerfile', text: `FROM node:20 AS build\nARG VITE_GOOGLE_MAPS_API_KEY\nARG NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY\nARG REACT_APP_FIREBASE_API_KEY\nRUN npm run build\n` },
      { path: 'Dockerfile', text: `FROM node:20\nENV NODE_OPTIONS=--max-old-space-size=4096\nENV MYSQL_ALLOW_EMPTY_PASSWORD=yes\nARG SECRET_KEY_BASE_DUMMY=1\nENV SESSION_SECRET_ROTATION_DAYS=30\n` },
    ],
  );

  ruleSuite(
    'dockerfile-copy-secret-file',
    [
      { path: 'Dockerfile', text: `FROM node:20\nWORKDIR /app\nCOPY package.json «.env» ./\n` },
      { path: 'Dockerfile', text: `FROM alpine\nCOPY «id_rsa» /root/.ssh/id_rsa\nRUN git clone git@github.com:acme/private.git\n` },
      { path: 'Dockerfile', text: `FROM nginx\nADD --chown=nginx «certs/server.key» /etc/nginx/\nCOPY «gcp-key.json» /secrets/\n` },
    ],
    [
      { path: 'Dockerfile', text: `FROM node:20\nCOPY package*.json ./\nCOPY . .\nCOPY .env.example .env.example\n` },
      { path: 'Dockerfile', text: `FROM alpine\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n` },
      { path: 'Dockerfile', text: `FROM nginx\nCOPY nginx.conf /etc/nginx/nginx.conf\nCOPY --from=build /app/dist /usr/share/nginx/html\n` },
      { path: 'Dockerfile', text: `FROM python:3.12\nCOPY deploy/certs/ca.pem /usr/local/share/ca-certificates/\nCOPY certs/fullchain.pem certs/jwt-public.pem /etc/app/\nADD https://truststore.example.net/global-bundle.pem /etc/ssl/rds/\n` },
    ],
  );

  ruleSuite(
    'jenkins-groovy-credential-interpolation',
    [
      { path: 'Jenkinsfile', text: `pipeline {\n  agent any\n  stages {\n    stage('deploy') {\n      steps {\n        withCredentials([string(credentialsId: 'api-token', variable: 'TOKEN')]) {\n          sh "curl -H 'Authorization: Bearer «\${TOKEN}»' https://api.example.com"\n        }\n      }\n    }\n  }\n}\n` },
      { path: 'Jenkinsfile', text: `node {\n  withCredentials([usernamePassword(credentialsId: 'reg', usernameVariable: 'USER', passwordVariable: 'PASS')]) {\n    sh """\n      docker login -u «$USER» -p «$PASS» registry.example.com\n    """\n  }\n}\n` },
      { path: 'ci/release.jenkinsfile', text: `pipeline {\n  environment {\n    NEXUS = credentials('nexus')\n  }\n  stages {\n    stage('p') { steps { sh "mvn deploy -Dpassword=«\${NEXUS_PSW}»" } }\n  }\n}\n` },
    ],
    [
      { path: 'Jenkinsfile', text: `node {\n  withCredentials([string(credentialsId: 'api-token', variable: 'TOKEN')]) {\n    sh 'curl -H "Authorization: Bearer $TOKEN" https://api.example.com'\n  }\n}\n` },
      { path: 'Jenkinsfile', text: `node {\n  withCredentials([string(credentialsId: 'api-token', variable: 'TOKEN')]) {\n    sh "curl -H \\"Authorization: Bearer \\$TOKEN\\" https://api.example.com"\n  }\n}\n` },
      { path: 'Jenkinsfile', text: `pipeline {\n  stages {\n    stage('b') { steps { sh "make VERSION=\${env.BUILD_NUMBER}" } }\n  }\n}\n` },
    ],
  );

  it('never repeats a literal value in messages or data', () => {
    const value = fake('no-echo', 30);
    const text = `variables:\n  API_TOKEN: "${value}"\ntest:\n  script: [make test]\n`;
    const findings = scan('.gitlab-ci.yml', text);
    assert.ok(findings.some((f) => f.ruleId === 'gitlab-variable-literal-secret'));
    for (const f of findings) {
      assert.ok(!f.message.includes(value) && !JSON.stringify(f.data ?? {}).includes(value) && !f.preview.includes(value));
    }
  });

  it('GitLab literal data says whether GitLab could mask it', () => {
    const [f] = expectFindings('gitlab-variable-literal-secret', { path: '.gitlab-ci.yml', text: `variables:\n  DEPLOY_PASSWORD: «${fakePassword('m1')}»\nx:\n  script: [make]\n` });
    assert.equal(f.data?.maskable, false);
    assert.equal(f.data?.unmaskableReason, 'has characters outside the masking alphabet');
  });
});
