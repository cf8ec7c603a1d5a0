import type { SecretRule } from '../secretRule';
import { ALNUM, BASE64URL, chars, token } from '../fake';
import { hasLetterAndDigit, namedValue } from '../cloud/ruleKit';
import { spellsWords } from '../../values';

const VAULT_ROTATE =
  'Revoke it (`vault token revoke <token>`, or `vault token revoke -accessor <accessor>` from the audit log) and check the audit device for its use; then let clients log in with a short-TTL auth method (AppRole, Kubernetes, JWT/OIDC) instead of storing tokens.';

/** Vault tokens since 1.10: `hvs.`/`hvb.`/`hvr.` + base64url body (+ `.<namespace id>` on Enterprise). */
const vaultToken = (prefix: string, length: number, label: string) => token(prefix, length, BASE64URL, label);

/**
 * A short token body drawn at random: digits, or both cases, and letters not spelt as words
 * (`s.exampletokenvalueabcdef` is a stand-in). One random 24-character body in 60 has no digit.
 */
function isRandomTokenBody(body: string): boolean {
  return (hasLetterAndDigit(body) || (/[a-z]/.test(body) && /[A-Z]/.test(body))) && !spellsWords(body);
}

export const hashicorpRules: SecretRule[] = [
  {
    id: 'vault-service-token',
    title: 'HashiCorp Vault service token',
    provider: 'HashiCorp Vault',
    keywords: ['hvs.'],
    // 90+ characters (a protobuf in base64url), or `hvs.` + 24 characters: root tokens, as `vault
    // server -dev` and `vault operator generate-root` print them.
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>hvs\.(?:[A-Za-z0-9_-]{90,400}(?:\.[A-Za-z0-9]{5})?|[A-Za-z0-9]{24}))(?![A-Za-z0-9_-])/,
    // (The long form is base64 of a protobuf that holds readable parts: only the short form is checked.)
    validate: (secret) => secret.length > 28 || isRandomTokenBody(secret.slice(4)),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'VAULT_TOKEN',
    remediation: VAULT_ROTATE,
    docsUrl: 'https://developer.hashicorp.com/vault/docs/concepts/tokens',
    examples: {
      positive: [`VAULT_TOKEN=${vaultToken('hvs.', 91, 'v1')}`, `X-Vault-Token: ${vaultToken('hvs.', 110, 'v2')}.${chars(ALNUM, 5, 'ns')}`, `vault login ${token('hvs.', 24, ALNUM, 'v4')}`],
      negative: ['VAULT_TOKEN=hvs.abc', '# token: hvs.example', `VAULT_TOKEN=x${vaultToken('hvs.', 91, 'v3')}`, `VAULT_TOKEN=${token('hvs.', 30, ALNUM, 'v5')}`, 'vault login hvs.abcdefghijklmnopqrstuvwx'],
    },
  },
  {
    id: 'vault-batch-token',
    title: 'HashiCorp Vault batch token',
    provider: 'HashiCorp Vault',
    keywords: ['hvb.'],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>hvb\.[A-Za-z0-9_-]{138,600}(?:\.[A-Za-z0-9]{5})?)(?![A-Za-z0-9_-])/,
    minEntropy: 4,
    severity: 'error',
    envName: 'VAULT_TOKEN',
    remediation:
      'Batch tokens cannot be revoked one by one: revoke their parent token or lease prefix (`vault lease revoke -prefix`), or disable the auth method role that issued them; lower the batch token TTL and stop storing them.',
    examples: {
      positive: [`VAULT_BATCH_TOKEN=${vaultToken('hvb.', 150, 'b1')}`, `token = "${vaultToken('hvb.', 200, 'b2')}"`],
      negative: ['hvb.tooshortxxx', `token = ${vaultToken('hvb.', 60, 'b3')}`],
    },
  },
  {
    id: 'vault-recovery-token',
    title: 'HashiCorp Vault recovery token',
    provider: 'HashiCorp Vault',
    keywords: ['hvr.'],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>hvr\.[A-Za-z0-9_-]{90,400})(?![A-Za-z0-9_-])/,
    minEntropy: 4,
    severity: 'error',
    envName: 'VAULT_RECOVERY_TOKEN',
    remediation: 'Revoke the recovery token (`vault token revoke` in recovery mode), generate a new one with the recovery keys only when needed, and keep recovery key shares offline with separate holders.',
    examples: {
      positive: [`VAULT_RECOVERY_TOKEN='${vaultToken('hvr.', 95, 'r1')}'`, `recovery: ${vaultToken('hvr.', 120, 'r2')}`],
      negative: ['hvr.placeholder', `hvx.${chars(BASE64URL, 95, 'r3')}`],
    },
  },
  {
    id: 'vault-legacy-token',
    title: 'HashiCorp Vault token (pre-1.10 format)',
    provider: 'HashiCorp Vault',
    keywords: ['vault'],
    window: { before: 16, after: 120 },
    pattern: namedValue('vault[_.-]?(?:root[_.-]?|service[_.-]?|client[_.-]?)?token|x-vault-token', '[sb]\\.[A-Za-z0-9]{24}', '(?![A-Za-z0-9_.-])'),
    validate: (secret) => isRandomTokenBody(secret.slice(2)),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'VAULT_TOKEN',
    remediation: VAULT_ROTATE,
    examples: {
      positive: [`VAULT_TOKEN=s.${chars(ALNUM, 24, 'l1')}`, `X-Vault-Token: "s.${chars(ALNUM, 24, 'l2')}"`, `export VAULT_TOKEN="s.${chars(ALNUM.slice(0, 52), 24, 'l5')}"`],
      negative: [`VAULT_ADDR=s.${chars(ALNUM, 24, 'l3')}`, `token = s.${chars(ALNUM, 24, 'l4')}`, 'VAULT_TOKEN=s.root', 'VAULT_TOKEN=s.exampletokenvalueabcdef'],
    },
  },
  {
    id: 'terraform-cloud-api-token',
    title: 'HCP Terraform / Terraform Enterprise API token',
    provider: 'HashiCorp Terraform',
    keywords: ['.atlasv1.'],
    window: { before: 20, after: 120 },
    pattern: /(?<![A-Za-z0-9_])(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,100})(?![A-Za-z0-9_=-])/,
    minEntropy: 4,
    severity: 'error',
    envName: 'TF_TOKEN_app_terraform_io',
    remediation:
      'Revoke the token in HCP Terraform (User settings > Tokens, or the organization/team API tokens page), check the audit trail for runs you did not start, then use a short-lived team token or dynamic provider credentials (OIDC) from CI.',
    examples: {
      positive: [`credentials "app.terraform.io" { token = "${chars(ALNUM, 14, 't1')}.atlasv1.${chars(BASE64URL, 67, 't2')}" }`, `TF_TOKEN_app_terraform_io=${chars(ALNUM, 14, 't3')}.atlasv1.${chars(BASE64URL, 70, 't4')}`],
      negative: [`token = "${chars(ALNUM, 14, 't5')}.atlasv1.short"`, 'token = "${var.tfc_token}" # .atlasv1.'],
    },
  },
  {
    id: 'consul-gossip-encryption-key',
    title: 'Consul or Nomad gossip encryption key',
    provider: 'HashiCorp Consul / Nomad',
    description: 'The gossip encryption key (`consul keygen`, `nomad operator gossip keyring generate`) lets anyone who has it join or read the cluster\'s gossip traffic.',
    keywords: ['encrypt'],
    window: { before: 8, after: 80 },
    // HCL `encrypt = "…"` or JSON `"encrypt": "…"`: 32 random bytes in base64 (16 or 24 in older setups).
    pattern: /(?<![\w-])"?encrypt"?[ \t]*[=:][ \t]*"(?<secret>[A-Za-z0-9+/]{22}==|[A-Za-z0-9+/]{32}|[A-Za-z0-9+/]{43}=)"/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'CONSUL_GOSSIP_KEY',
    remediation:
      'Generate a new key (`consul keygen`), install it with `consul keyring -install`, make it primary with `-use`, remove the old one with `-remove` (Nomad: `nomad operator gossip keyring`), and deliver the key from Vault or a secret file rather than the agent configuration.',
    examples: {
      positive: [`encrypt = "${chars(ALNUM, 43, 'cg1')}="`, `{ "datacenter": "dc1", "encrypt": "${chars(ALNUM, 22, 'cg2')}==" }`],
      negative: ['encrypt = "${CONSUL_GOSSIP_KEY}"', 'encrypt_verify_incoming = true', `encrypt = "${chars(ALNUM, 12, 'cg3')}"`],
    },
  },
];
