import type { SecretRule } from '../secretRule';
import { awsRules } from './aws';
import { azureRules } from './azure';
import { googleRules } from './google';
import { platformRules } from './platforms';
import { regionalCloudRules } from './regional';

/** Provider rules of the "cloud" group. */
export const cloudRules: SecretRule[] = [...awsRules, ...googleRules, ...azureRules, ...platformRules, ...regionalCloudRules];
