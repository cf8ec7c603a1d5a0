/**
 * Lists and maps of secrets under a plural secret name: `PARTNER_API_KEYS = {"acme": "v"}`,
 * `VALID_TOKENS = ["v1", "v2"]`, YAML `api_keys:` with `partner: v` entries below. The entries' own
 * names (`acme`, `partner`) say nothing; the list's name says what every value is. Entries are read
 * on the name's line and up to MAX_LINES_TO_VALUE lines below (the generic detector's edit-reuse reach).
 */
import { maskedPreview } from '../mask';
import type { RawFinding } from '../types';
import { GENERIC_PASSWORD, judge } from './classify';
import { MAX_LINES_TO_VALUE, type LineView } from './extract';
import { secretSlotOf, suggestedNameOf, type SecretSlot } from './names';
import { conflictsWithProviderFormat } from './providerNames';

/** After the name: an assignment opening a map or a list (`= {`, `: [`, `=> [`), or a YAML key ending its line. */
const OPENS_COLLECTION = /^["']?[ \t]*(?::=|=>|[:=])[ \t]*(?:[{[(][ \t]*)?(?:#.*)?$/;
/** One entry a line: `"label": "v",` / `label => 'v'` / `'v',` / YAML `label: v` / YAML `- v`. */
const QUOTED_ENTRY = /^(?:["']?(?<label>[\w.@-]{1,64})["']?[ \t]*(?::|=>|=)[ \t]*)?(["'])(?<value>[^"'\\\r\n]{1,256})\2[ \t]*,?[ \t]*$/;
const BARE_YAML_ENTRY = /^(?:(?<label>[\w.@-]{1,64}):|-)[ \t]+(?<value>[^\s"'#]{1,256})[ \t]*$/;
const CLOSES = /^[\]})]/;

/** The slot a plural secret name's values fill (`API_KEYS` -> secret, `passwords` -> password), if any. */
export function listSlotOf(name: string): SecretSlot | undefined {
  return /[a-z]s$/i.test(name) && !secretSlotOf(name) ? secretSlotOf(name.slice(0, -1)) : undefined;
}

/** Findings for the secret values listed under the plural secret name ending at `nameEnd` on the view's line. */
export function listFindings(view: LineView, nameEnd: number, name: string, slot: SecretSlot, disabled: ReadonlySet<string>): RawFinding[] {
  const { text, lineEnd, kind } = view;
  if (!OPENS_COLLECTION.test(text.slice(nameEnd, lineEnd))) return [];
  const findings: RawFinding[] = [];
  const yaml = kind === 'config';
  let line = view.nextLine(lineEnd);
  for (let i = 0; line && i < MAX_LINES_TO_VALUE; i++, line = view.nextLine(line.end)) {
    const raw = text.slice(line.start, line.end);
    const content = raw.trim();
    if (content === '' || content.startsWith('#') || content.startsWith('//')) continue;
    if (CLOSES.test(content) || (yaml && raw.length - raw.trimStart().length === 0)) break;
    const entry = QUOTED_ENTRY.exec(content) ?? (yaml ? BARE_YAML_ENTRY.exec(content) : null);
    const value = entry?.groups?.value;
    if (value === undefined) break; // not a simple list any more
    // The entry's label names it in the fix and the inventory: PARTNER_API_KEYS.acme-freight.
    const label = entry?.groups?.label;
    const keyName = label ? `${name}.${label}` : name;
    const ruleId = judge(slot, value, name);
    if (!ruleId || disabled.has(ruleId) || conflictsWithProviderFormat(name, value)) continue;
    const start = line.start + raw.lastIndexOf(value); // the entry's value ends it
    findings.push({
      ruleId,
      start,
      end: start + value.length,
      message: `Hard-coded ${ruleId === GENERIC_PASSWORD ? 'password' : 'secret'} in \`${name}\` (${maskedPreview(value)}). Move it to a secret manager or environment variable and rotate it.`,
      data: { keyName, suggestedName: suggestedNameOf(name.slice(0, -1), kind === 'code' || kind === 'go') },
    });
  }
  return findings;
}
