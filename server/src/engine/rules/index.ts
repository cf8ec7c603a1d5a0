import type { SecretRule } from './secretRule';
import { cloudRules } from './cloud';
import { devtoolsRules } from './devtools';
import { saasRules } from './saas';
import { keysFallbackRules, keysRules } from './keys';

/**
 * Every provider-specific rule, in priority order (earlier wins when two match the same span).
 * `keysFallbackRules` (credentials recognised by their container: URLs, headers, config files, JWTs)
 * come last so that a provider rule naming the same value wins.
 */
export const providerRules: readonly SecretRule[] = [...keysRules, ...devtoolsRules, ...cloudRules, ...saasRules, ...keysFallbackRules];
