import {
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { scanToDiagnostics } from './diagnosticMapping';
import type { ServerServices } from './services';

/** Quiet time after the last edit of a document before it is scanned and published (push mode). */
export const PUSH_DEBOUNCE_MS = 150;

/**
 * Diagnostics, pulled (`textDocument/diagnostic`) when the client supports it, else pushed
 * (`textDocument/publishDiagnostics`), debounced per document and for the latest version only.
 * Debounce: an opened document is checked at once; after an edit, 150 ms of quiet per document
 * (typing bursts cost one scan, the result still arrives well under a human-noticeable delay).
 */
export function registerDiagnostics(services: ServerServices): void {
  const { connection, documents, flags } = services;

  services.declareCapabilities((f) =>
    f.pullDiagnostics
      ? { diagnosticProvider: { identifier: 'secretHygiene', interFileDependencies: false, workspaceDiagnostics: false } }
      : {},
  );

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    let report: DocumentDiagnosticReport;
    let version = document.version;
    try {
      const scan = await services.scanDocumentVersioned(document);
      version = scan.version;
      const items = [...scanToDiagnostics(scan.result, scan.engine), ...services.contributedDiagnostics(document.uri, document.getText())];
      report = { kind: DocumentDiagnosticReportKind.Full, items };
    } catch (e) {
      // Error messages can quote their input (JSON.parse does): report the error's name only.
      services.log(`diagnostics failed for ${services.relativePath(document.uri)}: ${(e as Error).name}`);
      throw new ResponseError(ErrorCodes.InternalError, `Secret Hygiene could not check this file (${(e as Error).name})`);
    } finally {
      services.pendingDiagnostics.delivered(document.uri, version);
    }
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    return report;
  });

  const timers = new Map<string, NodeJS.Timeout>();
  const schedule = (uri: string, delay = PUSH_DEBOUNCE_MS) => {
    if (flags.pullDiagnostics) return;
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void publish(uri);
      }, delay),
    );
  };

  const publish = async (uri: string) => {
    const document = documents.get(uri);
    if (!document) return;
    try {
      const { version, result, engine } = await services.scanDocumentVersioned(document);
      // Superseded: a newer version arrived (its own timer is pending) or the document closed.
      if (documents.get(uri) !== document || document.version !== version) return;
      const diagnostics = [...scanToDiagnostics(result, engine), ...services.contributedDiagnostics(uri, document.getText())];
      const sent = connection.sendDiagnostics({ uri, version: flags.publishVersion ? version : undefined, diagnostics });
      services.pendingDiagnostics.delivered(uri, version);
      await sent;
    } catch (e) {
      services.pendingDiagnostics.delivered(uri, document.version);
      services.log(`diagnostics failed for ${services.relativePath(uri)}: ${(e as Error).name}`);
    }
  };

  // A document just opened is checked at once; edits wait for a pause in typing.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => justOpened.add(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri, justOpened.delete(e.document.uri) ? 0 : PUSH_DEBOUNCE_MS));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    if (!flags.pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  const refreshAll = () => {
    if (flags.pullDiagnostics) {
      if (flags.diagnosticRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      for (const document of documents.all()) schedule(document.uri);
    }
  };
  services.onDidChangeSettings(refreshAll);
  services.onRepublishDiagnostics(refreshAll);
  services.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });
}
