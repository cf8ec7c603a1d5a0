import type { SecretRule } from '../secretRule';
import { configFileRules } from './configFiles';
import { connectionStringRules } from './connectionStrings';
import { httpAuthRules } from './httpAuth';
import { privateKeyRules } from './privateKeys';
import { tokenRules } from './tokens';

/** Provider rules of the "keys" group: private keys and raw key material (highest priority). */
export const keysRules: SecretRule[] = [...privateKeyRules, ...tokenRules.filter((r) => r.id !== 'jwt')];

/**
 * Credentials recognised by their container rather than their own format: connection strings, URLs
 * and headers with credentials, config files, JWTs. Ordered after every provider rule, so that when a
 * provider rule recognises the same value (a GitHub token in a URL, a Supabase JWT), it wins.
 */
export const keysFallbackRules: SecretRule[] = [
  ...connectionStringRules,
  ...httpAuthRules,
  ...configFileRules,
  ...tokenRules.filter((r) => r.id === 'jwt'),
];
