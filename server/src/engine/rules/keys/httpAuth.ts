import { isRejectedProviderValue } from '../providerPrefixes';
import type { SecretRule } from '../secretRule';
import { ALNUM, chars } from '../fake';
import { decodeBase64, isPrintable, isRealPassword, isReference, looksDescriptive } from '../saas/context';

const a = (n: number, label: string) => chars(ALNUM, n, `http:${label}`);
const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

const HTTP_ROTATE =
  'Revoke the token or change the password at the service it belongs to, check that service\'s access logs, then send the credential from an environment variable or secret manager (curl -u "$USER:$PASS", -H "Authorization: Bearer $TOKEN") instead of a literal.';

/** `user:password` decoded from a Basic credential, when it is a real one. */
function isBasicCredential(encoded: string): boolean {
  const decoded = decodeBase64(encoded);
  if (decoded === undefined || !isPrintable(decoded)) return false;
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  return isRealPassword(decoded.slice(colon + 1), decoded.slice(0, colon));
}

/** A JWT is left to the `jwt` rule, which checks its header. */
const looksLikeJwt = (value: string) => /^eyJ[\w-]+\.ey[\w-]+\.[\w-]*$/.test(value);

export const httpAuthRules: SecretRule[] = [
  {
    id: 'curl-basic-auth',
    title: 'curl command with user name and password',
    provider: 'Basic auth',
    keywords: ['curl'],
    window: { after: 700 },
    pattern: /\bcurl\b(?:[^\r\n]|\\\r?\n){0,500}?[ \t](?:-u|--user|-U|--proxy-user)(?:[ \t]+|=)["']?(?<user>[^\s:"']{0,128}):(?<secret>[^\s"']{1,256})/,
    validate: (secret, match) => isRealPassword(secret, match.groups?.user),
    severity: 'error',
    envName: 'SERVICE_PASSWORD',
    remediation: HTTP_ROTATE,
    examples: {
      positive: [`curl -u deploy:${a(16, 'c1')} https://repo.internal.net/upload`, `curl -sS \\\n  --user "ci-bot:${a(20, 'c2')}" \\\n  https://api.internal.net/v1/items`],
      negative: ['curl -u "$USER:$PASSWORD" https://api.internal.net', 'curl -u admin: https://api.internal.net', 'curl -u user:pass https://example.com'],
    },
  },
  {
    id: 'http-basic-auth-header',
    title: 'HTTP Basic Authorization header with credentials',
    provider: 'Basic auth',
    keywords: ['authorization'],
    // `Authorization: Basic …`, `"Authorization": "Basic …"`, nginx's `proxy_set_header Authorization "Basic …"`.
    pattern: /authorization["']?(?:[ \t]*[:=][ \t]*["']?|[ \t]*,[ \t]*["']|[ \t]+["'])basic[ \t]+(?<secret>[A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])/i,
    validate: (secret) => isBasicCredential(secret),
    severity: 'error',
    envName: 'BASIC_AUTH_CREDENTIALS',
    remediation: HTTP_ROTATE,
    examples: {
      positive: [`curl -H "Authorization: Basic ${basic('ci', a(18, 'h1'))}" https://api.internal.net`, `headers = {"Authorization": "Basic ${basic('svc-reader', a(24, 'h2'))}"}`, `proxy_set_header Authorization "Basic ${basic('upstream', a(20, 'h4'))}";`],
      negative: [`-H "Authorization: Basic ${basic('user', 'password')}"`, 'send the Authorization Basic header with each request', '-H "Authorization: Basic $(echo -n $U:$P | base64)"', `Authorization: Basic ${Buffer.from(a(20, 'h3')).toString('base64')}`],
    },
  },
  {
    id: 'http-bearer-token-header',
    title: 'HTTP Authorization header with a bearer token (Bearer, token, ApiKey, AccessKey)',
    provider: 'HTTP',
    keywords: ['authorization'],
    // Also header setters: `.header("Authorization", "Bearer …")`, `setRequestHeader('Authorization', 'Bearer …')`,
    // `Token token=…` (PagerDuty's REST API, Rails' token authentication) and `AccessKey …` (MessageBird).
    pattern: /authorization["']?(?:[ \t]*(?:=>|[:=])[ \t]*["']?|[ \t]*,[ \t]*["']|[ \t]+["'])(?:bearer|token|apikey|accesskey)[ \t]+(?:token=["']?)?(?<secret>[A-Za-z0-9._~+/-]{16,2048}={0,2})(?![A-Za-z0-9._~+/=-])/i,
    // A provider-prefixed token the provider's own rule rejected is not a credential (providerPrefixes.ts).
    validate: (secret) => !isReference(secret) && !looksLikeJwt(secret) && !looksDescriptive(secret) && /[0-9]/.test(secret) && /[A-Za-z]/.test(secret) && !isRejectedProviderValue(secret),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'API_TOKEN',
    remediation: HTTP_ROTATE,
    examples: {
      positive: [`curl -H "Authorization: Bearer ${a(40, 'b1')}" https://api.internal.net/v1`, `fetch(url, { headers: { "Authorization": "token ${a(32, 'b2')}" } })`, `Request.Builder().url(u).header("Authorization", "Bearer ${a(40, 'b3')}").build()`, `curl -H "Authorization: ApiKey ${a(60, 'b4')}==" https://es.internal.net:9200/_cluster/health`, `curl -H "Authorization: Token token=u+${a(18, 'b5')}" https://api.pagerduty.com/incidents`, `-H "Authorization: Token token=${chars(ALNUM.slice(0, 52), 12, 'b7')}-${chars(ALNUM.slice(0, 52), 5, 'b8')}12"`, `headers = { 'Authorization' => 'Token token="${a(32, 'b6')}"' }`, `curl -s https://rest.messagebird.com/balance -H "Authorization: AccessKey ${a(25, 'b9')}"`],
      negative: ['curl -H "Authorization: Bearer $TOKEN" https://api.internal.net', '-H "Authorization: Bearer <token>"', 'Authorization: Bearer ${{ secrets.API_TOKEN }}', 'Authorization: Bearer YOUR_TOKEN_HERE', 'Authorization: Bearer test-token-12345', 'curl -H "Authorization: Token token=$PAGERDUTY_TOKEN" https://api.pagerduty.com/incidents'],
    },
  },
];
