/**
 * Where two versions of a text differ: the common prefix and suffix. Compared block by block
 * (string equality on slices runs as a memory compare), then character by character inside the first
 * differing block, so a 1 MB text costs well under a millisecond.
 */

const BLOCK = 2048;

/** The old text changed in [from, oldTo); the new text holds [from, newTo) there instead. */
export interface ChangedRegion {
  from: number;
  oldTo: number;
  newTo: number;
}

/** The last comparison: the keyword pool and each reusing analyzer ask the same question per edit. */
let last: { previous: string; text: string; region: ChangedRegion } | undefined;

export function changedRegion(previous: string, text: string): ChangedRegion {
  if (last && last.previous === previous && last.text === text) return last.region;
  const region = compare(previous, text);
  last = { previous, text, region };
  return region;
}

function compare(previous: string, text: string): ChangedRegion {
  const max = Math.min(previous.length, text.length);
  let from = 0;
  while (from + BLOCK <= max && previous.slice(from, from + BLOCK) === text.slice(from, from + BLOCK)) from += BLOCK;
  while (from < max && previous.charCodeAt(from) === text.charCodeAt(from)) from++;
  const room = max - from;
  let tail = 0;
  while (tail + BLOCK <= room && previous.slice(previous.length - tail - BLOCK, previous.length - tail) === text.slice(text.length - tail - BLOCK, text.length - tail)) tail += BLOCK;
  while (tail < room && previous.charCodeAt(previous.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  return { from, oldTo: previous.length - tail, newTo: text.length - tail };
}
