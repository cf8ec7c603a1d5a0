import type { SecretRule } from '../secretRule';
import { BASE64URL, HEX, LOWER_ALNUM, chars } from '../fake';

/**
 * GitLab token prefixes (docs.gitlab.com/security/tokens/#token-prefixes). Every kind has a legacy
 * body and, since GitLab 17/18, a "routable" body: base64url payload, `.`, a 2-character version
 * (`01`), then a 7-9 character base36 CRC (with or without a second `.`).
 */
interface GitlabKind {
  id: string;
  title: string;
  prefix: string;
  /** Regex source of the legacy body after the prefix. */
  legacy: string;
  /** Generates a legacy body for examples. */
  legacyExample: (label: string) => string;
  envName: string;
  remediation: string;
  severity?: 'error' | 'warning';
}

const ROUTABLE = '[A-Za-z0-9_-]{27,300}\\.[0-9a-z]{2}\\.?[0-9a-z]{7,9}';
const word20 = (label: string) => chars(BASE64URL.replace('-', 'x').replace('_', 'y'), 20, `gl:${label}`);
const routable = (prefix: string, label: string) => `${prefix}${chars(BASE64URL.replace('-', 'q'), 40, `glr:${label}`)}.01.${chars(LOWER_ALNUM, 9, `glc:${label}`)}`;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

const kinds: GitlabKind[] = [
  {
    id: 'gitlab-personal-access-token',
    title: 'GitLab personal, project or group access token',
    prefix: 'glpat-',
    legacy: '[A-Za-z0-9_-]{20}',
    legacyExample: word20,
    envName: 'GITLAB_TOKEN',
    remediation:
      'Revoke it in GitLab (User settings > Access tokens, or the project/group Settings > Access tokens; admins can use the token revocation API), review the audit events, then create a new token with the least scopes and an expiry, stored as a masked CI/CD variable or in a secret manager.',
  },
  {
    id: 'gitlab-deploy-token',
    title: 'GitLab deploy token',
    prefix: 'gldt-',
    legacy: '[A-Za-z0-9_-]{20}',
    legacyExample: word20,
    envName: 'GITLAB_DEPLOY_TOKEN',
    remediation: 'Revoke it in the project or group (Settings > Repository > Deploy tokens), then create a new deploy token with only the scopes it needs and store it as a masked CI/CD variable.',
  },
  {
    id: 'gitlab-runner-authentication-token',
    title: 'GitLab runner authentication token',
    prefix: 'glrt-',
    legacy: '(?:t\\d_)?[A-Za-z0-9_-]{20}',
    legacyExample: word20,
    envName: 'CI_SERVER_TOKEN',
    remediation: 'Delete or reset the runner in GitLab (Settings > CI/CD > Runners, "Reset runner authentication token"), re-register it, and keep config.toml readable only by the runner user.',
  },
  {
    id: 'gitlab-pipeline-trigger-token',
    title: 'GitLab pipeline trigger token',
    prefix: 'glptt-',
    legacy: '[0-9a-f]{40}',
    legacyExample: (label) => chars(HEX, 40, `glptt:${label}`),
    envName: 'GITLAB_TRIGGER_TOKEN',
    remediation: 'Revoke the trigger in the project (Settings > CI/CD > Pipeline trigger tokens), create a new one and keep it in the calling system\'s secret store.',
  },
  {
    id: 'gitlab-feed-token',
    title: 'GitLab feed token',
    prefix: 'glft-',
    legacy: '[A-Za-z0-9_-]{20}',
    legacyExample: word20,
    envName: 'GITLAB_FEED_TOKEN',
    remediation: 'Reset the feed token (User settings > Access tokens > Feed token > Reset); old RSS/calendar links stop working.',
    severity: 'warning',
  },
  {
    id: 'gitlab-incoming-mail-token',
    title: 'GitLab incoming email token',
    prefix: 'glimt-',
    legacy: '[A-Za-z0-9_-]{25}',
    legacyExample: (label) => chars(LOWER_ALNUM, 25, `glimt:${label}`),
    envName: 'GITLAB_INCOMING_EMAIL_TOKEN',
    remediation: 'Reset the incoming email token (User settings > Access tokens > Incoming email token > Reset); addresses built from the old token stop working.',
    severity: 'warning',
  },
  {
    id: 'gitlab-agent-token',
    title: 'GitLab agent for Kubernetes token',
    prefix: 'glagent-',
    legacy: '[A-Za-z0-9_-]{50}',
    legacyExample: (label) => chars(BASE64URL.replace('-', 'k').replace('_', 'z'), 50, `glagent:${label}`),
    envName: 'GITLAB_AGENT_TOKEN',
    remediation: 'Revoke the agent token (Operate > Kubernetes clusters > the agent > Access tokens), create a new one and update the agentk secret in the cluster.',
  },
  {
    id: 'gitlab-ci-job-token',
    title: 'GitLab CI/CD job token',
    prefix: 'glcbt-',
    legacy: '[0-9a-zA-Z]{1,5}_[A-Za-z0-9_-]{20}',
    legacyExample: (label) => `${chars(HEX, 2, `glcbt1:${label}`)}_${word20(label)}`,
    envName: 'CI_JOB_TOKEN',
    remediation: 'Job tokens expire when the job ends; cancel the job if it still runs, check the job log exposure, and use $CI_JOB_TOKEN from the environment instead of copying its value.',
    severity: 'warning',
  },
  {
    id: 'gitlab-oauth-application-secret',
    title: 'GitLab OAuth application secret',
    prefix: 'gloas-',
    legacy: '[A-Za-z0-9_-]{64}',
    legacyExample: (label) => chars(HEX, 64, `gloas:${label}`),
    envName: 'GITLAB_OAUTH_SECRET',
    remediation: 'Renew the secret of the OAuth application (User, group or Admin settings > Applications > the app > Renew secret) and deploy the new one from a secret manager.',
  },
  {
    id: 'gitlab-scim-token',
    title: 'GitLab SCIM token',
    prefix: 'glsoat-',
    legacy: '[A-Za-z0-9_-]{20}',
    legacyExample: word20,
    envName: 'GITLAB_SCIM_TOKEN',
    remediation: 'Reset the SCIM token (group Settings > SAML SSO > SCIM token > Reset) and update the identity provider with the new one.',
  },
  {
    id: 'gitlab-feature-flags-client-token',
    title: 'GitLab feature flags client token',
    prefix: 'glffct-',
    legacy: '[A-Za-z0-9_-]{20}',
    legacyExample: word20,
    envName: 'UNLEASH_INSTANCE_ID',
    remediation: 'Reset the instance ID (Deploy > Feature flags > Configure > Reset) and update every Unleash client with the new one.',
    severity: 'warning',
  },
  {
    id: 'gitlab-runner-registration-token',
    title: 'GitLab runner registration token (deprecated)',
    prefix: 'GR1348941',
    legacy: '[A-Za-z0-9_-]{20}',
    legacyExample: word20,
    envName: 'REGISTRATION_TOKEN',
    remediation: 'Reset the registration token (Settings > CI/CD > Runners > Reset registration token), check for runners you did not register, and move to the runner creation workflow with authentication tokens.',
  },
];

function gitlabRule(kind: GitlabKind): SecretRule {
  const prefix = escapeRegex(kind.prefix);
  const legacy = (label: string) => kind.prefix + kind.legacyExample(label);
  return {
    id: kind.id,
    title: kind.title,
    provider: 'GitLab',
    keywords: [kind.prefix.toLowerCase()],
    window: { before: 8, after: 400 },
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${prefix}(?:${ROUTABLE}|${kind.legacy}))(?![A-Za-z0-9_-])`),
    minEntropy: 3,
    severity: kind.severity ?? 'error',
    envName: kind.envName,
    remediation: kind.remediation,
    docsUrl: 'https://docs.gitlab.com/security/tokens/',
    examples: {
      positive: [`${kind.envName}=${legacy('p1')}`, `token: "${legacy('p2')}"`, `token = '${routable(kind.prefix, kind.id)}'`],
      negative: [
        `${kind.envName}=${kind.prefix}abc`,
        `${kind.envName}=${legacy('n1')}${chars(LOWER_ALNUM, 7, 'tail')}`,
        `${kind.envName}: \${{ secrets.${kind.envName} }}`,
        `${kind.envName}=x${legacy('n2')}`,
      ],
    },
  };
}

export const gitlabRules: SecretRule[] = [
  ...kinds.map(gitlabRule),
  {
    id: 'gitlab-session-cookie',
    title: 'GitLab session cookie',
    provider: 'GitLab',
    keywords: ['_gitlab_session='],
    pattern: /_gitlab_session=(?<secret>[0-9a-z]{32})(?![A-Za-z0-9_])/,
    minEntropy: 3,
    severity: 'warning',
    remediation: 'Sign out of GitLab everywhere (User settings > Active sessions > Revoke) so the session cookie stops working; never paste cookies into code or tickets.',
    envName: 'GITLAB_SESSION',
    examples: {
      positive: [`Cookie: _gitlab_session=${chars(LOWER_ALNUM, 32, 's1')}`, `curl -b "_gitlab_session=${chars(LOWER_ALNUM, 32, 's2')}" https://gitlab.com`],
      negative: ['Cookie: _gitlab_session=abc', `_gitlab_session=${chars(LOWER_ALNUM, 40, 's3')}`],
    },
  },
];
