// The extension's activate() returns an API object for tests; inventory assertions go here once the
// inventory model lands (compare its items with manifest.files).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

describe('extension API', () => {
  it('activates and exports an API object', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    const api = await extension.activate();
    assert.ok(extension.isActive, 'extension is active');
    assert.strictEqual(typeof api, 'object', 'activate() returns an API object');
    assert.ok(api !== null);
  });
});
