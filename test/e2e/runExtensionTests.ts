// Runs the extension-host suites (test/e2e/suite) inside a real VS Code workbench: code-server serves it
// on loopback, Debian's Chromium opens the payload URL with extensionDevelopmentPath/extensionTestsPath,
// and the workbench reports the result through codeAutomationExit. Two passes:
//   trusted   --disable-workspace-trust, every suite but untrusted.test
//   untrusted workspace trust on, folder never trusted: untrusted.test only
// Usage: npx tsx test/e2e/runExtensionTests.ts [--mode trusted|untrusted] [--verbose]
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { launchChromium, remoteUri } from './browser';
import { codeServerEntry, removeDir, repoRoot, startCodeServer } from './codeServer';
import { generateWorkspace } from './fixtures';

type Mode = 'trusted' | 'untrusted';
const verbose = process.argv.includes('--verbose');
const modeArg = process.argv.indexOf('--mode');
const modes: Mode[] = modeArg > 0 ? [process.argv[modeArg + 1] as Mode] : ['trusted', 'untrusted'];
const RUN_TIMEOUT_MS = 5 * 60_000;
const suiteOut = path.join(repoRoot, 'out/e2e/suite');
/** The extension under test (override only to debug the harness itself). */
const extensionPath = process.env.SECRET_HYGIENE_E2E_EXTENSION_PATH ?? repoRoot;

async function bundleSuite(): Promise<void> {
  const suiteDir = path.join(repoRoot, 'test/e2e/suite');
  await esbuild.build({
    entryPoints: [path.join(suiteDir, 'index.ts'), ...readdirSync(suiteDir)
      .filter((n) => n.endsWith('.test.ts')).map((n) => path.join(suiteDir, n))],
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

async function runMode(entry: string, mode: Mode): Promise<number> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), `sh-e2e-${mode}-`));
  const workspace = path.join(scratch, 'workspace');
  const manifest = generateWorkspace(workspace, { withCustomRules: true });
  const manifestFile = path.join(scratch, 'manifest.json');
  const logFile = path.join(scratch, 'mocha.log');
  writeFileSync(manifestFile, JSON.stringify(manifest));
  writeFileSync(logFile, '');
  const server = await startCodeServer(entry, {
    workspace,
    workspaceTrust: mode === 'untrusted',
    verbose,
    env: {
      SECRET_HYGIENE_E2E_MODE: mode,
      SECRET_HYGIENE_E2E_MANIFEST: manifestFile,
      SECRET_HYGIENE_E2E_LOG: logFile,
      SECRET_HYGIENE_E2E_GREP: process.env.SECRET_HYGIENE_E2E_GREP ?? '',
    },
  });
  console.log(`[e2e:${mode}] code-server at ${server.url}`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let printed = 0;
    const flushLog = () => {
      const text = readFileSync(logFile, 'utf8');
      if (text.length > printed) process.stdout.write(text.slice(printed));
      printed = text.length;
    };
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      if (verbose) console.log(`[workbench ${type}]`, ...(Array.isArray(args) ? args : [args]));
    });
    if (verbose) page.on('console', (message) => console.log(`[browser ${message.type()}] ${message.text()}`));
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server.authority, extensionPath)],
      ['extensionTestsPath', remoteUri(server.authority, path.join(suiteOut, 'index.js'))],
      ['skipWelcome', 'true'],
    ];
    const url = `${server.url}?folder=${encodeURIComponent(remoteUri(server.authority, workspace))}` +
      `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const ticker = setInterval(flushLog, 500);
    const timeout = new Promise<number>((resolve) => setTimeout(() => {
      console.error(`[e2e:${mode}] no result from the extension host within ${RUN_TIMEOUT_MS / 1000}s`);
      resolve(2);
    }, RUN_TIMEOUT_MS).unref());
    const code = await Promise.race([exitCode, timeout]);
    clearInterval(ticker);
    flushLog();
    if (!readFileSync(logFile, 'utf8').includes('E2E-RESULT')) {
      console.error(`[e2e:${mode}] the mocha runner never reported (did run() load? try --verbose)`);
      return code === 0 ? 3 : code;
    }
    return code;
  } finally {
    await browser.close();
    await server.stop();
    removeDir(server.stateDir);
    removeDir(scratch);
  }
}

async function main(): Promise<void> {
  for (const bundle of ['dist/extension.js', 'dist/server.js']) {
    if (!existsSync(path.join(extensionPath, bundle))) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
  }
  await bundleSuite();
  console.log(`[e2e] suite bundled into ${path.relative(repoRoot, suiteOut)}; extension ${extensionPath}`);
  const entry = codeServerEntry();
  let failed = 0;
  for (const mode of modes) {
    const started = Date.now();
    const code = await runMode(entry, mode);
    console.log(`[e2e:${mode}] ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    if (code !== 0) failed++;
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(`[e2e] ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
