import type { SecretRule } from '../secretRule';
import { githubRules } from './github';
import { gitlabRules } from './gitlab';

/** Provider rules of the "devtools" group: source hosting, package registries, developer SaaS. */
export const devtoolsRules: SecretRule[] = [...githubRules, ...gitlabRules];
