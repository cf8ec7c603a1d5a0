import type { SecretRule } from './secretRule';
import { cloudRules } from './cloud';
import { devtoolsRules } from './devtools';
import { saasRules } from './saas';
import { keysRules } from './keys';

/** Every provider-specific rule, in priority order (earlier wins when two match the same span). */
export const providerRules: readonly SecretRule[] = [...keysRules, ...devtoolsRules, ...cloudRules, ...saasRules];
