/**
 * Editor latency through the language server in process (test/lsp/harness.ts): diagnostics after
 * each edit of a 10,000-line file, and time to first diagnostics for a freshly opened 1 MB file.
 */
import { checksummedToken } from '../../server/src/engine/rules/fake';
import { startServerInProcess, type ClientProfile } from '../../test/lsp/harness';
import { largeWorkflow } from '../../test/fixtures/pipelines/largeWorkflow';
import { generateTypeScript } from './corpus';
import { summarize, type Summary } from './stats';

export interface EditLatency {
  profile: ClientProfile;
  lines: number;
  edits: number;
  ms: Summary;
  /** CPU time of this process (server and scripted client) per edit. */
  cpuMs: Summary;
  diagnosticsPerVersion: number;
}

export interface FirstDiagnostics {
  profile: ClientProfile;
  bytes: number;
  ms: Summary;
  cpuMs: Summary;
  diagnostics: number;
}

/** A file of `lines` lines with one fake token near the top, so every version has a diagnostic. */
function sourceWithToken(lines: number, label: string): string {
  const text = generateTypeScript(lines);
  const firstBreak = text.indexOf('\n\n') + 2;
  return `${text.slice(0, firstBreak)}const ghToken = "${checksummedToken('ghp_', `bench:${label}`)}";\n${text.slice(firstBreak)}`;
}

/** The document edited: a TypeScript file by default; `editAt` picks the line and column typed at. */
export interface EditedDocument {
  path: string;
  languageId: string;
  text: string;
  editAt: { line: number; character: number };
}

/** A `lines`-line GitHub Actions workflow, typed into at the end of a middle `run:` line. */
export function workflowDocument(lines: number): EditedDocument {
  const text = largeWorkflow(lines);
  const all = text.split('\n');
  let line = Math.floor(all.length / 2);
  while (line < all.length - 1 && !/^\s+(?:- )?run: \S/.test(all[line])) line++;
  return { path: '.github/workflows/big.yml', languageId: 'yaml', text, editAt: { line, character: all[line].length } };
}

export async function benchEditLatency(profile: ClientProfile, lines: number, edits: number, document?: EditedDocument): Promise<EditLatency> {
  const server = await startServerInProcess(profile, { waitLimitMs: 30_000 });
  try {
    const text = document?.text ?? sourceWithToken(lines, 'edits');
    const uri = await server.open(document?.path ?? 'src/big.ts', text, document?.languageId ?? 'typescript');
    let diagnostics = (await server.diagnostics(uri)).length;
    const editLine = document?.editAt.line ?? Math.floor(text.split('\n').length / 2);
    const editCharacter = document?.editAt.character ?? 0;
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    for (let i = 0; i < edits + 5; i++) {
      // Type a character at the start of a middle line, then delete it: the text stays valid.
      const insert = i % 2 === 0;
      const at = { line: editLine, character: editCharacter };
      const change = insert
        ? { range: { start: at, end: at }, text: ' ' }
        : { range: { start: at, end: { line: editLine, character: editCharacter + 1 } }, text: '' };
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      await server.change(uri, [change]);
      diagnostics = (await server.diagnostics(uri)).length;
      const cpu = process.cpuUsage(cpuStarted);
      if (i >= 5) {
        // the first edits warm up
        samples.push(performance.now() - started);
        cpuSamples.push((cpu.user + cpu.system) / 1000);
      }
    }
    return { profile, lines: text.split('\n').length, edits, ms: summarize(samples), cpuMs: summarize(cpuSamples), diagnosticsPerVersion: diagnostics };
  } finally {
    await server.dispose();
  }
}

export async function benchFirstDiagnostics(profile: ClientProfile, targetBytes: number, samplesWanted: number): Promise<FirstDiagnostics> {
  const server = await startServerInProcess(profile, { waitLimitMs: 30_000 });
  try {
    let text = sourceWithToken(Math.ceil(targetBytes / 20), 'first');
    if (text.length > targetBytes) text = text.slice(0, text.lastIndexOf('\n', targetBytes) + 1);
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    let diagnostics = 0;
    for (let i = 0; i < samplesWanted + 1; i++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const uri = await server.open(`src/large-${i}.ts`, text, 'typescript');
      diagnostics = (await server.diagnostics(uri)).length;
      const cpu = process.cpuUsage(cpuStarted);
      if (i > 0) {
        // the first open warms up
        samples.push(performance.now() - started);
        cpuSamples.push((cpu.user + cpu.system) / 1000);
      }
      await server.close(uri);
    }
    return { profile, bytes: Buffer.byteLength(text), ms: summarize(samples), cpuMs: summarize(cpuSamples), diagnostics };
  } finally {
    await server.dispose();
  }
}
