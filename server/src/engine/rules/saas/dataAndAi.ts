import type { SecretRule } from '../secretRule';
import { ALNUM, HEX, LOWER_ALNUM, chars } from '../fake';
import { fakeUuid, hasLetterAndDigit } from '../cloud/ruleKit';
import { B, E } from './context';

const a = (n: number, label: string) => chars(ALNUM, n, `data:${label}`);
const h = (n: number, label: string) => chars(HEX, n, `data:${label}`);
const l = (n: number, label: string) => chars(LOWER_ALNUM, n, `data:${label}`);
const letters = (n: number, label: string) => chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', n, `data:${label}`);
const w = (n: number, label: string) => chars(`${ALNUM}_-`, n, `data:${label}`);

/**
 * Two of lower case, upper case and digits: a short random key has them (a 16-character one has no
 * digit one time in sixteen, so a digit alone is not required), a word or snake_case name does not.
 */
const twoCharacterClasses = (body: string) => [/[a-z]/, /[A-Z]/, /\d/].filter((c) => c.test(body)).length >= 2;
/** Mixed case and a digit: tells a random key from a hex digest or a lower-case identifier. */
const mixedCaseWithDigit = (body: string) => /[a-z]/.test(body) && /[A-Z]/.test(body) && /\d/.test(body);

/** Databases, analytics and data APIs, and AI tool platforms whose keys carry a fixed prefix or suffix. */
export const dataAndAiRules: SecretRule[] = [
  {
    id: 'datastax-astra-token',
    title: 'DataStax Astra application token',
    provider: 'DataStax',
    keywords: ['astracs:'],
    pattern: new RegExp(`${B}(?<secret>AstraCS:[A-Za-z]{24}:[a-f0-9]{64})${E}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'ASTRA_DB_APPLICATION_TOKEN',
    remediation:
      'Revoke the token in the Astra portal (Settings, Token management), review the database\'s recent access, then generate a new token with the narrowest role and keep it in a secret manager.',
    examples: {
      positive: [`ASTRA_DB_APPLICATION_TOKEN=AstraCS:${letters(24, 'as1')}:${h(64, 'as2')}`, `token: "AstraCS:${letters(24, 'as3')}:${h(64, 'as4')}"`],
      negative: ['ASTRA_DB_APPLICATION_TOKEN=AstraCS:...', `AstraCS:${letters(24, 'as5')}:${h(32, 'as6')}`],
    },
  },
  {
    id: 'clickhouse-cloud-api-secret',
    title: 'ClickHouse Cloud API key secret',
    provider: 'ClickHouse',
    keywords: ['4b1d'],
    pattern: new RegExp(`${B}(?<secret>4b1d[A-Za-z0-9]{38})${E}`),
    // Hex digests can start with 4b1d too; the key's secret mixes both cases and digits.
    validate: (secret) => mixedCaseWithDigit(secret.slice(4)),
    minEntropy: 4,
    severity: 'error',
    envName: 'CLICKHOUSE_KEY_SECRET',
    remediation:
      'Delete the API key in the ClickHouse Cloud console (Organization, API keys), review the organization activity log, then create a new key with the least role and an expiry, kept in a secret manager.',
    examples: {
      positive: [`CLICKHOUSE_KEY_SECRET=4b1d${a(30, 'ch1')}Ab1${a(5, 'ch2')}`, `"key_secret": "4b1d${a(35, 'ch3')}Zz9"`],
      negative: [`sha: 4b1d${h(38, 'ch4')}`, `4b1d${a(20, 'ch5')}`],
    },
  },
  {
    id: 'maxmind-license-key',
    title: 'MaxMind license key',
    provider: 'MaxMind',
    keywords: ['_mmk'],
    window: { before: 48, after: 8 },
    pattern: new RegExp(`${B}(?<secret>[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)${E}`),
    validate: (secret) => hasLetterAndDigit(secret.slice(7, 36)),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'MAXMIND_LICENSE_KEY',
    remediation:
      'Generate a new license key in your MaxMind account (Manage license keys), update GeoIP update jobs from a secret manager, then delete the old key.',
    examples: {
      positive: [`MAXMIND_LICENSE_KEY=${a(6, 'mm1')}_${a(29, 'mm2')}_mmk`, `LicenseKey ${a(6, 'mm3')}_${a(29, 'mm4')}_mmk`],
      negative: [`MAXMIND_LICENSE_KEY=${a(6, 'mm5')}_${a(20, 'mm6')}_mmk`, 'my_config_mmk'],
    },
  },
  {
    id: 'posthog-personal-api-key',
    title: 'PostHog personal API key',
    provider: 'PostHog',
    description: 'A PostHog personal API key (not the public `phc_` project key) reads and changes the organization\'s data.',
    keywords: ['phx_'],
    pattern: new RegExp(`${B}(?<secret>phx_[A-Za-z0-9]{39,47})${E}`),
    validate: (secret) => hasLetterAndDigit(secret.slice(4)),
    minEntropy: 4,
    severity: 'error',
    envName: 'POSTHOG_PERSONAL_API_KEY',
    remediation:
      'Delete the key in PostHog (Settings, Personal API keys), review the activity log, then create a new key with only the scopes and projects it needs and keep it in a secret manager.',
    examples: {
      positive: [`POSTHOG_PERSONAL_API_KEY=phx_${a(43, 'ph1')}`, `headers = {"Authorization": "Bearer phx_${a(43, 'ph2')}"}`],
      negative: [`posthog.init("phc_${a(43, 'ph3')}")`, 'phx_click="save"'],
    },
  },
  {
    id: 'nvidia-api-key',
    title: 'NVIDIA API key',
    provider: 'NVIDIA',
    keywords: ['nvapi-'],
    pattern: new RegExp(`${B}(?<secret>nvapi-[A-Za-z0-9_-]{64})${E}`),
    validate: (secret) => hasLetterAndDigit(secret.slice(6)),
    minEntropy: 4,
    severity: 'error',
    envName: 'NVIDIA_API_KEY',
    remediation:
      'Revoke the key at build.nvidia.com or ngc.nvidia.com (Setup, API keys), check the account\'s usage, then create a new key with only the services it needs and keep it in a secret manager.',
    examples: {
      positive: [`NVIDIA_API_KEY=nvapi-${w(64, 'nv1')}`, `client = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key="nvapi-${w(64, 'nv2')}")`],
      negative: ['NVIDIA_API_KEY=nvapi-...', `nvapi-${w(30, 'nv3')}`],
    },
  },
  {
    id: 'tavily-api-key',
    title: 'Tavily API key',
    provider: 'Tavily',
    keywords: ['tvly-'],
    pattern: new RegExp(`${B}(?<secret>tvly-(?:dev-|prod-)?[A-Za-z0-9]{32})${E}`),
    validate: (secret) => hasLetterAndDigit(secret.slice(secret.lastIndexOf('-') + 1)),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'TAVILY_API_KEY',
    remediation: 'Delete the key at app.tavily.com (API keys), check its usage, create a new key and keep it in a secret manager.',
    examples: {
      positive: [`TAVILY_API_KEY=tvly-${a(32, 'tv1')}`, `TavilyClient(api_key="tvly-dev-${a(32, 'tv2')}")`],
      negative: ['TAVILY_API_KEY=tvly-YOUR_API_KEY', `tvly-${a(20, 'tv3')}`],
    },
  },
  {
    id: 'langfuse-secret-key',
    title: 'Langfuse secret key',
    provider: 'Langfuse',
    description: 'A Langfuse secret key (the `sk-lf-` half of the pair; the `pk-lf-` public key is not secret) writes and reads the project\'s traces.',
    keywords: ['sk-lf-'],
    pattern: new RegExp(`${B}(?<secret>sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${E}`),
    severity: 'error',
    envName: 'LANGFUSE_SECRET_KEY',
    remediation:
      'Delete the API key pair in the Langfuse project (Settings, API keys), check the project for unexpected traces and exports, then create a new pair and keep the secret key in a secret manager.',
    examples: {
      positive: [`LANGFUSE_SECRET_KEY=sk-lf-${fakeUuid('lf1')}`, `Langfuse(public_key="pk-lf-${fakeUuid('lf2')}", secret_key="sk-lf-${fakeUuid('lf3')}")`],
      negative: [`LANGFUSE_PUBLIC_KEY=pk-lf-${fakeUuid('lf4')}`, 'LANGFUSE_SECRET_KEY=sk-lf-...'],
    },
  },
  {
    id: 'intra42-client-secret',
    title: '42 Network (intra) client secret',
    provider: '42 Network',
    keywords: ['s-s4t2'],
    pattern: new RegExp(`${B}(?<secret>s-s4t2(?:ud|af)-[a-f0-9]{64})${E}`),
    minEntropy: 3,
    severity: 'error',
    envName: 'FT_CLIENT_SECRET',
    remediation:
      'Generate a new secret for the application on profile.intra.42.fr (Settings, API, the application), deploy it from a secret manager, and stop using the old one.',
    examples: {
      positive: [`FT_CLIENT_SECRET=s-s4t2ud-${h(64, 'ft1')}`, `secret: "s-s4t2af-${h(64, 'ft2')}"`],
      negative: [`s-s4t2ud-${h(40, 'ft3')}`, `s-s4t2xx-${h(64, 'ft4')}`],
    },
  },
  {
    id: 'settlemint-access-token',
    title: 'SettleMint access token',
    provider: 'SettleMint',
    keywords: ['sm_pat_', 'sm_aat_', 'sm_sat_'],
    pattern: new RegExp(`${B}(?<secret>sm_(?:pat|aat|sat)_[A-Za-z0-9]{16})${E}`),
    validate: (secret) => twoCharacterClasses(secret.slice(7)),
    minEntropy: 3,
    severity: 'error',
    envName: 'SETTLEMINT_ACCESS_TOKEN',
    remediation:
      'Delete the personal, application or service access token in the SettleMint console, check the workspace\'s audit log, then create a new token with an expiry and keep it in a secret manager.',
    examples: {
      positive: [`SETTLEMINT_ACCESS_TOKEN=sm_pat_${a(16, 'sm1')}`, `token: "sm_aat_${a(16, 'sm2')}"`],
      negative: [`sm_pat_${a(8, 'sm3')}`, 'sm_pat_ is the prefix of personal tokens', 'sm_sat_lowercaseidentifier'],
    },
  },
  {
    id: 'defined-networking-api-token',
    title: 'Defined Networking API token',
    provider: 'Defined Networking',
    keywords: ['dnkey-'],
    pattern: new RegExp(`${B}(?<secret>dnkey-[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52})(?![A-Za-z0-9=_-])`),
    validate: (secret) => hasLetterAndDigit(secret.slice(6)),
    minEntropy: 4,
    severity: 'error',
    envName: 'DN_API_KEY',
    remediation:
      'Delete the API key in the Defined Networking admin panel (API keys), review the network\'s hosts and audit log, then create a new key with the least scopes and keep it in a secret manager.',
    examples: {
      positive: [`DN_API_KEY=dnkey-${l(26, 'dn1')}-${l(52, 'dn2')}`, `api_key: "dnkey-${l(26, 'dn3')}-${l(52, 'dn4')}"`],
      negative: [`dnkey-${l(10, 'dn5')}-${l(20, 'dn6')}`, 'dnkey- is the prefix of API keys'],
    },
  },
  {
    id: 'adafruit-io-key',
    title: 'Adafruit IO key',
    provider: 'Adafruit',
    keywords: ['aio_'],
    pattern: new RegExp(`${B}(?<secret>aio_[A-Za-z0-9]{28})${E}`),
    validate: (secret) => twoCharacterClasses(secret.slice(4)),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'ADAFRUIT_IO_KEY',
    remediation:
      'Regenerate the key at io.adafruit.com (My Key, Regenerate key): the old key stops working at once. Update devices and scripts from a secret manager or their local configuration.',
    examples: {
      positive: [`ADAFRUIT_IO_KEY=aio_${a(28, 'io1')}`, `#define IO_KEY "aio_${a(28, 'io2')}"`],
      negative: [`aio_read_${l(19, 'io3')}`, `aio_${a(12, 'io4')}`],
    },
  },
];
