/**
 * Fixes from the tree: asks VS Code for the code actions at an occurrence (the server's quick fixes,
 * through `vscode.executeCodeActionProvider`) and applies the preferred one, or the suppression.
 * Code actions resolve their edit lazily, so the chosen one is resolved alone (no other is resolved,
 * which keeps e.g. the SecretStorage variant from stashing a value nobody takes).
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../../shared/protocol';
import type { InventoryOccurrenceView } from '../../../shared/inventoryProtocol';

type ActionOrCommand = vscode.CodeAction | vscode.Command;

function isCodeAction(a: ActionOrCommand): a is vscode.CodeAction {
  return typeof (a as vscode.Command).command !== 'string';
}

/**
 * Whether an action is one of ours. `vscode.executeCodeActionProvider` results usually come without
 * their diagnostics; when they have them, those of other sources are skipped.
 */
function ours(a: vscode.CodeAction): boolean {
  if (!a.diagnostics?.length) return true;
  return a.diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE);
}

export function toRange(o: InventoryOccurrenceView): vscode.Range {
  const { start, end } = o.range;
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

/** Opens the occurrence's file with the range selected (the fix edits what the user sees). */
export async function showOccurrence(o: InventoryOccurrenceView): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(o.uri));
  const range = toRange(o);
  return vscode.window.showTextDocument(document, { selection: range, preview: false });
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, resolveCount: number): Promise<ActionOrCommand[]> {
  return (
    (await vscode.commands.executeCommand<ActionOrCommand[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, resolveCount)) ?? []
  );
}

/** Applies the first Secret Hygiene code action at the occurrence that `choose` accepts. */
export async function applyCodeAction(o: InventoryOccurrenceView, choose: (a: vscode.CodeAction) => boolean): Promise<string | undefined> {
  const editor = await showOccurrence(o);
  const uri = editor.document.uri;
  const range = toRange(o);
  const listed = await codeActions(uri, range, 0);
  const index = listed.findIndex((a) => isCodeAction(a) && ours(a) && choose(a));
  if (index < 0) return undefined;
  const title = listed[index].title;
  const resolved = (await codeActions(uri, range, index + 1))[index];
  if (!resolved || !isCodeAction(resolved) || resolved.title !== title) {
    throw new Error('the file changed while the fix was being prepared; try again');
  }
  if (resolved.edit) {
    const applied = await vscode.workspace.applyEdit(resolved.edit);
    if (!applied) throw new Error(`VS Code did not apply "${title}"`);
  }
  if (resolved.command) await vscode.commands.executeCommand(resolved.command.command, ...(resolved.command.arguments ?? []));
  return title;
}

export function applyPreferredFix(o: InventoryOccurrenceView): Promise<string | undefined> {
  return applyCodeAction(o, (a) => a.isPreferred === true);
}

/** The suppression that lists the fingerprint in the ignore file, else the inline marker. */
export async function applySuppression(o: InventoryOccurrenceView): Promise<string | undefined> {
  const everywhere = await applyCodeAction(o, (a) => a.isPreferred !== true && /^Ignore\b/.test(a.title) && a.title.includes('.secret-hygiene-ignore'));
  return everywhere ?? applyCodeAction(o, (a) => a.isPreferred !== true && /^Ignore\b/.test(a.title));
}

/** Appends fingerprints to the folder's `.secret-hygiene-ignore` (one edit, one undo step). */
export async function appendToIgnoreFile(folderUri: vscode.Uri, entries: { fingerprint: string; ruleId?: string; path: string }[]): Promise<number> {
  const file = vscode.Uri.joinPath(folderUri, '.secret-hygiene-ignore');
  let existing = '';
  let exists = true;
  try {
    existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch {
    exists = false;
  }
  const present = existing.toLowerCase();
  const lines = entries
    .filter((e, i) => entries.findIndex((x) => x.fingerprint === e.fingerprint) === i)
    .filter((e) => !present.includes(e.fingerprint.toLowerCase()))
    .map((e) => `${e.fingerprint} # ${e.ruleId ?? 'secret'} ${e.path}`);
  if (lines.length === 0) return 0;
  const edit = new vscode.WorkspaceEdit();
  if (!exists) edit.createFile(file, { ignoreIfExists: true });
  const document = exists ? await vscode.workspace.openTextDocument(file) : undefined;
  const end = document ? document.lineAt(document.lineCount - 1).range.end : new vscode.Position(0, 0);
  const lead = existing && !existing.endsWith('\n') ? '\n' : '';
  edit.insert(file, end, `${lead}${lines.join('\n')}\n`);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('VS Code did not apply the edit to .secret-hygiene-ignore');
  if (document) await document.save();
  else await (await vscode.workspace.openTextDocument(file)).save();
  return lines.length;
}
