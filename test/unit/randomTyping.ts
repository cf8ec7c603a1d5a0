import { seededRandom } from '../../server/src/engine/rules/fake';

/**
 * Types through `source` as a person editing it might, reproducibly: each edit inserts one of
 * `inserts` at a random place (7 times in 10) or deletes 1 to 4 characters; `check` sees every
 * version. The editing tests compare what the engine reuses from the previous version with a scan
 * of the same text that reuses nothing.
 */
export function typeThrough(source: string, seed: number, inserts: readonly string[], edits: number, check: (text: string, edit: number) => void): void {
  const next = seededRandom(seed);
  let text = source;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (text.length + 1));
    text = next() < 0.7 ? text.slice(0, at) + inserts[Math.floor(next() * inserts.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4));
    check(text, i);
  }
}
