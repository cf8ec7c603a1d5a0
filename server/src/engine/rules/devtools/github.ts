import type { SecretRule } from '../secretRule';
import { checksummedToken, token } from '../fake';
import { hasValidCrc32Base62Suffix } from '../checksums';

const GITHUB_ROTATE =
  'Revoke it at github.com/settings/tokens (or the organization\'s token settings), check the security log for its use, then create a new token with the least scopes and an expiry, kept in a secret manager.';

export const githubRules: SecretRule[] = [
  {
    id: 'github-classic-pat',
    title: 'GitHub personal access token (classic)',
    provider: 'GitHub',
    keywords: ['ghp_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9])/,
    validate: (secret) => hasValidCrc32Base62Suffix(secret.slice(4)),
    severity: 'error',
    envName: 'GITHUB_TOKEN',
    remediation: GITHUB_ROTATE,
    examples: {
      positive: [`const token = "${checksummedToken('ghp_')}";`, `GITHUB_TOKEN=${checksummedToken('ghp_', 'env')}`],
      negative: [
        // Right shape, wrong checksum.
        `const token = "${token('ghp_', 36)}";`,
        'ghp_ is the prefix of classic tokens',
      ],
    },
  },
];
