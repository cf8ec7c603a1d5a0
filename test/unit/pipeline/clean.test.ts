import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engine } from './harness';

/**
 * Realistic clean pipelines (modelled on common public workflows) must give no finding from the
 * whole engine, not only the pipeline checks. Each folder says where such a file lives in a repo.
 */
const ROOT = join(__dirname, '../../fixtures/pipelines/clean');
const PLACE: Record<string, (file: string) => string> = {
  github: (f) => `.github/workflows/${f}`,
  actions: () => `.github/actions/setup/action.yml`,
  gitlab: (f) => (f.endsWith('.gitlab-ci.yml') ? '.gitlab-ci.yml' : `ci/${f}`),
  azure: () => 'azure-pipelines.yml',
  circleci: () => '.circleci/config.yml',
  bitbucket: () => 'bitbucket-pipelines.yml',
  jenkins: () => 'Jenkinsfile',
  docker: () => 'Dockerfile',
  compose: () => 'docker-compose.yml',
};

describe('clean pipelines', () => {
  const files = Object.keys(PLACE).flatMap((dir) => readdirSync(join(ROOT, dir)).map((f) => ({ dir, f })));

  it('has at least 30 clean pipelines across the CI systems', () => {
    assert.ok(files.length >= 30, `only ${files.length}`);
    for (const dir of Object.keys(PLACE)) assert.ok(files.some((x) => x.dir === dir), `no ${dir} example`);
  });

  for (const { dir, f } of files) {
    it(`${dir}/${f} gives no finding`, () => {
      const text = readFileSync(join(ROOT, dir, f), 'utf8');
      const path = PLACE[dir](f);
      const result = engine.scan(text, path);
      assert.equal(result.skipped, false);
      assert.deepEqual(
        result.findings.map((x) => `${x.ruleId} at ${x.range.start.line + 1}:${x.range.start.character + 1}`),
        [],
      );
      assert.deepEqual(result.notices, [], 'parses cleanly');
    });
  }

  it('the pipeline checks actually run on these files (a planted env dump is found in each CI file)', () => {
    for (const { dir, f } of files.filter((x) => ['github', 'gitlab', 'bitbucket'].includes(x.dir))) {
      const text = readFileSync(join(ROOT, dir, f), 'utf8').replace(/run: npm ci\n|- npm ci\n|run: go build -v \.\/\.\.\.\n/, (m) => m.replace(/npm ci|go build -v \.\/\.\.\./, 'printenv'));
      if (text === readFileSync(join(ROOT, dir, f), 'utf8')) continue;
      const found = engine.scan(text, PLACE[dir](f)).findings.some((x) => x.ruleId === 'ci-env-dump');
      assert.ok(found, `${dir}/${f}: planted printenv not found`);
    }
  });
});
