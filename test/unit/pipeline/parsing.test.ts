import { strict as assert } from 'node:assert';
import { kindByContent, kindByPath } from '../../../server/src/engine/pipeline/classify';
import { isSecretName } from '../../../server/src/engine/pipeline/names';
import { commandName, tokenize } from '../../../server/src/engine/pipeline/shell/tokenizer';
import { mappedScalar, mapSpan, parseYaml } from '../../../server/src/engine/pipeline/yamlModel';
import { LineIndex } from '../../../server/src/engine/text/lineIndex';
import { engine, GHA, scan, workflow } from './harness';

describe('shell tokenizer', () => {
  it('splits commands on pipes, lists and newlines, and links pipes', () => {
    const cmds = tokenize('a x | b && c; d\ne || f');
    assert.deepEqual(cmds.map(commandName), ['a', 'b', 'c', 'd', 'e', 'f']);
    assert.equal(cmds[0].pipesTo, cmds[1]);
    assert.equal(cmds[2].pipedFrom, undefined);
  });

  it('keeps quotes, expansions and their offsets', () => {
    const s = `echo "a $X" '$Y' \${Z:-d} $(printenv) \${{ secrets.T }}`;
    const echo = tokenize(s).find((c) => commandName(c) === 'echo')!;
    const exps = echo.words.flatMap((w) => w.expansions);
    assert.deepEqual(exps.map((e) => [e.kind, e.name, s.slice(e.start, e.end)]), [
      ['var', 'X', '$X'],
      ['var', 'Z', '${Z:-d}'],
      ['subst', '', '$(printenv)'],
      ['expr', 'secrets.T', '${{ secrets.T }}'],
    ]);
    const inner = tokenize(s).find((c) => commandName(c) === 'printenv')!;
    assert.equal(inner.captured, true);
  });

  it('joins line continuations and reads heredoc bodies', () => {
    const s = 'printenv \\\n  HOME\ncat <<EOF > out\n$SECRET\nEOF\necho done';
    const cmds = tokenize(s);
    assert.deepEqual(cmds.map((c) => c.args.map((w) => w.value)), [['printenv', 'HOME'], ['cat'], ['echo', 'done']]);
    const heredoc = cmds[1].redirects.find((r) => r.op === '<<')!.heredoc!;
    assert.equal(s.slice(heredoc.start, heredoc.end), '$SECRET\n');
    assert.deepEqual(heredoc.expansions.map((e) => e.name), ['SECRET']);
  });

  it('reads PowerShell and cmd variables', () => {
    const ps = tokenize('Write-Host $env:API_TOKEN `\n  done', { dialect: 'pwsh' });
    assert.deepEqual(ps[0].words.flatMap((w) => w.expansions.map((e) => e.name)), ['API_TOKEN']);
    const cmd = tokenize('echo %DB_PASSWORD% & set', { dialect: 'cmd' });
    assert.deepEqual(cmd.map(commandName), ['echo', 'set']);
    assert.equal(cmd[0].words[1].expansions[0].name, 'DB_PASSWORD');
  });

  it('never throws on unbalanced input', () => {
    for (const s of ['echo "unterminated', "echo 'x", 'echo $(', 'echo ${', 'cat <<EOF', 'echo `x', '${{ secrets.', ')))', '|||']) {
      assert.doesNotThrow(() => tokenize(s));
    }
  });
});

describe('YAML model', () => {
  const lit = 'run: |\n  echo a\n  env\nnext: 1\n';
  it('maps literal block scalars back to file offsets', () => {
    const parsed = parseYaml(lit, new LineIndex(lit));
    const mapped = mappedScalar(parsed.doc.get('run', true), lit)!;
    assert.equal(mapped.text, 'echo a\nenv');
    const i = mapped.text.indexOf('env');
    assert.equal(lit.slice(...mapSpan(mapped, i, i + 3)), 'env');
  });

  it('maps folded block scalars (lines joined by a space of the same width)', () => {
    const folded = 'run: >\n  echo a\n  && printenv\n\n  echo b\n';
    const parsed = parseYaml(folded, new LineIndex(folded));
    const mapped = mappedScalar(parsed.doc.get('run', true), folded)!;
    assert.equal(mapped.text, 'echo a && printenv\n\necho b');
    const i = mapped.text.indexOf('printenv');
    assert.equal(folded.slice(...mapSpan(mapped, i, i + 8)), 'printenv');
  });

  it('reports a finding inside a folded run: on the right line', () => {
    const text = workflow(`      - run: >\n          npm ci &&\n          printenv\n`);
    const f = scan(GHA, text).find((x) => x.ruleId === 'ci-env-dump')!;
    assert.equal(text.slice(f.startOffset, f.endOffset), 'printenv');
    assert.equal(f.range.start.line, 8);
  });

  it('turns malformed YAML into an info notice and still checks what parsed', () => {
    const text = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: printenv\n  b: [\n`;
    const result = engine.scan(text, GHA);
    assert.ok(result.notices.some((n) => n.level === 'info' && /YAML problem/.test(n.message) && n.range));
    assert.ok(result.findings.some((f) => f.ruleId === 'ci-env-dump'));
    assert.ok(!result.notices.some((n) => n.level === 'warning'), 'no analyzer crashed');
  });

  it('never crashes on hostile input', () => {
    const inputs = ['', ':', '- - - -', '{{{{', 'jobs: [', 'on: push\njobs: 5', 'on: push\njobs:\n  a:\n    steps: 3', '\t\tjobs:\n x', 'a: &x\n  b: *x\n  c: *x', 'variables: [1, 2]\nx:\n  script: 7'];
    for (const text of inputs) {
      for (const path of [GHA, '.gitlab-ci.yml', 'azure-pipelines.yml', '.circleci/config.yml', 'bitbucket-pipelines.yml', 'docker-compose.yml', 'Dockerfile', 'Jenkinsfile', 'a.ts']) {
        const result = engine.scan(text, path);
        assert.ok(!result.notices.some((n) => n.level === 'warning'), `${path} crashed on input #${inputs.indexOf(text)}`);
      }
    }
  });
});

describe('file classification', () => {
  const cases: [string, string | undefined][] = [
    ['.github/workflows/ci.yml', 'github-workflow'],
    ['.gitlab-ci.yml', 'gitlab'],
    ['azure-pipelines.yml', 'azure'],
    ['build/release.azure-pipelines.yml', 'azure'],
    ['.circleci/config.yml', 'circleci'],
    ['bitbucket-pipelines.yml', 'bitbucket'],
    ['Jenkinsfile', 'jenkins'],
    ['docker/Dockerfile.dev', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['api.dockerfile', 'dockerfile'],
    ['docker-compose.override.yml', 'compose'],
    ['compose.yaml', 'compose'],
    ['src/a.py', 'code'],
    ['README.md', undefined],
  ];
  for (const [path, kind] of cases) {
    it(`classifies ${path}`, () => {
      const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
      const byPath = kindByPath(path, base);
      assert.equal(byPath === 'yaml' ? undefined : byPath, kind);
    });
  }

  it('recognises YAML by content: GitLab include files, Azure templates, composite actions, compose', () => {
    assert.equal(kindByContent('ci/build.yml', 'build:\n  stage: build\n  script:\n    - make\n'), 'gitlab');
    assert.equal(kindByContent('templates/steps.yml', 'steps:\n  - script: make\n'), 'azure');
    assert.equal(kindByContent('action.yml', 'name: x\nruns:\n  using: composite\n  steps: []\n'), 'github-action');
    assert.equal(kindByContent('deploy/stack.yml', 'services:\n  web:\n    image: nginx\n'), 'compose');
    assert.equal(kindByContent('k8s/deploy.yml', 'apiVersion: apps/v1\nkind: Deployment\n'), undefined);
    assert.equal(kindByContent('config/app.yml', 'database:\n  host: localhost\n'), undefined);
  });

  it('checks a local GitLab include file on its own', () => {
    const findings = scan('ci/templates/deploy.yml', 'deploy:\n  stage: deploy\n  script:\n    - printenv\n');
    assert.ok(findings.some((f) => f.ruleId === 'ci-env-dump'));
  });
});

describe('hostile scripts', () => {
  it('deeply nested substitutions and huge lines neither throw nor recurse without bound', () => {
    const nested = '$('.repeat(20000) + 'env' + ')'.repeat(20000);
    assert.doesNotThrow(() => tokenize(`echo ${nested}`));
    const text = workflow(`      - run: echo ${nested}\n      - run: ${'x '.repeat(50000)}\n`);
    const result = engine.scan(text, GHA);
    assert.ok(!result.notices.some((n) => n.level === 'warning'));
  });

  it('a long Dockerfile is read in one pass', () => {
    const text = 'FROM alpine\n' + 'RUN echo step \\\n  && true\n'.repeat(5000) + 'ARG NPM_TOKEN\n';
    const findings = scan('Dockerfile', text).filter((f) => f.ruleId === 'dockerfile-secret-env-arg');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start.line, 10001);
  });
});

describe('multi-document YAML', () => {
  it('checks every document: a GitLab component spec header, then the jobs', () => {
    const text = `spec:\n  inputs:\n    stage:\n      default: test\n---\ndebug-env:\n  stage: $[[ inputs.stage ]]\n  script:\n    - printenv\n`;
    const result = engine.scan(text, 'templates/debug.gitlab-ci.yml');
    assert.deepEqual(result.notices, []);
    const f = result.findings.find((x) => x.ruleId === 'ci-env-dump');
    assert.ok(f);
    assert.equal(f.range.start.line, 8);
  });
});

describe('secret names', () => {
  it('recognises variables that hold secrets', () => {
    for (const n of ['NPM_TOKEN', 'DB_PASSWORD', 'AWS_SECRET_ACCESS_KEY', 'SECRET_KEY_BASE', 'CLIENT_SECRET', 'GH_PAT', 'apiToken', 'System.AccessToken', 'STRIPE_API_KEY', 'DEPLOY_KEY', 'REGISTRY_PSW', 'SLACK_WEBHOOK_URL']) {
      assert.ok(isSecretName(n), n);
    }
  });
  it('does not take names about secrets for secrets', () => {
    for (const n of ['PASS_THROUGH', 'TEST_PASS_COUNT', 'TOKEN_URL', 'PASSWORD_FILE', 'CACHE_KEY', 'GPG_KEY', 'AWS_ACCESS_KEY_ID', 'PWD', 'SECRET_NAME', 'TOKEN_TTL', 'USE_TOKEN_AUTH', 'BYPASS', 'PASSWORD_POLICY', 'SECRET_DETECTION_EXCLUDED_PATHS', 'SECRET_DETECTION_IMAGE_SUFFIX', 'SECRET_DETECTION_LOG_OPTIONS', 'SECRET_SCANNING', 'SKIP_SECRET_SCAN', 'NEXT_TOKEN', 'PROMPT_TOKENS', 'HAS_NPM_TOKEN']) {
      assert.ok(!isSecretName(n), n);
    }
  });
});
