import { cloudFormationReference, examplePlaceholder } from './backends';
import { codeReplacement, importEdit, shellReplacement } from './code';
import { CODE_CONTEXTS, enclosingString, fileContext, type FileContext } from './context';
import { baseNameFor, parseDotenv, toEnvName, uniqueName } from './naming';
import { dockerfileReplacement, jenkinsReplacement, terraformReplacement, type Replacement } from './otherFixes';
import type { FileEdits, Fix, FixInput, OffsetEdit } from './types';
import { ENV_EXAMPLE_FILE, envExampleEdit, envFileEdit, envTitle, gitignoreEdit, isGitIgnored, localEnv } from './workspaceFiles';
import { keyVaultReplacement, yamlReference } from './yamlFixes';
import { locateYaml } from './yamlLocate';
import { envDefaultRemoval } from '../generic/envFallback';

/** Files whose own reader expands `${NAME}` from the environment: .npmrc, .yarnrc(.yml), Spring's application*.properties. */
const EXPANDS_ENVIRONMENT = /(?:^|\/)(?:\.npmrc|\.yarnrc(?:\.yml)?|application[\w-]*\.properties)$/;

const YAML_CONTEXTS = new Set<FileContext>(['github-actions', 'gitlab-ci', 'azure-pipelines', 'circleci', 'bitbucket', 'compose', 'kubernetes', 'yaml']);
const TEMPLATE_ENV = /(^|\/)\.env\.(example|sample|template|dist|defaults)$/i;

/** Names already used by fixes earlier in the same batch (fix-all), besides the workspace .env. */
export interface NamingState {
  taken: Set<string>;
}

/**
 * The reference fixes of a secret finding: the preferred one moves the value to `.env` (git-ignored)
 * and replaces it by a reference in the file's own idiom; the stash variant (VS Code) keeps the value
 * in SecretStorage instead. Undefined when the context is not understood well enough to edit safely.
 */
export function referenceFixes(input: FixInput, state: NamingState = { taken: new Set() }, literalFinding = input.finding.kind === 'secret'): Fix[] {
  const { text, path, finding, workspace } = input;
  const start = finding.startOffset;
  const end = finding.endOffset;
  const value = text.slice(start, end);
  if (!value || !literalFinding) return [];
  const context = fileContext(path, text);
  const local = localEnv(workspace);
  const dotenv = parseDotenv(local.text);
  let alreadyInEnv = false;
  const name = (base: string): string => {
    const picked = uniqueName(base, value, dotenv, text, state.taken);
    alreadyInEnv = picked.alreadyInEnv;
    return picked.name;
  };
  let base = baseNameFor(finding, text);
  if ((context === 'yaml' || context === 'json') && /^(PASSWORD|SECRET|TOKEN|KEY|API_KEY|PASS)$/.test(base) && !finding.data?.suggestedName) {
    // `database: {password: …}` -> DATABASE_PASSWORD: the parent key says whose secret it is.
    const parent = context === 'yaml' ? locateYaml(text, start)?.steps.slice(-2, -1)[0]?.key : undefined;
    if (typeof parent === 'string' && /^[A-Za-z][\w-]*$/.test(parent)) base = toEnvName(`${parent}_${base}`);
  }

  if (context === 'dotenv') return dotenvFixes(input, base, value);
  // A reference would become the literal password: the remedy is to remove the file and rotate
  // (the hover says how); only the suppressions are offered.
  if (context === 'credential-store') return [];

  let replacement: Replacement | undefined;
  const envDefault = envDefaultFix(input, dotenv, value);
  if (envDefault) {
    replacement = envDefault.replacement;
    alreadyInEnv = envDefault.alreadyInEnv;
  } else if (CODE_CONTEXTS.has(context)) {
    const n = name(base);
    const edits: OffsetEdit[] = [codeReplacement(text, start, end, context, n)];
    const imp = importEdit(text, context);
    if (imp) edits.push(imp);
    replacement = { name: n, edits, title: `Read ${n} from the environment (value moved to .env)` };
  } else if (context === 'shell' || context === 'pwsh') {
    const n = name(base);
    replacement = { name: n, edits: [shellReplacement(text, start, end, n, context === 'pwsh')], title: `Use \$${n} from the environment (value moved to .env)` };
  } else if (YAML_CONTEXTS.has(context) || (context === 'cloudformation' && !/\.json$/i.test(path))) {
    replacement = yamlReference({ text, start, end, context, name, baseName: base, backend: input.backend });
  } else if (context === 'terraform') {
    replacement = terraformReplacement(text, start, end, path, name, base);
  } else if (context === 'jenkins') {
    replacement = jenkinsReplacement(text, start, end, name, base);
  } else if (context === 'dockerfile') {
    replacement = dockerfileReplacement(text, start, end, name, base);
  } else if (context === 'azure-arm' || (context === 'json' && input.backend.backend === 'azure')) {
    if (enclosingString(text, start, end, '"') || context === 'azure-arm') replacement = keyVaultReplacement({ text, start, end, context, name, baseName: base, backend: input.backend });
  } else if (context === 'cloudformation') {
    const n = name(base);
    replacement = { name: n, edits: [{ start, end, newText: cloudFormationReference(n, input.backend) }], title: 'Replace with an AWS Secrets Manager dynamic reference (value moved to .env)' };
  } else {
    const n = name(base);
    // Only some formats expand `${NAME}` themselves (npm and Yarn config, Spring properties); elsewhere
    // (docs, data, C, SQL...) it is a placeholder that a template step or the user must fill in.
    const title = EXPANDS_ENVIRONMENT.test(path)
      ? `Replace with \${${n}} (expanded from the environment; value moved to .env)`
      : `Replace with the placeholder \${${n}} (value moved to .env; fill it in at build or deploy time)`;
    replacement = { name: n, edits: [{ start, end, newText: `\${${n}}` }], title };
  }
  if (!replacement) return [];
  state.taken.add(replacement.name);

  const doc: FileEdits = { path, edits: replacement.edits.filter((e) => e.newText !== '' || e.end > e.start) };
  const sideFiles: FileEdits[] = [];
  if (!alreadyInEnv) sideFiles.push(envFileEdit(local.text, replacement.name, value, path, local.path));
  const ignore = gitignoreEdit(workspace.gitignoreText, local.path);
  if (ignore) sideFiles.push(ignore);
  if (workspace.envExampleText !== undefined) {
    const example = envExampleEdit(workspace.envExampleText, replacement.name, examplePlaceholder(replacement.name, input.backend));
    if (example) sideFiles.push(example);
  }
  const fixes: Fix[] = [{ id: 'reference', title: envTitle(replacement.title, workspace), category: 'reference', preferred: true, files: [doc, ...sideFiles] }];
  if (input.offerStash) {
    fixes.push({
      id: 'stash',
      title: replacement.title.replace(/\(value moved to \.env[^)]*\)/, '(value kept in VS Code SecretStorage)'),
      category: 'reference',
      preferred: false,
      files: [doc],
      stash: { name: replacement.name, value },
    });
  }
  return fixes;
}

/**
 * The default of an environment read (`os.getenv("DB_PASSWORD", "v")`, `process.env.X || "v"`):
 * drop the default, so the code reads the variable it already names, and keep the value in .env
 * under that name. Undefined when dropping it would break the call (`getOrDefault`, helpers whose
 * default is required) or .env holds another value under that name: the plain reference fix applies.
 */
function envDefaultFix(input: FixInput, dotenv: Map<string, string>, value: string): { replacement: Replacement; alreadyInEnv: boolean } | undefined {
  const { text, finding } = input;
  const variable = finding.data?.envDefaultOf;
  if (typeof variable !== 'string' || finding.data?.envDefaultRemovable !== true) return undefined;
  const inEnv = dotenv.get(variable);
  if (inEnv !== undefined && inEnv !== value) return undefined;
  const removal = envDefaultRemoval(text, finding.startOffset, finding.endOffset);
  if (!removal) return undefined;
  return {
    replacement: { name: variable, edits: [{ ...removal, newText: '' }], title: `Remove the hard-coded default of ${variable} (value moved to .env)` },
    alreadyInEnv: inEnv !== undefined,
  };
}

/** A secret in a dotenv file: local `.env*` files stay, git-ignored, with a `.env.example` line; templates lose the value. */
function dotenvFixes(input: FixInput, base: string, value: string): Fix[] {
  const { text, path, finding, workspace } = input;
  const lineStart = text.lastIndexOf('\n', finding.startOffset - 1) + 1;
  const key = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=/.exec(text.slice(lineStart, finding.startOffset));
  const name = key ? key[1] : base;
  const placeholder = examplePlaceholder(toEnvName(name) === name ? name : base, input.backend);
  if (TEMPLATE_ENV.test(path)) {
    const local = localEnv(workspace);
    const dotenv = parseDotenv(local.text);
    const picked = uniqueName(name, value, dotenv, '', new Set());
    const lit = enclosingString(text, finding.startOffset, finding.endOffset, `"'`, false);
    const whole = lit && lit.open + 1 === finding.startOffset && lit.close === finding.endOffset;
    const edit: OffsetEdit = whole ? { start: lit.open, end: lit.close + 1, newText: placeholder } : { start: finding.startOffset, end: finding.endOffset, newText: placeholder };
    const files: FileEdits[] = [{ path, edits: [edit] }];
    if (!picked.alreadyInEnv) files.push(envFileEdit(local.text, picked.name, value, path, local.path));
    const ignore = gitignoreEdit(workspace.gitignoreText, local.path);
    if (ignore) files.push(ignore);
    return [{ id: 'reference', title: `Replace with a placeholder (value moved to ${local.path} as ${picked.name})`, category: 'reference', preferred: true, files }];
  }
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  const files: FileEdits[] = [];
  const ignore = isGitIgnored(workspace.gitignoreText, path) ? undefined : gitignoreEdit(workspace.gitignoreText, path.includes('/') ? path : fileName);
  if (ignore) files.push(ignore);
  const example = envExampleEdit(workspace.envExampleText, name, placeholder);
  if (example && path !== ENV_EXAMPLE_FILE) files.push(example);
  if (files.length === 0) return [];
  const untrack = workspace.envTracked && fileName === '.env' ? `; then run git rm --cached ${path}` : '';
  return [{ id: 'reference', title: `Keep ${fileName} local (git-ignored) and add ${name} to ${ENV_EXAMPLE_FILE}${untrack}`, category: 'reference', preferred: true, files: [{ path, edits: [] }, ...files] }];
}
