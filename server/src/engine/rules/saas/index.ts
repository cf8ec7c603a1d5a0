import type { SecretRule } from '../secretRule';

/** Provider rules of the "saas" group. */
export const saasRules: SecretRule[] = [];
