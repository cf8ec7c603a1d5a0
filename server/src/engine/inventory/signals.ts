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

/**
 * Each text signal with literals one of which every match contains (exact case): a regex made of
 * alternatives scans slowly, so it runs only on texts holding one of its literals.
 */
const TEXT_SIGNALS: [RegExp, Signal, string[]][] = [
  [/aws-actions\/configure-aws-credentials|\baws\s+(?:s3|sts|ecr|ecs|eks|lambda|cloudformation|ssm)\b|provider\s+"aws"|\bAWS_REGION\b|arn:aws:/, 'aws', ['aws', 'AWS_REGION']],
  [/google-github-actions\/|\bgcloud\s|provider\s+"google"|\bGOOGLE_APPLICATION_CREDENTIALS\b/, 'gcp', ['google', 'gcloud', 'GOOGLE_APPLICATION_CREDENTIALS']],
  [/azure\/login|\baz\s+(?:login|account|keyvault|webapp|acr|aks)\b|provider\s+"azurerm"|AzureCLI@|AzureKeyVault@/, 'azure', ['az', 'Azure']],
  [/\bkind:\s*(?:Deployment|Secret|StatefulSet|Pod)\b|\bkubectl\s|\bhelm\s/, 'kubernetes', ['kind:', 'kubectl', 'helm']],
  [/\bvault:|hashicorp\/vault-action|\bvault\s+(?:kv|read|write|login)\b|\bVAULT_ADDR\b/, 'vault', ['vault', 'VAULT_ADDR']],
  [/\bop:\/\/|1password\/load-secrets-action|\bop\s+(?:read|run|inject)\b/, '1password', ['op']],
  [/\bdoppler\s+(?:run|secrets)\b|dopplerhq\//, 'doppler', ['doppler']],
  [/secretsmanager|\{\{resolve:secretsmanager/, 'aws-secrets-manager', ['secretsmanager']],
  [/projects\/[\w-]+\/secrets\/|secretmanager\.googleapis|google-github-actions\/get-secretmanager-secrets/, 'gcp-secret-manager', ['/secrets/', 'secretmanager']],
  [/@Microsoft\.KeyVault\(|\.vault\.azure\.net|AzureKeyVault@/, 'azure-key-vault', ['@Microsoft.KeyVault(', '.vault.azure.net', 'AzureKeyVault@']],
  [/id-token:\s*write|\bid_tokens:|role-to-assume|workload_identity_provider/, 'oidc', ['id-token:', 'id_tokens:', 'role-to-assume', 'workload_identity_provider']],
];

export function platformSignals(path: string, text: string): Signal[] {
  const out = new Set<Signal>();
  for (const [re, s] of PATH_SIGNALS) if (re.test(path)) out.add(s);
  // Only look at a bounded head of very large files: signals live in config, not in data.
  const head = text.length > 262_144 ? text.slice(0, 262_144) : text;
  for (const [re, s, literals] of TEXT_SIGNALS) if (literals.some((l) => head.includes(l)) && re.test(head)) out.add(s);
  return [...out];
}
