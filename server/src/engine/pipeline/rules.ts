/**
 * The catalogue of structural checks: one RuleInfo per check, shared by every CI adapter.
 * docs/checks.md lists each with an example.
 */
import type { FindingKind, RuleInfo, Severity } from '../types';

function rule(id: string, kind: FindingKind, severity: Severity, title: string, description: string, remediation: string): RuleInfo {
  return { id, kind, severity, title, description, remediation };
}

export const R = {
  envDumpScript: rule('ci-env-dump', 'env-dump', 'warning', 'Environment dumped in a script',
    'Printing the whole environment (env, printenv, export -p, set, Get-ChildItem env:) writes every secret in scope to the job log, where masking is best-effort.',
    'Print only the variables you need by name (printenv HOME PATH), or remove the debugging command.'),
  envDumpCode: rule('code-env-dump', 'env-dump', 'warning', 'Environment dumped by code',
    'Logging the whole process environment (process.env, os.environ, System.getenv(), phpinfo()) sends every secret the process holds to logs and error trackers.',
    'Log only the named, non-secret settings you need, or remove the statement.'),
  secretPrint: rule('ci-secret-print', 'secret-print', 'warning', 'Secret printed to the log',
    'echo/printf/cat/tee of a secret (or of a variable bound from one) writes it to the build log; masking misses encoded, split or transformed values.',
    'Do not print secrets; pass them to the consuming command through stdin or a file with restricted permissions.'),
  xtrace: rule('ci-xtrace-with-secrets', 'secret-print', 'warning', 'Shell tracing with secrets in scope',
    'set -x / bash -x prints every command after expansion, so secrets used in the step appear in the log.',
    'Remove tracing from steps that handle secrets, or turn it off (set +x) around the commands that use them.'),
  codeSecretLog: rule('code-secret-log', 'secret-print', 'warning', 'Secret variable logged by code',
    'A log or print statement includes a variable whose name says it holds a secret (password, apiKey, clientSecret...).',
    'Log a fixed marker or a fingerprint instead of the value (for example "token set: yes").'),
  unmaskedDerived: rule('ci-unmasked-derived-secret', 'missing-mask', 'error', 'Derived secret not masked',
    'A value derived from a secret or produced by a credential command (sts assume-role, print-access-token, vault read, base64 -d, fromJSON(secrets.X)) is not a registered secret, so the runner cannot mask it when it is printed or passed on as an output.',
    'Register it first with echo "::add-mask::$VALUE" right after it is produced, before printing it or writing it to $GITHUB_OUTPUT / $GITHUB_ENV.'),
  maskTooLate: rule('ci-add-mask-too-late', 'missing-mask', 'error', '::add-mask:: after the value was printed',
    '::add-mask:: only masks later log lines; the value was already printed or written before it.',
    'Move the ::add-mask:: command right after the value is produced, before any use of it.'),
  jobOutputSecret: rule('gha-job-output-secret', 'missing-mask', 'warning', 'Secret passed as a job output',
    'Job outputs are stored in plain text with the run; GitHub skips outputs that contain a registered secret, and derived secrets pass unmasked to other jobs.',
    'Fetch the secret again in the consuming job (secrets context or OIDC) instead of passing it through outputs.'),
  azureSetVariable: rule('azure-setvariable-not-secret', 'missing-mask', 'error', 'Azure variable set without issecret=true',
    'A ##vso[task.setvariable] of a secret without issecret=true creates a plain variable that later steps print unmasked.',
    'Add issecret=true: ##vso[task.setvariable variable=NAME;issecret=true]VALUE.'),
  gitlabLiteral: rule('gitlab-variable-literal-secret', 'secret', 'error', 'Literal secret in GitLab variables:',
    'A secret written in .gitlab-ci.yml variables: is visible to everyone with repository access and GitLab cannot mask it in job logs.',
    'Move it to a masked (and protected) CI/CD variable in the project settings and reference it as $NAME; rotate the exposed value.'),
  gitlabUnmaskable: rule('gitlab-unmaskable-secret', 'missing-mask', 'warning', 'GitLab secret value that cannot be masked',
    'GitLab masks only values of 8 or more characters from its masking alphabet, with no spaces; this secret would print in clear text.',
    'Use a longer random value made of letters, digits and @:.~-_+/= characters, store it as a masked CI/CD variable, and rotate it.'),
  circleciUnmaskable: rule('circleci-unmaskable-secret', 'secret', 'warning', 'CircleCI secret that is not masked',
    'CircleCI masks project and context variables only, and only values of 4 or more characters; a literal in config.yml environment: is never masked.',
    'Move the value to a project environment variable or a context (at least 4 characters) and rotate it.'),
  debugLogging: rule('ci-debug-logging', 'secret-print', 'warning', 'Debug logging enabled in the pipeline',
    'ACTIONS_STEP_DEBUG / ACTIONS_RUNNER_DEBUG, CI_DEBUG_TRACE / CI_DEBUG_SERVICES and Azure system.debug print variables and commands, secrets included, to the log.',
    'Remove the setting from the file; enable debug logging for a single re-run from the CI UI when needed.'),
  secretsContext: rule('gha-secrets-context-exposed', 'exposure', 'error', 'Whole secrets context exposed',
    'toJSON(secrets) or a computed index secrets[...] hands every repository and organisation secret to the step, not just the one it needs.',
    'Reference each secret by name: ${{ secrets.NAME }}.'),
  secretsInherit: rule('gha-secrets-inherit', 'exposure', 'warning', 'secrets: inherit passes every secret',
    'secrets: inherit gives the called workflow every secret of the caller, whatever it needs.',
    'Pass only the secrets the called workflow declares: secrets: { NAME: ${{ secrets.NAME }} }.'),
  envTooBroad: rule('gha-secret-env-too-broad', 'exposure', 'warning', 'Secret in workflow/job env used by one step',
    'A secret in workflow-level or job-level env: is visible to every step (and every action) in scope, though only one step uses it.',
    'Move the variable into the env: of the step that uses it.'),
  secretInRun: rule('gha-secret-in-run', 'exposure', 'warning', 'Secret expression inlined into run:',
    '${{ secrets.X }} in a run: script is pasted into the script text before the shell runs: it lands in the script file on disk, breaks on quotes, and can be echoed by tracing.',
    'Bind it in the step env: (env: { TOKEN: ${{ secrets.X }} }) and use "$TOKEN" in the script.'),
  commandLine: rule('ci-secret-on-command-line', 'exposure', 'warning', 'Secret passed on a command line',
    'A secret in command arguments (--password, -p, curl -u, https://user:secret@host) is visible in the process list, shell history and tracing output.',
    'Pass it through stdin (--password-stdin), an environment variable the tool reads, or a credentials file.'),
  untrustedCheckout: rule('gha-untrusted-checkout-with-secrets', 'exposure', 'error', 'Untrusted pull request code runs with secrets',
    'A pull_request_target or workflow_run job checks out the pull request head and has secrets in scope: code from a fork runs with those secrets.',
    'Do not check out the head in privileged jobs; build untrusted code in a pull_request workflow without secrets and pass artifacts to a separate privileged job.'),
  buildArg: rule('docker-build-arg-secret', 'exposure', 'error', 'Secret passed as a Docker build argument',
    'Build arguments are recorded in the image history and metadata; anyone who can pull the image can read them.',
    'Use BuildKit secrets: docker build --secret id=NAME,env=NAME and RUN --mount=type=secret,id=NAME in the Dockerfile (build-push-action: secrets:).'),
  jenkinsInterpolation: rule('jenkins-groovy-credential-interpolation', 'exposure', 'warning', 'Jenkins credential interpolated by Groovy',
    'A credential variable inside a double-quoted Groovy string is interpolated before the shell runs, so it appears in the command line and process list (Jenkins warns about this).',
    "Use a single-quoted string and let the shell expand it: sh 'curl -u \"$USER:$PASS\" ...'."),
  awsStaticKeys: rule('gha-aws-static-keys', 'access-model', 'warning', 'Long-lived AWS keys where OIDC is available',
    'configure-aws-credentials is given an access key pair that lives until someone rotates it; GitHub OIDC gives short-lived credentials instead.',
    'Create an IAM role trusting token.actions.githubusercontent.com, use role-to-assume, grant permissions: id-token: write, then delete the key pair.'),
  gcpCredentialsJson: rule('gha-gcp-credentials-json', 'access-model', 'warning', 'Service account key where workload identity is available',
    'google-github-actions/auth with credentials_json uses a long-lived service account key.',
    'Set up Workload Identity Federation and use workload_identity_provider + service_account with permissions: id-token: write; delete the key.'),
  azureLoginCreds: rule('gha-azure-login-creds', 'access-model', 'warning', 'Azure client secret where OIDC is available',
    'azure/login with creds uses a service principal client secret that expires and leaks; federated credentials need no secret.',
    'Add a federated credential to the app registration and use client-id, tenant-id and subscription-id with permissions: id-token: write.'),
  publishToken: rule('publish-with-long-lived-token', 'access-model', 'warning', 'Package published with a long-lived token',
    'PyPI, npm, crates.io and RubyGems support trusted publishing from CI with short-lived OIDC tokens; a stored API token can publish from anywhere until revoked.',
    'Configure trusted publishing for the package on the registry, grant permissions: id-token: write, remove the token input and revoke the token.'),
  gitlabStaticCloudKeys: rule('gitlab-static-cloud-keys', 'access-model', 'warning', 'Static cloud keys in a GitLab job',
    'The job authenticates to a cloud with long-lived keys where GitLab id_tokens (OIDC) can give short-lived credentials.',
    'Declare id_tokens: in the job and exchange the token (AWS AssumeRoleWithWebIdentity, GCP workload identity, Azure federated credentials); delete the keys.'),
  oidcPermission: rule('gha-oidc-missing-permission', 'access-model', 'error', 'OIDC login without id-token: write',
    'The step requests a GitHub OIDC token, but neither the job nor the workflow grants permissions: id-token: write, so the login fails (and people fall back to stored keys).',
    'Add permissions: { id-token: write, contents: read } to the job.'),
  dockerfileSecretEnv: rule('dockerfile-secret-env-arg', 'exposure', 'error', 'Secret in Dockerfile ENV/ARG',
    'ENV and ARG values are stored in image layers and history; anyone who can pull the image can read them.',
    'Use RUN --mount=type=secret,id=NAME and pass it with docker build --secret id=NAME,env=NAME.'),
  dockerfileCopySecret: rule('dockerfile-copy-secret-file', 'exposure', 'error', 'Credential file copied into the image',
    'COPY/ADD of .env files, private keys or credential files bakes them into an image layer, even if a later step deletes them.',
    'Mount the file at build time (RUN --mount=type=secret,id=NAME,target=PATH), and add it to .dockerignore.'),
  composeLiteral: rule('compose-literal-secret', 'secret', 'error', 'Literal secret in docker-compose environment:',
    'A secret written into docker-compose environment: is committed with the file and visible in docker inspect.',
    'Use ${NAME} from an uncommitted .env file or Compose secrets:, and rotate the value.'),
} as const;

export const allPipelineRules: RuleInfo[] = Object.values(R);

/**
 * Checks whose finding spans a literal secret value (not an expression or a command): fixes replace
 * it like a hard-coded secret, and the inventory lists it as hard-coded. All but the GitLab
 * "cannot be masked" check (a weak value under a secret name) are of kind `secret`: the value of a
 * secret is written in the file, and JSON and SARIF readers that look for hard-coded secrets by kind
 * must find them (see SPECIFIC_LITERAL_PRIORITY in scan.ts for how they meet generic findings).
 */
export const LITERAL_SECRET_RULE_IDS: ReadonlySet<string> = new Set([
  R.gitlabLiteral.id,
  R.composeLiteral.id,
  R.circleciUnmaskable.id,
  R.gitlabUnmaskable.id,
]);
