// Renders examples/ (committed, with {{fake:KIND}} markers) into out/examples/ (git-ignored) with
// generated fake secrets. Usage: node --require tsx/cjs scripts/make-examples.ts [outDir]
import { join, resolve } from 'node:path';
import { renderExamples } from './examples/render';

const repo = resolve(__dirname, '..');
const outDir = resolve(process.argv[2] ?? join(repo, 'out', 'examples'));
const rendered = renderExamples(join(repo, 'examples'), outDir);
const planted = rendered.filter((f) => f.values.length || f.problems.length);
const values = rendered.reduce((n, f) => n + f.values.length, 0);
const problems = rendered.reduce((n, f) => n + f.problems.length, 0);
console.log(`rendered ${rendered.length} files into ${outDir}: ${values} fake secrets and ${problems} planted problems in ${planted.length} files`);
