import type { FileEdits, OffsetEdit } from './types';

/** Sorts edits for application: by start, insertions before replacements at the same offset. */
export function sortEdits(edits: OffsetEdit[]): OffsetEdit[] {
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || (a.e.end - a.e.start === 0 ? 0 : 1) - (b.e.end - b.e.start === 0 ? 0 : 1) || a.i - b.i)
    .map((x) => x.e);
}

/** True when no two edits overlap (touching insertions are fine). */
export function editsAreDisjoint(edits: OffsetEdit[]): boolean {
  const sorted = sortEdits(edits);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) return false;
  return true;
}

/** Applies offset edits to a text (all offsets refer to the original text). */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of sortEdits(edits)) {
    out += text.slice(at, e.start) + e.newText;
    at = Math.max(at, e.end);
  }
  return out + text.slice(at);
}

/** Applies a fix's file edits to a map of path -> text (undefined = missing); returns the new map. */
export function applyFileEdits(files: Map<string, string | undefined>, fileEdits: FileEdits[]): Map<string, string | undefined> {
  const out = new Map(files);
  for (const f of fileEdits) out.set(f.path, applyEdits(out.get(f.path) ?? '', f.edits));
  return out;
}

/** Merges the edits of several fixes per file (for fix-all); a file is created once. */
export function mergeFileEdits(all: FileEdits[]): FileEdits[] {
  const byPath = new Map<string, FileEdits>();
  for (const f of all) {
    const existing = byPath.get(f.path);
    if (!existing) byPath.set(f.path, { path: f.path, create: f.create, edits: [...f.edits] });
    else {
      for (const e of f.edits) {
        if (!existing.edits.some((x) => x.start === e.start && x.end === e.end && x.newText === e.newText)) existing.edits.push(e);
      }
    }
  }
  return [...byPath.values()];
}
