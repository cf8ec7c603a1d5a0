import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanSettings } from '../engine';

/** Project settings file read at the scan root, when present. */
export const PROJECT_CONFIG_FILE = '.secret-hygiene.json';

/** A configuration problem the CLI reports before scanning (exit 2). Never holds file content. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads `.secret-hygiene.json` at the scan root, then `--config FILE` on top of it: `rules` objects
 * are merged (the explicit file wins), `exclude` and `customRules` lists are concatenated, scalars
 * from the explicit file replace the project's.
 */
export function loadSettings(root: string, explicitFile?: { path: string; shownName: string }): ScanSettings {
  const projectFile = join(root, PROJECT_CONFIG_FILE);
  const layers: Record<string, unknown>[] = [];
  if (existsSync(projectFile)) layers.push(readJsonObject(projectFile, PROJECT_CONFIG_FILE));
  if (explicitFile !== undefined) layers.push(readJsonObject(explicitFile.path, explicitFile.shownName));
  return mergeSettings(layers);
}

export function mergeSettings(layers: Record<string, unknown>[]): ScanSettings {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      const previous = merged[key];
      if ((key === 'exclude' || key === 'customRules') && Array.isArray(previous) && Array.isArray(value)) {
        merged[key] = [...previous, ...value];
      } else if (key === 'rules' && isObject(previous) && isObject(value)) {
        merged[key] = { ...previous, ...value };
      } else merged[key] = value;
    }
  }
  return merged as ScanSettings;
}

function readJsonObject(file: string, shownName: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config ${shownName}: ${(e as NodeJS.ErrnoException).code ?? 'read error'}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    // V8's message quotes the text around the error, which may hold a secret: report a position only.
    const at = /position (\d+)/.exec((e as Error).message);
    const where = at ? ` (${lineColumn(text, Number(at[1]))})` : '';
    throw new ConfigError(`config ${shownName} is not valid JSON${where}`);
  }
  if (!isObject(json)) throw new ConfigError(`config ${shownName} must hold a JSON object of settings`);
  return json;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
