import type { Finding } from '../types';
import { applyEdits } from './edits';
import { computeFixes } from './computeFixes';
import type { NamingState } from './referenceFix';
import type { BackendSettings, FileEdits, WorkspaceFacts } from './types';
import { ENV_EXAMPLE_FILE, ENV_FILE, ENV_LOCAL_FILE, GITIGNORE_FILE } from './workspaceFiles';

export interface FixAllInput {
  text: string;
  path: string;
  workspace: WorkspaceFacts;
  backend: BackendSettings;
  /** Re-scans a text of this document (the Engine, with the document's suppressions). */
  scan(text: string): Finding[];
}

export interface FixAllResult {
  /** Edits per file: the document as one replacement, workspace files as appends/creations. */
  files: FileEdits[];
  /** Number of findings fixed. */
  fixed: number;
  /** Findings left (no safe automatic fix). */
  remaining: number;
}

const MAX_ROUNDS = 200;

/**
 * Applies the preferred fix of every finding, one at a time on the evolving text (so fixes that
 * touch the same step or import block compose), re-scanning after each. Never applies a suppression.
 */
export function fixAll(input: FixAllInput): FixAllResult {
  let text = input.text;
  const files = new Map<string, string | undefined>([
    [ENV_FILE, input.workspace.envText],
    [ENV_LOCAL_FILE, input.workspace.envLocalText],
    [GITIGNORE_FILE, input.workspace.gitignoreText],
    [ENV_EXAMPLE_FILE, input.workspace.envExampleText],
  ]);
  const state: NamingState = { taken: new Set() };
  const skipped = new Set<string>();
  let fixed = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const findings = input.scan(text).filter((f) => !skipped.has(`${f.ruleId}:${f.fingerprint}:${f.startOffset}`));
    let applied = false;
    for (const finding of findings) {
      const workspace: WorkspaceFacts = {
        ...input.workspace,
        envText: files.get(ENV_FILE),
        envLocalText: files.get(ENV_LOCAL_FILE),
        gitignoreText: files.get(GITIGNORE_FILE),
        envExampleText: files.get(ENV_EXAMPLE_FILE),
      };
      const fix = computeFixes({ text, path: input.path, finding, workspace, backend: input.backend }, state).find((f) => f.preferred);
      const doc = fix?.files.find((f) => f.path === input.path);
      if (!fix || !doc || doc.edits.length === 0) {
        skipped.add(`${finding.ruleId}:${finding.fingerprint}:${finding.startOffset}`);
        continue;
      }
      text = applyEdits(text, doc.edits);
      for (const f of fix.files) if (f.path !== input.path) files.set(f.path, applyEdits(files.get(f.path) ?? '', f.edits));
      fixed++;
      applied = true;
      break;
    }
    if (!applied) break;
  }
  const out: FileEdits[] = [];
  if (text !== input.text) out.push({ path: input.path, edits: [{ start: 0, end: input.text.length, newText: text }] });
  const originals: [string, string | undefined][] = [
    [ENV_FILE, input.workspace.envText],
    [ENV_LOCAL_FILE, input.workspace.envLocalText],
    [GITIGNORE_FILE, input.workspace.gitignoreText],
    [ENV_EXAMPLE_FILE, input.workspace.envExampleText],
  ];
  for (const [path, before] of originals) {
    const after = files.get(path);
    if (after === undefined || after === before) continue;
    if (before === undefined) out.push({ path, create: true, edits: [{ start: 0, end: 0, newText: after }] });
    else out.push({ path, edits: [{ start: before.length, end: before.length, newText: after.slice(before.length) }] });
  }
  return { files: out, fixed, remaining: input.scan(text).length };
}
