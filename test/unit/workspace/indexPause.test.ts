import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { indexFolder } from '../../../server/src/workspace/indexFolder';
import { IndexPause } from '../../../server/src/workspace/indexPause';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';

/** A wait bound no test reaches: a wait that should end by a release would hang the test instead. */
const FOREVER_MS = 600_000;

describe('index pause', function () {
  this.timeout(20000);

  it('does not wait when nothing holds it', () => {
    const pause = new IndexPause();
    assert.equal(pause.held, false);
    pause.waitWhileHeld(FOREVER_MS);
  });

  it('is held until every holder released it, and a release counts once', () => {
    const pause = new IndexPause();
    const first = pause.hold();
    const second = pause.hold();
    first();
    first();
    assert.equal(pause.held, true);
    second();
    assert.equal(pause.held, false);
  });

  it('lets a worker thread go on when the server releases it', async () => {
    const pause = new IndexPause();
    const release = pause.hold();
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const { IndexPause } = require(workerData.module);
       const pause = new IndexPause(workerData.buffer);
       parentPort.postMessage('waiting');
       pause.waitWhileHeld(${FOREVER_MS});
       parentPort.postMessage(pause.held ? 'gave up' : 'released');`,
      { eval: true, execArgv: ['--require', 'tsx/cjs'], workerData: { buffer: pause.buffer, module: require.resolve('../../../server/src/workspace/indexPause') } },
    );
    try {
      const messages: string[] = [];
      await new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (m: string) => {
          messages.push(m);
          if (m === 'waiting') release();
          else resolve();
        });
      });
      assert.deepEqual(messages, ['waiting', 'released']);
    } finally {
      await worker.terminate();
    }
  });

  it('waits for a pause at most once, within its bound, when it is never released', () => {
    const pause = new IndexPause();
    pause.hold();
    pause.waitWhileHeld(1);
    // The same pause again: no second wait (this would hang on FOREVER_MS otherwise).
    pause.waitWhileHeld(FOREVER_MS);
    assert.equal(pause.held, true);
  });

  describe('in the workspace index', () => {
    let root: string;
    before(() => {
      root = mkdtempSync(join(tmpdir(), 'sh-index-pause-'));
      mkdirSync(join(root, 'src'));
      for (let i = 0; i < 5; i++) writeFileSync(join(root, 'src', `m${i}.ts`), `export const n${i} = ${i};\n`);
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    it('is checked before every file', () => {
      let checks = 0;
      const stats = indexFolder({ type: 'index', root, settings: {}, exclude: [], gitignore: true }, () => undefined, { beforeFile: () => checks++ });
      assert.equal(stats.scanned, 5);
      assert.equal(checks, 5);
    });

    it('does not stop an index when the server never releases it', async () => {
      const pause = new IndexPause();
      pause.hold();
      const index = new WorkspaceIndex(root, { onChange: () => undefined }, { pause });
      try {
        const stats = await index.start({ settings: {}, exclude: [], gitignore: true });
        assert.equal(stats?.scanned, 5);
      } finally {
        index.dispose();
      }
    });
  });
});
