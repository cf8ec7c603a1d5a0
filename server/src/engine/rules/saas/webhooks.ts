import type { SecretRule } from '../secretRule';
import { ALNUM, DIGITS, HEX, LOWER_ALNUM, chars } from '../fake';
import { UUID, fakeUuid } from '../cloud/ruleKit';

const a = (n: number, label: string) => chars(ALNUM, n, `hook:${label}`);
const d = (n: number, label: string) => chars(DIGITS, n, `hook:${label}`);
const h = (n: number, label: string) => chars(HEX, n, `hook:${label}`);
const l = (n: number, label: string) => chars(LOWER_ALNUM, n, `hook:${label}`);
const w = (n: number, label: string) => chars(`${ALNUM}-_`, n, `hook:${label}`);

/** The end of a URL: the next character cannot continue its last segment. */
const END = '(?![A-Za-z0-9_-])';

/**
 * Webhook URLs whose path or query is the credential: whoever has the URL can post as the
 * integration (messages in a team chat, runs of an automation). No secret-looking name needs to be
 * near (`url: https://…`), so these are provider rules on the URL's own shape.
 */
export const webhookRules: SecretRule[] = [
  {
    id: 'zapier-webhook-url',
    title: 'Zapier catch hook URL',
    provider: 'Zapier',
    keywords: ['hooks.zapier.com/hooks/catch/'],
    pattern: new RegExp(`(?<secret>(?:https?://)?hooks\\.zapier\\.com/hooks/catch/\\d{4,12}/[A-Za-z0-9]{5,16})/?${END}`),
    severity: 'error',
    envName: 'ZAPIER_WEBHOOK_URL',
    remediation:
      'In the Zap, replace the "Catch Hook" trigger (or regenerate the webhook URL from the trigger\'s settings), update the senders from a secret manager, and check the Zap History for runs you did not cause.',
    examples: {
      positive: [`ZAPIER_WEBHOOK_URL=https://hooks.zapier.com/hooks/catch/${d(7, 'z1')}/${l(7, 'z2')}/`, `requests.post("https://hooks.zapier.com/hooks/catch/${d(8, 'z3')}/${l(6, 'z4')}", json=payload)`],
      negative: ['https://hooks.zapier.com/hooks/catch/<account>/<hook>/', 'https://hooks.zapier.com/hooks/catch/123456/'],
    },
  },
  {
    id: 'ifttt-webhook-key',
    title: 'IFTTT Webhooks service key',
    provider: 'IFTTT',
    keywords: ['maker.ifttt.com/'],
    window: { before: 8, after: 200 },
    pattern: new RegExp(`maker\\.ifttt\\.com/(?:trigger/[\\w.-]{1,64}/(?:json/)?with/key|use)/(?<secret>[A-Za-z0-9_-]{20,43})${END}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'IFTTT_WEBHOOK_KEY',
    remediation: 'Regenerate the key on ifttt.com/maker_webhooks (Documentation, or Settings > Edit): the old key stops working. Update the senders from a secret manager.',
    examples: {
      positive: [`curl -X POST https://maker.ifttt.com/trigger/door_open/with/key/${w(22, 'i1')}`, `IFTTT_URL = "https://maker.ifttt.com/trigger/backup_done/json/with/key/${w(22, 'i2')}"`],
      negative: ['https://maker.ifttt.com/trigger/{event}/with/key/{your-key}', 'https://maker.ifttt.com/use/YOUR_KEY_HERE'],
    },
  },
  {
    id: 'google-chat-webhook-url',
    title: 'Google Chat incoming webhook URL',
    provider: 'Google Chat',
    keywords: ['chat.googleapis.com/v1/spaces/'],
    window: { before: 8, after: 300 },
    pattern: new RegExp(`(?<secret>(?:https://)?chat\\.googleapis\\.com/v1/spaces/[A-Za-z0-9_-]{6,20}/messages\\?key=AIza[A-Za-z0-9_-]{35}&token=[A-Za-z0-9_%=-]{20,100})${END}`),
    severity: 'error',
    envName: 'GOOGLE_CHAT_WEBHOOK_URL',
    remediation: 'Delete the webhook in the Chat space (Apps & integrations > Webhooks), add a new one, and keep its URL in a secret manager; review the space for messages you did not send.',
    examples: {
      positive: [`GOOGLE_CHAT_WEBHOOK=https://chat.googleapis.com/v1/spaces/AAAA${a(7, 'g1')}/messages?key=AIza${w(35, 'g2')}&token=${w(43, 'g3')}`],
      negative: ['https://chat.googleapis.com/v1/spaces/SPACE_ID/messages?key=KEY&token=TOKEN', `https://chat.googleapis.com/v1/spaces/AAAA${a(7, 'g4')}/messages`],
    },
  },
  {
    id: 'azure-logic-app-trigger-url',
    title: 'Azure Logic Apps / Power Automate trigger URL with signature',
    provider: 'Azure',
    description: 'A Logic Apps or Power Automate HTTP trigger URL carries a shared access signature (`sig=`): anyone with it can run the workflow.',
    keywords: ['logic.azure.com'],
    window: { before: 120, after: 600 },
    pattern: new RegExp(
      `(?<secret>https://[A-Za-z0-9.-]{1,80}\\.logic\\.azure\\.com(?::443)?/workflows/[A-Za-z0-9]{20,40}/triggers/[\\w%.-]{1,80}/paths/invoke[^\\s"'<>\`]{0,300}?[?&]sig=[A-Za-z0-9_%-]{40,50})${END}`,
    ),
    severity: 'error',
    envName: 'LOGIC_APP_TRIGGER_URL',
    remediation:
      'Regenerate the workflow\'s access keys (Logic app > Access keys > Regenerate, or for Power Automate, recreate the trigger), update the callers from a secret manager, and check the run history for runs you did not cause.',
    examples: {
      positive: [
        `FLOW_URL=https://prod-27.westeurope.logic.azure.com:443/workflows/${h(32, 'la1')}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${w(43, 'la2')}`,
      ],
      negative: [`https://prod-27.westeurope.logic.azure.com:443/workflows/${h(32, 'la3')}/triggers/manual/paths/invoke?api-version=2016-06-01`, 'https://<region>.logic.azure.com/workflows/<id>/triggers/manual/paths/invoke?sig=<signature>'],
    },
  },
  {
    id: 'dingtalk-robot-webhook',
    title: 'DingTalk robot webhook access token',
    provider: 'DingTalk',
    keywords: ['oapi.dingtalk.com/robot/send'],
    window: { before: 8, after: 120 },
    pattern: new RegExp(`oapi\\.dingtalk\\.com/robot/send\\?(?:[\\w.=-]{0,40}&)?access_token=(?<secret>[a-f0-9]{64})${END}`),
    severity: 'error',
    envName: 'DINGTALK_ACCESS_TOKEN',
    remediation: 'Remove the custom robot from the DingTalk group (group settings > Bots), add a new one with signing enabled, and keep its token and signing secret in a secret manager.',
    examples: {
      positive: [`WEBHOOK = "https://oapi.dingtalk.com/robot/send?access_token=${h(64, 'dt1')}"`],
      negative: ['https://oapi.dingtalk.com/robot/send?access_token=XXXXXX', `https://oapi.dingtalk.com/robot/send?access_token=${h(32, 'dt2')}`],
    },
  },
  {
    id: 'feishu-bot-webhook',
    title: 'Feishu / Lark bot webhook URL',
    provider: 'Feishu',
    keywords: ['open.feishu.cn/open-apis/bot/', 'open.larksuite.com/open-apis/bot/'],
    window: { before: 8, after: 120 },
    pattern: new RegExp(`(?<secret>(?:https://)?open\\.(?:feishu\\.cn|larksuite\\.com)/open-apis/bot/v2/hook/${UUID})${END}`),
    severity: 'error',
    envName: 'FEISHU_WEBHOOK_URL',
    remediation: 'Remove the custom bot from the group (group settings > Bots), add a new one with signature verification, and keep its URL and secret in a secret manager.',
    examples: {
      positive: [`FEISHU_WEBHOOK=https://open.feishu.cn/open-apis/bot/v2/hook/${fakeUuid('fs1')}`, `url: "https://open.larksuite.com/open-apis/bot/v2/hook/${fakeUuid('fs2')}"`],
      negative: ['https://open.feishu.cn/open-apis/bot/v2/hook/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', 'https://open.feishu.cn/open-apis/bot/v2/hook/'],
    },
  },
  {
    id: 'wecom-bot-webhook',
    title: 'WeCom (WeChat Work) group bot webhook key',
    provider: 'WeCom',
    keywords: ['qyapi.weixin.qq.com/cgi-bin/webhook/send'],
    window: { before: 8, after: 120 },
    pattern: new RegExp(`qyapi\\.weixin\\.qq\\.com/cgi-bin/webhook/send\\?key=(?<secret>${UUID})${END}`),
    severity: 'error',
    envName: 'WECOM_WEBHOOK_KEY',
    remediation: 'Remove the group bot (group > Group robots) and add a new one; keep its webhook key in a secret manager.',
    examples: {
      positive: [`url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${fakeUuid('wc1')}"`],
      negative: ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=YOUR_KEY', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/upload_media?key='],
    },
  },
  {
    id: 'make-webhook-url',
    title: 'Make (Integromat) custom webhook URL',
    provider: 'Make',
    keywords: ['.make.com/', 'hook.integromat.com/'],
    window: { before: 24, after: 60 },
    pattern: new RegExp(`(?<secret>(?:https://)?hook\\.(?:(?:eu|us)\\d\\.make\\.com|integromat\\.com)/[a-z0-9]{32})${END}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'MAKE_WEBHOOK_URL',
    remediation: 'In the scenario, delete the custom webhook and add a new one (Webhooks > the hook > Delete, then Add), update the senders from a secret manager, and review the scenario history.',
    examples: {
      positive: [`MAKE_WEBHOOK=https://hook.eu1.make.com/${l(32, 'mk1')}`, `fetch("https://hook.integromat.com/${l(32, 'mk2')}", { method: "POST" })`],
      negative: ['https://hook.eu1.make.com/your-webhook-id', 'https://www.make.com/en/help/tools/webhooks'],
    },
  },
];
