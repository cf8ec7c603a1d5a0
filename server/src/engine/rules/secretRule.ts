import type { FindingData, Severity } from '../types';

/**
 * One provider-specific secret rule: a small declaration with its own examples.
 * Every example of every rule is checked by test/unit/ruleExamples.test.ts.
 */
export interface SecretRule {
  /** Stable kebab-case id, e.g. `github-classic-pat`. */
  id: string;
  title: string;
  /** Provider display name, e.g. `GitHub`. */
  provider: string;
  /**
   * Lower-case literal keywords for the prefilter. The rule's regex only runs near a hit of one of
   * them, so every true match must contain (or be within `window` of) at least one keyword.
   */
  keywords: string[];
  /**
   * The pattern. Must be linear-time safe (no nested quantifiers over overlapping classes) and must
   * not use the `g`/`y` flags (the scanner adds them). The secret is the named group `secret` when
   * present, else the whole match.
   */
  pattern: RegExp;
  /**
   * How far (in UTF-16 units) before and after a keyword hit a match may start/end.
   * Defaults: before 64, after 256.
   */
  window?: { before?: number; after?: number };
  /** Extra structural check on the secret (checksum, decoding, structure). False rejects the match. */
  validate?: (secret: string, match: RegExpExecArray, text: string) => boolean;
  /** Minimum Shannon entropy (bits per char) of the secret; lower rejects the match. */
  minEntropy?: number;
  severity: Severity;
  /** Why it matters (one sentence, optional: a default is derived from the title). */
  description?: string;
  /** How to revoke and rotate this provider's credential. */
  remediation: string;
  docsUrl?: string;
  /** Suggested environment variable name for a reference (e.g. `GITHUB_TOKEN`). */
  envName?: string;
  /** Skip the generic placeholder filter (for formats where it would wrongly reject). */
  allowPlaceholderLike?: boolean;
  /** Extra secret-free data attached to each finding. */
  data?: FindingData;
  examples: {
    /** Texts that must produce a finding of this rule. Fake values only (generated or visibly fake). */
    positive: string[];
    /** Texts that must produce no finding of this rule. */
    negative: string[];
  };
}
