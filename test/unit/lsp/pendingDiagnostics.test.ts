import { strict as assert } from 'node:assert';
import { PendingDiagnostics } from '../../../server/src/lsp/pendingDiagnostics';

/** Whether `promise` settles within a few turns of the event loop (no timer involved). */
async function settlesSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let i = 0; i < 5 && !settled; i++) await new Promise((r) => setImmediate(r));
  return settled;
}

describe('pending diagnostics', () => {
  // A wait bound far beyond any test: only delivery, closing or disposal can end a wait here.
  const LONG = 60_000;
  let pending: PendingDiagnostics;
  beforeEach(() => (pending = new PendingDiagnostics(LONG)));
  afterEach(() => pending.dispose());

  it('lets background work run at once when no diagnostics are owed', async () => {
    assert.equal(pending.busy, false);
    assert.ok(await settlesSoon(pending.idle()));
  });

  it('holds background work until the changed document has its diagnostics', async () => {
    pending.changed('file:///a.ts', 2);
    assert.equal(pending.busy, true);
    const idle = pending.idle();
    assert.equal(await settlesSoon(idle), false);
    pending.delivered('file:///a.ts', 2);
    assert.ok(await settlesSoon(idle));
  });

  it('keeps a newer version owed when an older one is answered', async () => {
    pending.changed('file:///a.ts', 3);
    pending.delivered('file:///a.ts', 2);
    assert.equal(pending.busy, true);
    const idle = pending.idle();
    assert.equal(await settlesSoon(idle), false);
    pending.delivered('file:///a.ts', 3);
    assert.ok(await settlesSoon(idle));
  });

  it('waits for every owed document, and forgets closed ones', async () => {
    pending.changed('file:///a.ts', 1);
    pending.changed('file:///b.ts', 1);
    const idle = pending.idle();
    pending.delivered('file:///a.ts', 1);
    assert.equal(await settlesSoon(idle), false);
    pending.closed('file:///b.ts');
    assert.ok(await settlesSoon(idle));
  });

  it('bounds the wait when diagnostics are never asked for', async () => {
    const bounded = new PendingDiagnostics(5);
    bounded.changed('file:///a.ts', 1);
    await bounded.idle();
    assert.equal(bounded.busy, true, 'still owed: the wait ended on its bound');
    bounded.dispose();
  });

  it('forgets a document owed for long (its client does not ask for it)', () => {
    let now = 0;
    const clocked = new PendingDiagnostics(LONG, () => now);
    clocked.changed('file:///a.ts', 1);
    assert.equal(clocked.busy, true);
    now += 60_000;
    assert.equal(clocked.busy, false);
  });

  it('releases waiters on dispose', async () => {
    pending.changed('file:///a.ts', 1);
    const idle = pending.idle();
    pending.dispose();
    assert.ok(await settlesSoon(idle));
  });
});
