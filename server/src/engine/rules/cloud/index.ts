import type { SecretRule } from '../secretRule';
import { appHostingRules } from './appHosting';
import { awsRules } from './aws';
import { azureRules } from './azure';
import { azureDevopsRules } from './azureDevops';
import { googleRules } from './google';
import { platformRules } from './platforms';
import { regionalCloudRules } from './regional';
import { yandexRules } from './yandex';

/** Provider rules of the "cloud" group. */
export const cloudRules: SecretRule[] = [
  ...awsRules,
  ...googleRules,
  ...azureRules,
  ...azureDevopsRules,
  ...platformRules,
  ...appHostingRules,
  ...regionalCloudRules,
  ...yandexRules,
];
