import { toKebab } from './naming';
import { BACKENDS, type Backend, type BackendSettings } from './types';

const DEFAULT_TEMPLATES: Record<Backend, string> = {
  env: '{NAME}',
  github: '{NAME}',
  gitlab: '{NAME}',
  doppler: '{NAME}',
  vault: '{project}/{name}',
  aws: '{project}/{NAME}',
  gcp: '{NAME}',
  azure: '{name}',
  '1password': '{project}/{NAME}',
};

/** Reads `secretHygiene.backend` / `secretHygiene.nameTemplate` leniently (bad values -> env). */
export function resolveBackendSettings(raw: unknown, project?: string): BackendSettings {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const backend = BACKENDS.includes(input.backend as Backend) ? (input.backend as Backend) : 'env';
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    backend,
    nameTemplate: str(input.nameTemplate),
    project: str(input.project) ?? project,
    vaultMount: str(input.vaultMount),
    gcpProject: str(input.gcpProject),
    azureVault: str(input.azureVault),
    onePasswordVault: str(input.onePasswordVault),
  };
}

/** The secret's name in the manager, from the naming template. */
export function managerName(envName: string, settings: BackendSettings): string {
  const template = settings.nameTemplate ?? DEFAULT_TEMPLATES[settings.backend];
  const project = toKebab(settings.project ?? 'app') || 'app';
  return template.replace(/\{NAME\}/g, envName).replace(/\{name\}/g, toKebab(envName)).replace(/\{project\}/g, project);
}

/** Where the secret lives in the configured manager, as that manager's tools write it. */
export function managerReference(envName: string, settings: BackendSettings): string {
  const name = managerName(envName, settings);
  switch (settings.backend) {
    case 'vault':
      return `${settings.vaultMount ?? 'secret'}/data/${name}#value`;
    case 'aws':
      return name;
    case 'gcp':
      return `projects/${settings.gcpProject ?? 'PROJECT_ID'}/secrets/${name}/versions/latest`;
    case 'azure':
      return `https://${settings.azureVault ?? 'VAULT_NAME'}.vault.azure.net/secrets/${name}/`;
    case '1password':
      return `op://${settings.onePasswordVault ?? 'Private'}/${name.includes('/') ? name : `${name}/credential`}`;
    default:
      return name;
  }
}

/**
 * Placeholder for `.env.example`: empty for plain env backends, a reference the manager's CLI can
 * resolve otherwise (`op run --env-file`, Vault/AWS/GCP/Azure references documented in docs/fixes.md).
 */
export function examplePlaceholder(envName: string, settings: BackendSettings): string {
  switch (settings.backend) {
    case '1password':
      return managerReference(envName, settings);
    case 'vault':
      return `vault:${managerReference(envName, settings)}`;
    case 'aws':
      return `aws-secretsmanager:${managerReference(envName, settings)}`;
    case 'gcp':
    case 'azure':
      return managerReference(envName, settings);
    default:
      return '';
  }
}

/** Azure App Service / Functions app-setting reference to Key Vault. */
export function keyVaultAppSetting(envName: string, settings: BackendSettings): string {
  const azure = settings.backend === 'azure' ? settings : { ...settings, backend: 'azure' as const, nameTemplate: undefined };
  return `@Microsoft.KeyVault(SecretUri=${managerReference(envName, azure)})`;
}

/** CloudFormation dynamic reference to AWS Secrets Manager. */
export function cloudFormationReference(envName: string, settings: BackendSettings): string {
  const aws = settings.backend === 'aws' ? settings : { ...settings, backend: 'aws' as const, nameTemplate: undefined };
  return `{{resolve:secretsmanager:${managerName(envName, aws)}:SecretString}}`;
}
