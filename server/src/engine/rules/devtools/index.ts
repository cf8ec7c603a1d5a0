import type { SecretRule } from '../secretRule';
import { ciRules } from './ci';
import { githubRules } from './github';
import { gitlabRules } from './gitlab';
import { hashicorpRules } from './hashicorp';
import { infraRules } from './infra';
import { registryRules } from './registries';
import { serviceRules } from './services';
import { workspaceRules } from './workspace';

/** Provider rules of the "devtools" group: source hosting, package registries, developer SaaS. */
export const devtoolsRules: SecretRule[] = [
  ...githubRules,
  ...gitlabRules,
  ...registryRules,
  ...hashicorpRules,
  ...ciRules,
  ...infraRules,
  ...workspaceRules,
  ...serviceRules,
];
