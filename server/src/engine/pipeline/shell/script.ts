/**
 * The input every CI adapter hands to the script checks: a script's text mapped to the file, the
 * shell dialect, and which variables in scope hold secrets.
 */
import type { FindingData, RawFinding } from '../../types';
import { mapSpan, type MappedText } from '../yamlModel';
import type { ShellDialect } from './tokenizer';

export type CiSystem = 'github' | 'gitlab' | 'azure' | 'circleci' | 'bitbucket' | 'jenkins' | 'docker';

/** A variable bound to a secret in the script's scope. */
export interface SecretBinding {
  /** Name of the secret it comes from (`NPM_TOKEN` for `${{ secrets.NPM_TOKEN }}`), when known. */
  secretName?: string;
  scope: 'step' | 'job' | 'workflow' | 'well-known';
  /** Derived from a secret (fromJSON(secrets.X).field...): the runner does not mask it. */
  derived: boolean;
}

export interface ScriptInput {
  mapped: MappedText;
  dialect: ShellDialect;
  ci: CiSystem;
  /** Variables bound from secrets in this script's scope (step, job and workflow env). */
  secretVars: Map<string, SecretBinding>;
  /** Facts for findings' data: jobId, stepIndex... */
  where: FindingData;
}

export interface ScriptResult {
  findings: RawFinding[];
  /** Names of variables the script references ($X, ${X}, $env:X, %X%). */
  referencedVars: Set<string>;
  /** Command names the script runs. */
  commands: Set<string>;
  /** Output names written to $GITHUB_OUTPUT with a secret or a value derived from one. */
  secretOutputs: Set<string>;
}

/** Builds a RawFinding from a span of the script, mapped to file offsets. */
export function scriptFinding(input: ScriptInput, ruleId: string, start: number, end: number, data: FindingData, message?: string): RawFinding {
  const [s, e] = mapSpan(input.mapped, start, end);
  return { ruleId, start: s, end: e, data: { ...input.where, shell: input.dialect === 'posix' ? 'bash' : input.dialect, ...data }, message };
}
