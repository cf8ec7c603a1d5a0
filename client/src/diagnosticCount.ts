import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, SCAN_NOTICE_CODE } from '../../shared/protocol';

export function isSecretHygieneDiagnostic(d: vscode.Diagnostic): boolean {
  return d.source === DIAGNOSTIC_SOURCE;
}

/** A finding, not the information diagnostic that explains a skipped scan. */
export function isFinding(d: vscode.Diagnostic): boolean {
  if (!isSecretHygieneDiagnostic(d)) return false;
  const code = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
  return code !== SCAN_NOTICE_CODE;
}

export function secretHygieneDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(isSecretHygieneDiagnostic);
}

/** Workspace total of findings (the server only checks open documents). */
export function countFindings(): number {
  let count = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const d of diagnostics) if (isFinding(d)) count++;
  }
  return count;
}
