import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACME_RULE, ACME_RULE_ID, acmeKey, ensureCliBuilt, githubToken, makeTree, removeTrees, runCli, runJson } from './helpers';

describe('cli: output formats', function () {
  this.timeout(60_000);
  before(ensureCliBuilt);
  after(removeTrees);

  const makeProject = () => {
    const gh = githubToken('formats');
    return makeTree({
      'src/app.ts': `import x from "y";\n\n// ümlaut before the token on the same line\nconst é = 1; const token = "${gh}";\n`,
      'src/clean.ts': 'export const answer = 42;\n',
      'README.md': '# Demo\nNothing to see.\n',
    });
  };

  it('text: one line per finding with 1-based line and column, then a summary', () => {
    const root = makeProject();
    const run = runCli(['scan'], root);
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, run.stdout);
    const source = readFileSync(join(root, 'src/app.ts'), 'utf8');
    const line4 = source.split('\n')[3];
    const column = line4.indexOf('"ghp_') + 2; // 1-based column of the token's first character
    assert.match(lines[0], new RegExp(`^src/app\\.ts:4:${column}  error  github-classic-pat  ghp_…\\(40 chars\\)  \\S`));
    assert.match(lines[1], /^1 finding \(1 error\) in 3 files \(/);
  });

  it('json: the documented contract, offsets in UTF-16 code units relative to the scanned folder', () => {
    const root = makeProject();
    const { code, json } = runJson(['scan', root], root);
    assert.equal(code, 1);
    assert.equal(json.version, 1);
    assert.deepEqual(Object.keys(json).sort(), ['findings', 'notices', 'stats', 'version']);
    assert.equal(json.findings.length, 1);
    const f = json.findings[0];
    assert.deepEqual(
      Object.keys(f).sort(),
      ['endOffset', 'file', 'fingerprint', 'kind', 'message', 'preview', 'range', 'rule', 'severity', 'startOffset'],
    );
    assert.equal(f.file, 'src/app.ts');
    assert.equal(f.rule, 'github-classic-pat');
    assert.equal(f.kind, 'secret');
    assert.equal(f.severity, 'error');
    assert.match(f.fingerprint, /^[0-9a-f]{16,64}$/);
    const source = readFileSync(join(root, 'src/app.ts'), 'utf8');
    // JS strings are UTF-16: slicing the file text by the offsets must give the token (compared, not printed).
    assert.ok(source.slice(f.startOffset, f.endOffset).startsWith('ghp_') && f.endOffset - f.startOffset === 40);
    assert.deepEqual(f.range.start, { line: 3, character: source.split('\n')[3].indexOf('ghp_') });
    assert.equal(json.stats.files, 3);
    assert.equal(json.stats.bytes, Buffer.byteLength(source) + 'export const answer = 42;\n'.length + '# Demo\nNothing to see.\n'.length);
    assert.equal(typeof json.stats.ms, 'number');
  });

  it('sarif: 2.1.0 with the fields GitHub code scanning requires, and no snippet', () => {
    const gh = githubToken('sarif');
    const acme = acmeKey('sarif');
    const root = makeTree({
      'config/app settings.yml': `github: ${gh}\nacme: ${acme}\n`,
      'secret-hygiene.config.json': JSON.stringify({ customRules: [ACME_RULE] }),
    });
    const run = runCli(['scan', '--format', 'sarif', '--config', 'secret-hygiene.config.json'], root);
    assert.equal(run.code, 1);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif/);
    assert.equal(sarif.runs.length, 1);
    const runObj = sarif.runs[0];
    const driver = runObj.tool.driver;
    assert.equal(driver.name, 'Secret Hygiene');
    assert.equal(runObj.results.length, 2);
    const ruleIds = driver.rules.map((r: { id: string }) => r.id).sort();
    assert.deepEqual(ruleIds, [ACME_RULE_ID, 'github-classic-pat']);
    for (const rule of driver.rules) {
      assert.ok(rule.name && rule.shortDescription.text && rule.fullDescription.text && rule.help.text, `rule ${rule.id} fields`);
      assert.match(rule.helpUri, /^https:\/\//);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    const acmeRule = driver.rules.find((r: { id: string }) => r.id === ACME_RULE_ID);
    assert.equal(acmeRule.defaultConfiguration.level, 'warning');
    assert.equal(acmeRule.help.text, ACME_RULE.remediation);
    for (const result of runObj.results) {
      assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.ok(result.message.text.length > 0);
      assert.equal(result.locations.length, 1);
      const loc = result.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uri, 'config/app%20settings.yml');
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
      assert.ok(loc.region.endLine >= loc.region.startLine && loc.region.endColumn > loc.region.startColumn);
      assert.match(result.partialFingerprints['secretHygiene/v1'], /^[0-9a-f]{16,64}$/);
      assert.equal(loc.region.snippet, undefined);
      assert.equal(loc.contextRegion, undefined);
    }
    const gitHubResult = runObj.results.find((r: { ruleId: string }) => r.ruleId === 'github-classic-pat');
    assert.deepEqual(gitHubResult.locations[0].physicalLocation.region, { startLine: 1, startColumn: 9, endLine: 1, endColumn: 49 });
    assert.ok(!run.stdout.includes('"snippet"'));
  });

  it('--output writes the report to a file and prints nothing', () => {
    const root = makeProject();
    const run = runCli(['scan', '--format', 'json', '--output', 'report.json', 'src'], root);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    const report = JSON.parse(readFileSync(join(root, 'report.json'), 'utf8'));
    assert.equal(report.findings[0].file, 'app.ts');
  });

  it('worker threads give the same report, in the same order, as a single thread', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`pkg${i % 4}/file${i}.ts`] = i % 3 === 0 ? `export const t${i} = "${githubToken(`jobs${i}`)}";\n` : `export const n${i} = ${i};\n`;
    files['pkg1/blob.bin'] = '\u0000binary';
    const root = makeTree(files);
    const withoutTime = (args: string[]) => {
      const { code, json } = runJson(['scan', ...args], root);
      return { code, json: { ...json, stats: { ...json.stats, ms: 0 } } };
    };
    const single = withoutTime(['--jobs', '1']);
    assert.equal(single.json.findings.length, 10);
    assert.deepEqual(withoutTime(['--jobs', '3']), single);
    assert.equal(runCli(['scan', '--jobs', '0'], root).code, 2);
  });

  it('several paths: file names are relative to the current folder', () => {
    const gh = githubToken('multi');
    const root = makeTree({ 'a/one.env': `TOKEN=${gh}\n`, 'b/two.env': `TOKEN=${gh}\n`, 'c/three.env': `TOKEN=${gh}\n` });
    const { json } = runJson(['scan', 'a', 'b/two.env'], root);
    assert.deepEqual(json.findings.map((f) => f.file), ['a/one.env', 'b/two.env']);
    assert.equal(json.stats.files, 2);
  });
});
