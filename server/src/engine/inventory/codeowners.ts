/**
 * CODEOWNERS: gitignore-style patterns (ownerPattern.ts), the last matching line wins (GitHub and
 * GitLab semantics; GitLab `[Section]` headers are skipped, their rules still apply in order).
 */
import { compileOwnerPattern } from './ownerPattern';

export const CODEOWNERS_PATHS = ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];

interface OwnerRule {
  pattern: RegExp;
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
      const compiled = compileOwnerPattern(pattern);
      if (compiled) this.rules.push({ pattern: compiled, owners });
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
    for (let i = this.rules.length - 1; i >= 0; i--) if (this.rules[i].pattern.test(path)) return this.rules[i].owners;
    return [];
  }
}
