/**
 * Which kind of file is this? By path first, then by content for YAML files whose name says
 * nothing (GitLab `include:` files, Azure templates, composite actions).
 */

export type FileKind =
  | 'github-workflow'
  | 'github-action'
  | 'gitlab'
  | 'azure'
  | 'circleci'
  | 'bitbucket'
  | 'jenkins'
  | 'dockerfile'
  | 'compose'
  | 'code';

export type CodeLanguage = 'js' | 'python' | 'go' | 'ruby' | 'java' | 'csharp' | 'php';

const CODE_EXT: Record<string, CodeLanguage> = {
  js: 'js', mjs: 'js', cjs: 'js', jsx: 'js', ts: 'js', tsx: 'js', mts: 'js', cts: 'js',
  py: 'python', go: 'go', rb: 'ruby', java: 'java', kt: 'java', cs: 'csharp', php: 'php',
};

export function codeLanguage(baseName: string): CodeLanguage | undefined {
  const dot = baseName.lastIndexOf('.');
  return dot === -1 ? undefined : CODE_EXT[baseName.slice(dot + 1)];
}

/** Path-only decision; `undefined` for YAML that needs a look at the content. */
export function kindByPath(path: string, baseName: string): FileKind | 'yaml' | undefined {
  const p = path.toLowerCase();
  if (baseName === 'dockerfile' || baseName === 'containerfile' || baseName.endsWith('.dockerfile') || baseName.endsWith('.containerfile') || /^(?:dockerfile|containerfile)[.-]/.test(baseName)) return 'dockerfile';
  if (baseName === 'jenkinsfile' || baseName.endsWith('.jenkinsfile') || /^jenkinsfile[.-]/.test(baseName)) return 'jenkins';
  if (codeLanguage(baseName)) return 'code';
  if (!/\.ya?ml$/.test(baseName)) return undefined;
  if (/(?:^|\/)\.github\/workflows\/[^/]+$/.test(p)) return 'github-workflow';
  if (baseName === '.gitlab-ci.yml' || baseName === '.gitlab-ci.yaml' || baseName.endsWith('.gitlab-ci.yml')) return 'gitlab';
  if (/^azure-pipelines?\.ya?ml$/.test(baseName) || baseName.endsWith('.azure-pipelines.yml') || baseName.endsWith('.azure-pipelines.yaml')) return 'azure';
  if (/(?:^|\/)\.circleci\/config\.ya?ml$/.test(p)) return 'circleci';
  if (baseName === 'bitbucket-pipelines.yml') return 'bitbucket';
  if (/^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/.test(baseName)) return 'compose';
  return 'yaml';
}

/** Content decision for other YAML: looks at top-level keys only (cheap). */
export function kindByContent(path: string, text: string): FileKind | undefined {
  const top = new Set<string>();
  const re = /^([A-Za-z_.$][\w.$-]*|"[^"]+"|'[^']+'):/gm;
  for (let m = re.exec(text); m && top.size < 200; m = re.exec(text)) top.add(m[1].replace(/^["']|["']$/g, ''));
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if ((base === 'action.yml' || base === 'action.yaml') && /^\s+using:\s*["']?composite/m.test(text)) return 'github-action';
  if (top.has('jobs') && top.has('on')) return 'github-workflow';
  if (top.has('pipelines') && /^\s+-\s*step:/m.test(text)) return 'bitbucket';
  if (top.has('version') && (top.has('workflows') || top.has('orbs')) && top.has('jobs')) return 'circleci';
  if (top.has('services') && /^\s+(?:image|build):/m.test(text) && !top.has('stages') && !top.has('jobs')) return 'compose';
  if (top.has('trigger') || top.has('pool') || top.has('pr') || (top.has('stages') && /^\s+-\s*stage:/m.test(text)) || (top.has('steps') && /^\s*-\s*(?:task|script|bash|pwsh|powershell|checkout):/m.test(text)) || (top.has('jobs') && /^\s+-\s*(?:job|deployment):/m.test(text))) {
    return 'azure';
  }
  if (/(?:^|\/)\.gitlab\//.test(path.toLowerCase()) || top.has('include') || top.has('stages') || /^\s+(?:script|before_script):/m.test(text)) {
    if (/^\s+(?:script|before_script|after_script|stage|extends|rules|needs|only|except|trigger|image):/m.test(text) || top.has('include')) return 'gitlab';
  }
  return undefined;
}
