import type { SecretRule } from '../secretRule';
import { ALNUM, HEX, chars } from '../fake';
import { UUID, fakeUuid, hasLetterAndDigit } from '../cloud/ruleKit';
import { assigned } from './context';

const a = (n: number, label: string) => chars(ALNUM, n, `chat:${label}`);
const h = (n: number, label: string) => chars(HEX, n, `chat:${label}`);
const w = (n: number, label: string) => chars(ALNUM + '_-', n, `chat:${label}`);
/** Mattermost ids and tokens: 16 random bytes in z-base-32 (model.NewId), 26 characters. */
const ZBASE32 = 'ybndrfg8ejkmcpqxot1uwisza345h769';
const z = (label: string) => chars(ZBASE32, 26, `chat:${label}`);
const teamsUrl = (label: string) =>
  `https://contoso.webhook.office.com/webhookb2/${fakeUuid(`chat:${label}1`)}@${fakeUuid(`chat:${label}2`)}/IncomingWebhook/${h(32, `${label}3`)}/${fakeUuid(`chat:${label}4`)}`;

/** Team chat and messaging platforms: webhook URLs and API tokens under a named setting. */
export const chatRules: SecretRule[] = [
  {
    id: 'microsoft-teams-webhook-url',
    title: 'Microsoft Teams incoming webhook URL',
    provider: 'Microsoft Teams',
    keywords: ['webhook.office.com'],
    window: { before: 80 },
    // The newer URLs end with a /V2... signature part: it is included in the span when present.
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<secret>https://[A-Za-z0-9-]{1,63}\\.webhook\\.office\\.com/webhookb2/${UUID}@${UUID}/IncomingWebhook/[a-fA-F0-9]{32}/${UUID}(?:/V2[A-Za-z0-9_-]{20,120})?)(?![A-Za-z0-9_-])`,
    ),
    severity: 'error',
    envName: 'TEAMS_WEBHOOK_URL',
    remediation:
      'Remove the Incoming Webhook connector from the channel (the channel, Manage channel, Connectors, Incoming Webhook, Remove) so the URL stops working, then create a new one (or a Workflows webhook) and keep its URL in a secret manager.',
    examples: {
      positive: [`TEAMS_WEBHOOK_URL=${teamsUrl('t1')}`, `curl -H 'Content-Type: application/json' -d '{"text":"hi"}' "${teamsUrl('t2')}/V2${w(45, 't3')}"`],
      negative: ['https://contoso.webhook.office.com/webhookb2/<group-id>@<tenant-id>/IncomingWebhook/<id>/<owner-id>', `https://contoso.webhook.office.com/webhookb2/${fakeUuid('chat:t4')}`],
    },
  },
  {
    id: 'mattermost-access-token',
    title: 'Mattermost access token',
    provider: 'Mattermost',
    keywords: ['mattermost'],
    pattern: assigned('mattermost[\\w.-]{0,16}?(?:token|secret|key|password)', '[a-z0-9]{26}'),
    // Mattermost's own alphabet (no 0, 2, l or v): ids and tokens of other systems mostly fail it.
    validate: (secret) => /^[ybndrfg8ejkmcpqxot1uwisza345h769]{26}$/.test(secret) && hasLetterAndDigit(secret),
    minEntropy: 3.2,
    severity: 'error',
    envName: 'MATTERMOST_TOKEN',
    remediation:
      'Revoke the token (Profile, Security, Personal Access Tokens; bot tokens under Integrations, Bot Accounts; admins in System Console, Users), check the audit log, then create a new token and keep it in a secret manager.',
    examples: {
      positive: [`MATTERMOST_TOKEN=${z('mm1')}`, `mattermost_bot_token: "${z('mm2')}"`],
      negative: [`MATTERMOST_TEAM=${z('mm3')}`, `MATTERMOST_TOKEN=0${z('mm4').slice(1)}`],
    },
  },
  {
    id: 'gitter-access-token',
    title: 'Gitter access token',
    provider: 'Gitter',
    keywords: ['gitter'],
    pattern: assigned('gitter[\\w.-]{0,16}?(?:token|secret|key)', '[A-Za-z0-9_-]{40}'),
    validate: hasLetterAndDigit,
    minEntropy: 3.3,
    severity: 'error',
    envName: 'GITTER_TOKEN',
    remediation:
      'Revoke the token by signing out the Gitter/Matrix sessions that hold it (or deleting the app at developer.gitter.im), check the rooms for messages you did not send, then issue a new token and keep it in a secret manager.',
    examples: {
      positive: [`GITTER_TOKEN=${h(40, 'gt1')}`, `gitter_api_key: "${w(40, 'gt2')}"`],
      negative: [`GITTER_ROOM=${h(24, 'gt3')}`, 'GITTER_TOKEN=${GITTER_TOKEN}'],
    },
  },
  {
    id: 'sendbird-api-token',
    title: 'Sendbird API token',
    provider: 'Sendbird',
    keywords: ['sendbird'],
    pattern: assigned('sendbird[\\w.-]{0,16}?(?:token|secret|key)', '[a-f0-9]{40}'),
    validate: (secret) => /^[a-f0-9]+$/.test(secret),
    minEntropy: 3,
    severity: 'error',
    envName: 'SENDBIRD_API_TOKEN',
    remediation:
      'In the Sendbird dashboard (Settings, Application, General, API tokens) revoke the secondary token or rotate the master token, check the application\'s users and channels, and keep the new token server-side in a secret manager.',
    examples: {
      positive: [`SENDBIRD_API_TOKEN=${h(40, 'sb1')}`, `sendbird_master_token: "${h(40, 'sb2')}"`],
      negative: [`SENDBIRD_APP_ID=${fakeUuid('chat:sb3').toUpperCase()}`, `SENDBIRD_API_TOKEN=${h(32, 'sb4')}`],
    },
  },
  {
    id: 'messagebird-api-key',
    title: 'MessageBird (Bird) access key',
    provider: 'MessageBird',
    keywords: ['messagebird', 'message_bird', 'message-bird'],
    // Live keys are 25 alphanumerics; test keys are the same after `test_`.
    pattern: assigned('message[_-]?bird[\\w.-]{0,16}?(?:key|token|secret|access)', '(?:test_)?[A-Za-z0-9]{25}'),
    validate: hasLetterAndDigit,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'MESSAGEBIRD_ACCESS_KEY',
    remediation:
      'Delete the access key in the MessageBird / Bird dashboard (Developers, API access), check the message logs and balance for traffic you did not send, then create a new key and keep it in a secret manager.',
    examples: {
      positive: [`MESSAGEBIRD_ACCESS_KEY=${a(25, 'mb1')}`, `messagebird_api_key: "test_${a(25, 'mb2')}"`],
      negative: [`MESSAGEBIRD_CHANNEL_ID=${h(32, 'mb3')}`, `MESSAGEBIRD_ACCESS_KEY=${a(12, 'mb4')}`],
    },
  },
];
