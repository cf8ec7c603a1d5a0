import type { SecretRule } from '../secretRule';
import { ALNUM, BASE64URL, HEX, chars } from '../fake';

/** Tailscale keys: `tskey-<type>-<key id>-<secret>`. */
interface TailscaleKind {
  id: string;
  title: string;
  type: string;
  envName: string;
  remediation: string;
}

const TAILSCALE_KEYS_PAGE = 'the Tailscale admin console (Settings > Keys';
const tailscaleKinds: TailscaleKind[] = [
  {
    id: 'tailscale-api-key',
    title: 'Tailscale API access token',
    type: 'api',
    envName: 'TAILSCALE_API_KEY',
    remediation: `Revoke the token in ${TAILSCALE_KEYS_PAGE} > API access tokens), review the configuration audit log, then use an OAuth client with scoped, short-lived tokens instead.`,
  },
  {
    id: 'tailscale-auth-key',
    title: 'Tailscale auth key',
    type: 'auth',
    envName: 'TS_AUTHKEY',
    remediation: `Revoke the key in ${TAILSCALE_KEYS_PAGE} > Auth keys), remove any machine it added that you do not recognise, then issue ephemeral, pre-approved, tagged keys from an OAuth client or workload identity federation.`,
  },
  {
    id: 'tailscale-oauth-client-secret',
    title: 'Tailscale OAuth client secret',
    type: 'client',
    envName: 'TS_OAUTH_SECRET',
    remediation: `Revoke the OAuth client in ${TAILSCALE_KEYS_PAGE} > OAuth clients), review the audit log, then create a new client with the narrowest scopes and tags.`,
  },
  {
    id: 'tailscale-scim-key',
    title: 'Tailscale SCIM API key',
    type: 'scim',
    envName: 'TAILSCALE_SCIM_KEY',
    remediation: 'Rotate the SCIM key (admin console > Settings > User management > SCIM) and update the identity provider with the new one.',
  },
  {
    id: 'tailscale-webhook-secret',
    title: 'Tailscale webhook secret',
    type: 'webhook',
    envName: 'TAILSCALE_WEBHOOK_SECRET',
    remediation: 'Rotate the webhook secret (admin console > Settings > Webhooks > the endpoint > Rotate secret) and update the receiver that verifies signatures.',
  },
];

/** Letters before the prefix make it part of another word; a digit, `_` or punctuation does not. */
const tailscalePattern = (type: string) =>
  new RegExp(`(?<![A-Za-z])(?<secret>tskey-${type}-[A-Za-z0-9]{6,40}-[A-Za-z0-9]{16,64})(?![A-Za-z0-9])`);
const tailscaleKey = (type: string, label: string) => `tskey-${type}-${chars(ALNUM, 12, `ts1:${label}`)}-${chars(ALNUM, 32, `ts2:${label}`)}`;

function tailscaleRule(kind: TailscaleKind): SecretRule {
  return {
    id: kind.id,
    title: kind.title,
    provider: 'Tailscale',
    keywords: [`tskey-${kind.type}-`],
    pattern: tailscalePattern(kind.type),
    severity: 'error',
    envName: kind.envName,
    remediation: kind.remediation,
    examples: {
      positive: [`${kind.envName}=${tailscaleKey(kind.type, `${kind.type}1`)}`, `key: "${tailscaleKey(kind.type, `${kind.type}2`)}"`, `MY_${tailscaleKey(kind.type, `${kind.type}3`)}`],
      negative: [`x${tailscaleKey(kind.type, `${kind.type}4`)}`, `tskey-${kind.type} is the prefix`, `tskey-${kind.type}-${chars(ALNUM, 12, 'short')}-abc`],
    },
  };
}

const knownTypes = tailscaleKinds.map((k) => k.type).join('|');

export const infraRules: SecretRule[] = [
  ...tailscaleKinds.map(tailscaleRule),
  {
    id: 'tailscale-key',
    title: 'Tailscale key (other type)',
    provider: 'Tailscale',
    keywords: ['tskey-'],
    pattern: new RegExp(`(?<![A-Za-z])(?<secret>tskey-(?!(?:${knownTypes})-)[a-z]{2,20}-[A-Za-z0-9]{6,40}-[A-Za-z0-9]{16,64})(?![A-Za-z0-9])`),
    severity: 'error',
    envName: 'TAILSCALE_KEY',
    remediation: 'Revoke the key in the Tailscale admin console (Settings > Keys), check the audit log for its use, then issue a scoped, short-lived replacement.',
    examples: {
      positive: [`TS_KEY=${tailscaleKey('future', 'u1')}`, `key: ${tailscaleKey('device', 'u2')}`],
      negative: ['A short string like tskey-foo is not a key.', `${tailscaleKey('api', 'u3')}`],
    },
  },
  {
    id: 'doppler-token',
    title: 'Doppler token',
    provider: 'Doppler',
    keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
    window: { before: 8, after: 100 },
    // Personal, service (optionally with the config name), service account, CLI, SCIM and audit tokens.
    pattern: /(?<![A-Za-z0-9_.])(?<secret>dp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'DOPPLER_TOKEN',
    remediation: 'Revoke the token in Doppler (the project config > Access > Service tokens, or Workplace settings > Tokens / Service accounts), check the activity log, then create a new token with read-only access to one config.',
    examples: {
      positive: [`DOPPLER_TOKEN=dp.st.prd.${chars(ALNUM, 43, 'dp1')}`, `doppler configure set token dp.pt.${chars(ALNUM, 43, 'dp2')}`, `token: dp.sa.${chars(ALNUM, 43, 'dp3')}`],
      negative: [`DOPPLER_TOKEN=dp.st.${chars(ALNUM, 20, 'dp4')}`, 'dp.pt. is a personal token prefix'],
    },
  },
  {
    id: 'pulumi-access-token',
    title: 'Pulumi access token',
    provider: 'Pulumi',
    keywords: ['pul-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>pul-[a-f0-9]{40})(?![A-Za-z0-9_-])/,
    minEntropy: 3,
    severity: 'error',
    envName: 'PULUMI_ACCESS_TOKEN',
    remediation: 'Delete the token in Pulumi Cloud (Settings > Access tokens, or the organization/team tokens), review the audit log, then use OIDC token exchange from CI or a team token with an expiry.',
    examples: {
      positive: [`PULUMI_ACCESS_TOKEN=pul-${chars(HEX, 40, 'pu1')}`, `token: "pul-${chars(HEX, 40, 'pu2')}"`],
      negative: [`pul-${chars(HEX, 20, 'pu3')}`, `pul-${chars(ALNUM, 40, 'pu4').toUpperCase()}`],
    },
  },
  {
    id: 'planetscale-service-token',
    title: 'PlanetScale service token',
    provider: 'PlanetScale',
    keywords: ['pscale_tkn_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>pscale_tkn_[A-Za-z0-9_.=-]{32,64})(?![A-Za-z0-9_.=-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'PLANETSCALE_SERVICE_TOKEN',
    remediation: 'Delete the service token in PlanetScale (Organization settings > Service tokens), check the audit log, then create a new token with access to only the databases it needs.',
    examples: {
      positive: [`PLANETSCALE_SERVICE_TOKEN=pscale_tkn_${chars(BASE64URL, 43, 'ps1')}`, `token: pscale_tkn_${chars(ALNUM, 43, 'ps2')}`],
      negative: [`pscale_tkn_${chars(ALNUM, 10, 'ps3')}`, 'pscale_tkn_ prefix'],
    },
  },
  {
    id: 'planetscale-password',
    title: 'PlanetScale database password',
    provider: 'PlanetScale',
    keywords: ['pscale_pw_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>pscale_pw_[A-Za-z0-9_.=-]{32,64})(?![A-Za-z0-9_.=-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'DATABASE_PASSWORD',
    remediation: 'Delete the password in PlanetScale (the database > Settings > Passwords), create a new one for the branch and role it needs, and deliver it through a secret manager.',
    examples: {
      positive: [`DATABASE_URL=mysql://user:pscale_pw_${chars(BASE64URL, 43, 'pw1')}@aws.connect.psdb.cloud/db`, `password: pscale_pw_${chars(ALNUM, 43, 'pw2')}`],
      negative: [`pscale_pw_${chars(ALNUM, 10, 'pw3')}`, 'pscale_pw_ prefix'],
    },
  },
  {
    id: 'planetscale-oauth-token',
    title: 'PlanetScale OAuth token',
    provider: 'PlanetScale',
    keywords: ['pscale_oauth_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>pscale_oauth_[A-Za-z0-9_.=-]{32,64})(?![A-Za-z0-9_.=-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'PLANETSCALE_OAUTH_TOKEN',
    remediation: 'Revoke the OAuth application\'s access in PlanetScale (Organization settings > OAuth applications or authorized apps), then authorize again.',
    examples: {
      positive: [`token = "pscale_oauth_${chars(BASE64URL, 43, 'po1')}"`, `PSCALE_OAUTH=pscale_oauth_${chars(ALNUM, 40, 'po2')}`],
      negative: [`pscale_oauth_${chars(ALNUM, 10, 'po3')}`, 'pscale_oauth_ prefix'],
    },
  },
  {
    id: 'docker-swarm-join-token',
    title: 'Docker Swarm join token',
    provider: 'Docker',
    description: 'A Docker Swarm join token lets any machine that reaches a manager join the swarm as a worker or a manager, and run its services and secrets.',
    keywords: ['swmtkn-1-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'SWARM_JOIN_TOKEN',
    remediation:
      'Rotate it on a manager (docker swarm join-token --rotate worker, or manager), check docker node ls for nodes you do not recognise and remove them, and hand new tokens to provisioning through a secret manager.',
    examples: {
      positive: [
        `docker swarm join --token SWMTKN-1-${chars('0123456789abcdefghijklmnopqrstuvwxyz', 50, 'sw1')}-${chars('0123456789abcdefghijklmnopqrstuvwxyz', 25, 'sw2')} 10.0.0.5:2377`,
        `SWARM_TOKEN=SWMTKN-1-${chars('0123456789abcdefghijklmnopqrstuvwxyz', 50, 'sw3')}-${chars('0123456789abcdefghijklmnopqrstuvwxyz', 25, 'sw4')}`,
      ],
      negative: ['docker swarm join --token SWMTKN-1-<token> 10.0.0.5:2377', `SWMTKN-1-${chars(HEX, 20, 'sw5')}`],
    },
  },
];
