/**
 * Commands of the Secrets view: refresh, grouping, open a location, and the context actions (apply the
 * preferred fix, ignore, copy the reference, mark rotated, open the rule's docs, leak response), plus
 * "Write Secrets Report" and the welcome-view buttons. Arguments are tree nodes or URIs and ranges,
 * never a value.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MarkRotatedRequest, type InventoryOccurrenceView } from '../../../shared/inventoryProtocol';
import { RULE_DOCS_BASE } from '../../../shared/protocol';
import { appendToIgnoreFile, applyPreferredFix, applySuppression } from './fixActions';
import { createInventoryFile, openDocs, showLeakResponse, writeReport, type ReportOptions } from './documents';
import type { InventoryView } from './inventoryView';
import { REVEAL_LOCATION_COMMAND } from './treeProvider';
import { GROUPINGS, hardCodedUnder, isGrouping, type Grouping, type InventoryNode } from './treeModel';

export const INVENTORY_COMMANDS = {
  refresh: 'secretHygiene.inventory.refresh',
  groupBy: 'secretHygiene.inventory.groupBy',
  openLocation: REVEAL_LOCATION_COMMAND,
  applyFix: 'secretHygiene.inventory.applyFix',
  ignore: 'secretHygiene.inventory.ignore',
  copyReference: 'secretHygiene.inventory.copyReference',
  markRotated: 'secretHygiene.inventory.markRotated',
  openRuleDocs: 'secretHygiene.inventory.openRuleDocs',
  showLeakResponse: 'secretHygiene.inventory.showLeakResponse',
  writeReport: 'secretHygiene.writeReport',
  createInventoryFile: 'secretHygiene.inventory.createInventoryFile',
  openDocs: 'secretHygiene.inventory.openDocs',
} as const;

const GROUPING_LABELS: Record<Grouping, string> = { secret: 'By secret', file: 'By file', kind: 'By kind (how it is stored or used)' };

function info(message: string): void {
  void vscode.window.showInformationMessage(`Secret Hygiene: ${message}`);
}

export function registerInventoryCommands(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  ready: Promise<void>,
  view: InventoryView,
): vscode.Disposable {
  /** The node a context action is for: its argument (a node, or an item id), else the selection (keyboard). */
  const target = (arg: unknown): InventoryNode | undefined => {
    if (typeof arg === 'string') return view.provider.tree.byId.get(arg);
    if (arg && typeof arg === 'object' && 'view' in arg && 'id' in arg) return view.provider.tree.byId.get((arg as InventoryNode).id) ?? (arg as InventoryNode);
    return view.treeView.selection[0];
  };

  const run = (name: string, handler: (...args: any[]) => Promise<unknown>) =>
    vscode.commands.registerCommand(name, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (e) {
        void vscode.window.showErrorMessage(`Secret Hygiene: ${(e as Error).message}`);
        return undefined;
      }
    });

  const firstHardCoded = (arg: unknown): InventoryOccurrenceView | undefined => {
    const node = target(arg);
    const found = node ? hardCodedUnder(node)[0] : undefined;
    if (!found) info('select a hard-coded secret in the Secrets view first.');
    return found;
  };

  return vscode.Disposable.from(
    run(INVENTORY_COMMANDS.refresh, () => view.load()),
    run(INVENTORY_COMMANDS.groupBy, async (grouping?: unknown) => {
      let next: Grouping | undefined = isGrouping(grouping) ? grouping : undefined;
      if (!next) {
        const pick = await vscode.window.showQuickPick(
          GROUPINGS.map((g) => ({ label: GROUPING_LABELS[g], grouping: g, picked: g === view.grouping, description: g === view.grouping ? 'current' : undefined })),
          { placeHolder: 'Group the secrets' },
        );
        next = pick?.grouping;
      }
      if (next) await view.setGrouping(next);
      return next;
    }),
    run(INVENTORY_COMMANDS.openLocation, async (uri: unknown, range?: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
      if (typeof uri !== 'string') return;
      const selection = range ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) : undefined;
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: true });
    }),
    run(INVENTORY_COMMANDS.applyFix, async (arg?: unknown) => {
      const o = firstHardCoded(arg);
      if (!o) return;
      const title = await applyPreferredFix(o);
      if (!title) info(`no automatic fix for ${o.path}:${o.range.start.line + 1}; move the value by hand, then rotate it.`);
      else view.scheduleRefresh();
      return title;
    }),
    run(INVENTORY_COMMANDS.ignore, async (arg?: unknown) => {
      const node = target(arg);
      const occurrences = node ? hardCodedUnder(node) : [];
      if (occurrences.length === 0) return info('only hard-coded secrets can be ignored.');
      const fingerprints = new Set(occurrences.map((o) => o.fingerprint).filter(Boolean));
      if (fingerprints.size === 1 && occurrences.length === 1) {
        const title = await applySuppression(occurrences[0]);
        if (title) {
          view.scheduleRefresh();
          return title;
        }
      }
      const withPrint = occurrences.filter((o): o is InventoryOccurrenceView & { fingerprint: string } => !!o.fingerprint);
      if (withPrint.length === 0 || !node) return info('this finding has no fingerprint to ignore.');
      const added = await appendToIgnoreFile(vscode.Uri.parse(node.folderUri), withPrint.map((o) => ({ fingerprint: o.fingerprint, ruleId: o.ruleId, path: o.path })));
      info(added ? `added ${added} fingerprint(s) to .secret-hygiene-ignore.` : 'already in .secret-hygiene-ignore.');
      view.scheduleRefresh();
      return added;
    }),
    run(INVENTORY_COMMANDS.copyReference, async (arg?: unknown) => {
      const node = target(arg);
      const secret = node && (node.type === 'secret' || node.type === 'occurrence') ? node.secret : undefined;
      if (!secret?.reference) return info('this item has no reference to copy.');
      await vscode.env.clipboard.writeText(secret.reference);
      info(`copied the reference to ${secret.name}.`);
      return secret.reference;
    }),
    run(INVENTORY_COMMANDS.markRotated, async (arg?: unknown) => {
      const node = target(arg);
      const secret = node && (node.type === 'secret' || node.type === 'occurrence') ? node.secret : undefined;
      if (!secret || !node) return info('select a secret in the Secrets view first.');
      await ready;
      const result = await client.sendRequest(MarkRotatedRequest.type, { folderUri: node.folderUri, name: secret.name });
      if (result.applied) {
        info(result.message || `${secret.name} marked as rotated today.`);
        view.scheduleRefresh();
      } else void vscode.window.showWarningMessage(`Secret Hygiene: ${result.message || `${secret.name} was not marked as rotated.`}`);
      return result;
    }),
    run(INVENTORY_COMMANDS.openRuleDocs, async (arg?: unknown) => {
      const node = target(arg);
      const ids =
        node?.type === 'occurrence' && node.occurrence.ruleId
          ? [node.occurrence.ruleId]
          : node?.type === 'secret'
            ? [...new Set([...node.secret.ruleIds, ...node.occurrences.map((o) => o.ruleId).filter((r): r is string => !!r)])]
            : [];
      if (ids.length === 0) return info('no detection rule applies to this item.');
      const ruleId = ids.length === 1 ? ids[0] : await vscode.window.showQuickPick(ids, { placeHolder: 'Rule to read about' });
      if (!ruleId) return;
      await vscode.env.openExternal(vscode.Uri.parse(`${RULE_DOCS_BASE}#${encodeURIComponent(ruleId)}`));
      return ruleId;
    }),
    run(INVENTORY_COMMANDS.showLeakResponse, async (arg?: unknown) => {
      const o = firstHardCoded(arg);
      if (!o) return;
      if (!o.fingerprint) return info('this finding has no fingerprint; no leak response is available.');
      return (await showLeakResponse(client, ready, o.uri, o.fingerprint))?.uri;
    }),
    run(INVENTORY_COMMANDS.writeReport, (options?: ReportOptions) => writeReport(client, ready, options ?? {})),
    run(INVENTORY_COMMANDS.createInventoryFile, (folderUri?: unknown) =>
      createInventoryFile((uri) => view.folderView(uri), typeof folderUri === 'string' ? folderUri : undefined),
    ),
    run(INVENTORY_COMMANDS.openDocs, () => openDocs(context.extensionUri)),
  );
}
