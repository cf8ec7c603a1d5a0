/**
 * A pause switch shared (through a SharedArrayBuffer) by the language server's thread and the index
 * worker. While the server scans the document being edited it holds the switch; the worker checks
 * it between files and waits, so that on a machine with few cores the edited document's scan does
 * not compete with the index for CPU, caches and memory bandwidth. A wait is bounded: a pause held
 * too long (or never released) delays the index by at most maxWaitMs.
 */

/** Cells of the shared buffer: how many holders, and a count of pauses (a new pause is a new wait). */
const HOLDERS = 0;
const PAUSES = 1;

export class IndexPause {
  private readonly cells: Int32Array;
  /** Worker side: the last pause waited for (a pause is waited for once, at most maxWaitMs). */
  private waited = -1;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)) {
    this.cells = new Int32Array(buffer);
  }

  /** Server side: pauses the index until the returned function is called (calls nest). */
  hold(): () => void {
    if (Atomics.add(this.cells, HOLDERS, 1) === 0) Atomics.add(this.cells, PAUSES, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      Atomics.sub(this.cells, HOLDERS, 1);
      Atomics.notify(this.cells, HOLDERS);
    };
  }

  get held(): boolean {
    return Atomics.load(this.cells, HOLDERS) > 0;
  }

  /** Worker side: returns when no pause is held, or after waiting maxWaitMs for this pause. */
  waitWhileHeld(maxWaitMs: number): void {
    const pause = Atomics.load(this.cells, PAUSES);
    if (!this.held || pause === this.waited) return;
    this.waited = pause;
    const deadline = performance.now() + maxWaitMs;
    for (let holders = Atomics.load(this.cells, HOLDERS); holders > 0; holders = Atomics.load(this.cells, HOLDERS)) {
      const left = deadline - performance.now();
      if (left <= 0) return;
      Atomics.wait(this.cells, HOLDERS, holders, left);
    }
  }
}
