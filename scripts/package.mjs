// Builds the bundles and packages the extension as a VSIX with vsce (offline, no dependencies: esbuild
// already bundled them). Checks the result: no sources, maps, tests or .env files, under 2 MB.
// Usage: node scripts/package.mjs [--out out/secret-hygiene.vsix]  -> prints the VSIX path
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const vsix = path.resolve(root, outArg > 0 ? process.argv[outArg + 1] : `out/${manifest.name}-${manifest.version}.vsix`);
const MAX_BYTES = 2 * 1024 * 1024;
// .vscodeignore is the allow-list; this is the backstop for what must never ship, whatever it says.
const FORBIDDEN = [/\.map$/, /\.tsx?$/, /(^|\/)\.env(\.|$)/, /^extension\/(test|examples|out|node_modules|server|client|shared|scripts)\//,
  /(^|\/)fixtures?\//, /\.vsix$/];

function fail(message) {
  console.error(`[package] ERROR: ${message}`);
  process.exit(1);
}

execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--minify'], { cwd: root, stdio: 'inherit' });
for (const bundle of ['dist/extension.js', 'dist/server.js', 'dist/cli.js']) {
  if (!existsSync(path.join(root, bundle))) fail(`${bundle} was not built`);
}
mkdirSync(path.dirname(vsix), { recursive: true });
const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});

const size = statSync(vsix).size;
if (size > MAX_BYTES) fail(`${path.relative(root, vsix)} is ${size} bytes, over the 2 MB budget`);
// A VSIX is a zip; `vsce ls` would re-read the manifest, so list the archive's central directory instead.
const entries = listZip(readFileSync(vsix));
const unexpected = entries.filter((name) => FORBIDDEN.some((re) => re.test(name)));
if (unexpected.length) fail(`unexpected files in the VSIX (fix .vscodeignore): ${unexpected.join(', ')}`);
for (const required of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js']) {
  if (!entries.includes(required)) fail(`${required} is missing from the VSIX`);
}
console.error(`[package] ${path.relative(root, vsix)}: ${(size / 1024).toFixed(0)} KiB, ${entries.length} files`);
console.log(vsix);

function listZip(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) fail('the VSIX is not a zip archive');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
