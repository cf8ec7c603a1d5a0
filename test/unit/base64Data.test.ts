import { strict as assert } from 'node:assert';
import { Engine } from '../../server/src/engine';
import { BASE64, checksummedToken, chars } from '../../server/src/engine/rules/fake';

/**
 * Base64 data (a font in a CSS data: URI, an embedded certificate) holds every short token shape
 * somewhere by chance. A provider match inside such data is not a token; the same token anywhere
 * else, a URL path included, still is.
 */
describe('tokens and base64 data', () => {
  const engine = new Engine();
  const token = checksummedToken('ghp_', 'base64-data');
  const blob = (label: string) => chars(BASE64, 400, `base64-data:${label}`);
  const rules = (text: string, path: string) => engine.scan(text, path).findings.map((f) => f.ruleId);

  it('does not report a token shape glued inside base64 data', () => {
    const css = `@font-face { src: url("data:font/woff2;base64,${blob('a')}+${token}+${blob('b')}") format("woff2"); }\n`;
    assert.deepEqual(rules(css, 'media/codicon.css'), []);
  });

  it('reports the token on its own, in a URL path, and next to short base64', () => {
    assert.deepEqual(rules(`export const token = "${token}";\n`, 'src/a.ts'), ['github-classic-pat']);
    assert.deepEqual(rules(`curl https://api.internal.net/hooks/${token}\n`, 'scripts/notify.sh'), ['github-classic-pat']);
    assert.deepEqual(rules(`value: abc+${token}\n`, 'config/a.yml'), ['github-classic-pat']);
  });
});
