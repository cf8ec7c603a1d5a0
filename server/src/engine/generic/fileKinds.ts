/**
 * How values are written in a file, from its name: in code only quoted literals are values (an
 * unquoted right-hand side is an identifier or an expression); in configuration, shell and `.env`
 * files a bare word is a value too.
 */
export type FileKind = 'code' | 'go' | 'config' | 'shell' | 'markup' | 'json' | 'text';

/** Lock files hold integrity hashes and resolved versions: no generic detection there. */
const LOCK_FILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'cargo.lock', 'go.sum', 'poetry.lock',
  'gemfile.lock', 'composer.lock', 'pipfile.lock', 'pdm.lock', 'uv.lock', 'bun.lock', 'packages.lock.json',
  'podfile.lock', 'pubspec.lock', 'mix.lock', 'flake.lock', 'gradle.lockfile', 'package.resolved', '.terraform.lock.hcl',
]);

export function isLockFile(baseName: string): boolean {
  return LOCK_FILES.has(baseName);
}

const CODE = new Set([
  'js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts', 'vue', 'svelte', 'py', 'pyw', 'java', 'kt', 'kts', 'scala',
  'groovy', 'gradle', 'cs', 'fs', 'vb', 'rb', 'php', 'rs', 'swift', 'dart', 'c', 'h', 'cc', 'cpp', 'hpp', 'cxx', 'm',
  'mm', 'lua', 'pl', 'pm', 'r', 'jl', 'ex', 'exs', 'erl', 'clj', 'cljs', 'hs', 'ml', 'zig', 'nim', 'cr', 'coffee',
  'ps1', 'psm1', 'sql', 'tf', 'tfvars', 'hcl', 'nix', 'bicep', 'jsonnet', 'libsonnet', 'cue', 'rake', 'gemspec', 'sbt',
]);
const SHELL = new Set(['sh', 'bash', 'zsh', 'ksh', 'fish', 'bat', 'cmd', 'mk', 'make']);
const CONFIG = new Set([
  'yml', 'yaml', 'env', 'ini', 'cfg', 'conf', 'cnf', 'properties', 'toml', 'npmrc', 'pypirc', 'netrc', 'pgpass',
  'editorconfig', 'gitconfig', 'service', 'desc', 'envrc', 'example', 'local', 'dist', 'sample', 'template', 'tpl',
]);
const MARKUP = new Set(['xml', 'config', 'csproj', 'vbproj', 'fsproj', 'props', 'targets', 'xaml', 'plist', 'html', 'htm', 'jsp', 'aspx', 'cshtml', 'razor', 'xhtml', 'svg', 'wsdl', 'pom', 'nuspec', 'resx', 'xsd']);
/** (`.map`: source maps, JSON whose `sourcesContent` holds code as escaped strings.) */
const JSON_LIKE = new Set(['json', 'jsonc', 'json5', 'ipynb', 'har', 'map']);

export function fileKindOf(baseName: string): FileKind {
  if (baseName === 'dockerfile' || baseName.startsWith('dockerfile.') || baseName.endsWith('.dockerfile')) return 'shell';
  if (baseName === 'makefile' || baseName === 'procfile' || baseName === 'jenkinsfile' || baseName === 'crontab') return 'shell';
  if (baseName.startsWith('.env') || baseName.endsWith('.env')) return 'config';
  if (baseName === 'gemfile' || baseName === 'rakefile' || baseName === 'vagrantfile' || baseName === 'podfile') return 'code';
  const dot = baseName.lastIndexOf('.');
  const ext = dot >= 0 ? baseName.slice(dot + 1) : '';
  if (ext === 'go') return 'go';
  if (CODE.has(ext)) return 'code';
  if (SHELL.has(ext)) return 'shell';
  if (CONFIG.has(ext) || baseName.startsWith('.') && dot === 0) return 'config';
  if (MARKUP.has(ext)) return 'markup';
  if (JSON_LIKE.has(ext)) return 'json';
  return 'text';
}

/** Whether a bare (unquoted) word after `=` or `:` is a value in this kind of file. */
export function acceptsBareValues(kind: FileKind): boolean {
  return kind === 'config' || kind === 'shell' || kind === 'text';
}
