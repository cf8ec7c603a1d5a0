import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { PROFILES, startServerInProcess, type InProcessServer } from './harness';
import { PUSH_CAPABILITIES } from './profiles';
import { fakeGithubToken, findings, positionOf } from './fixtures';

for (const profile of PROFILES) {
  describe(`hover (${profile} client)`, function () {
    this.timeout(20_000);
    let server: InProcessServer;
    beforeEach(async () => {
      server = await startServerInProcess(profile);
    });
    afterEach(async () => server.dispose());

    it('explains a finding without showing its value', async () => {
      const value = fakeGithubToken('hover');
      const text = `export const token = '${value}';\n`;
      const uri = await server.open('src/token.ts', text, 'typescript');
      const [diagnostic] = findings(await server.diagnostics(uri));
      const at = positionOf(text, value);
      const hover = await server.hover(uri, { line: at.line, character: at.character + 10 });
      assert.ok(hover, 'expected a hover on the finding');
      const body = (hover.contents as MarkupContent).value;
      assert.match(body, /GitHub personal access token/);
      assert.match(body, /ghp_…\(40 chars\)/, 'masked preview');
      assert.ok(body.includes((diagnostic.data as { fingerprint: string }).fingerprint), 'fingerprint');
      assert.match(body, /Why it matters/);
      assert.match(body, /Revoke and rotate/);
      assert.match(body, /secret-hygiene:ignore github-classic-pat/);
      assert.match(body, /\.secret-hygiene-ignore/);
      assert.match(body, /rules\.md#github-classic-pat/);
      assert.ok(!body.includes(value) && !body.includes(value.slice(4, 16)), 'hover must not contain the value');
      assert.deepEqual(hover.range, diagnostic.range);
    });

    it('returns nothing away from findings', async () => {
      const value = fakeGithubToken('hover-away');
      const uri = await server.open('src/token.ts', `// nothing here\nconst t = "${value}";\n`, 'typescript');
      assert.equal(await server.hover(uri, { line: 0, character: 3 }), null);
    });
  });
}

describe('hover for a plain-text client', function () {
  this.timeout(20_000);
  it('answers in plain text, still without the value', async () => {
    const capabilities = { ...PUSH_CAPABILITIES, textDocument: { ...PUSH_CAPABILITIES.textDocument, hover: { contentFormat: ['plaintext' as const] } } };
    const server = await startServerInProcess('push', { capabilities });
    try {
      const value = fakeGithubToken('hover-plain');
      const text = `token: ${value}\n`;
      const uri = await server.open('ci.yml', text, 'yaml');
      const at = positionOf(text, value);
      const hover = await server.hover(uri, at);
      const contents = hover?.contents as MarkupContent;
      assert.equal(contents.kind, 'plaintext');
      assert.match(contents.value, /ghp_…\(40 chars\)/);
      assert.match(contents.value, /Documentation: https:/);
      assert.ok(!contents.value.includes('**'), 'no Markdown markup');
      assert.ok(!contents.value.includes(value.slice(4, 16)));
    } finally {
      await server.dispose();
    }
  });
});
