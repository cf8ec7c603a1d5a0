import type { SecretRule } from '../secretRule';
import { githubRules } from './github';

/** Provider rules of the "devtools" group: source hosting, package registries, developer SaaS. */
export const devtoolsRules: SecretRule[] = [...githubRules];
