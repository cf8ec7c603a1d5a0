import { strict as assert } from 'node:assert';
import { Engine, resolveSettings, type Finding } from '../../../server/src/engine';
import {
  applyEdits,
  computeFixes,
  fixAll,
  resolveBackendSettings,
  type BackendSettings,
  type Fix,
  type WorkspaceFacts,
} from '../../../server/src/engine/fixes';
import { checksummedToken, chars, ALNUM } from '../../../server/src/engine/rules/fake';
import { LITERAL_SECRET_RULE_IDS } from '../../../server/src/engine/pipeline/rules';

/** A custom rule so tests can produce a secret finding of any shape: SHTEST_ + 24 alphanumerics. */
export const engine = new Engine(
  resolveSettings({ customRules: [{ id: 'fake', pattern: '(?<secret>SHTEST_[A-Za-z0-9]{24})', keywords: ['shtest_'], severity: 'error' }] }),
);

/** A visibly fake secret matched by the custom rule above. */
export function fakeSecret(label: string): string {
  return `SHTEST_${chars(ALNUM, 24, label)}`;
}

/** A GitHub classic token with a valid checksum (generated; never a literal in the source). */
export function githubToken(label: string): string {
  return checksummedToken('ghp_', label);
}

export interface Applied {
  fix: Fix;
  /** Text of every file after the fix (the document under its path; undefined = not created). */
  files: Map<string, string | undefined>;
  text: string;
}

export function findingsOf(text: string, path: string): Finding[] {
  return engine.scan(text, path).findings;
}

/** Applies the fix with `id` (default the preferred one) of the first finding (or `pick`). */
export function applyFix(
  text: string,
  path: string,
  options: { workspace?: WorkspaceFacts; backend?: Partial<BackendSettings>; id?: string; pick?: (f: Finding) => boolean; offerStash?: boolean } = {},
): Applied {
  const findings = findingsOf(text, path);
  // A hard-coded value: a secret finding, or a pipeline check on a literal (which then stands for it).
  const finding = findings.find(options.pick ?? ((f) => f.kind === 'secret' || LITERAL_SECRET_RULE_IDS.has(f.ruleId)));
  assert.ok(finding, `no finding in ${path}`);
  const workspace = options.workspace ?? {};
  const backend = { ...resolveBackendSettings({}, 'shop'), ...options.backend };
  const fixes = computeFixes({ text, path, finding, allFindings: findings, workspace, backend, offerStash: options.offerStash });
  const fix = options.id ? fixes.find((f) => f.id === options.id) : fixes.find((f) => f.preferred);
  assert.ok(fix, `no ${options.id ?? 'preferred'} fix; got [${fixes.map((f) => f.id).join(', ')}]`);
  assert.equal(fixes.filter((f) => f.preferred).length, 1, 'exactly one preferred fix');
  for (const f of fixes) if (f.category === 'suppression') assert.equal(f.preferred, false, 'a suppression is never preferred');
  const files = new Map<string, string | undefined>([
    ['.env', workspace.envText],
    ['.gitignore', workspace.gitignoreText],
    ['.env.example', workspace.envExampleText],
    ['.secret-hygiene-ignore', workspace.ignoreFileText],
    [path, text],
  ]);
  for (const fe of fix.files) {
    const before = files.get(fe.path);
    assert.equal(fe.create === true, before === undefined, `create flag of ${fe.path}`);
    files.set(fe.path, applyEdits(before ?? '', fe.edits));
  }
  return { fix, files, text: files.get(path)! };
}

/**
 * The checks every reference fix must pass: the finding is gone and no new one appears, the value
 * went to .env (git-ignored) and nowhere else, and fixing again changes nothing (idempotent).
 */
export function assertCleanFix(before: string, path: string, applied: Applied, secret: string): void {
  const after = findingsOf(applied.text, path);
  assert.deepEqual(after.map((f) => f.ruleId), [], 'no finding after the fix');
  assert.ok(!applied.text.includes(secret), 'the value left the document');
  if (applied.fix.stash) assert.equal(applied.fix.stash.value, secret);
  else assert.ok(applied.files.get('.env')?.includes(secret), 'the value is kept in .env');
  for (const [p, t] of applied.files) {
    if (p !== '.env' && p !== path) assert.ok(!t?.includes(secret), `the value never lands in ${p}`);
  }
  const again = fixAll({
    text: applied.text,
    path,
    workspace: { envText: applied.files.get('.env'), gitignoreText: applied.files.get('.gitignore'), envExampleText: applied.files.get('.env.example') },
    backend: resolveBackendSettings({}, 'shop'),
    scan: (t) => findingsOf(t, path),
  });
  assert.deepEqual(again.files, [], 'fixing again changes nothing');
  assert.notEqual(applied.text, before);
}
