import type { SecretRule } from '../secretRule';

/** Provider rules of the "keys" group. */
export const keysRules: SecretRule[] = [];
