import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { linuxThreadScheduling, type ThreadScheduling } from '../../../server/src/workspace/backgroundScheduling';
import { IndexPause } from '../../../server/src/workspace/indexPause';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';

/** The idle policy needs Linux and chrt (util-linux): without them these tests say so and are not run. */
function chrtMissing(): string | undefined {
  if (process.platform !== 'linux') return `${process.platform} has no SCHED_IDLE`;
  try {
    execFileSync('chrt', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'chrt (util-linux) is not installed';
  }
}

function policyOf(threadId: number): string {
  return execFileSync('chrt', ['--pid', String(threadId)], { encoding: 'utf8' });
}

/**
 * A scheduling that records what the index asked for: the idle policy applies, and normal
 * scheduling can be restored or not (an unprivileged user may not leave the idle policy).
 */
function recording(canRestore = true): ThreadScheduling & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    idle: async (id) => (calls.push(`idle ${id}`), true),
    normal: async (id) => (calls.push(`normal ${id}`), canRestore),
  };
}

describe('background scheduling of the index worker', function () {
  this.timeout(20000);
  let root: string;

  before(function () {
    const missing = chrtMissing();
    if (missing) {
      console.warn(`      SKIPPED, NOT PASSED: ${missing}`);
      this.skip();
    }
    root = mkdtempSync(join(tmpdir(), 'sh-sched-'));
    mkdirSync(join(root, 'src'));
    for (let i = 0; i < 5; i++) writeFileSync(join(root, 'src', `f${i}.ts`), `export const value${i} = ${i};\n`);
  });
  after(() => root && rmSync(root, { recursive: true, force: true }));

  it('puts a thread under the idle policy and back, by its thread id', async () => {
    const worker = new Worker(
      "const { parentPort } = require('node:worker_threads'); const { readlinkSync } = require('node:fs'); parentPort.postMessage(Number(readlinkSync('/proc/thread-self').split('/').pop())); setInterval(() => {}, 1000);",
      { eval: true },
    );
    try {
      const threadId = await new Promise<number>((resolve) => worker.once('message', resolve));
      assert.match(policyOf(threadId), /SCHED_OTHER/);
      assert.equal(await linuxThreadScheduling.idle(threadId), true);
      assert.match(policyOf(threadId), /SCHED_IDLE/);
      assert.equal(await linuxThreadScheduling.normal(threadId), true);
      assert.match(policyOf(threadId), /SCHED_OTHER/);
    } finally {
      await worker.terminate();
    }
  });

  it('asks for the idle policy for the worker of an index, and notes it', async () => {
    const scheduling = recording();
    const notes: string[] = [];
    const index = new WorkspaceIndex(root, { onChange: () => undefined, onNote: (m) => notes.push(m) }, { scheduling });
    const stats = await index.start({ settings: {}, exclude: [], gitignore: true });
    assert.equal(stats?.scanned, 5);
    assert.equal(scheduling.calls.length, 1, scheduling.calls.join(', '));
    assert.match(scheduling.calls[0], /^idle [1-9]\d*$/);
    assert.ok(notes.some((n) => /idle scheduling/.test(n)), notes.join(' | '));
  });

  it('returns the worker to normal scheduling when it makes no progress (every core busy)', async () => {
    const scheduling = recording();
    const notes: string[] = [];
    // A pause the server never releases makes the worker wait 100 ms before its first file: longer
    // than this index lets an idle-policy worker go without progress.
    const pause = new IndexPause();
    const release = pause.hold();
    const index = new WorkspaceIndex(root, { onChange: () => undefined, onNote: (m) => notes.push(m) }, { scheduling, pause, starvedAfterMs: 20 });
    try {
      const stats = await index.start({ settings: {}, exclude: [], gitignore: true });
      assert.equal(stats?.scanned, 5);
      const threadId = scheduling.calls[0]?.split(' ')[1];
      assert.deepEqual(scheduling.calls, [`idle ${threadId}`, `normal ${threadId}`]);
      await new Promise((r) => setImmediate(r));
      assert.ok(notes.some((n) => /back to normal scheduling/.test(n)), notes.join(' | '));
    } finally {
      release();
    }
  });

  it('replaces a starving worker that may not leave the idle policy by a normally scheduled one', async () => {
    const scheduling = recording(false);
    const notes: string[] = [];
    const pause = new IndexPause();
    const release = pause.hold();
    let changes = 0;
    const index = new WorkspaceIndex(root, { onChange: () => changes++, onNote: (m) => notes.push(m) }, { scheduling, pause, starvedAfterMs: 20 });
    try {
      const stats = await index.start({ settings: {}, exclude: [], gitignore: true });
      assert.equal(stats?.scanned, 5, 'every file indexed once, by one worker or the other');
      // Only the first worker is put under the idle policy; the replacement is not.
      assert.equal(scheduling.calls.filter((c) => c.startsWith('idle')).length, 1, scheduling.calls.join(', '));
      assert.ok(notes.some((n) => /a new worker, normally scheduled, goes on/.test(n)), notes.join(' | '));
      assert.equal(index.indexing, false);
      assert.ok(changes > 0);
    } finally {
      release();
    }
  });
});
