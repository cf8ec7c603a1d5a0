import type { SecretRule } from '../secretRule';
import { ALNUM, BASE64, HEX, UPPER_ALNUM, chars } from '../fake';
import { fakeUuid, hasLetterAndDigit } from '../cloud/ruleKit';
import { assigned } from '../saas/context';

const a = (n: number, label: string) => chars(ALNUM, n, `svc:${label}`);
const h = (n: number, label: string) => chars(HEX, n, `svc:${label}`);
const w = (n: number, label: string) => chars(ALNUM + '_-', n, `svc:${label}`);
/** A lower-case hex UUID, as LaunchDarkly keys carry after their prefix. */
const LOWER_UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** LaunchDarkly's name, its SDK clients and its usual setting names (`LD_SDK_KEY`, `LAUNCHDARKLY_...`). */
const LAUNCHDARKLY_CONTEXT = ['launchdarkly', 'ldclient', 'ld_sdk', 'ld_api', 'ld_access', 'ld-sdk', 'ld-api'];

const CONFLUENT_ROTATE =
  'Delete the API key in Confluent Cloud (API keys, or `confluent api-key delete <key>`), check the audit log, then create a key for a service account with least-privilege ACLs and keep key and secret in a secret manager.';

/** Feature-flag, CI and streaming services: keys with a prefix, or under a setting that names the service. */
export const serviceRules: SecretRule[] = [
  {
    id: 'launchdarkly-access-token',
    title: 'LaunchDarkly API access token',
    provider: 'LaunchDarkly',
    // `api-` + a UUID also names other things (resources, ids): LaunchDarkly's name must be near.
    keywords: LAUNCHDARKLY_CONTEXT,
    window: { before: 300, after: 300 },
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>api-${LOWER_UUID})(?![A-Za-z0-9_-])`),
    minEntropy: 3,
    severity: 'error',
    envName: 'LAUNCHDARKLY_ACCESS_TOKEN',
    remediation:
      'Delete or reset the token at app.launchdarkly.com (Organization settings, Authorization, Access tokens), check the audit log for flag and environment changes, then create a token with the least role and keep it in a secret manager.',
    examples: {
      positive: [`LAUNCHDARKLY_ACCESS_TOKEN=api-${fakeUuid('svc:ld1')}`, `curl https://app.launchdarkly.com/api/v2/flags -H "Authorization: api-${fakeUuid('svc:ld2')}"`],
      negative: [`LAUNCHDARKLY_ACCESS_TOKEN=api-${h(8, 'ld3')}`, `gateway: api-${fakeUuid('svc:ld4')}`, `LD_API_KEY=rest-api-${fakeUuid('svc:ld5')}`],
    },
  },
  {
    id: 'launchdarkly-sdk-key',
    title: 'LaunchDarkly server-side SDK key',
    provider: 'LaunchDarkly',
    keywords: LAUNCHDARKLY_CONTEXT,
    window: { before: 300, after: 300 },
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>sdk-${LOWER_UUID})(?![A-Za-z0-9_-])`),
    minEntropy: 3,
    severity: 'error',
    envName: 'LAUNCHDARKLY_SDK_KEY',
    remediation:
      'Reset the environment\'s SDK key (Project settings, Environments, the environment, "Reset SDK key", with a short expiry for the old one), deploy the new key from a secret manager, and keep SDK keys in server-side code only.',
    examples: {
      positive: [`LD_SDK_KEY=sdk-${fakeUuid('svc:ls1')}`, `client = ldclient.LDClient(Config("sdk-${fakeUuid('svc:ls2')}"))`],
      negative: [`LD_SDK_KEY=mob-${fakeUuid('svc:ls3')}`, `LD_SDK_KEY=aws-sdk-${fakeUuid('svc:ls4')}`, `build: sdk-${fakeUuid('svc:ls5')}`],
    },
  },
  {
    id: 'travisci-access-token',
    title: 'Travis CI API token',
    provider: 'Travis CI',
    keywords: ['travis'],
    pattern: assigned('travis[\\w.-]{0,16}?(?:token|key|secret)', '[A-Za-z0-9_-]{22}'),
    validate: hasLetterAndDigit,
    minEntropy: 3.3,
    severity: 'error',
    envName: 'TRAVIS_API_TOKEN',
    remediation:
      'Regenerate the token in Travis CI (account Settings, API authentication, "Regenerate token"), check the repositories\' settings and builds for changes you did not make, and keep the new token in a secret manager.',
    examples: {
      positive: [`TRAVIS_API_TOKEN=${a(22, 'tr1')}`, `travis_token: "${w(22, 'tr2')}"`],
      negative: [`TRAVIS_COMMIT=${h(40, 'tr3')}`, 'TRAVIS_TOKEN=${TRAVIS_TOKEN}'],
    },
  },
  {
    id: 'droneci-access-token',
    title: 'Drone CI token or RPC secret',
    provider: 'Drone CI',
    keywords: ['drone'],
    pattern: assigned('drone[\\w.-]{0,16}?(?:token|secret|key)', '[A-Za-z0-9]{32}'),
    validate: hasLetterAndDigit,
    minEntropy: 3,
    severity: 'error',
    envName: 'DRONE_TOKEN',
    remediation:
      'Rotate the user token in Drone (account settings, or POST /api/user/token?rotate=true); for DRONE_RPC_SECRET set a new value on the server and every runner. Check the builds and secrets for changes, and keep the new value in a secret manager.',
    examples: {
      positive: [`DRONE_TOKEN=${a(32, 'dr1')}`, `DRONE_RPC_SECRET: "${h(32, 'dr2')}"`],
      negative: [`DRONE_SERVER=https://drone.example.com`, 'DRONE_TOKEN=${DRONE_TOKEN}'],
    },
  },
  {
    id: 'confluent-api-secret',
    title: 'Confluent Cloud API secret',
    provider: 'Confluent',
    keywords: ['confluent'],
    pattern: assigned('confluent[\\w.-]{0,24}?(?:secret|password)', '[A-Za-z0-9+/]{64}'),
    validate: hasLetterAndDigit,
    minEntropy: 4,
    severity: 'error',
    envName: 'CONFLUENT_CLOUD_API_SECRET',
    remediation: CONFLUENT_ROTATE,
    examples: {
      positive: [`CONFLUENT_CLOUD_API_SECRET=${chars(BASE64, 64, 'svc:cs1')}`, `confluent_api_secret: "${a(64, 'cs2')}"`],
      negative: [`CONFLUENT_CLOUD_API_SECRET=${a(32, 'cs3')}`, 'CONFLUENT_CLOUD_API_SECRET=${CONFLUENT_SECRET}'],
    },
  },
  {
    id: 'confluent-api-key',
    title: 'Confluent Cloud API key',
    provider: 'Confluent',
    keywords: ['confluent'],
    pattern: assigned('confluent[\\w.-]{0,24}?(?:key|id|user)', '[A-Z0-9]{16}'),
    validate: (secret) => /^[A-Z0-9]{16}$/.test(secret) && hasLetterAndDigit(secret),
    minEntropy: 2.8,
    severity: 'warning',
    envName: 'CONFLUENT_CLOUD_API_KEY',
    description: 'A Confluent Cloud API key is written in the file; with its secret (usually nearby) it grants access to the cluster or the organization.',
    remediation: CONFLUENT_ROTATE,
    examples: {
      positive: [`CONFLUENT_CLOUD_API_KEY=${chars(UPPER_ALNUM, 16, 'svc:ck1')}`, `confluent_key: "${chars(UPPER_ALNUM, 16, 'svc:ck2')}"`],
      negative: [`CONFLUENT_CLOUD_API_KEY=${chars(UPPER_ALNUM, 16, 'svc:ck3').toLowerCase()}`, 'CONFLUENT_ENV_ID=env-a1b2c'],
    },
  },
];
