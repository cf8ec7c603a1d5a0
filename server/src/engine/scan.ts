import picomatch from 'picomatch';
import type { Analyzer, ScanContext } from './analyzer';
import { binaryRules, scanBinaryContent } from './binary';
import { compileCustomRules } from './customRules';
import { genericAnalyzers } from './generic';
import { tfstateAnalyzer } from './generic/tfstate';
import { builtinKeywords } from './keywordPool';
import { isKnownDocumentationExample } from './knownExamples';
import { LITERAL_SECRET_RULE_IDS } from './pipeline/rules';
import { fingerprint, maskedPreview } from './mask';
import { pipelineAnalyzers } from './pipeline';
import { providerAnalyzer } from './providerAnalyzer';
import { providerRules } from './rules';
import { resolveSettings, type ResolvedSettings } from './settings';
import { emptySuppressions, hasInlineMarker, isSuppressedByFiles, type SuppressionIndex } from './suppression';
import { forgetEditedDocument } from './editMemory';
import { RecentCache } from './recentCache';
import { changedRegion } from './text/changedRegion';
import { LineIndex } from './text/lineIndex';
import type { Finding, RawFinding, RuleInfo, ScanNotice, ScanResult, Severity } from './types';

export interface ScanOptions {
  suppressions?: SuppressionIndex;
  /** Size of the file in bytes when known (UTF-8); defaults to an estimate from the text length. */
  byteLength?: number;
  /**
   * The text is a version of a document being edited (the language server's open documents): the
   * engine remembers, per path, what the next version can reuse (findings away from the edit, the
   * YAML parse). Off for files scanned once (the CLI, the workspace index), so that their texts
   * and results are not kept alive.
   */
  editing?: boolean;
}

const PROVIDER_ANALYZER_ID = 'provider-rules';
const CUSTOM_ANALYZER_ID = 'custom-rules';
/** Lower wins when two secret findings overlap. */
/**
 * Checks that know where a literal secret sits, better than the generic detector does: a literal in a
 * compose `environment:` or GitLab `variables:` block (where it leaks, how to move it), a value that
 * Terraform state marks sensitive. A provider rule still names the provider first.
 */
const SPECIFIC_LITERAL_PRIORITY = 1.5;
const ANALYZER_PRIORITY: Record<string, number> = { [CUSTOM_ANALYZER_ID]: 0, [PROVIDER_ANALYZER_ID]: 1, [tfstateAnalyzer.id]: SPECIFIC_LITERAL_PRIORITY };
const GENERIC_PRIORITY = 2;
const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** Paths whose generic findings are lowered (see README, "Test and documentation paths"). */
const TEST_OR_DOC_PATH =
  /(?:^|\/)(?:tests?|__tests__|specs?|fixtures?|testdata|test-data|testing|__fixtures__|mocks?|__mocks__|docs?|e2e|cypress|playwright|integrationTest|[\w.-]+\.Tests?)\/|(?:^|[./_-])(?:test|spec|tests|cy|stories)\.[a-z]+$|(?:^|\/)(?:test_[\w-]+\.py|conftest\.py)$|_test\.go$|\.(?:md|mdx|rst|adoc)$/i;

export function isTestOrDocPath(path: string): boolean {
  return TEST_OR_DOC_PATH.test(path);
}

/** Content that is not text: a NUL in the first 8 KB. */
export function looksBinary(text: string): boolean {
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  return head.includes('\u0000');
}

/**
 * The engine: every analyzer, compiled once per settings (the prefilter automaton and custom rules
 * are built in the constructor), then `scan` is a pure function of (text, path).
 */
export class Engine {
  readonly settings: ResolvedSettings;
  private readonly analyzers: Analyzer[];
  private readonly ruleInfos = new Map<string, RuleInfo>();
  private readonly priorities = new Map<string, number>();
  private readonly excluded: (path: string) => boolean;
  /** Line indexes of the last versions of documents being edited (ScanOptions.editing). */
  private readonly recentLines = new RecentCache<{ text: string; lines: LineIndex }>(8);
  /** Problems found while building the engine (bad settings, rejected custom rules). */
  readonly problems: string[];

  constructor(settings: ResolvedSettings = resolveSettings({}), extraAnalyzers: Analyzer[] = []) {
    this.settings = settings;
    const custom = compileCustomRules(settings.customRules);
    this.problems = [...settings.problems, ...custom.problems];
    this.analyzers = [
      providerAnalyzer(CUSTOM_ANALYZER_ID, custom.rules),
      providerAnalyzer(PROVIDER_ANALYZER_ID, providerRules, builtinKeywords),
      ...genericAnalyzers,
      ...pipelineAnalyzers,
      ...extraAnalyzers,
    ];
    for (const analyzer of this.analyzers) {
      for (const info of analyzer.rules) {
        if (!this.ruleInfos.has(info.id)) this.ruleInfos.set(info.id, info);
        this.priorities.set(info.id, ANALYZER_PRIORITY[analyzer.id] ?? (info.kind === 'secret' && LITERAL_SECRET_RULE_IDS.has(info.id) ? SPECIFIC_LITERAL_PRIORITY : GENERIC_PRIORITY));
      }
    }
    for (const info of binaryRules) if (!this.ruleInfos.has(info.id)) this.ruleInfos.set(info.id, info);
    const matchers = settings.exclude.map((glob) => picomatch(glob, { dot: true }));
    this.excluded = (path) => matchers.some((m) => m(path));
  }

  rule(id: string): RuleInfo | undefined {
    return this.ruleInfos.get(id);
  }

  allRules(): RuleInfo[] {
    return [...this.ruleInfos.values()];
  }

  isExcluded(path: string): boolean {
    return this.excluded(path);
  }

  /** The document at `path` closed: drop what was kept for its next version (ScanOptions.editing). */
  forget(path: string): void {
    this.recentLines.delete(path);
    forgetEditedDocument(path);
  }

  /** The line index of a document being edited, from its previous version's. */
  private editedLines(path: string, text: string): LineIndex {
    const previous = this.recentLines.get(path);
    const lines = previous ? LineIndex.afterEdit(previous.lines, text, changedRegion(previous.text, text)) : new LineIndex(text);
    this.recentLines.set(path, { text, lines });
    return lines;
  }

  /** Scans one file's text. `path` is relative to the workspace root, with forward slashes. */
  scan(text: string, path: string, options: ScanOptions = {}): ScanResult {
    const notices: ScanNotice[] = [];
    const settings = this.settings;
    if (this.excluded(path)) return { findings: [], notices: [{ level: 'info', message: 'excluded by secretHygiene.exclude' }], skipped: true };
    const size = options.byteLength ?? text.length;
    if (size > settings.maxFileSize) {
      const mb = (n: number) => (n / 1048576).toFixed(1);
      return {
        findings: [],
        notices: [{ level: 'info', message: `not scanned: ${mb(size)} MB is over the ${mb(settings.maxFileSize)} MB limit (secretHygiene.maxFileSize)` }],
        skipped: true,
      };
    }
    if (looksBinary(text)) {
      return { findings: [], notices: [{ level: 'info', message: 'not scanned: binary content' }], skipped: true };
    }
    const lines = options.editing ? this.editedLines(path, text) : new LineIndex(text);
    const baseName = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    const ctx: ScanContext = { text, path, baseName, lines, settings, editing: options.editing === true };
    const raw: RawFinding[] = [];
    for (const analyzer of this.analyzers) {
      let applies = false;
      try {
        applies = analyzer.appliesTo(ctx);
        if (!applies) continue;
        const out = analyzer.analyze(ctx);
        raw.push(...out.findings);
        if (out.notices) notices.push(...out.notices);
      } catch (e) {
        // A detector bug must not take the others down; say which one failed, without text.
        notices.push({ level: 'warning', message: `check ${analyzer.id} failed on this file: ${(e as Error).name}` });
      }
    }
    const findings = this.finish(raw, ctx, options.suppressions ?? emptySuppressions());
    return { findings, notices, skipped: false };
  }

  /**
   * Scans one binary file's bytes with the binary analyzers (PKCS#12 key stores, see engine/binary).
   * Findings span the file in bytes: offsets 0..length, range line 0 from character 0 to length.
   */
  scanBinary(bytes: Uint8Array, path: string, options: ScanOptions = {}): ScanResult {
    return scanBinaryContent(bytes, path, {
      settings: this.settings,
      excluded: this.excluded(path),
      rule: (id) => this.rule(id),
      suppressions: options.suppressions,
    });
  }

  /**
   * A literal reported by a pipeline check (a compose or GitLab `variables:` literal) is usually also
   * a secret finding on exactly the same text: one problem, shown once. The pipeline check says more
   * (where the value leaks), so it stays unless the secret finding is more severe. Different checks on
   * the same expression (`echo ${{ secrets.X }}` prints and inlines) are different problems and stay.
   */
  private dropSameSpanDuplicates(sorted: RawFinding[]): void {
    const severity = (r: RawFinding) =>
      SEVERITY_RANK[this.settings.severityOverrides.get(r.ruleId) ?? r.severity ?? this.ruleInfos.get(r.ruleId)?.severity ?? 'warning'];
    const isSecret = (r: RawFinding) => (this.ruleInfos.get(r.ruleId)?.kind ?? 'secret') === 'secret';
    const drop = new Set<RawFinding>();
    for (let i = 0; i < sorted.length; i++) {
      const literal = sorted[i];
      if (!LITERAL_SECRET_RULE_IDS.has(literal.ruleId)) continue;
      for (let j = i - 1; j >= 0 && sorted[j].start === literal.start; j--) consider(sorted[j]);
      for (let j = i + 1; j < sorted.length && sorted[j].start === literal.start; j++) consider(sorted[j]);
      function consider(other: RawFinding) {
        if (other.end !== literal.end || !isSecret(other) || drop.has(literal)) return;
        if (severity(other) > severity(literal)) drop.add(literal);
        else drop.add(other);
      }
    }
    if (drop.size === 0) return;
    let write = 0;
    for (const r of sorted) if (!drop.has(r)) sorted[write++] = r;
    sorted.length = write;
  }

  /** Applies rule settings, overlap resolution and suppressions; builds masked, fingerprinted findings. */
  private finish(raw: RawFinding[], ctx: ScanContext, suppressions: SuppressionIndex): Finding[] {
    const { settings, lines, text, path } = ctx;
    const testPath = isTestOrDocPath(path);
    const accepted: RawFinding[] = [];
    const secrets: RawFinding[] = [];
    for (const r of raw) {
      if (settings.disabledRules.has(r.ruleId)) continue;
      const info = this.ruleInfos.get(r.ruleId);
      // Known documentation values, whatever found them (provider rules, or a pipeline check on a literal).
      if (isKnownDocumentationExample(r.value ?? text.slice(r.start, r.end))) continue;
      if ((info?.kind ?? 'secret') === 'secret') secrets.push(r);
      else accepted.push(r);
    }
    // Overlapping secret findings: the more specific analyzer wins, then the longer span.
    secrets.sort(
      (a, b) =>
        (this.priorities.get(a.ruleId) ?? GENERIC_PRIORITY) - (this.priorities.get(b.ruleId) ?? GENERIC_PRIORITY) ||
        b.end - b.start - (a.end - a.start) ||
        a.start - b.start,
    );
    const kept: RawFinding[] = [];
    for (const s of secrets) {
      if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
    }
    accepted.push(...kept);
    accepted.sort((a, b) => a.start - b.start || a.end - b.end);
    this.dropSameSpanDuplicates(accepted);

    const findings: Finding[] = [];
    for (const r of accepted) {
      const info = this.ruleInfos.get(r.ruleId);
      const value = r.value ?? text.slice(r.start, r.end);
      const range = lines.rangeOf(r.start, r.end);
      if (hasInlineMarker(lines, range.start.line, range.end.line, r.ruleId)) continue;
      const print = fingerprint(r.ruleId, value, settings.fingerprintKey);
      if (isSuppressedByFiles(suppressions, path, print, value, range.start.line)) continue;
      let severity: Severity = settings.severityOverrides.get(r.ruleId) ?? r.severity ?? info?.severity ?? 'warning';
      const generic = (this.priorities.get(r.ruleId) ?? GENERIC_PRIORITY) >= GENERIC_PRIORITY && info?.kind === 'secret';
      if (generic && testPath && !settings.severityOverrides.has(r.ruleId)) {
        if (settings.testPathSeverity === 'off') continue;
        severity = settings.testPathSeverity;
      }
      const preview = maskedPreview(value);
      const title = info?.title ?? r.ruleId;
      findings.push({
        ruleId: r.ruleId,
        kind: info?.kind ?? 'secret',
        severity,
        title,
        message: r.message ?? defaultMessage(info, title, preview),
        range,
        startOffset: r.start,
        endOffset: r.end,
        preview,
        fingerprint: print,
        data: r.data,
      });
    }
    return findings;
  }
}

function defaultMessage(info: RuleInfo | undefined, title: string, preview: string): string {
  if (!info || info.kind === 'secret') {
    return `Hard-coded ${title} (${preview}). Move it to a secret manager and rotate it.`;
  }
  return info.description;
}

let defaultEngine: Engine | undefined;

/** Convenience: scan with default settings (engine compiled once and reused). */
export function scanText(text: string, path: string, options?: ScanOptions): ScanResult {
  defaultEngine ??= new Engine();
  return defaultEngine.scan(text, path, options);
}
