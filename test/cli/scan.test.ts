import { strict as assert } from 'node:assert';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ACME_RULE, ACME_RULE_ID, acmeKey, ensureCliBuilt, githubToken, makeTree, removeTrees, runCli, runJson } from './helpers';

describe('cli: exit codes, walking and suppressions', function () {
  this.timeout(60_000);
  before(ensureCliBuilt);
  after(removeTrees);

  describe('exit codes', () => {
    it('0 for a clean tree, 1 for an error finding', () => {
      assert.equal(runCli(['scan'], makeTree({ 'a.js': 'const a = 1;\n' })).code, 0);
      assert.equal(runCli(['scan'], makeTree({ 'a.js': `const t = "${githubToken('exit1')}";\n` })).code, 1);
    });

    it('--fail-on sets the threshold; none never fails', () => {
      const root = makeTree({ 'cfg.json': JSON.stringify({ customRules: [ACME_RULE] }), 'a.txt': `key ${acmeKey('failon')}\n` });
      const withConfig = (...args: string[]) => runCli(['scan', '--config', 'cfg.json', ...args], root).code;
      assert.equal(withConfig(), 0, 'a warning does not fail the default --fail-on error');
      assert.equal(withConfig('--fail-on', 'warning'), 1);
      assert.equal(withConfig('--fail-on', 'info'), 1);
      assert.equal(withConfig('--fail-on', 'hint'), 1);
      assert.equal(runCli(['scan', '--fail-on', 'none'], makeTree({ 'a.js': `x="${githubToken('none')}"\n` })).code, 0);
    });

    for (const args of [
      ['scan', '--bogus'],
      ['scan', '--format', 'xml'],
      ['scan', '--format'],
      ['scan', '--fail-on', 'critical'],
      ['scan', '--max-file-size', 'big'],
      ['scan', '--no-gitignore=yes'],
      ['lint'],
      [],
    ]) {
      it(`2 and the usage for: ${args.join(' ') || '(no arguments)'}`, () => {
        const run = runCli(args, makeTree({}));
        assert.equal(run.code, 2);
        assert.match(run.stderr, /Usage: secret-hygiene scan/);
        assert.equal(run.stdout, '');
      });
    }

    it('2 for a path that does not exist or an output that cannot be written', () => {
      const root = makeTree({ 'a.js': '1\n' });
      const missing = runCli(['scan', 'nope'], root);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /cannot scan nope: ENOENT/);
      assert.equal(runCli(['scan', '--output', join(root, 'no', 'such', 'dir', 'r.txt')], root).code, 2);
    });

    it('never echoes a secret passed as an argument, even in errors', () => {
      const gh = githubToken('argument');
      const root = makeTree({ 'a.js': '1\n' });
      for (const args of [
        ['scan', `missing-${gh}`],
        ['scan', '--output', `no-such-dir/${gh}.json`],
        ['scan', '--config', `${gh}.json`],
        ['scan', '--format', gh],
        ['scan', `--${gh}`],
        [gh],
      ]) {
        const run = runCli(args, root); // runCli fails the test if the value appears in stdout or stderr
        assert.equal(run.code, 2, `exit code for argument shape ${args.length}`);
        assert.ok(run.stderr.length > 0);
      }
    });

    it('--help and --version print and exit 0', () => {
      const help = runCli(['--help'], makeTree({}));
      assert.equal(help.code, 0);
      assert.match(help.stdout, /--fail-on/);
      const version = runCli(['--version'], makeTree({}));
      assert.equal(version.code, 0);
      assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+/);
    });
  });

  describe('walking', () => {
    it('respects root and nested .gitignore files (with negation) unless --no-gitignore', () => {
      const line = `t="${githubToken('gitignore')}"\n`;
      const root = makeTree({
        '.gitignore': 'build/\n*.log\n',
        'build/out.js': line,
        'app.log': line,
        'pkg/.gitignore': 'local.env\n!keep.log\n',
        'pkg/local.env': line,
        'pkg/keep.log': line,
        'pkg/src/main.js': line,
        'other/local.env': line,
      });
      const files = (args: string[]) => runJson(['scan', ...args], root).json.findings.map((f) => f.file).sort();
      assert.deepEqual(files([]), ['other/local.env', 'pkg/keep.log', 'pkg/src/main.js']);
      assert.deepEqual(files(['--no-gitignore']), ['app.log', 'build/out.js', 'other/local.env', 'pkg/keep.log', 'pkg/local.env', 'pkg/src/main.js']);
      // Scanning a subfolder still applies the .gitignore files above it, inside the scan root.
      assert.deepEqual(runJson(['scan', 'pkg', 'other'], root).json.findings.map((f) => f.file), ['pkg/keep.log', 'pkg/src/main.js', 'other/local.env']);
    });

    it('applies the .gitignore files of the enclosing git work tree when scanning a subfolder', () => {
      const line = `t="${githubToken('gitroot')}"\n`;
      const root = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'app/generated/\nout/\n', 'app/generated/x.js': line, 'app/src/y.js': line, 'out/z.js': line });
      assert.deepEqual(runJson(['scan', 'app'], root).json.findings.map((f) => f.file), ['src/y.js']);
      // A folder named explicitly is scanned even though the work tree's .gitignore excludes it.
      assert.deepEqual(runJson(['scan', 'out'], root).json.findings.map((f) => f.file), ['z.js']);
      assert.deepEqual(runJson(['scan'], root).json.findings.map((f) => f.file), ['app/src/y.js']);
    });

    it('always skips node_modules and VCS folders', () => {
      const line = `t="${githubToken('vcs')}"\n`;
      const root = makeTree({ 'node_modules/x/i.js': line, '.git/config': line, '.hg/hgrc': line, 'src/node_modules/y.js': line, 'src/ok.js': line });
      const { json } = runJson(['scan', '--no-gitignore'], root);
      assert.deepEqual(json.findings.map((f) => f.file), ['src/ok.js']);
    });

    it('skips binary files with a notice: NUL bytes, or mostly invalid UTF-8', () => {
      const gh = githubToken('binary');
      const withNul = Buffer.concat([Buffer.from('PK\u0003\u0004\u0000\u0000'), Buffer.from(gh)]);
      const latin = Buffer.concat([Buffer.from(Array.from({ length: 200 }, (_, i) => 0x80 + (i % 60))), Buffer.from(` ${gh}`)]);
      const root = makeTree({ 'archive.zip': withNul, 'blob.bin': latin, 'café.txt': Buffer.from(`caf\u00e9 ${gh}\n`, 'latin1') });
      const { json } = runJson(['scan'], root);
      const notices = Object.fromEntries(json.notices.map((n) => [n.file, n.message]));
      assert.match(notices['archive.zip'], /binary content \(NUL bytes\)/);
      assert.match(notices['blob.bin'], /binary content \(not UTF-8 text\)/);
      // A legacy 8-bit text file with one accented letter is still scanned.
      assert.deepEqual(json.findings.map((f) => f.file), ['café.txt']);
      assert.equal(json.stats.files, 1);
    });

    it('notices files over --max-file-size instead of failing', () => {
      const gh = githubToken('size');
      const root = makeTree({ 'big.env': `T=${gh}\n${'x'.repeat(5000)}\n`, 'small.js': 'ok\n' });
      const { code, json } = runJson(['scan', '--max-file-size', '4k'], root);
      assert.equal(code, 0);
      assert.equal(json.findings.length, 0);
      assert.deepEqual(json.notices.map((n) => n.file), ['big.env']);
      assert.match(json.notices[0].message, /over the 4096-byte limit/);
      assert.equal(runJson(['scan', '--max-file-size', '1m'], root).json.findings.length, 1);
    });

    it('--exclude and settings exclude globs skip files and folders', () => {
      const line = `t="${githubToken('exclude')}"\n`;
      const root = makeTree({ 'vendor/lib/a.js': line, 'web/app.min.js': line, 'web/app.js': line, 'docs/x.md': line });
      const files = (args: string[]) => runJson(['scan', ...args], root).json.findings.map((f) => f.file);
      assert.deepEqual(files(['--exclude', 'vendor/**', '--exclude', '**/*.min.js']), ['docs/x.md', 'web/app.js']);
    });

    it('terminates on a symlink loop and reports it', function () {
      const root = makeTree({ 'src/a.js': `t="${githubToken('symlink')}"\n` });
      try {
        symlinkSync(root, join(root, 'src', 'loop'), 'dir');
      } catch {
        this.skip(); // the platform refuses symlinks: nothing to test here
      }
      const { json } = runJson(['scan'], root);
      assert.deepEqual(json.findings.map((f) => f.file), ['src/a.js']);
      assert.ok(json.notices.some((n) => n.file === 'src/loop' && /symlink loop/.test(n.message)));
    });
  });

  describe('configuration', () => {
    it('reads .secret-hygiene.json at the scan root, and --config on top of it', () => {
      const gh = githubToken('config');
      const root = makeTree({
        '.secret-hygiene.json': JSON.stringify({ customRules: [ACME_RULE], rules: { 'github-classic-pat': 'warning' } }),
        'a.env': `GH=${gh}\nACME=${acmeKey('config')}\n`,
        'off.json': JSON.stringify({ rules: { 'github-classic-pat': false } }),
      });
      const base = runJson(['scan'], root).json.findings.map((f) => `${f.rule}:${f.severity}`);
      assert.deepEqual(base, ['github-classic-pat:warning', `${ACME_RULE_ID}:warning`]);
      const layered = runJson(['scan', '--config', 'off.json'], root).json.findings.map((f) => f.rule);
      assert.deepEqual(layered, [ACME_RULE_ID]);
    });

    for (const [name, content] of [
      ['not JSON', '{"customRules": [ {"id": "x", "fingerprintKey": "hunter2-not-shown"'],
      ['not an object', '["exclude"]'],
      ['a bad setting', JSON.stringify({ maxFileSize: -1 })],
      ['a custom rule without keywords', JSON.stringify({ customRules: [{ id: 'x', pattern: 'x', keywords: [] }] })],
      ['a custom rule with an invalid pattern', JSON.stringify({ customRules: [{ id: 'x', pattern: '(unclosed', keywords: ['x'] }] })],
    ]) {
      it(`exits 2 with a clear message for a config that is ${name}`, () => {
        const root = makeTree({ 'bad.json': content, 'a.js': '1\n' });
        const run = runCli(['scan', '--config', 'bad.json'], root);
        assert.equal(run.code, 2);
        assert.match(run.stderr, /^secret-hygiene: (config bad\.json|invalid settings)/);
        assert.ok(!run.stderr.includes('hunter2'), 'the config text is not quoted');
        assert.equal(run.stdout, '');
      });
    }

    it('exits 2 when the project config at the root is broken', () => {
      const run = runCli(['scan'], makeTree({ '.secret-hygiene.json': '{,}' }));
      assert.equal(run.code, 2);
      assert.match(run.stderr, /config \.secret-hygiene\.json is not valid JSON/);
    });
  });

  describe('suppression files at the scan root', () => {
    it('.secret-hygiene-ignore fingerprints silence exactly those findings', () => {
      const root = makeTree({ 'a.js': `a="${githubToken('ignore-a')}"\n`, 'b.js': `b="${githubToken('ignore-b')}"\n` });
      const first = runJson(['scan'], root).json.findings;
      assert.equal(first.length, 2);
      const ignored = first.find((f) => f.file === 'a.js')!;
      const withIgnore = makeTree({
        'a.js': `a="${githubToken('ignore-a')}"\n`,
        'b.js': `b="${githubToken('ignore-b')}"\n`,
        '.secret-hygiene-ignore': `# accepted test value\n${ignored.fingerprint} # github-classic-pat a.js\n`,
      });
      const { code, json } = runJson(['scan'], withIgnore);
      assert.equal(code, 1);
      assert.deepEqual(json.findings.map((f) => f.file), ['b.js']);
    });

    it('.gitleaksignore and .secrets.baseline entries are honoured', () => {
      const gh = githubToken('baseline');
      const { createHash } = require('node:crypto') as typeof import('node:crypto');
      const root = makeTree({
        'x/a.js': `\nconst a = "${gh}";\n`,
        'b.js': `const b = "${gh}";\n`,
        'c.js': `const c = "${gh}";\n`,
        '.gitleaksignore': 'x/a.js:github-pat:2\n',
        '.secrets.baseline': JSON.stringify({
          results: { 'b.js': [{ type: 'GitHub Token', hashed_secret: createHash('sha1').update(gh).digest('hex'), is_secret: false }] },
        }),
      });
      const { json } = runJson(['scan'], root);
      assert.deepEqual(json.findings.map((f) => f.file), ['c.js']);
    });
  });
});
