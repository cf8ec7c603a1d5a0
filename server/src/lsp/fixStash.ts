import { randomUUID } from 'node:crypto';
import { STASH_TTL_MS } from '../../../shared/fixProtocol';

interface Entry {
  name: string;
  value: string;
  folderUri?: string;
  expires: number;
}

/** Most values waiting at once; the oldest is dropped first. */
const MAX_ENTRIES = 32;

/**
 * Secrets waiting for the VS Code client's stash command: kept in memory only, handed out once by a
 * random id, dropped after STASH_TTL_MS. Nothing here is ever logged.
 */
export class SecretStash {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  put(name: string, value: string, folderUri?: string): string {
    this.prune();
    while (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    const id = randomUUID();
    this.entries.set(id, { name, value, folderUri, expires: this.now() + STASH_TTL_MS });
    return id;
  }

  take(id: unknown): { name: string; value: string; folderUri?: string } | null {
    this.prune();
    if (typeof id !== 'string') return null;
    const entry = this.entries.get(id);
    if (!entry) return null;
    this.entries.delete(id);
    return { name: entry.name, value: entry.value, folderUri: entry.folderUri };
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, e] of this.entries) if (e.expires <= now) this.entries.delete(id);
  }
}
