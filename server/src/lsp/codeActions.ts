/**
 * Code actions: the quick fixes of server/src/engine/fixes as LSP code actions, resolved lazily
 * (codeAction/resolve) when the client supports resolving `edit`, inline otherwise (Neovim 0.7
 * without resolve). Suppressions are offered, never preferred. Also the `secretHygiene.fixAll`
 * command, and the one-time stash hand-over of the VS Code SecretStorage variant.
 */
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findingToDiagnostic } from './diagnosticMapping';
import { FixWorkspace, TrackedFiles } from './fixWorkspace';
import { SecretStash } from './fixStash';
import type { ServerServices } from './services';
import { computeFixes, fixAll, resolveBackendSettings, type Fix } from '../engine/fixes';
import type { Engine, Finding } from '../engine';
import {
  ClientFixFeaturesNotification,
  FIX_ALL_COMMAND,
  STASH_COMMAND,
  TakeStashedSecretRequest,
  type FixAllCommandResult,
} from '../../../shared/fixProtocol';

/** `CodeAction.data`: enough to find the finding again at resolve time. Secret-free. */
interface ActionData {
  uri: string;
  version: number;
  ruleId: string;
  fingerprint: string;
  startOffset: number;
  fixId: string;
}

export function registerCodeActions(services: ServerServices): void {
  const { connection, documents } = services;
  const stash = new SecretStash();
  const tracked = new TrackedFiles();
  let clientHasStashCommand = false;

  services.declareCapabilities(() => ({
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
    executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
  }));
  services.onShutdown(() => stash.clear());

  connection.onNotification(ClientFixFeaturesNotification.type, (params) => {
    clientHasStashCommand = params?.stashCommand === true;
  });
  connection.onRequest(TakeStashedSecretRequest.type, (params) => stash.take(params?.id));

  const context = async (document: TextDocument) => {
    const path = services.relativePath(document.uri);
    const workspace = FixWorkspace.for(services, document.uri, tracked);
    const raw = await services.settingsFor(document.uri);
    const root = workspace.root;
    const project = root ? root.split(/[\\/]/).filter(Boolean).pop() : undefined;
    return { path, workspace, backend: resolveBackendSettings(raw, project) };
  };

  const fixesFor = async (document: TextDocument, finding: Finding, findings: Finding[]) => {
    const { path, workspace, backend } = await context(document);
    const offerStash = clientHasStashCommand && services.flags.codeActionResolve;
    const fixes = computeFixes({ text: document.getText(), path, finding, allFindings: findings, workspace: workspace.facts(), backend, offerStash });
    return { fixes, path, workspace };
  };

  const toEdit = (document: TextDocument, path: string, workspace: FixWorkspace, fix: Fix) => workspace.toWorkspaceEdit(document, path, fix.files);

  /** The stash variant: the edit without .env, then the client command with a one-time id. */
  const attachStash = (action: CodeAction, fix: Fix, workspace: FixWorkspace) => {
    if (!fix.stash) return;
    const folderUri = workspace.root ? pathToFileURL(workspace.root).href : undefined;
    const id = stash.put(fix.stash.name, fix.stash.value, folderUri);
    action.command = { title: 'Store in SecretStorage', command: STASH_COMMAND, arguments: [id, fix.stash.name] };
  };

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    try {
      const [{ result }, engine] = await Promise.all([services.scanDocumentVersioned(document), services.engineFor(document.uri)]);
      const start = document.offsetAt(params.range.start);
      const end = document.offsetAt(params.range.end);
      const asked = new Set(params.context.diagnostics.map((d) => (d.data as { fingerprint?: string } | undefined)?.fingerprint).filter(Boolean));
      const here = result.findings.filter((f) => (f.startOffset <= end && start <= f.endOffset) || asked.has(f.fingerprint));
      const actions: CodeAction[] = [];
      const lazy = services.flags.codeActionResolve;
      for (const finding of here) {
        const diagnostic = matchingDiagnostic(params.context.diagnostics, finding, engine);
        const { fixes, path, workspace } = await fixesFor(document, finding, result.findings);
        for (const fix of fixes) {
          if (fix.stash && !lazy) continue;
          // Outside a workspace folder there is no root for .env or the ignore file.
          if (!workspace.root && fix.files.some((f) => f.path !== path && f.edits.length > 0)) continue;
          const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred || undefined };
          if (lazy) {
            const data: ActionData = { uri: document.uri, version: document.version, ruleId: finding.ruleId, fingerprint: finding.fingerprint, startOffset: finding.startOffset, fixId: fix.id };
            action.data = data;
          } else {
            const edit = toEdit(document, path, workspace, fix);
            if (!edit) continue;
            action.edit = edit;
          }
          actions.push(action);
        }
      }
      if (here.length > 0 && result.findings.length > 1) {
        actions.push({
          title: 'Fix all Secret Hygiene problems in this file (preferred fixes, no suppressions)',
          kind: CodeActionKind.QuickFix,
          command: { title: 'Fix all', command: FIX_ALL_COMMAND, arguments: [document.uri] },
        });
      }
      return actions;
    } catch (e) {
      services.log(`code actions failed: ${(e as Error).name}`);
      return [];
    }
  });

  connection.onCodeActionResolve(async (action: CodeAction): Promise<CodeAction> => {
    const data = action.data as ActionData | undefined;
    if (!data || typeof data.uri !== 'string') return action;
    const document = documents.get(data.uri);
    if (!document) return action;
    try {
      const { result } = await services.scanDocumentVersioned(document);
      const candidates = result.findings.filter((f) => f.ruleId === data.ruleId && f.fingerprint === data.fingerprint);
      const finding = candidates.sort((a, b) => Math.abs(a.startOffset - data.startOffset) - Math.abs(b.startOffset - data.startOffset))[0];
      if (!finding) return action;
      const { fixes, path, workspace } = await fixesFor(document, finding, result.findings);
      const fix = fixes.find((f) => f.id === data.fixId);
      if (!fix) return action;
      const edit = toEdit(document, path, workspace, fix);
      if (edit) action.edit = edit;
      attachStash(action, fix, workspace);
      return action;
    } catch (e) {
      services.log(`code action resolve failed: ${(e as Error).name}`);
      return action;
    }
  });

  connection.onExecuteCommand(async (params): Promise<FixAllCommandResult | null> => {
    if (params.command !== FIX_ALL_COMMAND) return null;
    const uri = params.arguments?.[0];
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!document) return { fixed: 0, remaining: 0, applied: false };
    const [{ result }, engine] = await Promise.all([services.scanDocumentVersioned(document), services.engineFor(document.uri)]);
    const { path, workspace, backend } = await context(document);
    const text = document.getText();
    // Findings the ignore files suppress stay suppressed: they are in a bare scan but not in the document's.
    const active = new Set(result.findings.map((f) => f.fingerprint));
    const suppressed = new Set(engine.scan(text, path, { editing: true }).findings.map((f) => f.fingerprint).filter((p) => !active.has(p)));
    const outcome = fixAll({
      text,
      path,
      workspace: workspace.facts(),
      backend,
      scan: (t) => engine.scan(t, path).findings.filter((f) => !suppressed.has(f.fingerprint)),
    });
    if (outcome.files.length === 0) return { fixed: 0, remaining: outcome.remaining, applied: false };
    const edit = workspace.toWorkspaceEdit(document, path, outcome.files);
    if (!edit) return { fixed: 0, remaining: result.findings.length, applied: false };
    try {
      const applied = await connection.workspace.applyEdit({ label: 'Secret Hygiene: fix all', edit });
      return { fixed: applied.applied ? outcome.fixed : 0, remaining: applied.applied ? outcome.remaining : result.findings.length, applied: applied.applied };
    } catch (e) {
      services.log(`fix all: the client could not apply the edit (${(e as Error).name})`);
      return { fixed: 0, remaining: result.findings.length, applied: false };
    }
  });
}

/** The client's diagnostic for a finding (same rule, fingerprint and range), else a fresh one. */
function matchingDiagnostic(diagnostics: Diagnostic[], finding: Finding, engine: Engine): Diagnostic {
  const same = diagnostics.find((d) => {
    const data = d.data as { fingerprint?: string; ruleId?: string } | undefined;
    return d.code === finding.ruleId && (!data?.fingerprint || data.fingerprint === finding.fingerprint) && d.range.start.line === finding.range.start.line;
  });
  return same ?? findingToDiagnostic(finding, engine);
}
