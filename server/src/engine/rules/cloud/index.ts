import type { SecretRule } from '../secretRule';
import { appHostingRules } from './appHosting';
import { awsRules } from './aws';
import { azureRules } from './azure';
import { azureDevopsRules } from './azureDevops';
import { googleRules } from './google';
import { platformRules } from './platforms';
import { regionalCloudRules } from './regional';

/** Provider rules of the "cloud" group. */
export const cloudRules: SecretRule[] = [
  ...awsRules,
  ...googleRules,
  ...azureRules,
  ...azureDevopsRules,
  ...platformRules,
  ...appHostingRules,
  ...regionalCloudRules,
];
