import type { SecretRule } from '../secretRule';
import { ALNUM, HEX, chars } from '../fake';
import { B, E, assigned } from './context';

const URLSAFE = ALNUM + '_-';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const a = (n: number, label: string) => chars(ALNUM, n, `ai:${label}`);
const h = (n: number, label: string) => chars(HEX, n, `ai:${label}`);
const w = (n: number, label: string) => chars(URLSAFE, n, `ai:${label}`);

const OPENAI_ROTATE =
  'Delete the key at platform.openai.com/api-keys (admin keys: Organization settings, Admin keys), review usage for unexpected calls, then create a new key scoped to one project with the least permissions and keep it in a secret manager.';
/** OpenAI keys carry the base64 of "OpenAI" (T3BlbkFJ) between two random halves. */
const openaiKey = (kind: string, label: string) => `sk-${kind}-${w(74, `${label}a`)}T3BlbkFJ${w(74, `${label}b`)}`;

export const openaiRules: SecretRule[] = [
  ...(
    [
      ['proj', 'openai-project-key', 'OpenAI project API key', 'error'],
      ['svcacct', 'openai-service-account-key', 'OpenAI service account key', 'error'],
      ['admin', 'openai-admin-key', 'OpenAI admin API key', 'error'],
    ] as const
  ).map(
    ([kind, id, title, severity]): SecretRule => ({
      id,
      title,
      provider: 'OpenAI',
      keywords: [`sk-${kind}-`],
      pattern: new RegExp(`${B}(?<secret>sk-${kind}-[A-Za-z0-9_-]{20,120}T3BlbkFJ[A-Za-z0-9_-]{20,120})${E}`),
      minEntropy: 3.5,
      severity,
      envName: kind === 'admin' ? 'OPENAI_ADMIN_KEY' : 'OPENAI_API_KEY',
      remediation: OPENAI_ROTATE,
      docsUrl: 'https://platform.openai.com/api-keys',
      examples: {
        positive: [`OPENAI_API_KEY=${openaiKey(kind, id)}`, `client = OpenAI(api_key="${openaiKey(kind, `${id}2`)}")`],
        negative: [
          // Right length, missing the T3BlbkFJ marker.
          `sk-${kind}-${w(160, `${id}n`)}`,
          `OPENAI_API_KEY=sk-${kind}-...`,
        ],
      },
    }),
  ),
  {
    id: 'openai-legacy-key',
    title: 'OpenAI API key (legacy user key)',
    provider: 'OpenAI',
    keywords: ['t3blbkfj'],
    pattern: new RegExp(`${B}(?<secret>sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})${E}`),
    severity: 'error',
    envName: 'OPENAI_API_KEY',
    remediation: OPENAI_ROTATE,
    examples: {
      positive: [`openai.api_key = "sk-${a(20, 'l1')}T3BlbkFJ${a(20, 'l2')}"`, `OPENAI_API_KEY=sk-${a(20, 'l3')}T3BlbkFJ${a(20, 'l4')}`],
      negative: [`sk-${a(48, 'l5')}`, `sk-${a(10, 'l6')}T3BlbkFJ${a(10, 'l7')}`],
    },
  },
];

const ANTHROPIC_ROTATE =
  'Disable and delete the key at console.anthropic.com/settings/keys (admin keys: Settings, Admin keys), check usage for calls you did not make, then create a new key in the right workspace and keep it in a secret manager.';

export const anthropicRules: SecretRule[] = [
  {
    id: 'anthropic-api-key',
    title: 'Anthropic API key',
    provider: 'Anthropic',
    keywords: ['sk-ant-api'],
    // Documented as sk-ant-api03-; the version digits are not pinned so a new version is still caught.
    pattern: new RegExp(`${B}(?<secret>sk-ant-api\\d\\d-[A-Za-z0-9_-]{93}AA)${E}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'ANTHROPIC_API_KEY',
    remediation: ANTHROPIC_ROTATE,
    docsUrl: 'https://docs.anthropic.com/en/api/getting-started',
    examples: {
      positive: [`ANTHROPIC_API_KEY=sk-ant-api03-${w(93, 'an1')}AA`, `client = Anthropic(api_key='sk-ant-api03-${w(93, 'an2')}AA')`],
      negative: ['sk-ant-api02-notarealkey', `sk-ant-api03-${w(60, 'an3')}AA`, `ssk-ant-api03-${w(93, 'an4')}AA`],
    },
  },
  {
    id: 'anthropic-admin-key',
    title: 'Anthropic admin API key',
    provider: 'Anthropic',
    keywords: ['sk-ant-admin'],
    pattern: new RegExp(`${B}(?<secret>sk-ant-admin\\d\\d-[A-Za-z0-9_-]{93}AA)${E}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'ANTHROPIC_ADMIN_KEY',
    remediation: ANTHROPIC_ROTATE,
    examples: {
      positive: [`ANTHROPIC_ADMIN_KEY=sk-ant-admin01-${w(93, 'ad1')}AA`, `"sk-ant-admin01-${w(93, 'ad2')}AA"`],
      negative: ['sk-ant-admin01-short', `sk-ant-admin01-${w(93, 'ad3')}`],
    },
  },
];

export const aiRules: SecretRule[] = [
  {
    id: 'huggingface-token',
    title: 'Hugging Face user access token',
    provider: 'Hugging Face',
    keywords: ['hf_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>hf_[A-Za-z]{34})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'HF_TOKEN',
    remediation:
      'Invalidate the token at huggingface.co/settings/tokens ("Invalidate and refresh"), check the account\'s recent activity, then create a fine-grained token with only the repositories it needs and keep it in a secret manager.',
    examples: {
      positive: [`HF_TOKEN=hf_${chars(LETTERS, 34, 'hf1')}`, `login(token="hf_${chars(LETTERS, 34, 'hf2')}")`],
      negative: ['hf_abc', `hf_${chars(LETTERS, 16, 'hf3')}1${chars(LETTERS, 17, 'hf4')}`, `xhf_${chars(LETTERS, 34, 'hf5')}`, `hf_${chars(LETTERS, 35, 'hf6')}`],
    },
  },
  {
    id: 'huggingface-org-token',
    title: 'Hugging Face organization API token (legacy)',
    provider: 'Hugging Face',
    keywords: ['api_org_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>api_org_[A-Za-z]{34})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'HF_ORG_TOKEN',
    remediation:
      'Revoke the organization token in the organization\'s settings on huggingface.co, replace it with a fine-grained user or organization token, and keep that in a secret manager.',
    examples: {
      positive: [`token = "api_org_${chars(LETTERS, 34, 'ho1')}"`, `HF_ORG=api_org_${chars(LETTERS, 34, 'ho2')}`],
      negative: ['api_org_tokens are deprecated', `api_org_${chars(LETTERS, 20, 'ho3')}`],
    },
  },
  {
    id: 'replicate-api-token',
    title: 'Replicate API token',
    provider: 'Replicate',
    keywords: ['r8_'],
    pattern: new RegExp(`${B}(?<secret>r8_[A-Za-z0-9]{37})${E}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'REPLICATE_API_TOKEN',
    remediation: 'Disable the token at replicate.com/account/api-tokens, create a new one, and keep it in a secret manager.',
    examples: {
      positive: [`REPLICATE_API_TOKEN=r8_${a(37, 'rp1')}`, `replicate.Client(api_token="r8_${a(37, 'rp2')}")`],
      negative: ['r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', `r8_${a(20, 'rp3')}`],
    },
  },
  {
    id: 'perplexity-api-key',
    title: 'Perplexity API key',
    provider: 'Perplexity',
    keywords: ['pplx-'],
    pattern: new RegExp(`${B}(?<secret>pplx-[A-Za-z0-9]{48})${E}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'PERPLEXITY_API_KEY',
    remediation: 'Delete the key at perplexity.ai/settings/api, generate a new one, and keep it in a secret manager.',
    examples: {
      positive: [`PERPLEXITY_API_KEY=pplx-${a(48, 'pp1')}`, `"pplx-${a(48, 'pp2')}"`],
      negative: ['pplx-api is the endpoint', `pplx-${a(30, 'pp3')}`],
    },
  },
  {
    id: 'xai-api-key',
    title: 'xAI API key',
    provider: 'xAI',
    keywords: ['xai-'],
    pattern: new RegExp(`${B}(?<secret>xai-[A-Za-z0-9_]{80})${E}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'XAI_API_KEY',
    remediation: 'Delete the key in the xAI console (console.x.ai, API Keys), create a new one with the least endpoints and models, and keep it in a secret manager.',
    examples: {
      positive: [`XAI_API_KEY=xai-${a(80, 'xa1')}`, `api_key="xai-${a(80, 'xa2')}"`],
      negative: ['xai-grok-beta', `xai-${a(40, 'xa3')}`],
    },
  },
  {
    id: 'langsmith-api-key',
    title: 'LangSmith API key',
    provider: 'LangChain',
    keywords: ['lsv2_pt_', 'lsv2_sk_'],
    pattern: new RegExp(`${B}(?<secret>lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})${E}`),
    severity: 'error',
    envName: 'LANGSMITH_API_KEY',
    remediation: 'Delete the key at smith.langchain.com (Settings, API Keys), create a new personal or service key, and keep it in a secret manager.',
    examples: {
      positive: [`LANGSMITH_API_KEY=lsv2_pt_${h(32, 'ls1')}_${h(10, 'ls2')}`, `"lsv2_sk_${h(32, 'ls3')}_${h(10, 'ls4')}"`],
      negative: ['lsv2_pt_...', `lsv2_pt_${h(32, 'ls5')}`],
    },
  },
  {
    id: 'pinecone-api-key',
    title: 'Pinecone API key',
    provider: 'Pinecone',
    keywords: ['pcsk_'],
    pattern: new RegExp(`${B}(?<secret>pcsk_[A-Za-z0-9]{4,12}_[A-Za-z0-9]{40,90})${E}`),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'PINECONE_API_KEY',
    remediation: 'Delete the key in the Pinecone console (your project, API Keys), create a new one with the least role, and keep it in a secret manager.',
    examples: {
      positive: [`PINECONE_API_KEY=pcsk_${a(6, 'pc1')}_${a(65, 'pc2')}`, `Pinecone(api_key="pcsk_${a(5, 'pc3')}_${a(65, 'pc4')}")`],
      negative: ['pcsk_ keys are project scoped', `pcsk_${a(6, 'pc5')}_${a(10, 'pc6')}`],
    },
  },
  {
    id: 'pinecone-legacy-api-key',
    title: 'Pinecone API key (legacy UUID)',
    provider: 'Pinecone',
    keywords: ['pinecone'],
    pattern: assigned('pinecone', '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
    severity: 'error',
    envName: 'PINECONE_API_KEY',
    remediation: 'Delete the key in the Pinecone console (your project, API Keys), create a new one, and keep it in a secret manager.',
    examples: {
      positive: [`PINECONE_API_KEY=${h(8, 'pl1')}-${h(4, 'pl2')}-${h(4, 'pl3')}-${h(4, 'pl4')}-${h(12, 'pl5')}`, `pinecone_key: "${h(8, 'pl6')}-${h(4, 'pl7')}-${h(4, 'pl8')}-${h(4, 'pl9')}-${h(12, 'pl0')}"`],
      negative: ['PINECONE_API_KEY=${PINECONE_API_KEY}', `PINECONE_INDEX=${h(8, 'pn1')}`],
    },
  },
  {
    id: 'cohere-api-key',
    title: 'Cohere API key',
    provider: 'Cohere',
    keywords: ['cohere', 'co_api_key'],
    pattern: assigned('cohere|co_api_key', '[A-Za-z0-9]{40}', '\\bcohere\\.(?:Async)?Client(?:V2)?\\([ \\t]*(?:api_key[ \\t]*=[ \\t]*)?["\']'),
    minEntropy: 3.8,
    severity: 'error',
    envName: 'COHERE_API_KEY',
    remediation: 'Delete the key at dashboard.cohere.com/api-keys, create a new production key, and keep it in a secret manager.',
    examples: {
      positive: [`COHERE_API_KEY=${a(40, 'co1')}`, `cohere_api_key: "${a(40, 'co2')}"`, `co = cohere.Client("${a(40, 'co3')}")`, `co = cohere.ClientV2(api_key="${a(40, 'co4')}")`],
      negative: ['COHERE_API_KEY=${COHERE_API_KEY}', `cohere_model=command-r-plus`, 'co = cohere.Client(os.environ["COHERE_API_KEY"])'],
    },
  },
  {
    id: 'mistral-api-key',
    title: 'Mistral AI API key',
    provider: 'Mistral AI',
    keywords: ['mistral'],
    pattern: assigned('mistral', '[A-Za-z0-9]{32}'),
    minEntropy: 3.8,
    severity: 'error',
    envName: 'MISTRAL_API_KEY',
    remediation: 'Delete the key at console.mistral.ai (API Keys), create a new one for the workspace, and keep it in a secret manager.',
    examples: {
      positive: [`MISTRAL_API_KEY=${a(32, 'mi1')}`, `mistral_key: "${a(32, 'mi2')}"`],
      negative: ['MISTRAL_API_KEY=$MISTRAL_API_KEY', 'mistral_model: mistral-large-latest'],
    },
  },
  {
    id: 'elevenlabs-api-key',
    title: 'ElevenLabs API key',
    provider: 'ElevenLabs',
    keywords: ['elevenlabs', 'xi-api-key', 'eleven_api', 'xi_api_key'],
    pattern: assigned('elevenlabs|eleven_api|xi[-_]api[-_]key', 'sk_[a-f0-9]{48}|[a-f0-9]{32}'),
    minEntropy: 3.0,
    severity: 'error',
    envName: 'ELEVENLABS_API_KEY',
    remediation: 'Delete the key at elevenlabs.io (Developers, API Keys), create a new one with restricted permissions, and keep it in a secret manager.',
    examples: {
      positive: [`ELEVENLABS_API_KEY=sk_${h(48, 'el1')}`, `headers = {"xi-api-key": "${h(32, 'el2')}"}`],
      negative: ['ELEVENLABS_API_KEY=${ELEVENLABS_API_KEY}', 'xi-api-key: <your key>'],
    },
  },
  {
    id: 'deepseek-api-key',
    title: 'DeepSeek API key',
    provider: 'DeepSeek',
    keywords: ['deepseek'],
    pattern: assigned('deepseek', 'sk-[a-f0-9]{32}'),
    severity: 'error',
    envName: 'DEEPSEEK_API_KEY',
    remediation: 'Delete the key at platform.deepseek.com/api_keys, create a new one, and keep it in a secret manager.',
    examples: {
      positive: [`DEEPSEEK_API_KEY=sk-${h(32, 'ds1')}`, `deepseek_key = "sk-${h(32, 'ds2')}"`],
      negative: ['DEEPSEEK_API_KEY=sk-xxxx', `deepseek_model = "deepseek-chat"`],
    },
  },
  {
    id: 'openrouter-api-key',
    title: 'OpenRouter API key',
    provider: 'OpenRouter',
    keywords: ['sk-or-v1-'],
    pattern: new RegExp(`${B}(?<secret>sk-or-v1-[a-f0-9]{64})${E}`),
    severity: 'error',
    envName: 'OPENROUTER_API_KEY',
    remediation: 'Delete the key at openrouter.ai/settings/keys, check its usage and credit spend, create a new key with a credit limit, and keep it in a secret manager.',
    examples: {
      positive: [`OPENROUTER_API_KEY=sk-or-v1-${h(64, 'or1')}`, `client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="sk-or-v1-${h(64, 'or2')}")`],
      negative: ['OPENROUTER_API_KEY=sk-or-v1-...', `sk-or-v1-${h(40, 'or3')}`],
    },
  },
];
