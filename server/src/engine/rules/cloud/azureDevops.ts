import type { SecretRule } from '../secretRule';
import { ALNUM, chars } from '../fake';
import { namedValue } from './ruleKit';

const DEVOPS_ROTATE =
  'In Azure DevOps (User settings > Personal access tokens) revoke the token (organization admins can revoke any PAT from Organization settings), check the audit log, then create a new one with the least scopes and a short expiry, or use a service connection with workload identity federation.';
const BASE32_LOWER = 'abcdefghijklmnopqrstuvwxyz234567';

export const azureDevopsRules: SecretRule[] = [
  {
    id: 'azure-devops-pat',
    title: 'Azure DevOps personal access token',
    provider: 'Azure DevOps',
    // Named for Azure DevOps, or any pat/token setting in a file that talks to Azure DevOps: a
    // 52-character lower-case base32 value is the PAT shape.
    keywords: ['devops', 'ado_', 'ado-', 'azdo', 'vsts', 'system_accesstoken', 'dev.azure.com', 'visualstudio.com'],
    window: { before: 400, after: 400 },
    pattern: namedValue(
      '(?:azure[_.-]?devops|ado|azdo|vsts|devops)[_.-]?(?:ext[_.-]?)?(?:pat|token|personal[_.-]?access[_.-]?token)|system[_.-]?accesstoken|(?<![A-Za-z0-9])(?:pat|token|personal[_.-]?access[_.-]?token)',
      '[a-z2-7]{52}',
      // A value followed by @ is URL user info: azure-devops-pat-in-url reports it.
      '(?![A-Za-z0-9_@])',
    ),
    validate: (secret) => /^[a-z2-7]{52}$/.test(secret) && /[2-7]/.test(secret),
    minEntropy: 3.8,
    severity: 'error',
    envName: 'AZURE_DEVOPS_EXT_PAT',
    remediation: DEVOPS_ROTATE,
    examples: {
      positive: [
        `AZURE_DEVOPS_EXT_PAT=${chars(BASE32_LOWER, 52, 'ado1')}`,
        `ado_pat: "${chars(BASE32_LOWER, 52, 'ado2b')}"`,
        `$pat = "${chars(BASE32_LOWER, 52, 'ado5')}"\nInvoke-RestMethod https://dev.azure.com/org/_apis/projects -Headers $h`,
      ],
      negative: [
        `AZURE_DEVOPS_EXT_PAT=${chars(BASE32_LOWER, 40, 'ado3')}`,
        'AZURE_DEVOPS_EXT_PAT: $(System.AccessToken)',
        `token = "${chars(BASE32_LOWER, 52, 'ado4')}" # unrelated file`,
      ],
    },
  },
  {
    id: 'azure-devops-pat-in-url',
    title: 'Azure DevOps personal access token in a URL',
    provider: 'Azure DevOps',
    keywords: ['dev.azure.com', 'visualstudio.com'],
    window: { before: 200, after: 40 },
    pattern: /https?:\/\/[^\s:@/"']{0,64}:(?<secret>[a-z2-7]{52}|[A-Za-z0-9]{84})@(?:[a-z0-9-]{1,64}\.)?(?:dev\.azure\.com|visualstudio\.com)/,
    validate: (secret) => secret.length === 84 || /[2-7]/.test(secret),
    minEntropy: 3.8,
    severity: 'error',
    envName: 'AZURE_DEVOPS_EXT_PAT',
    remediation: DEVOPS_ROTATE,
    examples: {
      positive: [
        `git clone https://build:${chars(BASE32_LOWER, 52, 'adou1')}@dev.azure.com/org/project/_git/repo`,
        `url = https://pat:${chars(BASE32_LOWER, 52, 'adou2')}@contoso.visualstudio.com/DefaultCollection`,
      ],
      negative: ['git clone https://dev.azure.com/org/project/_git/repo', 'https://build:$(System.AccessToken)@dev.azure.com/org/p/_git/r'],
    },
  },
  {
    id: 'azure-devops-pat-v2',
    title: 'Azure DevOps personal access token (84-character format)',
    provider: 'Azure DevOps',
    keywords: ['azdo'],
    window: { before: 90, after: 20 },
    // Microsoft's common annotated key layout: 52 random, the "JQQJ9" signature, 19 more, the "AZDO" provider signature, 4 checksum characters.
    pattern: /(?<![A-Za-z0-9_])(?<secret>[A-Za-z0-9]{52}JQQJ9[A-Za-z0-9]{19}AZDO[A-Za-z0-9]{4})(?![A-Za-z0-9_])/,
    severity: 'error',
    envName: 'AZURE_DEVOPS_EXT_PAT',
    remediation: DEVOPS_ROTATE,
    examples: {
      positive: [
        `AZURE_DEVOPS_EXT_PAT=${chars(ALNUM, 52, 'ad84a')}JQQJ99${chars(ALNUM, 18, 'ad84b')}AZDO${chars(ALNUM, 4, 'ad84c')}`,
        `token: "${chars(ALNUM, 52, 'ad84d')}JQQJ99${chars(ALNUM, 18, 'ad84e')}AZDO${chars(ALNUM, 4, 'ad84f')}"`,
      ],
      negative: [`token: ${chars(ALNUM, 52, 'ad84g')}XXXXXX${chars(ALNUM, 18, 'ad84h')}AZDO${chars(ALNUM, 4, 'ad84i')}`, 'AZDO is the Azure DevOps signature'],
    },
  },
];
