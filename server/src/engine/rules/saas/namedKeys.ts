import type { SecretRule } from '../secretRule';
import { ALNUM, HEX, chars } from '../fake';
import { assigned } from './context';

const a = (n: number, label: string) => chars(ALNUM, n, `named:${label}`);
const h = (n: number, label: string) => chars(HEX, n, `named:${label}`);

/**
 * Services whose keys have no prefix of their own (hex or letters of a fixed length): recognised
 * when assigned to a name that mentions the service. Generic detection would report most of them
 * too; these rules say whose key it is and how to revoke it. Public halves (Pusher and Amplitude
 * app keys, Vonage API keys, Bugsnag's browser-side use aside) are left out on purpose.
 */
export const namedKeyRules: SecretRule[] = [
  {
    id: 'rollbar-access-token',
    title: 'Rollbar access token',
    provider: 'Rollbar',
    keywords: ['rollbar'],
    pattern: assigned('rollbar', '[a-f0-9]{32}'),
    minEntropy: 3,
    severity: 'error',
    envName: 'ROLLBAR_ACCESS_TOKEN',
    remediation:
      'Disable and delete the token in Rollbar (Project or Account settings > Access Tokens), create a new one with the narrowest scope (post_server_item for servers), and keep it in a secret manager.',
    examples: {
      positive: [`ROLLBAR_ACCESS_TOKEN=${h(32, 'rb1')}`, `Rollbar.configure { |c| c.access_token = nil }\nrollbar_token: "${h(32, 'rb2')}"`],
      negative: ['ROLLBAR_ACCESS_TOKEN=${ROLLBAR_TOKEN}', `ROLLBAR_ENV=production`],
    },
  },
  {
    id: 'bugsnag-api-key',
    title: 'Bugsnag API key',
    provider: 'Bugsnag',
    keywords: ['bugsnag'],
    pattern: assigned('bugsnag', '[a-f0-9]{32}'),
    minEntropy: 3,
    severity: 'warning',
    description: 'A Bugsnag project API key lets anyone send error reports to the project (noise, quota, misleading data); server-side keys should stay out of the repository.',
    envName: 'BUGSNAG_API_KEY',
    remediation: 'Regenerate the project\'s notifier API key in Bugsnag (Project settings > Notifier API key > Regenerate), update the apps from a secret manager, and delete reports you did not send.',
    examples: {
      positive: [`BUGSNAG_API_KEY=${h(32, 'bs1')}`, `Bugsnag.start({ apiKey: '${h(32, 'bs2')}' })\nconst bugsnagKey = "${h(32, 'bs3')}";`],
      negative: ['BUGSNAG_API_KEY=', `BUGSNAG_RELEASE_STAGE=production`],
    },
  },
  {
    id: 'trello-api-token',
    title: 'Trello API key or token',
    provider: 'Trello',
    keywords: ['trello'],
    pattern: assigned('trello', 'ATTA[A-Fa-f0-9]{64,80}|[a-f0-9]{64}|[a-f0-9]{32}'),
    minEntropy: 3,
    severity: 'error',
    envName: 'TRELLO_TOKEN',
    remediation:
      'Revoke the token at trello.com (your account > Settings > Applications, or the Power-Up admin page for its API key), review the boards it could reach, and authorize a new token with the narrowest scope and an expiration.',
    examples: {
      positive: [`TRELLO_TOKEN=ATTA${h(64, 'tr1')}${h(8, 'tr2')}`, `trello_api_key: "${h(32, 'tr3')}"`, `TRELLO_TOKEN="${h(64, 'tr4')}"`],
      negative: ['TRELLO_BOARD_ID=5f2b1c9e', 'TRELLO_TOKEN=${{ secrets.TRELLO_TOKEN }}'],
    },
  },
  {
    id: 'vonage-api-secret',
    title: 'Vonage (Nexmo) API secret',
    provider: 'Vonage',
    keywords: ['vonage', 'nexmo'],
    pattern: assigned('(?:vonage|nexmo)[\\w.-]{0,16}?secret', '[A-Za-z0-9]{16}'),
    validate: (secret) => /\d/.test(secret) && /[A-Za-z]/.test(secret),
    minEntropy: 3,
    severity: 'error',
    envName: 'VONAGE_API_SECRET',
    remediation:
      'Create a new API secret in the Vonage dashboard (API settings > Add new secret), deploy it from a secret manager, then delete the old secret (an account holds two) and review usage for messages or calls you did not make.',
    examples: {
      positive: [`VONAGE_API_SECRET=${a(16, 'vn1')}`, `nexmo_secret: "${a(16, 'vn2')}"`],
      negative: [`VONAGE_API_KEY=${h(8, 'vn3')}`, 'VONAGE_API_SECRET=your_api_secret'],
    },
  },
  {
    id: 'pusher-app-secret',
    title: 'Pusher Channels app secret',
    provider: 'Pusher',
    keywords: ['pusher'],
    pattern: assigned('pusher[\\w.-]{0,16}?secret', '[a-f0-9]{20}'),
    minEntropy: 3,
    severity: 'error',
    envName: 'PUSHER_APP_SECRET',
    remediation: 'Create a new key pair in the Pusher dashboard (the app > App Keys > Create new key), deploy its secret from a secret manager, then delete the old key; the public app key can stay in clients.',
    examples: {
      positive: [`PUSHER_APP_SECRET=${h(20, 'pu1')}`, `'secret' => env('PUSHER_APP_SECRET'),\npusher_secret: "${h(20, 'pu2')}"`],
      negative: [`PUSHER_APP_KEY=${h(20, 'pu3')}`, 'PUSHER_APP_SECRET=${PUSHER_APP_SECRET}'],
    },
  },
  {
    id: 'amplitude-secret-key',
    title: 'Amplitude secret key',
    provider: 'Amplitude',
    keywords: ['amplitude'],
    pattern: assigned('amplitude[\\w.-]{0,16}?secret', '[a-f0-9]{32}'),
    minEntropy: 3,
    severity: 'error',
    envName: 'AMPLITUDE_SECRET_KEY',
    remediation: 'Ask an organization admin to rotate the project\'s secret key (Settings > Projects > the project > General), update export and API jobs from a secret manager, and review data exports.',
    examples: {
      positive: [`AMPLITUDE_SECRET_KEY=${h(32, 'am1')}`, `amplitude_secret: "${h(32, 'am2')}"`],
      negative: [`AMPLITUDE_API_KEY=${h(32, 'am3')}`, 'AMPLITUDE_SECRET_KEY='],
    },
  },
  {
    id: 'freshdesk-api-key',
    title: 'Freshdesk API key',
    provider: 'Freshdesk',
    keywords: ['freshdesk'],
    window: { before: 400, after: 400 },
    // Also as Freshdesk's API takes it: basic auth with the key as user name and `X` as password.
    pattern: assigned('freshdesk', '[A-Za-z0-9]{20}', '\\bauth[ \\t]*=[ \\t]*\\([ \\t]*["\'](?=[A-Za-z0-9]{20}["\'][ \\t]*,[ \\t]*["\']X["\'])'),
    validate: (secret) => /\d/.test(secret) && /[A-Za-z]/.test(secret),
    minEntropy: 3,
    severity: 'error',
    envName: 'FRESHDESK_API_KEY',
    remediation: 'Reset the agent\'s API key in Freshdesk (Profile settings > Reset API key), review the helpdesk audit log, and keep the new key in a secret manager.',
    examples: {
      positive: [`FRESHDESK_API_KEY=${a(20, 'fd1')}`, `freshdesk_key: "${a(20, 'fd2')}"`, `r = requests.get("https://acme.freshdesk.com/api/v2/tickets",\n                 auth=("${a(20, 'fd3')}", "X"))`],
      negative: ['FRESHDESK_DOMAIN=acme.freshdesk.com', 'FRESHDESK_API_KEY=abcdefghijklmnopqrst', `r = requests.get("https://acme.freshdesk.com/api/v2/tickets", auth=("${a(20, 'fd4')}", password))`],
    },
  },
];
