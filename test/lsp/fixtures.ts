/** Generated fake values and helpers for the LSP tests: no secret-shaped literal in the source. */
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { LOWER_ALNUM, checksummedToken, token } from '../../server/src/engine/rules/fake';

/** A GitHub classic token with a valid checksum (the `github-classic-pat` rule), distinct per label. */
export function fakeGithubToken(label: string): string {
  return checksummedToken('ghp_', `lsp-test:${label}`);
}

/** A value for the custom rules below: `acme_` / `zeta_` + 24 lower-case characters. */
export function fakeCustomValue(prefix: 'acme_' | 'zeta_', label: string): string {
  return token(prefix, 24, LOWER_ALNUM, `lsp-test:${label}`);
}

export function customRule(id: string, prefix: 'acme_' | 'zeta_') {
  return { id, title: `Fake ${id} key`, pattern: `(?<secret>${prefix}[a-z0-9]{24})`, keywords: [prefix], severity: 'warning' };
}

export function positionOf(text: string, needle: string): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error('needle not in text');
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function findings(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code !== 'scan-notice');
}

export function codes(diagnostics: Diagnostic[]): string[] {
  return findings(diagnostics).map((d) => String(d.code)).sort();
}
