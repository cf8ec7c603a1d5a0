import { strict as assert } from 'node:assert';
import ignore from 'ignore';
import { seededRandom } from '../../server/src/engine/rules/fake';
import { compileOwnerPattern } from '../../server/src/engine/inventory/ownerPattern';

/**
 * CODEOWNERS patterns compiled to one regex each must own exactly the files the `ignore` package
 * (gitignore semantics, what the inventory used before) says they match, on generated paths.
 */
const PATTERNS = [
  '*', '*.js', '*.JS', '/*.md', 'docs/', '/docs/', 'docs', '/docs', 'docs/*', 'docs/**', '/docs/**', '**/docs', '**/docs/',
  'apps/**/config', 'apps/**/*.yml', '/packages/*/src/auth/', 'packages/*/src/auth', 'src/auth/*.ts', 'a?c', 'a/b?/c',
  '[ab]*.env', 'build/**/out/', '**', '**/*.env', 'deploy/**/*.yml', '.github/', '/.github/workflows/*.yml',
  'config/prod/', '*.env.*', 'src/**', 'x/**/', 'lib/*/', 'a/**/b/**/c', 'file with space.txt', 'foo\\*bar', '!*.md', '\\#hash',
];

const SEGMENTS = ['a', 'b', 'c', 'ab', 'abc', 'docs', 'src', 'auth', 'apps', 'config', 'packages', 'pkg1', 'build', 'out', 'deploy', 'x', 'lib', '.github', 'workflows', 'prod', 'b1'];
const NAMES = ['a.js', 'b.JS', 'README.md', 'app.env', 'b.env', 'c.env', 'x.env.local', 'config', 'ci.yml', 'main.ts', 'docs', 'abc', 'a1c', 'file with space.txt', 'foo*bar', 'fooxbar', '#hash'];

function randomPaths(count: number): string[] {
  const next = seededRandom(11);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const paths = new Set<string>(['docs', 'a.js', 'docs/a.js', 'packages/pkg1/src/auth/main.ts', 'src/auth/main.ts', 'a/b1/c', 'x/a.js', '.github/workflows/ci.yml', 'apps/config', 'a/b/c', 'a/x/b/y/c']);
  while (paths.size < count) {
    const depth = Math.floor(next() * 5);
    paths.add([...Array.from({ length: depth }, () => pick(SEGMENTS)), pick(NAMES)].join('/'));
  }
  return [...paths];
}

describe('CODEOWNERS patterns', () => {
  const paths = randomPaths(3000);
  for (const pattern of PATTERNS) {
    it(`"${pattern}" owns the files gitignore rules say it matches`, () => {
      // Case-sensitive, as CODEOWNERS paths are on GitHub and GitLab.
      const reference = ignore({ ignorecase: false }).add(pattern);
      const regex = compileOwnerPattern(pattern);
      const differing = paths.filter((p) => (regex?.test(p) ?? false) !== reference.ignores(p));
      assert.deepEqual(differing.slice(0, 5), [], `${differing.length} of ${paths.length} paths differ`);
      if (pattern !== '!*.md') assert.ok(paths.some((p) => regex?.test(p)), 'the pattern owns at least one generated path');
    });
  }

  it('negates a character class with ! as git does, and compares case', () => {
    const negated = compileOwnerPattern('[!a]*.env')!;
    assert.deepEqual(['b.env', 'x/c.env', 'a.env', 'app.env'].map((p) => negated.test(p)), [true, true, false, false]);
    const js = compileOwnerPattern('*.js')!;
    assert.deepEqual(['a.js', 'src/b.js', 'a.JS'].map((p) => js.test(p)), [true, true, false]);
  });
});
