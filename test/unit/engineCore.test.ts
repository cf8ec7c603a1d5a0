import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KeywordPrefilter } from '../../server/src/engine/prefilter';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { fingerprint, maskedPreview } from '../../server/src/engine/mask';
import { isPlaceholder, shannonEntropy } from '../../server/src/engine/values';
import { IGNORE_FILE_NAMES } from '../../shared/protocol';
import {
  Engine,
  SUPPRESSION_FILE_NAMES,
  buildSuppressions,
  emptySuppressions,
  parseGitleaksIgnore,
  parseIgnoreFile,
  parseSecretsBaseline,
  resolveSettings,
} from '../../server/src/engine';
import { checksummedToken, token } from '../../server/src/engine/rules/fake';
import { sha1Hex } from '../../server/src/engine/mask';
import { unsafePatternReason } from '../../server/src/engine/customRules';
import { isKnownDocumentationExample } from '../../server/src/engine/knownExamples';

describe('keyword prefilter', () => {
  it('reports every occurrence, case-insensitively, including overlapping keywords', () => {
    const pf = new KeywordPrefilter(['ghp_', 'token', 'ken', 'api_key']);
    const hits: [string, number][] = [];
    pf.scan('Token=ghp_x; API_KEY tokentoken', (k, start) => hits.push([pf.keywords[k], start]));
    assert.deepEqual(hits, [
      ['token', 0],
      ['ken', 2],
      ['ghp_', 6],
      ['api_key', 13],
      ['token', 21],
      ['ken', 23],
      ['token', 26],
      ['ken', 28],
    ]);
  });

  it('resets on non-ASCII characters and rejects bad keywords', () => {
    const pf = new KeywordPrefilter(['abc']);
    const hits: number[] = [];
    pf.scan('ab\u00e9c abc', (_k, s) => hits.push(s));
    assert.deepEqual(hits, [5]);
    assert.throws(() => new KeywordPrefilter(['ABC']), /lower-case/);
    assert.throws(() => new KeywordPrefilter(['']), /empty/);
  });

  it('finds what a naive search finds, for random keyword sets and texts', () => {
    // A seeded generator: the same cases on every run. Keywords over a small alphabet overlap a lot
    // (suffixes of each other, shared prefixes); texts mix in upper case, characters of no keyword and
    // non-ASCII characters, which all change the automaton's path.
    let seed = 12345;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const keywordAlphabet = 'abc_.:-';
    const textAlphabet = 'abcABC_.:-xZ \n\u00e9\u4e2d';
    for (let round = 0; round < 200; round++) {
      const keywords = [...new Set(Array.from({ length: 1 + next(12) }, () => Array.from({ length: 1 + next(5) }, () => keywordAlphabet[next(keywordAlphabet.length)]).join('')))];
      const text = Array.from({ length: next(300) }, () => textAlphabet[next(textAlphabet.length)]).join('');
      const pf = new KeywordPrefilter(keywords);
      const got: string[] = [];
      pf.scan(text, (k, start) => got.push(`${start}:${keywords[k]}`));
      const lower = text.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
      const expected: string[] = [];
      keywords.forEach((keyword) => {
        for (let at = lower.indexOf(keyword); at !== -1; at = lower.indexOf(keyword, at + 1)) expected.push(`${at}:${keyword}`);
      });
      assert.deepEqual([...got].sort(), expected.sort(), `round ${round}: keywords ${JSON.stringify(keywords)}`);
    }
  });
});

describe('line index', () => {
  it('maps offsets and positions both ways with CRLF and UTF-16', () => {
    const text = 'a\r\n\u{1F600}b\nlast';
    const li = new LineIndex(text);
    assert.equal(li.lineCount, 3);
    assert.deepEqual(li.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(li.positionAt(5), { line: 1, character: 2 }); // after the surrogate pair
    assert.equal(li.lineText(0), 'a');
    assert.equal(li.lineText(1), '\u{1F600}b');
    assert.equal(li.offsetAt({ line: 2, character: 2 }), text.indexOf('last') + 2);
    assert.equal(li.offsetAt({ line: 9, character: 0 }), text.length);
  });
});

describe('masking and fingerprints', () => {
  it('keeps a provider prefix and the length only', () => {
    const secret = checksummedToken('ghp_', 'mask');
    const preview = maskedPreview(secret);
    assert.equal(preview, 'ghp_…(40 chars)');
    assert.ok(!preview.includes(secret.slice(4, 10)));
  });

  it('shows nothing of short values and two characters of long unprefixed ones', () => {
    assert.equal(maskedPreview('hunter2!'), '…(8 chars)');
    const long = token('', 24, undefined, 'long');
    assert.equal(maskedPreview(long), `${long.slice(0, 2)}…(24 chars)`);
    // A word before a dash is part of a password, not a provider's prefix.
    assert.equal(maskedPreview('Glacier-Harbor-77x'), 'Gl…(18 chars)');
    assert.equal(maskedPreview('amber_falcon_harbor_42'), 'am…(22 chars)');
  });

  it('fingerprints are keyed, stable and distinct per rule', () => {
    const a = fingerprint('rule-a', 'value');
    assert.equal(a, fingerprint('rule-a', 'value'));
    assert.notEqual(a, fingerprint('rule-b', 'value'));
    assert.notEqual(a, fingerprint('rule-a', 'value', 'other-key'));
    assert.match(a, /^[0-9a-f]{32}$/);
  });
});

describe('value classifiers', () => {
  it('recognises placeholders, repetitions and sequences', () => {
    for (const v of ['changeme', 'your-api-key', '<token>', 'xxxxxxxxxxxx', 'abcdefghijk', '123456789', 'REDACTED', 'example-key-1']) {
      assert.ok(isPlaceholder(v), `${v} should be a placeholder`);
    }
    assert.ok(!isPlaceholder(token('', 32, undefined, 'real')));
  });

  it('computes Shannon entropy', () => {
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abcd'), 2);
  });
});

describe('engine', () => {
  const secret = checksummedToken('ghp_', 'engine');

  it('reports a finding with range, preview and fingerprint but never the value', () => {
    const text = `const a = 1;\nconst token = "${secret}";\n`;
    const { findings } = new Engine().scan(text, 'src/a.ts');
    assert.equal(findings.length, 1);
    const f = findings[0];
    assert.equal(f.ruleId, 'github-classic-pat');
    assert.equal(f.kind, 'secret');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, { start: { line: 1, character: 15 }, end: { line: 1, character: 55 } });
    assert.equal(text.slice(f.startOffset, f.endOffset), secret);
    assert.ok(!JSON.stringify(f).includes(secret), 'finding must not contain the secret');
  });

  it('honours rule settings: off and severity override', () => {
    const text = `t = "${secret}"`;
    assert.equal(new Engine(resolveSettings({ rules: { 'github-classic-pat': false } })).scan(text, 'a').findings.length, 0);
    const [f] = new Engine(resolveSettings({ rules: { 'github-classic-pat': 'hint' } })).scan(text, 'a').findings;
    assert.equal(f.severity, 'hint');
  });

  it('reports broken settings as problems and keeps going', () => {
    const engine = new Engine(resolveSettings({ rules: 'nope', exclude: [3], maxFileSize: -1, customRules: [{ id: 'x' }] }));
    assert.equal(engine.problems.length, 4);
    assert.equal(engine.scan(`t = "${secret}"`, 'a').findings.length, 1);
  });

  it('skips excluded, oversized and binary files with a notice', () => {
    const ex = new Engine(resolveSettings({ exclude: ['vendor/**'] })).scan(secret, 'vendor/x.js');
    assert.ok(ex.skipped && ex.findings.length === 0);
    const big = new Engine(resolveSettings({ maxFileSize: 10 })).scan(secret, 'a.txt');
    assert.ok(big.skipped);
    assert.match(big.notices[0].message, /limit/);
    const bin = new Engine().scan(`\u0000\u0001${secret}`, 'a.bin');
    assert.ok(bin.skipped);
    assert.match(bin.notices[0].message, /binary/);
  });

  it('handles a multi-megabyte single line without trouble', () => {
    const line = 'x'.repeat(3_000_000) + ` "${secret}" ` + 'y'.repeat(100);
    const { findings } = new Engine().scan(line, 'min.js');
    assert.equal(findings.length, 1);
  });

  it('runs custom rules and rejects unsafe ones', () => {
    const settings = resolveSettings({
      customRules: [
        { id: 'acme', pattern: 'acme_[a-z0-9]{20}', keywords: ['acme_'] },
        { id: 'bad', pattern: '(a+)+$', keywords: ['a'] },
        { id: 'broken', pattern: '([', keywords: ['b'] },
      ],
    });
    const engine = new Engine(settings);
    assert.equal(engine.problems.length, 2);
    const value = token('acme_', 20, 'abcdefghijklmnopqrstuvwxyz0123456789', 'acme');
    const { findings } = engine.scan(`k: ${value}`, 'a.yml');
    assert.deepEqual(findings.map((f) => f.ruleId), ['custom-acme']);
    assert.ok(unsafePatternReason('(\\w+\\s?)*x'));
    assert.equal(unsafePatternReason('acme_[a-z]{20}'), undefined);
  });
});

describe('suppressions', () => {
  const secret = checksummedToken('ghp_', 'suppress');
  const engine = new Engine();
  const count = (text: string, path = 'a.ts', suppressions = emptySuppressions()) =>
    engine.scan(text, path, { suppressions }).findings.length;

  it('honours the inline markers people already use', () => {
    assert.equal(count(`t = "${secret}"`), 1);
    for (const marker of ['gitleaks:allow', 'pragma: allowlist secret', 'secretlint-disable-line', 'trufflehog:ignore', 'ggignore']) {
      assert.equal(count(`t = "${secret}" # ${marker}`), 0, marker);
    }
    for (const marker of ['pragma: allowlist nextline secret', 'secretlint-disable-next-line']) {
      assert.equal(count(`# ${marker}\nt = "${secret}"`), 0, marker);
      assert.equal(count(`# ${marker}\n\nt = "${secret}"`), 1, `${marker} two lines above`);
    }
  });

  it('honours the project marker, optionally naming rules', () => {
    assert.equal(count(`t = "${secret}" // secret-hygiene:ignore`), 0);
    assert.equal(count(`t = "${secret}" // secret-hygiene:ignore github-classic-pat`), 0);
    assert.equal(count(`t = "${secret}" // secret-hygiene:ignore other-rule`), 1);
    assert.equal(count(`// secret-hygiene:ignore-next-line github-classic-pat\nt = "${secret}"`), 0);
    assert.equal(count(`// secret-hygiene:ignore-next-line other-rule\nt = "${secret}"`), 1);
  });

  it('honours fingerprints in the ignore file wherever the value moves', () => {
    const [f] = engine.scan(`t = "${secret}"`, 'a.ts').findings;
    const index = parseIgnoreFile(`# ignored on purpose\n${f.fingerprint}  # github-classic-pat a.ts\n`);
    assert.equal(count(`\n\n  moved = "${secret}"`, 'b.ts', index), 0);
  });

  it('honours .gitleaksignore by file and line, and .secrets.baseline by hash', () => {
    const gl = parseGitleaksIgnore('abc1234:src/a.ts:github-pat:2\nsrc/b.ts:generic:1\n');
    assert.equal(count(`\nt = "${secret}"`, 'src/a.ts', gl), 0);
    assert.equal(count(`t = "${secret}"`, 'src/a.ts', gl), 1);
    const baseline = parseSecretsBaseline(
      JSON.stringify({ results: { 'src/c.py': [{ type: 'GitHub Token', hashed_secret: sha1Hex(secret), line_number: 9 }] } }),
    );
    assert.equal(count(`x = "${secret}"`, 'src/c.py', baseline), 0);
    assert.equal(count(`x = "${secret}"`, 'src/d.py', baseline), 1);
    const audited = parseSecretsBaseline(
      JSON.stringify({ results: { 'src/c.py': [{ hashed_secret: sha1Hex(secret), is_secret: true }] } }),
    );
    assert.equal(count(`x = "${secret}"`, 'src/c.py', audited), 1, 'an entry audited as a real secret is not suppressed');
    assert.equal(parseSecretsBaseline('{not json').baselineHashes.size, 0);
  });
});

describe('engine purity', () => {
  it('imports nothing from VS Code or the LSP libraries', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.ts') && /from ['"](?:vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]/.test(readFileSync(full, 'utf8'))) {
          offenders.push(full);
        }
      }
    };
    walk(join(__dirname, '../../server/src/engine'));
    assert.deepEqual(offenders, []);
  });
});

describe('known documentation examples', () => {
  it('never reports values that providers publish in their own docs', () => {
    // Built from pieces so no example key sits in the source as one literal.
    const k8sDocsPassword = ['MWYyZDFl', 'MmU2N2Rm'].join('');
    const awsDocsVariant = ['wJalrXUtnFEMI', '/K7MDENG/bPxRfiCY', 'SECRETSKEY'].join('');
    assert.ok(isKnownDocumentationExample(k8sDocsPassword));
    assert.ok(isKnownDocumentationExample(awsDocsVariant));
    // RFC 6749's example access token and RFC 5849's example consumer key.
    assert.ok(isKnownDocumentationExample(['2YotnFZF', 'Ejr1zCsicMWpAA'].join('')));
    assert.ok(isKnownDocumentationExample(['9djdj82h', '48djs9d2'].join('')));
    // The Azure Storage emulator (Azurite) account key and the Cosmos DB emulator key.
    assert.ok(isKnownDocumentationExample(['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq', '/K1SZFPTOtr/KBHBeksoGMGw=='].join('')));
    assert.ok(isKnownDocumentationExample(['C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyP', 'MbIZnqyMsEcaGQy67XIw/Jw=='].join('')));
    // Hardhat's default account #0, and a connection string holding the Azurite key.
    assert.ok(isKnownDocumentationExample(['ac0974bec39a17e36ba4a6b4', 'd238ff944bacb478cbed5efcae784d7bf4f2ff80'].join('')));
    assert.ok(isKnownDocumentationExample(`DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq', '/K1SZFPTOtr/KBHBeksoGMGw=='].join('')};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`));
    // The bot token of Telegram's Bot API documentation.
    assert.ok(isKnownDocumentationExample(['123456:ABC-DEF1234gh', 'Ikl-zyx57W2v1u123ew11'].join('')));
    assert.ok(!isKnownDocumentationExample(token('', 40, undefined, 'not-docs')));
  });
});

describe('suppression files', () => {
  it('are the same set for the engine, the CLI and the protocol module', () => {
    assert.deepEqual([...SUPPRESSION_FILE_NAMES].sort(), [...IGNORE_FILE_NAMES].sort());
    const index = buildSuppressions((name) => (name === '.gitleaksignore' ? 'src/a.ts:rule:3\n' : undefined));
    assert.ok(index.gitleaksLines.has('src/a.ts:3'));
    assert.equal(index.fingerprints.size, 0);
  });
});
