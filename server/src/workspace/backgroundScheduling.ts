/**
 * The index worker's thread under Linux's SCHED_IDLE policy: it then runs only on a core nothing
 * else wants, and a thread that wakes up (the server answering a keystroke, the editor) takes the
 * core from it at once. A lower nice value alone still leaves the waking thread waiting for the
 * worker's time slice. In alternating runs on a 2-core machine (scripts/bench/inventory.ts, editor
 * mode, 10 runs each), typing during the first index went from p95 10.3 to 8.2 ms for the same index
 * time. The price: with every core busy (a build), an idle-policy thread barely runs, so the
 * workspace index falls back to normal scheduling (at its lower nice value) once the worker makes no
 * progress for a while. Node has no call for the policy: `chrt` (util-linux) sets it on the thread's
 * id; where it is missing, or on other systems, nothing changes.
 */
import { execFile } from 'node:child_process';

export interface ThreadScheduling {
  /** Puts the thread under the idle policy; false when not possible here. */
  idle(threadId: number): Promise<boolean>;
  /** Back to the normal policy (the thread keeps its nice value). */
  normal(threadId: number): Promise<boolean>;
}

function chrt(args: string[]): Promise<boolean> {
  if (process.platform !== 'linux') return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      execFile('chrt', args, { timeout: 2000, windowsHide: true }, (error) => resolve(!error));
    } catch {
      resolve(false);
    }
  });
}

export const linuxThreadScheduling: ThreadScheduling = {
  idle: (threadId) => chrt(['--idle', '--pid', '0', String(threadId)]),
  normal: (threadId) => chrt(['--other', '--pid', '0', String(threadId)]),
};

/** Schedules nothing (tests, and systems without the idle policy). */
export const noThreadScheduling: ThreadScheduling = {
  idle: () => Promise.resolve(false),
  normal: () => Promise.resolve(false),
};
