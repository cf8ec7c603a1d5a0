/**
 * CODEOWNERS: gitignore-style patterns, the last matching line wins (GitHub and GitLab semantics;
 * GitLab `[Section]` headers are skipped, their rules still apply in order).
 */
import ignore from 'ignore';

export const CODEOWNERS_PATHS = ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];

interface OwnerRule {
  matches: (path: string) => boolean;
  owners: string[];
}

export class CodeOwners {
  private readonly rules: OwnerRule[] = [];
  /**
   * Owners by path: the inventory is rebuilt after every change of the workspace index and asks
   * again for the same paths, and matching a path against every rule is the slow part.
   */
  private readonly byPath = new Map<string, string[]>();

  constructor(text: string) {
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (!line || /^\^?\[.*\]/.test(line)) continue;
      const [pattern, ...owners] = line.split(/\s+/);
      const matcher = ignore().add(pattern);
      this.rules.push({ matches: (p) => matcher.ignores(p), owners });
    }
  }

  /** Owners of a workspace-relative path, or [] when no rule matches. */
  ownersOf(path: string): string[] {
    let owners = this.byPath.get(path);
    if (!owners) {
      owners = this.match(path);
      this.byPath.set(path, owners);
    }
    return owners;
  }

  private match(path: string): string[] {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      try {
        if (this.rules[i].matches(path)) return this.rules[i].owners;
      } catch {
        // `ignore` rejects some paths (absolute, ../): no owner for those.
      }
    }
    return [];
  }
}
