/**
 * Dockerfiles / Containerfiles (instructions with line continuations) and docker-compose files.
 *
 * Finding data:
 *   dockerfile-secret-env-arg: {instruction: 'ENV'|'ARG', variable, hasValue, reason: 'name'|'value'}
 *   dockerfile-copy-secret-file: {instruction: 'COPY'|'ADD', file}
 *   compose-literal-secret: {service, variable}
 *   docker-build-arg-secret (compose build.args): {service, argName}
 *   RUN scripts: see shell/analyzeScript.ts, with {ci: 'docker', line}
 */
import type { AnalyzerOutput, ScanContext } from '../analyzer';
import type { LineIndex } from '../text/lineIndex';
import type { RawFinding } from '../types';
import { isPlaceholder } from '../values';
import { isThrowawayServicePassword, variableEntries } from './ci/common';
import { isReferenceLike, isSecretName, looksLikeSecretValue } from './names';
import { R } from './rules';
import { analyzeScript } from './shell/analyzeScript';
import { tokenize } from './shell/tokenizer';
import { asMap, getNode, keyOf, pairs, type ParsedYaml } from './yamlModel';

interface Instruction {
  keyword: string;
  /** Arguments text with continuations kept, and its file offset. */
  args: string;
  argsStart: number;
  line: number;
}

function instructions(text: string, lines: LineIndex): Instruction[] {
  const out: Instruction[] = [];
  const re = /^[ \t]*([A-Za-z]+)[ \t]+/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const argsStart = m.index + m[0].length;
    let end = argsStart;
    // Continue while the line ends with a backslash (comment lines inside are kept as shell comments).
    for (;;) {
      let nl = text.indexOf('\n', end);
      if (nl === -1) nl = text.length;
      const line = text.slice(end, nl).replace(/\r$/, '');
      end = nl;
      if (!/\\\s*$/.test(line) || nl >= text.length) break;
      end = nl + 1;
    }
    const line = lines.lineAt(m.index);
    out.push({ keyword: m[1].toUpperCase(), args: text.slice(argsStart, end), argsStart, line });
    re.lastIndex = Math.max(end, re.lastIndex);
  }
  return out;
}

/**
 * `.pem` holds certificates as often as keys: CA bundles, chains and public keys copied into images
 * are not secrets (`ca.pem`, `fullchain.pem`, `global-bundle.pem`, `jwt-public.pem`).
 */
const CERTIFICATE_FILE = /(?:^|[/._-])(?:ca|cas|cacert|cert|certs|certificate|chain|fullchain|bundle|ca-bundle|root|rootca|intermediate|trust|truststore|public|pub)(?:[._-][\w-]*)?\.(?:pem|crt)$/i;
const isCertificateFile = (path: string) => CERTIFICATE_FILE.test(path.slice(path.lastIndexOf('/') + 1));

const COPY_SECRET = /(?:^|\/)(?:\.env(?:\.(?!example$|sample$|template$|dist$)[\w-]+)?|id_(?:rsa|dsa|ecdsa|ed25519)|[^/]+\.(?:pem|key|p12|pfx|jks|keystore)|credentials(?:\.json)?|\.pypirc|\.netrc|\.git-credentials|\.aws(?:\/[^/]*)?|\.ssh(?:\/[^/]*)?|\.docker\/config\.json|service[-_]?account[^/]*\.json|gcp[-_]?key[^/]*\.json|kubeconfig|\.kube(?:\/config)?)\/?$/i;

export function analyzeDockerfile(ctx: ScanContext): AnalyzerOutput {
  const findings: RawFinding[] = [];
  for (const ins of instructions(ctx.text, ctx.lines)) {
    if (ins.keyword === 'ENV' || ins.keyword === 'ARG') envOrArg(ins, findings);
    else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') copy(ins, findings);
    else if (ins.keyword === 'RUN' && !ins.args.trimStart().startsWith('[')) {
      const map: number[] = [];
      for (let k = 0; k <= ins.args.length; k++) map.push(ins.argsStart + k);
      findings.push(...analyzeScript({ mapped: { text: ins.args, map }, dialect: 'posix', ci: 'docker', secretVars: new Map(), where: { ci: 'docker', line: ins.line } }).findings);
    }
  }
  return { findings };
}

function envOrArg(ins: Instruction, out: RawFinding[]): void {
  const words = tokenize(ins.args.replace(/\\\r?\n/g, (s) => ' '.repeat(s.length)))[0]?.words ?? [];
  const legacy = ins.keyword === 'ENV' && words.length >= 2 && !words[0].raw.includes('=');
  const entries = legacy
    ? [{ name: words[0].value, value: ins.args.slice(words[1].start).trimEnd(), start: words[0].start, end: words[words.length - 1].end, hasValue: true }]
    : words.map((w) => {
        const eq = w.value.indexOf('=');
        return { name: eq === -1 ? w.value : w.value.slice(0, eq), value: eq === -1 ? '' : w.value.slice(eq + 1), start: w.start, end: w.end, hasValue: eq !== -1 };
      });
  for (const e of entries) {
    if (!/^[A-Za-z_][\w]*$/.test(e.name)) continue;
    if (ins.keyword === 'ENV' && e.hasValue && e.value === '') continue;
    // Front-end build variables (VITE_, REACT_APP_, NEXT_PUBLIC_...) are compiled into the browser bundle: public by design.
    const publicBuildVariable = /^(?:VITE|REACT_APP|NEXT_PUBLIC|NUXT_PUBLIC|EXPO_PUBLIC|GATSBY|PUBLIC|VUE_APP|STORYBOOK)_/.test(e.name) && (!e.hasValue || /^\$\{?\w+\}?$/.test(e.value));
    // A flag or count under a secret-sounding name (`ALLOW_EMPTY_PASSWORD=yes`) is a setting.
    const settingValue = e.hasValue && /^(?:true|false|yes|no|on|off|\d{1,6})$/i.test(e.value);
    const byName = isSecretName(e.name) && !publicBuildVariable && !settingValue;
    const byValue = !byName && e.hasValue && looksLikeSecretValue(e.value, false);
    if (!byName && !byValue) continue;
    out.push({
      ruleId: R.dockerfileSecretEnv.id,
      start: ins.argsStart + e.start,
      end: ins.argsStart + e.end,
      message: `${ins.keyword} ${e.name} is stored in the image ${ins.keyword === 'ENV' ? 'layers' : 'history'}; use RUN --mount=type=secret instead.`,
      data: { instruction: ins.keyword, variable: e.name, hasValue: e.hasValue, reason: byName ? 'name' : 'value' },
    });
  }
}

function copy(ins: Instruction, out: RawFinding[]): void {
  const words = (tokenize(ins.args.replace(/\\\r?\n/g, (s) => ' '.repeat(s.length)))[0]?.words ?? []).filter((w) => !w.value.startsWith('--'));
  if (ins.args.trimStart().startsWith('[')) return;
  for (const w of words.slice(0, -1)) {
    if (!COPY_SECRET.test(w.value) || /\.pub$/.test(w.value) || isCertificateFile(w.value)) continue;
    out.push({ ruleId: R.dockerfileCopySecret.id, start: ins.argsStart + w.start, end: ins.argsStart + w.end, data: { instruction: ins.keyword, file: w.value } });
  }
}

export function analyzeCompose(parsed: ParsedYaml): AnalyzerOutput {
  const findings: RawFinding[] = [];
  for (const svc of pairs(getNode(parsed.doc.contents, 'services'))) {
    const service = keyOf(svc);
    const node = asMap(svc.value);
    if (!node) continue;
    for (const e of variableEntries(getNode(node, 'environment'))) {
      const v = e.value;
      if (v === undefined || !e.valueSpan || v.trim() === '' || isReferenceLike(v) || isPlaceholder(v) || isThrowawayServicePassword(e.name, v)) continue;
      if (!looksLikeSecretValue(v, isSecretName(e.name))) continue;
      findings.push({ ruleId: R.composeLiteral.id, start: e.valueSpan[0], end: e.valueSpan[1], value: v, data: { service, variable: e.name } });
    }
    for (const e of variableEntries(getNode(asMap(getNode(node, 'build')), 'args'))) {
      if (!isSecretName(e.name)) continue;
      findings.push({ ruleId: R.buildArg.id, start: e.keySpan[0], end: e.valueSpan?.[1] ?? e.keySpan[1], data: { service, argName: e.name } });
    }
  }
  return { findings, notices: parsed.notices };
}
