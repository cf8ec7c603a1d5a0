import type { SecretRule } from '../secretRule';
import { aiRules, anthropicRules, openaiRules } from './ai';
import { appRules } from './apps';
import { messagingRules } from './messaging';
import { observabilityRules } from './observability';
import { paymentRules, stripeRules } from './payments';
import { slackRules } from './slack';
import { socialRules } from './social';

/** Provider rules of the "saas" group: SaaS APIs, messaging, payments, AI, observability. */
export const saasRules: SecretRule[] = [
  ...slackRules,
  ...stripeRules,
  ...paymentRules,
  ...openaiRules,
  ...anthropicRules,
  ...aiRules,
  ...messagingRules,
  ...observabilityRules,
  ...appRules,
  ...socialRules,
];
