/**
 * Keys public by design that only their surroundings identify. Algolia's front-end search
 * configuration (DocSearch in Docusaurus, VitePress and others; InstantSearch) holds the
 * search-only API key next to the application id and the index name: Algolia documents that key
 * as safe to publish, and every documentation site built this way has one. An admin key is not
 * written into such a block (it would be served to every visitor).
 */
import type { LineIndex } from '../text/lineIndex';

const SEARCH_KEY_NAME = /^(?:api_?key|apiKey|searchApiKey|search_api_key)$/;
const INDEX_NAME = /\bindex_?name\b|\bindexName\b/;
const ALGOLIA_CONTEXT = /\b(?:app_?id|appId|applicationId|algolia|docsearch)\b/i;

/**
 * True when `keyName` is an `apiKey` in an Algolia search block: an index name and an application
 * id (or the words algolia / docsearch) within the lines around `valueLine`, from `before` lines
 * above to `after` lines below (the generic detector's edit-reuse reach).
 */
export function isAlgoliaSearchKey(keyName: string, text: string, lines: LineIndex, valueLine: number, before: number, after: number): boolean {
  if (!SEARCH_KEY_NAME.test(keyName.slice(keyName.lastIndexOf('.') + 1))) return false;
  const from = lines.lineStart(Math.max(0, valueLine - before));
  const to = lines.lineEnd(Math.min(lines.lineCount - 1, valueLine + after));
  const around = text.slice(from, to);
  return INDEX_NAME.test(around) && ALGOLIA_CONTEXT.test(around);
}
