/**
 * A generated benchmark corpus: realistic-looking source and configuration (TypeScript, JavaScript,
 * Python, Go, YAML, JSON, .env-style config) with fake secrets planted at a known rate. Deterministic,
 * so it is generated once into a temp folder and reused. Values come from the fake.ts generators.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAKE_KINDS } from '../examples/fakeKinds';

export const CORPUS_VERSION = 2;
/** One planted secret per this many bytes, on average. */
export const PLANT_EVERY_BYTES = 48 * 1024;
export const PLANTED_KINDS = ['github-classic-pat', 'aws-access-key-id', 'slack-bot-token', 'slack-webhook-url', 'stripe-secret-key'];

export interface Planted {
  file: string;
  kind: string;
  start: number;
  end: number;
}

export interface CorpusManifest {
  version: number;
  files: string[];
  bytes: number;
  planted: Planted[];
}

const WORDS = (
  'order customer invoice payment account session cache queue worker report user item price cart ' +
  'shipment address tax discount refund ledger audit event metric config client server request ' +
  'response handler router schema record batch job task retry limit window buffer stream token'
).split(' ');

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Lang = 'ts' | 'js' | 'py' | 'go' | 'yaml' | 'json' | 'env';
export const LANGS: Lang[] = ['ts', 'ts', 'js', 'py', 'py', 'go', 'yaml', 'json', 'env'];

export interface Gen {
  pick<T>(xs: readonly T[]): T;
  word(): string;
  camel(): string;
  snake(): string;
  int(n: number): number;
}

export function gen(random: () => number): Gen {
  const g: Gen = {
    pick: (xs) => xs[Math.floor(random() * xs.length)],
    word: () => g.pick(WORDS),
    camel: () => g.word() + g.word()[0].toUpperCase() + g.word().slice(1),
    snake: () => `${g.word()}_${g.word()}`,
    int: (n) => Math.floor(random() * n),
  };
  return g;
}

/** One block of ordinary code in the language (a function, a config section...). */
export function block(lang: Lang, g: Gen): string {
  const a = g.camel();
  const b = g.camel();
  const s = g.snake();
  switch (lang) {
    case 'ts':
      return `export async function ${a}(${b}: ${g.pick(['string', 'number', 'Record<string, unknown>'])}, limit = ${g.int(500)}): Promise<number> {\n  const ${s} = await fetchJson(\`/api/${g.word()}s/\${${b}}\`, { timeout: ${g.int(9000) + 1000} });\n  if (!${s} || ${s}.items.length > limit) {\n    logger.warn('too many ${g.word()}s', { count: ${s}?.items.length ?? 0 });\n    return 0;\n  }\n  return ${s}.items.reduce((sum: number, item: { ${g.word()}: number }) => sum + item.${g.word()}, 0);\n}\n\n`;
    case 'js':
      return `function ${a}(${b}, options = {}) {\n  const ${s} = options.${g.word()} || process.env.${s.toUpperCase()} || '${g.word()}';\n  for (let i = 0; i < ${b}.length; i++) {\n    if (${b}[i].${g.word()} === ${s}) return ${b}[i];\n  }\n  return null;\n}\nmodule.exports.${a} = ${a};\n\n`;
    case 'py':
      return `def ${s}(${g.snake()}, retries=${g.int(5)}):\n    """Return the ${g.word()} ${g.word()} for the given ${g.word()}."""\n    for attempt in range(retries):\n        result = client.get(f"/v1/${g.word()}s/{${g.word()}_id}", timeout=${g.int(30) + 1})\n        if result.status_code == 200:\n            return result.json()["${g.word()}"]\n        log.info("retrying %s (%d)", "${g.word()}", attempt)\n    raise LookupError("${g.word()} not found")\n\n\n`;
    case 'go':
      return `func ${a[0].toUpperCase() + a.slice(1)}(ctx context.Context, ${b} string) (int, error) {\n\trows, err := db.QueryContext(ctx, "SELECT ${g.word()}, ${g.word()} FROM ${g.word()}s WHERE ${g.word()} = $1", ${b})\n\tif err != nil {\n\t\treturn 0, fmt.Errorf("${g.word()}: %w", err)\n\t}\n\tdefer rows.Close()\n\tcount := 0\n\tfor rows.Next() {\n\t\tcount++\n\t}\n\treturn count, rows.Err()\n}\n\n`;
    case 'yaml':
      return `  ${g.word()}-${g.word()}:\n    image: registry.example.com/${g.word()}:${g.int(9)}.${g.int(20)}.${g.int(10)}\n    replicas: ${g.int(6) + 1}\n    env:\n      - name: ${s.toUpperCase()}\n        value: "${g.word()}"\n      - name: ${g.snake().toUpperCase()}_TIMEOUT\n        value: "${g.int(60)}s"\n    ports:\n      - containerPort: ${8000 + g.int(999)}\n`;
    case 'json':
      return `  "${a}": { "enabled": ${g.pick(['true', 'false'])}, "${g.word()}": "${g.word()}-${g.word()}", "limit": ${g.int(10000)}, "tags": ["${g.word()}", "${g.word()}"] },\n`;
    case 'env':
      return `${s.toUpperCase()}=${g.word()}\n${g.snake().toUpperCase()}_URL=https://${g.word()}.internal.example.com/${g.word()}\n${g.snake().toUpperCase()}_MAX=${g.int(1000)}\n`;
  }
}

/** A line assigning `value` in the language's usual way (the secret sits inside quotes or after =). */
export function plantedLine(lang: Lang, g: Gen, value: string): { before: string; after: string } {
  const name = `${g.snake()}_token`;
  switch (lang) {
    case 'ts':
    case 'js':
      return { before: `const ${g.camel()}Token = "`, after: `";\n\n` };
    case 'py':
      return { before: `${name.toUpperCase()} = "`, after: `"\n\n` };
    case 'go':
      return { before: `var ${g.camel()}Token = "`, after: `"\n\n` };
    case 'yaml':
      return { before: `  ${g.word()}-credentials:\n    token: "`, after: `"\n` };
    case 'json':
      return { before: `  "${g.camel()}Token": "`, after: `",\n` };
    case 'env':
      return value.length ? { before: `${name.toUpperCase()}=`, after: `\n` } : { before: '', after: '' };
  }
}

export const HEADERS: Record<Lang, string> = {
  ts: "import { fetchJson } from './http';\nimport { logger } from './logger';\n\n",
  js: "'use strict';\nconst { fetch } = require('./http');\n\n",
  py: '"""Generated service module."""\nimport logging\n\nfrom .http import client\n\nlog = logging.getLogger(__name__)\n\n\n',
  go: 'package service\n\nimport (\n\t"context"\n\t"database/sql"\n\t"fmt"\n)\n\nvar db *sql.DB\n\n',
  yaml: 'services:\n',
  json: '{\n',
  env: '# generated settings\n',
};
export const FOOTERS: Partial<Record<Lang, string>> = { json: '  "end": true\n}\n' };
export const EXTENSIONS: Record<Lang, string> = { ts: 'ts', js: 'js', py: 'py', go: 'go', yaml: 'yaml', json: 'json', env: 'env' };

/** TypeScript source of at least `minLines` lines (ordinary code, no secret), for editor benchmarks. */
export function generateTypeScript(minLines: number, seed = 7): string {
  const g = gen(rng(seed));
  let text = HEADERS.ts;
  let lines = text.split('\n').length;
  while (lines < minLines) {
    const b = block('ts', g);
    text += b;
    lines += b.split('\n').length - 1;
  }
  return text;
}

/** Generates (or reuses) a corpus of at least `minBytes` under `dir`. */
export function ensureCorpus(dir: string, minBytes: number): CorpusManifest {
  const manifestPath = join(dir, '..', `${dir.split(/[\\/]/).pop()}.manifest.json`);
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusManifest;
    if (manifest.version === CORPUS_VERSION && manifest.bytes >= minBytes && existsSync(dir)) return manifest;
  }
  rmSync(dir, { recursive: true, force: true });
  const random = rng(20261128);
  const g = gen(random);
  const files: string[] = [];
  const planted: Planted[] = [];
  let bytes = 0;
  let plantIndex = 0;
  for (let i = 0; bytes < minBytes; i++) {
    const lang = g.pick(LANGS);
    const folder = `pkg${String(i % 40).padStart(2, '0')}/${lang === 'yaml' ? 'deploy' : lang === 'env' ? 'config' : 'src'}`;
    const file = `${folder}/${g.word()}_${i}.${EXTENSIONS[lang]}`;
    const target = 8 * 1024 + g.int(56 * 1024);
    let text = HEADERS[lang];
    while (text.length < target) {
      text += block(lang, g);
      if (random() < 1 / (PLANT_EVERY_BYTES / 420)) {
        const kind = PLANTED_KINDS[plantIndex % PLANTED_KINDS.length];
        const value = FAKE_KINDS[kind].generate(`bench:${plantIndex++}`);
        const { before, after } = plantedLine(lang, g, value);
        if (!before) continue;
        planted.push({ file, kind, start: text.length + before.length, end: text.length + before.length + value.length });
        text += before + value + after;
      }
    }
    text += FOOTERS[lang] ?? '';
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, file), text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  const manifest: CorpusManifest = { version: CORPUS_VERSION, files, bytes, planted };
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return manifest;
}
