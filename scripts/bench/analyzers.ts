/**
 * Time per analyzer over the corpus (in process), so a slow check can be found. Mirrors the
 * engine's analyzer list (server/src/engine/scan.ts) through the modules' exported arrays. The
 * provider rules and the generic detector share one keyword pass in the engine (KeywordPool); here
 * each pays it alone, so their times add up to more than the engine spends. Per-rule figures:
 * scripts/bench/profile.ts.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Analyzer, ScanContext } from '../../server/src/engine/analyzer';
import { builtinKeywords } from '../../server/src/engine/keywordPool';
import { genericAnalyzers } from '../../server/src/engine/generic';
import { pipelineAnalyzers } from '../../server/src/engine/pipeline';
import { providerAnalyzer } from '../../server/src/engine/providerAnalyzer';
import { providerRules } from '../../server/src/engine/rules';
import { resolveSettings } from '../../server/src/engine/settings';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import type { CorpusManifest } from './corpus';

export interface AnalyzerTime {
  id: string;
  ms: number;
  mbPerSecond: number;
  /** Slowest single file, ms. */
  worstFileMs: number;
}

export function benchAnalyzers(dir: string, manifest: CorpusManifest): AnalyzerTime[] {
  const analyzers: Analyzer[] = [providerAnalyzer('provider-rules', providerRules, builtinKeywords), ...genericAnalyzers, ...pipelineAnalyzers];
  const settings = resolveSettings({});
  const totals = new Map<string, { ms: number; worst: number }>(analyzers.map((a) => [a.id, { ms: 0, worst: 0 }]));
  for (const file of manifest.files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const ctx: ScanContext = { text, path: file, baseName: basename(file).toLowerCase(), lines: new LineIndex(text), settings };
    for (const analyzer of analyzers) {
      builtinKeywords.forget();
      const started = performance.now();
      try {
        if (analyzer.appliesTo(ctx)) analyzer.analyze(ctx);
      } catch {
        // the engine reports analyzer failures as notices; here only time matters
      }
      const ms = performance.now() - started;
      const total = totals.get(analyzer.id)!;
      total.ms += ms;
      total.worst = Math.max(total.worst, ms);
    }
  }
  const mb = manifest.bytes / (1024 * 1024);
  return [...totals]
    .map(([id, t]) => ({ id, ms: Math.round(t.ms), mbPerSecond: Number((mb / (t.ms / 1000)).toFixed(1)), worstFileMs: Number(t.worst.toFixed(1)) }))
    .sort((a, b) => b.ms - a.ms);
}
