// Extension-host test entry: the `run(): Promise<void>` contract of @vscode/test-electron, so the same
// bundle runs inside code-server (through the payload URL) or a desktop VS Code. Mocha runs here, inside
// the extension host, with the real `vscode` API. Mode (env SECRET_HYGIENE_E2E_MODE):
//   trusted   (default) every *.test.js except untrusted.test.js
//   untrusted only untrusted.test.js (the workspace is opened with workspace trust enabled, not trusted)
// The runner passes SECRET_HYGIENE_E2E_GREP through from its own environment.
import { appendFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mode = process.env.SECRET_HYGIENE_E2E_MODE ?? 'trusted';
  const logFile = process.env.SECRET_HYGIENE_E2E_LOG;
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const original = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    if (logFile) appendFileSync(logFile, `${format(...args)}\n`);
    original(...args);
  };
  // SECRET_HYGIENE_E2E_GREP narrows the run to matching test titles (debugging only; CI never sets it).
  const grep = process.env.SECRET_HYGIENE_E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .filter((name) => (mode === 'untrusted' ? name === 'untrusted.test.js' : name !== 'untrusted.test.js'))
    .sort();
  if (files.length === 0) return Promise.reject(new Error(`no e2e test files for mode ${mode} in ${__dirname}`));
  for (const name of files) mocha.addFile(path.join(__dirname, name));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (logFile) appendFileSync(logFile, `E2E-RESULT ${failures === 0 ? 'pass' : 'fail'} failures=${failures}\n`);
        if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
        else resolve();
      });
    } catch (error) {
      reject(error);
    }
  });
}
