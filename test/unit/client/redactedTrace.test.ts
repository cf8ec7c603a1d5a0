import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { redactedTraceChannel } from '../../../client/src/redactedTrace';
import { checksummedToken } from '../../../server/src/engine/rules/fake';

describe('protocol trace channel', () => {
  it('keeps message headers and never writes bodies', () => {
    const written: string[] = [];
    const fake = {
      name: 'trace',
      trace: (m: string) => written.push(m),
      appendLine: (m: string) => written.push(m),
      info: (m: string) => written.push(`info:${m}`),
    };
    const channel = redactedTraceChannel(fake as unknown as vscode.LogOutputChannel);
    const secret = checksummedToken('ghp_', 'trace');
    channel.trace(`Sending notification 'textDocument/didOpen'.\nParams: {"text":"token = ${secret}"}`);
    channel.trace(JSON.stringify({ type: 'send-notification', message: { params: { text: secret } } }));
    channel.appendLine(`[Trace] Received response 'textDocument/hover - (3)' in 2ms.\nResult: ${secret}`);
    channel.info('started');
    assert.deepEqual(written, [
      "Sending notification 'textDocument/didOpen'. [body not logged]",
      "[Trace] Received response 'textDocument/hover - (3)' in 2ms. [body not logged]",
      'info:started',
    ]);
    assert.equal(channel.name, 'trace');
    assert.ok(!written.join('').includes(secret));
  });
});
