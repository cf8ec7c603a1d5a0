import type { SecretRule } from '../secretRule';
import { awsRules } from './aws';

/** Provider rules of the "cloud" group. */
export const cloudRules: SecretRule[] = [...awsRules];
