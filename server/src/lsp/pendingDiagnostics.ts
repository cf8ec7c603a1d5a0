/**
 * Documents whose diagnostics the editor is waiting for: changed (or opened) and not answered yet.
 * The server has one thread; background work on it (rebuilding and announcing the workspace
 * inventory while a folder is indexed) waits until nothing is owed, so that a keystroke's
 * diagnostics are never queued behind it. The wait is bounded: a client that never asks for a
 * document's diagnostics, or a person typing without pause, delays background work by at most
 * MAX_DEFER_MS.
 */

/** Longest a background task waits for the editor's diagnostics to be answered. */
export const MAX_DEFER_MS = 500;
/** A document owed for longer is forgotten (its client does not ask for it: not visible, no pull). */
const FORGET_AFTER_MS = 1000;

/** Turns of the event loop between an answer and background work (see flushWhenFree). */
const ANSWER_TURNS = 3;

function afterTurns(turns: number, run: () => void): void {
  setImmediate(() => (turns > 1 ? afterTurns(turns - 1, run) : run()));
}

interface Owed {
  version: number;
  since: number;
}

export class PendingDiagnostics {
  private readonly owed = new Map<string, Owed>();
  private readonly waiters = new Set<() => void>();
  private flushScheduled = false;

  constructor(
    private readonly maxDeferMs = MAX_DEFER_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A document opened or changed: its diagnostics for `version` are owed. */
  changed(uri: string, version: number): void {
    this.owed.set(uri, { version, since: this.now() });
  }

  /** Diagnostics of `version` were answered (pulled or published); later versions stay owed. */
  delivered(uri: string, version: number): void {
    const owed = this.owed.get(uri);
    if (owed && owed.version <= version) this.owed.delete(uri);
    this.flushWhenFree();
  }

  /** The document closed: nothing is owed for it any more. */
  closed(uri: string): void {
    this.owed.delete(uri);
    this.flushWhenFree();
  }

  /** Whether some document's diagnostics are still owed (recently enough to be waited for). */
  get busy(): boolean {
    const now = this.now();
    for (const [uri, owed] of this.owed) if (now - owed.since > FORGET_AFTER_MS) this.owed.delete(uri);
    return this.owed.size > 0;
  }

  /**
   * Resolves when no diagnostics are owed, after the answer that settled them has been sent (a
   * macrotask later), or after maxDeferMs at the latest.
   */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const run = () => {
        clearTimeout(timer);
        this.waiters.delete(run);
        resolve();
      };
      this.waiters.add(run);
      timer = setTimeout(run, this.maxDeferMs);
      this.flushWhenFree();
    });
  }

  /** Stops waiting: every waiter runs now (shutdown). */
  dispose(): void {
    for (const run of [...this.waiters]) run();
    this.owed.clear();
  }

  private flushWhenFree(): void {
    if (this.flushScheduled || this.waiters.size === 0) return;
    this.flushScheduled = true;
    // A few turns of the event loop: the connection writes the answer being returned now on the
    // next turn (its writer queues the write), and a client in the same process (tests, the
    // benchmark) reads it on the turn after; background work runs after that.
    afterTurns(ANSWER_TURNS, () => {
      this.flushScheduled = false;
      if (this.busy) return;
      for (const run of [...this.waiters]) run();
    });
  }
}
