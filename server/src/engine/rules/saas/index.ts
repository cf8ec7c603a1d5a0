import type { SecretRule } from '../secretRule';
import { aiRules, anthropicRules, openaiRules } from './ai';
import { apiPlatformRules } from './apis';
import { appRules } from './apps';
import { chatRules } from './chat';
import { dataAndAiRules } from './dataAndAi';
import { financeRules } from './finance';
import { identityRules } from './identity';
import { messagingRules } from './messaging';
import { observabilityRules } from './observability';
import { paymentRules } from './payments';
import { slackRules } from './slack';
import { stripeRules } from './stripe';
import { namedKeyRules } from './namedKeys';
import { socialRules } from './social';
import { webhookRules } from './webhooks';
import { longToken } from './context';

/** Rules whose values are about 100 or more random characters (see `longToken`). */
const LONG_TOKENS = new Set([
  'slack-config-token', 'slack-refresh-token', 'openai-project-key', 'openai-service-account-key', 'openai-admin-key',
  'anthropic-api-key', 'anthropic-admin-key', 'sentry-org-token', 'grafana-cloud-token', 'onepassword-service-account-token',
  'dropbox-short-lived-token', 'facebook-access-token', 'twitter-bearer-token', 'discord-webhook-url', 'stripe-secret-key',
  'stripe-restricted-key', 'stripe-test-key', 'microsoft-teams-webhook-url', 'dynatrace-api-token',
  'authress-access-key',
]);

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
  ...chatRules,
  ...financeRules,
  ...identityRules,
  ...apiPlatformRules,
  ...dataAndAiRules,
  ...webhookRules,
  ...namedKeyRules,
].map((rule) => (LONG_TOKENS.has(rule.id) ? longToken(rule) : rule));
