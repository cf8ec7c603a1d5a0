/**
 * Platform signals of a workspace, for the report's backend and access-model recommendation:
 * which CI systems run, which clouds are deployed to, which secret backends are already in use.
 */
export type Signal =
  | 'github-actions' | 'gitlab-ci' | 'azure-pipelines' | 'circleci' | 'bitbucket' | 'jenkins'
  | 'aws' | 'gcp' | 'azure' | 'kubernetes' | 'docker'
  | 'vault' | '1password' | 'doppler' | 'aws-secrets-manager' | 'gcp-secret-manager' | 'azure-key-vault'
  | 'oidc';

const PATH_SIGNALS: [RegExp, Signal][] = [
  [/^\.github\/workflows\/[^/]+\.ya?ml$/, 'github-actions'],
  [/(?:^|\/)\.gitlab-ci\.ya?ml$/, 'gitlab-ci'],
  [/(?:^|\/)azure-pipelines[^/]*\.ya?ml$/, 'azure-pipelines'],
  [/^\.circleci\/config\.ya?ml$/, 'circleci'],
  [/(?:^|\/)bitbucket-pipelines\.ya?ml$/, 'bitbucket'],
  [/(?:^|\/)Jenkinsfile[^/]*$/, 'jenkins'],
  [/(?:^|\/)(?:Dockerfile|Containerfile)[^/]*$|\.dockerfile$|(?:^|\/)(?:docker-)?compose[^/]*\.ya?ml$/i, 'docker'],
];

const TEXT_SIGNALS: [RegExp, Signal][] = [
  [/aws-actions\/configure-aws-credentials|\baws\s+(?:s3|sts|ecr|ecs|eks|lambda|cloudformation|ssm)\b|provider\s+"aws"|\bAWS_REGION\b|arn:aws:/, 'aws'],
  [/google-github-actions\/|\bgcloud\s|provider\s+"google"|\bGOOGLE_APPLICATION_CREDENTIALS\b/, 'gcp'],
  [/azure\/login|\baz\s+(?:login|account|keyvault|webapp|acr|aks)\b|provider\s+"azurerm"|AzureCLI@|AzureKeyVault@/, 'azure'],
  [/\bkind:\s*(?:Deployment|Secret|StatefulSet|Pod)\b|\bkubectl\s|\bhelm\s/, 'kubernetes'],
  [/\bvault:|hashicorp\/vault-action|\bvault\s+(?:kv|read|write|login)\b|\bVAULT_ADDR\b/, 'vault'],
  [/\bop:\/\/|1password\/load-secrets-action|\bop\s+(?:read|run|inject)\b/, '1password'],
  [/\bdoppler\s+(?:run|secrets)\b|dopplerhq\//, 'doppler'],
  [/secretsmanager|\{\{resolve:secretsmanager/, 'aws-secrets-manager'],
  [/projects\/[\w-]+\/secrets\/|secretmanager\.googleapis|google-github-actions\/get-secretmanager-secrets/, 'gcp-secret-manager'],
  [/@Microsoft\.KeyVault\(|\.vault\.azure\.net|AzureKeyVault@/, 'azure-key-vault'],
  [/id-token:\s*write|\bid_tokens:|role-to-assume|workload_identity_provider/, 'oidc'],
];

export function platformSignals(path: string, text: string): Signal[] {
  const out = new Set<Signal>();
  for (const [re, s] of PATH_SIGNALS) if (re.test(path)) out.add(s);
  // Only look at a bounded head of very large files: signals live in config, not in data.
  const head = text.length > 262_144 ? text.slice(0, 262_144) : text;
  for (const [re, s] of TEXT_SIGNALS) if (re.test(head)) out.add(s);
  return [...out];
}
