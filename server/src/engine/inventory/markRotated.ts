/**
 * The "mark rotated" edit of `.secrets-inventory.yml`: set `rotation.lastRotated` of one secret to
 * today. A precise one-value replacement when the date is already there; otherwise the entry (or the
 * whole file) is updated through the YAML document model, which keeps comments.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import { parseInventoryFile } from './inventoryFile';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export function markRotatedEdits(text: string | undefined, name: string, today: string): OffsetEdit[] {
  if (text === undefined || text.trim() === '') {
    return [{ start: 0, end: text?.length ?? 0, newText: `version: 1\nsecrets:\n  - name: ${name}\n    rotation:\n      lastRotated: ${today}\n` }];
  }
  const parsed = parseInventoryFile(text);
  const entry = parsed.secrets.find((s) => s.name === name);
  if (entry?.lastRotatedStart !== undefined && entry.lastRotatedEnd !== undefined) {
    return [{ start: entry.lastRotatedStart, end: entry.lastRotatedEnd, newText: today }];
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error('the inventory file does not parse; fix it first');
  if (!isMap(doc.contents)) throw new Error('the inventory file must be a mapping with a `secrets:` list');
  const list = doc.contents.get('secrets', true);
  if (list !== undefined && !isSeq(list)) throw new Error('`secrets:` must be a list');
  const index = list ? list.items.findIndex((item) => isMap(item) && item.get('name') === name) : -1;
  if (index === -1) {
    const entry = doc.createNode({ name, rotation: { lastRotated: today } });
    if (list) list.items.push(entry);
    else doc.setIn(['secrets'], doc.createNode([{ name, rotation: { lastRotated: today } }]));
  } else doc.setIn(['secrets', index, 'rotation', 'lastRotated'], today);
  return [{ start: 0, end: text.length, newText: doc.toString() }];
}
