import ignore from 'ignore';
import type { FileEdits, WorkspaceFacts } from './types';

/** Workspace-root files the fixes write besides the document. */
export const ENV_FILE = '.env';
export const GITIGNORE_FILE = '.gitignore';
export const ENV_EXAMPLE_FILE = '.env.example';
export const ENV_LOCAL_FILE = '.env.local';

/** The local file removed values go to: `.env`, or `.env.local` when git tracks `.env`. */
export function localEnv(workspace: WorkspaceFacts): { path: string; text: string | undefined } {
  return workspace.envTracked ? { path: ENV_LOCAL_FILE, text: workspace.envLocalText } : { path: ENV_FILE, text: workspace.envText };
}

/** Titles say where the value went. */
export function envTitle(title: string, workspace: WorkspaceFacts): string {
  return workspace.envTracked ? title.replace(/moved to \.env\b(?!\.)/g, 'moved to .env.local, as git tracks .env') : title;
}

/** A dotenv line for `name=value`, quoted so dotenv parsers read the value back unchanged. */
export function dotenvLine(name: string, value: string): string {
  if (/^[A-Za-z0-9_./+=:@,-]*$/.test(value)) return `${name}=${value}`;
  if (value.includes('\n') || value.includes('\r') || value.includes("'")) {
    return `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;
  }
  return `${name}='${value}'`;
}

/** True when `.gitignore` (root) ignores `path`. */
export function isGitIgnored(gitignoreText: string | undefined, path: string): boolean {
  if (!gitignoreText) return false;
  try {
    return ignore().add(gitignoreText).ignores(path);
  } catch {
    return false;
  }
}

/** Appends lines to a file that may not exist (`text` undefined); one edit at its end. */
export function appendLines(path: string, text: string | undefined, lines: string[]): FileEdits {
  if (text === undefined) return { path, create: true, edits: [{ start: 0, end: 0, newText: lines.join('\n') + '\n' }] };
  const needsNewline = text.length > 0 && !text.endsWith('\n');
  return { path, edits: [{ start: text.length, end: text.length, newText: (needsNewline ? '\n' : '') + lines.join('\n') + '\n' }] };
}

/** `.env` gains `name=value` (created if missing). */
export function envFileEdit(envText: string | undefined, name: string, value: string, from: string, file: string = ENV_FILE): FileEdits {
  return appendLines(file, envText, [`# moved here by Secret Hygiene from ${from}`, dotenvLine(name, value)]);
}

/** `.gitignore` gains `entry` when it does not ignore it yet; undefined when nothing to do. */
export function gitignoreEdit(gitignoreText: string | undefined, entry: string = ENV_FILE): FileEdits | undefined {
  if (isGitIgnored(gitignoreText, entry)) return undefined;
  return appendLines(GITIGNORE_FILE, gitignoreText, [entry]);
}

/** `.env.example` gains a placeholder line for `name` unless it has one. */
export function envExampleEdit(exampleText: string | undefined, name: string, placeholder: string): FileEdits | undefined {
  if (exampleText !== undefined && new RegExp(`^\\s*(?:export\\s+)?${name}\\s*=`, 'm').test(exampleText)) return undefined;
  return appendLines(ENV_EXAMPLE_FILE, exampleText, [`${name}=${placeholder}`]);
}
