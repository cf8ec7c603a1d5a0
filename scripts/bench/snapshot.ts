// Detection snapshot: scans folders with the engine (in process, from TypeScript) and prints one line
// per finding, `file<TAB>rule<TAB>startOffset<TAB>endOffset`, sorted. Used to prove that a performance
// change finds exactly what it found before:
//   node --require tsx/cjs scripts/bench/snapshot.ts DIR... > before.tsv   (then diff against after.tsv)
// Prints no values or previews, only positions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Engine, resolveSettings } from '../../server/src/engine';

const engine = new Engine(resolveSettings({}));
const lines: string[] = [];
for (const root of process.argv.slice(2)) {
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const file = relative(root, full).split('\\').join('/');
        const result = engine.scan(readFileSync(full, 'utf8'), file);
        for (const f of result.findings) lines.push(`${root}:${file}\t${f.ruleId}\t${f.startOffset}\t${f.endOffset}`);
      }
    }
  };
  walk(root);
}
lines.sort();
process.stdout.write(lines.join('\n') + '\n');
