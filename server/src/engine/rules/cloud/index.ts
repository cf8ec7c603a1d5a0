import type { SecretRule } from '../secretRule';

/** Provider rules of the "cloud" group. */
export const cloudRules: SecretRule[] = [];
