import type { SecretRule } from '../secretRule';
import { ALNUM, DIGITS, HEX, chars } from '../fake';
import { assigned, decodeBase64 } from './context';

const URLSAFE = ALNUM + '_-';
const h = (n: number, label: string) => chars(HEX, n, `msg:${label}`);
const d = (n: number, label: string) => chars(DIGITS, n, `msg:${label}`);
const w = (n: number, label: string) => chars(URLSAFE, n, `msg:${label}`);
const a = (n: number, label: string) => chars(ALNUM, n, `msg:${label}`);
const uuid = (label: string) => `${h(8, `${label}1`)}-${h(4, `${label}2`)}-4${h(3, `${label}3`)}-a${h(3, `${label}4`)}-${h(12, `${label}5`)}`;

const BREVO_ROTATE =
  'Delete the key in Brevo (SMTP & API, the API keys or SMTP tab), check the transactional logs for mail you did not send, then create a new key, keep it in a secret manager, and restrict API use to known IPs (Security, Authorised IPs).';
const TWILIO_ROTATE =
  'In the Twilio Console (Account, API keys & tokens) delete the API key or promote a secondary auth token and rotate the primary, check the usage logs, then keep the new credential in a secret manager; prefer API keys over the account auth token.';
const MAILGUN_ROTATE =
  'Delete or roll the key at app.mailgun.com (Account settings, API security), check the sending logs for mail you did not send, then keep a new domain-scoped sending key in a secret manager.';

/** A Discord bot token whose first part is the base64 of the bot's numeric user id (a snowflake). */
function isDiscordBotToken(secret: string): boolean {
  const id = decodeBase64(secret.slice(0, secret.indexOf('.')));
  return id !== undefined && /^\d{17,20}$/.test(id);
}
const discordToken = (label: string) => `${Buffer.from(`1${d(17, label)}`).toString('base64url')}.${w(6, `${label}b`)}.${w(38, `${label}c`)}`;

export const messagingRules: SecretRule[] = [
  {
    id: 'twilio-api-key-sid',
    title: 'Twilio API key SID',
    provider: 'Twilio',
    keywords: ['sk'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>SK(?:[0-9a-f]{32}|[0-9A-F]{32}))(?![A-Za-z0-9_])/,
    minEntropy: 3,
    severity: 'warning',
    envName: 'TWILIO_API_KEY',
    description: 'A Twilio API key SID is written in the file; with its secret (usually nearby) it grants API access to the account.',
    remediation: TWILIO_ROTATE,
    examples: {
      positive: [`TWILIO_API_KEY=SK${h(32, 'tk1')}`, `client = Client("SK${h(32, 'tk2')}", api_secret, account_sid)`],
      negative: [`SK${h(20, 'tk3')}`, `TASK${h(32, 'tk4')}`],
    },
  },
  {
    id: 'twilio-auth-token',
    title: 'Twilio auth token',
    provider: 'Twilio',
    keywords: ['twilio'],
    pattern: assigned('twilio[\\w.-]{0,20}?(?:auth|token|secret)', '[0-9a-f]{32}'),
    minEntropy: 3,
    severity: 'error',
    envName: 'TWILIO_AUTH_TOKEN',
    remediation: TWILIO_ROTATE,
    examples: {
      positive: [`TWILIO_AUTH_TOKEN=${h(32, 'ta1')}`, `twilio_token: "${h(32, 'ta2')}"`],
      negative: ['TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}', `TWILIO_ACCOUNT_SID=AC${h(32, 'ta3')}`],
    },
  },
  {
    id: 'twilio-account-credentials',
    title: 'Twilio account SID with its auth token',
    provider: 'Twilio',
    keywords: ['ac'],
    pattern: /(?<![A-Za-z0-9_])AC[0-9a-f]{32}["'`]?[ \t]{0,4}[,:][ \t]{0,4}["'`]?(?<secret>[0-9a-f]{32})(?![A-Za-z0-9_])/,
    minEntropy: 3,
    severity: 'error',
    envName: 'TWILIO_AUTH_TOKEN',
    remediation: TWILIO_ROTATE,
    examples: {
      positive: [`client = Client("AC${h(32, 'tc1')}", "${h(32, 'tc2')}")`, `curl -u AC${h(32, 'tc3')}:${h(32, 'tc4')} https://api.twilio.com/2010-04-01/Accounts.json`],
      negative: [`Client("AC${h(32, 'tc5')}", os.environ["TWILIO_AUTH_TOKEN"])`, `"AC${h(32, 'tc6')}"`],
    },
  },
  {
    id: 'twilio-api-key-secret',
    title: 'Twilio API key SID with its secret',
    provider: 'Twilio',
    keywords: ['sk'],
    // `Client("SK…", "secret", "AC…")`, `curl -u SK…:secret`: the SID, then its 32-character secret.
    pattern: /(?<![A-Za-z0-9_])SK[0-9a-fA-F]{32}["'`]?[ \t]{0,4}[,:][ \t]{0,4}["'`]?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'TWILIO_API_SECRET',
    remediation: TWILIO_ROTATE,
    examples: {
      positive: [`client = Client("SK${h(32, 'ts1')}", "${a(32, 'ts2')}", "AC${h(32, 'ts3')}")`, `curl -u SK${h(32, 'ts4')}:${a(32, 'ts5')} https://api.twilio.com/2010-04-01/Accounts.json`],
      negative: [`Client("SK${h(32, 'ts6')}", os.environ["TWILIO_API_SECRET"], "AC${h(32, 'ts7')}")`, `"SK${h(32, 'ts8')}", "AC${h(32, 'ts9')}"`],
    },
  },
  {
    id: 'sendgrid-api-key',
    title: 'SendGrid API key',
    provider: 'Twilio SendGrid',
    keywords: ['sg.'],
    pattern: /(?<![A-Za-z0-9])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'SENDGRID_API_KEY',
    remediation:
      'Delete the key at app.sendgrid.com/settings/api_keys, check Activity for mail you did not send, then create a new key with only "Mail Send" (restricted access) and keep it in a secret manager.',
    examples: {
      positive: [`SENDGRID_API_KEY=SG.${w(22, 'sg1')}.${w(43, 'sg2')}`, `sgMail.setApiKey("SG.${w(22, 'sg3')}.${w(43, 'sg4')}")`],
      negative: [`SG.${w(22, 'sg5')}.`, `notSG.${w(22, 'sg6')}.${w(43, 'sg7')}`, `SG.${w(22, 'sg8')}.${w(30, 'sg9')}`],
    },
  },
  {
    id: 'mailgun-api-key',
    title: 'Mailgun API key (key- format)',
    provider: 'Mailgun',
    keywords: ['mailgun'],
    window: { before: 300, after: 300 },
    pattern: /(?<![A-Za-z0-9_-])(?<secret>key-[0-9a-f]{32})(?![A-Za-z0-9_-])/,
    minEntropy: 3,
    severity: 'error',
    envName: 'MAILGUN_API_KEY',
    remediation: MAILGUN_ROTATE,
    examples: {
      positive: [`MAILGUN_API_KEY=key-${h(32, 'mg1')}`, `requests.post("https://api.mailgun.net/v3/mg.example.org/messages", auth=("api", "key-${h(32, 'mg2')}"))`],
      negative: [`API_KEY=key-${h(32, 'mg3')}`, 'MAILGUN_API_KEY=key-xxxxxxxx'],
    },
  },
  {
    id: 'mailgun-private-key',
    title: 'Mailgun API key',
    provider: 'Mailgun',
    keywords: ['mailgun', 'mg_api', 'mg_key'],
    window: { before: 300, after: 300 },
    pattern: /(?<![A-Za-z0-9_-])(?<secret>[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9_-])/,
    minEntropy: 3,
    severity: 'error',
    envName: 'MAILGUN_API_KEY',
    remediation: MAILGUN_ROTATE,
    examples: {
      positive: [`MAILGUN_API_KEY=${h(32, 'mp1')}-${h(8, 'mp2')}-${h(8, 'mp3')}`, `mailgun:\n  key: "${h(32, 'mp4')}-${h(8, 'mp5')}-${h(8, 'mp6')}"`],
      negative: [`BUILD_ID=${h(32, 'mp7')}-${h(8, 'mp8')}-${h(8, 'mp9')}`, 'MAILGUN_API_KEY=${MAILGUN_API_KEY}'],
    },
  },
  {
    id: 'mailchimp-api-key',
    title: 'Mailchimp API key',
    provider: 'Mailchimp',
    keywords: ['-us'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>[0-9a-f]{32}-us\d{1,2})(?![A-Za-z0-9_-])/,
    minEntropy: 3,
    severity: 'error',
    envName: 'MAILCHIMP_API_KEY',
    remediation:
      'Disable and delete the key at us1.admin.mailchimp.com/account/api (your data center), check the audience activity, then create a new key and keep it in a secret manager.',
    examples: {
      positive: [`MAILCHIMP_API_KEY=${h(32, 'mc1')}-us6`, `apiKey: "${h(32, 'mc2')}-us21"`],
      negative: [`${h(20, 'mc3')}-us6`, 'lang: en-us'],
    },
  },
  {
    id: 'mailjet-api-credential',
    title: 'Mailjet API key or secret',
    provider: 'Mailjet',
    keywords: ['mailjet', 'mj_apikey', 'mj_api', 'mj_secret'],
    pattern: assigned('mailjet|mj_?apikey|mj_?api|mj_?secret', '[0-9a-f]{32}'),
    minEntropy: 3,
    severity: 'error',
    envName: 'MAILJET_API_SECRET',
    remediation:
      'Regenerate the secret key at app.mailjet.com/account/apikeys (or delete the sub-account key), check the sending statistics, and keep the new pair in a secret manager.',
    examples: {
      positive: [`MJ_APIKEY_PRIVATE=${h(32, 'mj1')}`, `mailjet_secret: "${h(32, 'mj2')}"`],
      negative: ['MJ_APIKEY_PRIVATE=$MJ_APIKEY_PRIVATE', 'mailjet_region: us'],
    },
  },
  {
    id: 'postmark-server-token',
    title: 'Postmark server or account token',
    provider: 'Postmark',
    keywords: ['postmark'],
    // Also the SDKs' constructors: Postmark::ApiClient.new('…') (Ruby), new postmark.ServerClient('…')
    // (Node), PostmarkClient('…') (Python, .NET).
    pattern: assigned(
      'postmark',
      '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      '\\b(?:Postmark::ApiClient\\.new|postmark\\.(?:Server|Account)Client|Postmark(?:Admin)?Client)\\([ \\t]*["\']',
    ),
    severity: 'error',
    envName: 'POSTMARK_SERVER_TOKEN',
    remediation:
      'Reset the token in Postmark (the server\'s API Tokens tab, or Account, API Tokens), check the activity feed, and keep the new token in a secret manager.',
    examples: {
      positive: [`POSTMARK_SERVER_TOKEN=${uuid('pm1')}`, `{ "X-Postmark-Server-Token": "${uuid('pm2')}" }`, `POSTMARK = Postmark::ApiClient.new('${uuid('pm4')}')`, `const client = new postmark.ServerClient("${uuid('pm5')}");`],
      negative: ['POSTMARK_SERVER_TOKEN=${POSTMARK_SERVER_TOKEN}', `REQUEST_ID=${uuid('pm3')}`],
    },
  },
  {
    id: 'discord-bot-token',
    title: 'Discord bot token',
    provider: 'Discord',
    keywords: ['discord', 'token', 'bot', 'login(', '.run('],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/,
    validate: isDiscordBotToken,
    severity: 'error',
    envName: 'DISCORD_BOT_TOKEN',
    remediation:
      'Reset the token at discord.com/developers/applications (your app, Bot, "Reset Token"), check the bot\'s audit log entries, and keep the new token in a secret manager.',
    examples: {
      positive: [`DISCORD_TOKEN=${discordToken('dt1')}`, `bot.run("${discordToken('dt2')}")`, `client.login('${discordToken('dt6')}');`],
      negative: [`token = "M${w(23, 'dt3')}.${w(6, 'dt4')}.${w(27, 'dt5')}"`, 'DISCORD_TOKEN=${DISCORD_TOKEN}'],
    },
  },
  {
    id: 'discord-webhook-url',
    title: 'Discord webhook URL',
    provider: 'Discord',
    keywords: ['discord'],
    pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/(?:v\d+\/)?webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,80}(?![A-Za-z0-9_-])/,
    minEntropy: 3,
    severity: 'error',
    envName: 'DISCORD_WEBHOOK_URL',
    remediation: 'Delete the webhook in the channel\'s settings (Integrations, Webhooks), create a new one, and keep its URL in a secret manager.',
    examples: {
      positive: [`DISCORD_WEBHOOK=https://discord.com/api/webhooks/${d(18, 'dw1')}/${w(68, 'dw2')}`, `url: "https://discordapp.com/api/webhooks/${d(19, 'dw3')}/${w(68, 'dw4')}"`],
      negative: ['https://discord.com/api/webhooks/{id}/{token}', `https://discord.com/api/webhooks/${d(18, 'dw5')}`],
    },
  },
  {
    id: 'telegram-bot-token',
    title: 'Telegram bot token',
    provider: 'Telegram',
    keywords: [':a', 'telegram', 'bot'],
    // Bot id (5-16 digits), a colon, then 35 characters starting with A (in practice "AA").
    pattern: /(?:(?<=\/bot)|(?<![A-Za-z0-9_:-]))(?<secret>\d{5,16}:A[A-Za-z0-9_-]{34})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'TELEGRAM_BOT_TOKEN',
    remediation:
      'Send /revoke to @BotFather and pick the bot to invalidate this token and get a new one, then keep it in a secret manager.',
    examples: {
      positive: [`TELEGRAM_BOT_TOKEN=${d(10, 'tg1')}:AA${w(33, 'tg2')}`, `bot = telebot.TeleBot("${d(9, 'tg3')}:AA${w(33, 'tg4')}")`, `requests.get(f"https://api.telegram.org/bot${d(10, 'tg7')}:AA${w(33, 'tg8')}/getMe")`],
      negative: [`${d(10, 'tg5')}:AA${w(20, 'tg6')}`, `time 12:AAxx`],
    },
  },
  {
    id: 'brevo-api-key',
    title: 'Brevo (Sendinblue) API key',
    provider: 'Brevo',
    keywords: ['xkeysib-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'BREVO_API_KEY',
    remediation: BREVO_ROTATE,
    examples: {
      positive: [`BREVO_API_KEY=xkeysib-${h(64, 'bv1')}-${a(16, 'bv2')}`, `-H "api-key: xkeysib-${h(64, 'bv3')}-${a(16, 'bv4')}"`],
      negative: [`xkeysib-${h(64, 'bv5')}`, `xkeysib-${h(32, 'bv6')}-${a(16, 'bv7')}`],
    },
  },
  {
    id: 'brevo-smtp-key',
    title: 'Brevo (Sendinblue) SMTP key',
    provider: 'Brevo',
    keywords: ['xsmtpsib-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'BREVO_SMTP_KEY',
    remediation: BREVO_ROTATE,
    examples: {
      positive: [`SMTP_PASSWORD=xsmtpsib-${h(64, 'bs1')}-${a(16, 'bs2')}`, `password: "xsmtpsib-${h(64, 'bs3')}-${a(16, 'bs4')}"`],
      negative: [`xsmtpsib-${h(64, 'bs5')}`, 'xsmtpsib-'],
    },
  },
  {
    id: 'resend-api-key',
    title: 'Resend API key',
    provider: 'Resend',
    keywords: ['re_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})(?![A-Za-z0-9_-])/,
    // `re_` starts many identifiers (re_compile_...): a key mixes letters and digits in both parts.
    validate: (secret) => /[A-Za-z]/.test(secret.slice(3, 11)) && /\d/.test(secret.slice(3)) && /[A-Z]/.test(secret) && /[a-z]/.test(secret.slice(3)),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'RESEND_API_KEY',
    remediation:
      'Delete the key at resend.com/api-keys, check the sending logs for mail you did not send, then create a new key limited to sending from your domain and keep it in a secret manager.',
    examples: {
      positive: [`RESEND_API_KEY=re_${a(8, 'rs1')}_${a(24, 'rs2')}`, `const resend = new Resend('re_${a(8, 'rs3')}_${a(24, 'rs4')}');`],
      negative: ['RESEND_API_KEY=re_123456789', 're_compile_pattern_with_unicode_flags'],
    },
  },
  {
    id: 'mailersend-api-token',
    title: 'MailerSend API token',
    provider: 'MailerSend',
    keywords: ['mlsn.'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>mlsn\.[A-Za-z0-9]{64})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'MAILERSEND_API_KEY',
    remediation:
      'Delete the token in MailerSend (Integrations, API tokens), check the activity for mail you did not send, then create a new token with only the domain and scopes it needs and keep it in a secret manager.',
    examples: {
      positive: [`MAILERSEND_API_KEY=mlsn.${h(64, 'ml1')}`, `Authorization: Bearer mlsn.${a(64, 'ml2')}`],
      negative: [`mlsn.${h(32, 'ml3')}`, 'MAILERSEND_API_KEY=mlsn.xxxxxxxx'],
    },
  },
];
