import { strict as assert } from 'node:assert';
import { parseArgs, parseSize, UsageError } from '../../server/src/cli/args';
import { decodeFile } from '../../server/src/files/readText';
import { scanRoot } from '../../server/src/cli/run';

describe('cli: argument parsing and file decoding (in process)', () => {
  it('defaults: scan ., text, fail on error, gitignore on', () => {
    assert.deepEqual(parseArgs(['scan']), { command: 'scan', paths: ['.'], format: 'text', failOn: 'error', gitignore: true, exclude: [] });
  });

  it('accepts --flag value and --flag=value, repeatable --exclude, and -- before paths', () => {
    const cmd = parseArgs(['scan', 'a', '--format=sarif', '--fail-on', 'hint', '--exclude', 'x/**', '--exclude=y', '--no-gitignore', '--max-file-size', '2m', '--', '--odd-name']);
    assert.deepEqual(cmd, {
      command: 'scan', paths: ['a', '--odd-name'], format: 'sarif', failOn: 'hint', gitignore: false, exclude: ['x/**', 'y'], maxFileSize: 2 * 1024 * 1024,
    });
  });

  it('rejects unknown flags without echoing values that do not look like flags', () => {
    assert.throws(() => parseArgs(['scan', '--frobnicate']), (e: Error) => e instanceof UsageError && /--frobnicate/.test(e.message));
    assert.throws(() => parseArgs(['Zx9-Qv_7Lm']), (e: Error) => e instanceof UsageError && !e.message.includes('Zx9'));
  });

  it('parses sizes', () => {
    assert.equal(parseSize('4096'), 4096);
    assert.equal(parseSize('512k'), 512 * 1024);
    assert.equal(parseSize('1.5MB'), 1.5 * 1024 * 1024);
    assert.equal(parseSize('0'), undefined);
    assert.equal(parseSize('-3'), undefined);
    assert.equal(parseSize('lots'), undefined);
  });

  it('decodes text and recognises binary content', () => {
    assert.deepEqual(decodeFile(Buffer.from('héllo\n')), { binary: false, text: 'héllo\n' });
    assert.equal(decodeFile(Buffer.from([0x41, 0x00, 0x42])).binary, true);
    assert.equal(decodeFile(Buffer.from('\u00ff\u00fe'.repeat(50), 'latin1')).binary, true);
    assert.equal(decodeFile(Buffer.from('literal \uFFFD replacement characters \uFFFD\uFFFD\uFFFD')).binary, false);
    assert.deepEqual(decodeFile(Buffer.alloc(0)), { binary: false, text: '' });
  });

  it('chooses the scan root for file names', () => {
    assert.equal(scanRoot(['/w/repo'], [true], '/elsewhere'), '/w/repo');
    assert.equal(scanRoot(['/w/repo/a', '/w/repo/b.js'], [true, false], '/w/repo'), '/w/repo');
    assert.equal(scanRoot(['/w/repo/a.js'], [false], '/w/repo'), '/w/repo');
    assert.equal(scanRoot(['/w/one/a', '/w/two/b.js'], [true, false], '/home'), '/w');
    assert.equal(scanRoot(['/w/one/a.js'], [false], '/home'), '/w/one');
  });
});
