import type { SecretRule } from '../secretRule';
import { ALNUM, BASE64URL, chars } from '../fake';
import { longToken } from '../saas/context';
import { hasLetterAndDigit } from './ruleKit';

const w = (n: number, label: string) => chars(BASE64URL, n, `yc:${label}`);
/** Not inside a longer base64 text: no token character, `+` or `/` before it, nor those or `=` after it. */
const START = '(?<![A-Za-z0-9_+/-])';
const END = '(?![A-Za-z0-9_+/=-])';

/** Yandex Cloud credentials. */
export const yandexRules: SecretRule[] = [
  {
    id: 'yandex-api-key',
    title: 'Yandex Cloud API key',
    provider: 'Yandex Cloud',
    keywords: ['aqvn'],
    pattern: new RegExp(`${START}(?<secret>AQVN[A-Za-z0-9_-]{35,38})${END}`),
    validate: (secret) => hasLetterAndDigit(secret.slice(4)),
    minEntropy: 4,
    severity: 'error',
    envName: 'YC_API_KEY',
    remediation:
      'Delete the API key (the service account\'s page in the Yandex Cloud console, API keys, or `yc iam api-key delete <id>`), check Audit Trails, then create a key with a scope and an expiry and keep it in Lockbox or another secret manager.',
    examples: {
      positive: [`YC_API_KEY=AQVN${w(36, 'ak1')}`, `Authorization: Api-Key AQVN${w(38, 'ak2')}`],
      negative: [`AQVN${w(20, 'ak3')}`, `MIIB${w(30, 'ak4')}+AQVN${w(36, 'ak5')}/${w(20, 'ak6')}`],
    },
  },
  longToken({
    id: 'yandex-iam-token',
    title: 'Yandex Cloud IAM token',
    provider: 'Yandex Cloud',
    keywords: ['t1.'],
    window: { after: 600 },
    // t1.<payload>.<86-character signature>.
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>t1\.[A-Za-z0-9_-]{20,400}={0,2}\.[A-Za-z0-9_-]{86}={0,2})(?![A-Za-z0-9_.=-])/,
    minEntropy: 4.5,
    severity: 'error',
    envName: 'YC_IAM_TOKEN',
    remediation:
      'An IAM token lives at most 12 hours: revoke or rotate the credential it was issued from (OAuth token, authorized key or the service account\'s keys), check Audit Trails, and request tokens at run time instead of storing them.',
    examples: {
      positive: [`YC_TOKEN=t1.${w(160, 'it1')}.${w(86, 'it2')}`, `Authorization: Bearer t1.${w(120, 'it3')}==.${w(86, 'it4')}`],
      negative: [`t1.${w(160, 'it5')}.${w(40, 'it6')}`, 'const t1 = t2.next(); t1.done'],
    },
  }),
  {
    id: 'yandex-static-access-key-secret',
    title: 'Yandex Cloud static access key secret',
    provider: 'Yandex Cloud',
    keywords: ['yandex'],
    // YC + 38 characters is short for a prefix alone: it counts only near "yandex" (a setting name,
    // the storage.yandexcloud.net endpoint, a provider block).
    window: { before: 300, after: 300 },
    pattern: new RegExp(`${START}(?<secret>YC[A-Za-z0-9_-]{38})${END}`),
    validate: (secret) => hasLetterAndDigit(secret.slice(2)),
    minEntropy: 4,
    severity: 'error',
    envName: 'YC_SECRET_ACCESS_KEY',
    remediation:
      'Delete the static access key (`yc iam access-key delete <id>`, or the service account\'s page in the console), check Object Storage and Audit Trails logs, then create a new key and keep it in Lockbox or another secret manager.',
    examples: {
      positive: [
        `endpoint_url = "https://storage.yandexcloud.net"\naws_secret_access_key = YC${w(38, 'sk1')}`,
        `YANDEX_SECRET_KEY="YC${w(38, 'sk2')}"`,
      ],
      negative: [`aws_secret_access_key = YC${w(38, 'sk3')}`, `yandex:\n  secret: YC${chars(ALNUM, 20, 'yc:sk4')}`],
    },
  },
];
