import type { SecretRule } from '../secretRule';
import { adminCommandRules } from './adminCommands';
import { commandLineRules } from './commandLine';
import { configFileRules } from './configFiles';
import { connectionStringRules } from './connectionStrings';
import { httpAuthRules } from './httpAuth';
import { privateKeyRules } from './privateKeys';
import { tokenRules } from './tokens';
import { toolPasswordRules } from './toolPasswords';

/** Token rules that only recognise a generic shape, so any provider rule naming the value wins. */
const FALLBACK_TOKENS = new Set(['jwt', 'secp256k1-private-key']);

/** Provider rules of the "keys" group: private keys and key material with its own format (highest priority). */
export const keysRules: SecretRule[] = [...privateKeyRules, ...tokenRules.filter((r) => !FALLBACK_TOKENS.has(r.id))];

/**
 * Credentials recognised by their container rather than their own format: connection strings, URLs
 * and headers with credentials, config files, JWTs, raw 64-hex keys. Ordered after every provider
 * rule, so that when a provider rule recognises the same value (a GitHub token in a URL, a Supabase
 * JWT), it wins.
 */
export const keysFallbackRules: SecretRule[] = [
  ...connectionStringRules,
  ...httpAuthRules,
  ...commandLineRules,
  ...adminCommandRules,
  ...toolPasswordRules,
  ...configFileRules,
  ...tokenRules.filter((r) => FALLBACK_TOKENS.has(r.id)),
];
