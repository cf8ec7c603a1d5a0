import type { SecretRule } from '../secretRule';
import { ALNUM, DIGITS, UPPER_ALNUM, chars } from '../fake';
import { B, E } from './context';

const SLACK_TOKEN_ROTATE =
  'Revoke it at api.slack.com/apps (your app, OAuth & Permissions, "Revoke All OAuth Tokens") or with the auth.revoke API, check the workspace access logs, then reinstall the app to issue a new token and keep it in a secret manager.';
const SLACK_WEBHOOK_ROTATE =
  'Delete the webhook at api.slack.com/apps (your app, Incoming Webhooks, Remove) or in the workflow\'s settings, create a new one, and keep its URL in a secret manager: the URL alone lets anyone post to the channel.';

const d = (n: number, label: string) => chars(DIGITS, n, `slack:${label}`);
const a = (n: number, label: string) => chars(ALNUM, n, `slack:${label}`);
const u = (n: number, label: string) => chars(UPPER_ALNUM, n, `slack:${label}`);
/** Joins placeholder examples at runtime so the shipped bundle holds no token-shaped literal (vsce runs secretlint). */
const joined = (...parts: string[]) => parts.join('');

export const slackRules: SecretRule[] = [
  {
    id: 'slack-bot-token',
    title: 'Slack bot token',
    provider: 'Slack',
    keywords: ['xoxb-'],
    // Bot tokens end in 24 letters and digits (older ones had one number segment, not a shorter tail).
    pattern: new RegExp(`${B}(?<secret>xoxb-\\d{8,13}-(?:\\d{8,13}-)?[A-Za-z0-9]{20,64})${E}`),
    severity: 'error',
    envName: 'SLACK_BOT_TOKEN',
    remediation: SLACK_TOKEN_ROTATE,
    docsUrl: 'https://api.slack.com/authentication/token-types',
    examples: {
      positive: [`SLACK_BOT_TOKEN=xoxb-${d(11, 'b1')}-${d(13, 'b2')}-${a(24, 'b3')}`, `token: "xoxb-${d(12, 'b4')}-${a(24, 'b5')}"`],
      negative: [joined('SLACK_BOT_TOKEN=xoxb', '-your-token-here'), 'Bot tokens start with xoxb- and are issued on install', `xoxb-${d(4, 'b6')}-${d(4, 'b7')}`, `xoxb-${d(11, 'b8')}-${a(9, 'b9')}`],
    },
  },
  {
    id: 'slack-user-token',
    title: 'Slack user token',
    provider: 'Slack',
    keywords: ['xoxp-'],
    pattern: new RegExp(`${B}(?<secret>xoxp-(?:\\d{8,13}-){2,3}[A-Za-z0-9]{8,64})${E}`),
    severity: 'error',
    envName: 'SLACK_USER_TOKEN',
    remediation: SLACK_TOKEN_ROTATE,
    examples: {
      positive: [`user_token = "xoxp-${d(11, 'p1')}-${d(12, 'p2')}-${d(13, 'p3')}-${chars('0123456789abcdef', 32, 'p4')}"`, `xoxp-${d(10, 'p5')}-${d(10, 'p6')}-${a(20, 'p7')}`],
      negative: [joined('xoxp', '-XXXXXXXXXX-XXXXXXXXXX'), 'user tokens (xoxp-...) act as the user'],
    },
  },
  {
    id: 'slack-legacy-token',
    title: 'Slack legacy or workspace token',
    provider: 'Slack',
    keywords: ['xoxa-', 'xoxo-', 'xoxr-', 'xoxs-'],
    pattern: new RegExp(`${B}(?<secret>xox[aors]-(?:\\d{1,13}-){0,3}[A-Za-z0-9]{10,64})${E}`),
    minEntropy: 3,
    severity: 'error',
    envName: 'SLACK_TOKEN',
    remediation: SLACK_TOKEN_ROTATE,
    examples: {
      positive: [`token="xoxa-${d(11, 'l1')}-${d(13, 'l2')}"`, `xoxs-${d(10, 'l3')}-${d(12, 'l4')}-${d(12, 'l5')}-${a(32, 'l6')}`],
      negative: [joined('xoxa', '-2-xxxxxxxx'), 'see the xoxr- refresh token docs'],
    },
  },
  {
    id: 'slack-app-token',
    title: 'Slack app-level token',
    provider: 'Slack',
    keywords: ['xapp-'],
    pattern: new RegExp(`${B}(?<secret>xapp-\\d-[A-Z0-9]{8,16}-\\d{8,16}-[a-z0-9]{32,80})${E}`),
    severity: 'error',
    envName: 'SLACK_APP_TOKEN',
    remediation:
      'Revoke it at api.slack.com/apps (your app, Basic Information, App-Level Tokens, Revoke), generate a new app-level token with the same scopes, and keep it in a secret manager.',
    examples: {
      positive: [`SLACK_APP_TOKEN=${joined('xapp', '-1-A')}${u(10, 'x1')}-${d(13, 'x2')}-${chars('0123456789abcdef', 64, 'x3')}`, `"${joined('xapp', '-1-A')}${u(8, 'x4')}-${d(12, 'x5')}-${chars('0123456789abcdef', 64, 'x6')}"`],
      negative: [joined('xapp', '-1-AXXXXXXXX-123'), 'Socket Mode needs an xapp- token'],
    },
  },
  {
    id: 'slack-config-token',
    title: 'Slack configuration access token',
    provider: 'Slack',
    keywords: ['xoxe.xox'],
    pattern: new RegExp(`${B}(?<secret>xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{140,180})${E}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'SLACK_CONFIG_TOKEN',
    remediation:
      'Revoke it with the tooling.tokens.rotate/auth.revoke APIs or regenerate it at api.slack.com/apps (Your App Configuration Tokens), then store the new token and refresh token in a secret manager.',
    examples: {
      positive: [`SLACK_CONFIG_TOKEN=xoxe.xoxp-1-${u(164, 'c1')}`, `"xoxe.xoxb-1-${u(150, 'c2')}"`],
      negative: [joined('xoxe.xoxp', '-1-short'), 'configuration tokens look like xoxe.xoxp-1-...'],
    },
  },
  {
    id: 'slack-refresh-token',
    title: 'Slack configuration refresh token',
    provider: 'Slack',
    keywords: ['xoxe-'],
    pattern: new RegExp(`${B}(?<secret>xoxe-\\d-[A-Za-z0-9]{130,160})${E}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'SLACK_REFRESH_TOKEN',
    remediation:
      'Regenerate the configuration token pair at api.slack.com/apps (Your App Configuration Tokens) so this refresh token stops working, then keep the new pair in a secret manager.',
    examples: {
      positive: [`refresh_token: xoxe-1-${u(146, 'r1')}`, `SLACK_REFRESH=xoxe-1-${a(146, 'r2')}`],
      negative: ['xoxe-1-abc', 'refresh tokens start with xoxe-'],
    },
  },
  {
    id: 'slack-webhook-url',
    title: 'Slack incoming webhook URL',
    provider: 'Slack',
    keywords: ['hooks.slack.com/services'],
    pattern: /(?:https?:\/\/)?hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,32}(?![A-Za-z0-9])/,
    severity: 'error',
    envName: 'SLACK_WEBHOOK_URL',
    remediation: SLACK_WEBHOOK_ROTATE,
    examples: {
      positive: [
        `SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T${u(8, 'w1')}/B${u(10, 'w2')}/${a(24, 'w3')}`,
        `url: "https://hooks.slack.com/services/T${u(10, 'w4')}/B${u(8, 'w5')}/${a(24, 'w6')}"`,
      ],
      negative: [
        joined('https://hooks.slack.com/services/', 'TXXXXX/BXXXXX/XXXXXXXXXX'),
        'webhook: ${{ secrets.SLACK_WEBHOOK_URL }} # https://hooks.slack.com/services/...',
      ],
    },
  },
  {
    id: 'slack-workflow-webhook-url',
    title: 'Slack workflow webhook URL',
    provider: 'Slack',
    keywords: ['hooks.slack.com/workflows', 'hooks.slack.com/triggers'],
    pattern: /(?:https?:\/\/)?hooks\.slack\.com\/(?:workflows|triggers)\/T[A-Z0-9]{6,12}\/(?:A[A-Z0-9]{6,12}\/)?\d{6,20}\/[A-Za-z0-9]{20,40}(?![A-Za-z0-9])/,
    severity: 'error',
    envName: 'SLACK_WORKFLOW_WEBHOOK_URL',
    remediation: SLACK_WEBHOOK_ROTATE,
    examples: {
      positive: [
        `https://hooks.slack.com/workflows/T${u(9, 'f1')}/A${u(10, 'f2')}/${d(18, 'f3')}/${a(24, 'f4')}`,
        `trigger: https://hooks.slack.com/triggers/T${u(9, 'f5')}/${d(13, 'f6')}/${chars('0123456789abcdef', 32, 'f7')}`,
      ],
      negative: [joined('https://hooks.slack.com/workflows/', 'TXXXXXXX/AXXXXXXX/123/abc'), 'POST to hooks.slack.com/triggers/<team>/<id>/<secret>'],
    },
  },
];
