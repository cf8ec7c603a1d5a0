// Development scanner: runs the engine straight from TypeScript over a folder and prints the CLI JSON
// contract, so rule authors can score a corpus before (and without) a build:
//   SCANNER="node --require tsx/cjs scripts/dev-scan.ts" ../shared/tools/score-corpus ../shared/corpus/secretlint-fixtures
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Engine, resolveSettings } from '../server/src/engine';

const root = process.argv[2];
const engine = new Engine(resolveSettings({}));
const findings: unknown[] = [];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else {
      const file = relative(root, full).split('\\').join('/');
      const result = engine.scan(readFileSync(full, 'utf8'), file);
      for (const f of result.findings) findings.push({ file, rule: f.ruleId, kind: f.kind, startOffset: f.startOffset, endOffset: f.endOffset, preview: f.preview });
    }
  }
};
walk(root);
process.stdout.write(JSON.stringify({ version: 1, findings }) + '\n');
