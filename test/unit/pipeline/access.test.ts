import { strict as assert } from 'node:assert';
import { expectFindings, GHA, ruleSuite, workflow } from './harness';

const S = (name: string) => '${{ secrets.' + name + ' }}';
const PERMS = `permissions:\n  id-token: write\n  contents: read\n`;

describe('access model checks', () => {
  ruleSuite(
    'gha-aws-static-keys',
    [
      { path: GHA, text: workflow(`      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ${S('AWS_ACCESS_KEY_ID')}\n          «aws-secret-access-key: ${S('AWS_SECRET_ACCESS_KEY')}»\n          aws-region: eu-west-1\n`) },
      { path: GHA, text: workflow(`      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          «aws-secret-access-key: ${S('PROD_SECRET')}»\n          aws-access-key-id: ${S('PROD_KEY')}\n          aws-region: us-east-1\n`) },
      { path: '.github/actions/deploy/action.yml', text: `name: deploy\nruns:\n  using: composite\n  steps:\n    - uses: aws-actions/configure-aws-credentials@v4\n      with:\n        «aws-secret-access-key: \${{ inputs.secret }}»\n        aws-access-key-id: \${{ inputs.key }}\n` },
    ],
    [
      { path: GHA, text: workflow(`      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/gha\n          aws-region: eu-west-1\n`, PERMS) },
      { path: GHA, text: workflow(`      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n`) },
      { path: GHA, text: workflow(`      - run: aws s3 ls\n        env:\n          AWS_REGION: eu-west-1\n`) },
    ],
  );

  ruleSuite(
    'gha-gcp-credentials-json',
    [
      { path: GHA, text: workflow(`      - uses: google-github-actions/auth@v2\n        with:\n          «credentials_json: ${S('GCP_SA_KEY')}»\n`) },
      { path: GHA, text: workflow(`      - id: auth\n        uses: google-github-actions/auth@v1\n        with:\n          «credentials_json: '${S('GCP_CREDENTIALS')}'»\n          project_id: acme\n`) },
      { path: GHA, text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: google-github-actions/auth@v2\n        with:\n          project_id: acme\n          «credentials_json: \${{ secrets.SA }}»\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo b\n` },
    ],
    [
      { path: GHA, text: workflow(`      - uses: google-github-actions/auth@v2\n        with:\n          workload_identity_provider: projects/1/locations/global/workloadIdentityPools/gh/providers/gh\n          service_account: ci@acme.iam.gserviceaccount.com\n`, PERMS) },
      { path: GHA, text: workflow(`      - uses: google-github-actions/setup-gcloud@v2\n`) },
      { path: GHA, text: workflow(`      - run: echo "credentials_json is deprecated here"\n`) },
    ],
  );

  ruleSuite(
    'gha-azure-login-creds',
    [
      { path: GHA, text: workflow(`      - uses: azure/login@v2\n        with:\n          «creds: ${S('AZURE_CREDENTIALS')}»\n`) },
      { path: GHA, text: workflow(`      - uses: Azure/login@v1\n        with:\n          «creds: '${S('AZ_SP')}'»\n          enable-AzPSSession: true\n`) },
      { path: GHA, text: `on: push\njobs:\n  deploy:\n    runs-on: windows-latest\n    steps:\n      - uses: azure/login@v2\n        with:\n          «creds: \${{ secrets.SP }}»\n` },
    ],
    [
      { path: GHA, text: workflow(`      - uses: azure/login@v2\n        with:\n          client-id: ${S('AZURE_CLIENT_ID')}\n          tenant-id: ${S('AZURE_TENANT_ID')}\n          subscription-id: ${S('AZURE_SUBSCRIPTION_ID')}\n`, PERMS) },
      { path: GHA, text: workflow(`      - uses: azure/webapps-deploy@v3\n        with:\n          app-name: acme\n`) },
      { path: GHA, text: workflow(`      - uses: azure/setup-kubectl@v4\n`) },
    ],
  );

  ruleSuite(
    'publish-with-long-lived-token',
    [
      { path: GHA, text: workflow(`      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          «password: ${S('PYPI_API_TOKEN')}»\n`) },
      { path: GHA, text: workflow(`      - run: npm publish --access public\n        env:\n          «NODE_AUTH_TOKEN: ${S('NPM_TOKEN')}»\n`) },
      { path: GHA, text: workflow(`      - run: cargo publish\n        env:\n          «CARGO_REGISTRY_TOKEN: ${S('CRATES_TOKEN')}»\n`) },
      { path: GHA, text: workflow(`      - run: gem push *.gem\n        env:\n          «GEM_HOST_API_KEY: ${S('RUBYGEMS_KEY')}»\n`) },
      { path: GHA, text: workflow(`      - run: twine upload dist/*\n        env:\n          TWINE_USERNAME: __token__\n          «TWINE_PASSWORD: ${S('PYPI')}»\n`) },
    ],
    [
      { path: GHA, text: `on: push\njobs:\n  pypi:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n` },
      { path: GHA, text: workflow(`      - run: npm ci && npm test\n        env:\n          NODE_AUTH_TOKEN: ${S('NPM_READ_TOKEN')}\n`) },
      { path: GHA, text: workflow(`      - run: npm publish --provenance --access public\n`, PERMS) },
      // GitHub Packages with the workflow's own token; another registry than the public one.
      { path: GHA, text: workflow(`      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://npm.pkg.github.com\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${S('GITHUB_TOKEN')}\n`) },
      { path: GHA, text: workflow(`      - run: twine upload --repository-url https://artifactory.internal.net/api/pypi/pypi-local dist/*\n        env:\n          TWINE_PASSWORD: ${S('ARTIFACTORY_TOKEN')}\n`) },
      { path: GHA, text: workflow(`      - run: gem push --host https://rubygems.pkg.github.com/acme *.gem\n        env:\n          GEM_HOST_API_KEY: ${S('PACKAGES_TOKEN')}\n`) },
    ],
  );

  ruleSuite(
    'gha-oidc-missing-permission',
    [
      { path: GHA, text: workflow(`      - uses: «aws-actions/configure-aws-credentials@v4»\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/gha\n          aws-region: eu-west-1\n`) },
      { path: GHA, text: workflow(`      - uses: «google-github-actions/auth@v2»\n        with:\n          workload_identity_provider: projects/1/locations/global/workloadIdentityPools/gh/providers/gh\n`, `permissions:\n  contents: read\n`) },
      { path: GHA, text: `on: push\npermissions:\n  id-token: write\njobs:\n  d:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n      - uses: «azure/login@v2»\n        with:\n          client-id: x\n          tenant-id: y\n          subscription-id: z\n` },
      { path: GHA, text: workflow(`      - uses: «pypa/gh-action-pypi-publish@release/v1»\n`) },
    ],
    [
      { path: GHA, text: workflow(`      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/gha\n          aws-region: eu-west-1\n`, PERMS) },
      { path: GHA, text: `on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n    steps:\n      - uses: google-github-actions/auth@v2\n        with:\n          workload_identity_provider: p\n` },
      { path: GHA, text: workflow(`      - uses: azure/login@v2\n        with:\n          client-id: x\n          tenant-id: y\n          subscription-id: z\n`, `permissions: write-all\n`) },
      { path: GHA, text: 'on:\n  workflow_call:\n    inputs:\n      env: { type: string }\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/deploy\n          aws-region: eu-west-1\n' },
    ],
  );

  ruleSuite(
    'gitlab-static-cloud-keys',
    [
      { path: '.gitlab-ci.yml', text: `deploy:\n  variables:\n    «AWS_SECRET_ACCESS_KEY: $PROD_AWS_SECRET»\n  script:\n    - aws s3 sync dist s3://acme-site\n` },
      { path: '.gitlab-ci.yml', text: `deploy:\n  script:\n    - «gcloud auth activate-service-account --key-file=$GCP_KEY_FILE»\n    - gcloud run deploy app\n` },
      { path: '.gitlab-ci.yml', text: `deploy:\n  script:\n    - «az login --service-principal -u $AZ_APP_ID -p $AZ_SECRET --tenant $AZ_TENANT»\n` },
      { path: '.gitlab-ci.yml', text: `deploy:\n  script:\n    - «aws configure set aws_secret_access_key "$KEY"»\n` },
    ],
    [
      { path: '.gitlab-ci.yml', text: `deploy:\n  id_tokens:\n    AWS_TOKEN:\n      aud: https://gitlab.example.com\n  variables:\n    ROLE_ARN: arn:aws:iam::123456789012:role/gl\n  script:\n    - aws sts assume-role-with-web-identity --role-arn $ROLE_ARN --web-identity-token $AWS_TOKEN --role-session-name gl > creds.json\n` },
      { path: '.gitlab-ci.yml', text: `deploy:\n  id_tokens:\n    GCP_TOKEN:\n      aud: https://iam.googleapis.com/x\n  script:\n    - gcloud auth login --cred-file=$CRED_CONFIG\n` },
      { path: '.gitlab-ci.yml', text: `deploy:\n  script:\n    - az login --service-principal -u $AZ_APP_ID --tenant $AZ_TENANT --federated-token "$GL_TOKEN"\n` },
      // id_tokens from a template the job extends: the keys configured are the role's temporary ones.
      {
        path: '.gitlab-ci.yml',
        text: `.aws-oidc:\n  id_tokens:\n    AWS_TOKEN:\n      aud: https://gitlab.example.com\ndeploy:\n  extends: .aws-oidc\n  script:\n    - CREDS=$(aws sts assume-role-with-web-identity --role-arn $ROLE_ARN --web-identity-token $AWS_TOKEN --role-session-name gl)\n    - aws configure set aws_secret_access_key "$(echo "$CREDS" | jq -r .Credentials.SecretAccessKey)"\n`,
      },
    ],
  );

  it('access-model data names the inputs to switch to', () => {
    const [f] = expectFindings('gha-aws-static-keys', {
      path: GHA,
      text: workflow(`      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          «aws-secret-access-key: ${S('K')}»\n`),
    });
    assert.deepEqual(f.data?.suggestedInputs, ['role-to-assume', 'aws-region']);
    assert.equal(f.data?.stepIndex, 0);
    assert.equal(f.data?.jobId, 'build');
  });
});
