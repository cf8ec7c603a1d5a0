import { strict as assert } from 'node:assert';
import { typeThrough } from '../randomTyping';
import { engine } from './harness';

/**
 * The language server scans each new version of a file, and the engine reuses what the previous
 * version parsed (the YAML of unchanged entries, the checks of unchanged scripts, keyword hits
 * outside the edit). Typing through a workflow with findings must report what a first scan of the
 * same text reports.
 */
const S = (name: string) => `\${{ secrets.${name} }}`;
const E = (expr: string) => `\${{ ${expr} }}`;

const WORKFLOW = `name: release
on:
  push:
    branches: [main]
  pull_request_target:
env:
  ACTIONS_STEP_DEBUG: true
  SLACK_WEBHOOK: ${S('SLACK_WEBHOOK')}
jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      token: ${S('DEPLOY_TOKEN')}
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${E('github.event.pull_request.head.sha')}
      - name: Configure
        env:
          NPM_TOKEN: ${S('NPM_TOKEN')}
        run: |
          set -x
          echo "token is $NPM_TOKEN"
          printenv
          curl -u "admin:$NPM_TOKEN" https://registry.example.com/
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: ${S('AWS_ACCESS_KEY_ID')}
          aws-secret-access-key: ${S('AWS_SECRET_ACCESS_KEY')}
          aws-region: eu-west-1
      - run: |
          T=$(aws sts assume-role --role-arn arn:aws:iam::123456789012:role/x --role-session-name s | jq -r .Credentials.SessionToken)
          echo "session=$T" >> "$GITHUB_OUTPUT"
      - run: echo ${S('SLACK_WEBHOOK')} | ./notify.sh
  release:
    uses: ./.github/workflows/release.yml
    secrets: inherit
  report:
    runs-on: ubuntu-latest
    steps:
      - env:
          ALL: ${E('toJSON(secrets)')}
        run: ./use-secrets.sh
      - run: ./notify.sh "$SLACK_WEBHOOK"
`;

const PATH = '.github/workflows/release.yml';
const INSERTS = [' ', 'x', '$X', '"', '\n', '\n          echo "$NPM_TOKEN"', '\n          env', '\n          set -x', '#', ': '];

/** `editing`: scanned as the language server scans an open document (reusing its previous version). */
function findingsOf(text: string, path: string, editing = false): string[] {
  return engine.scan(text, path, { editing }).findings.map((f) => `${f.ruleId} ${f.startOffset}-${f.endOffset} ${f.severity} ${f.message}`);
}

describe('pipeline checks while typing (what is reused from the previous version)', () => {
  it('reports what a first scan of each version reports, over random edits of a workflow with findings', () => {
    const initial = findingsOf(WORKFLOW, PATH, true);
    assert.ok(initial.length >= 10, `the workflow has findings to keep track of (${initial.length})`);
    for (let seed = 1; seed <= 6; seed++) {
      typeThrough(WORKFLOW, seed, INSERTS, 60, (text, i) => {
        // Scanned once, as the CLI does: nothing of a previous version is reused.
        assert.deepEqual(findingsOf(text, PATH, true), findingsOf(text, PATH), `seed ${seed}, edit ${i}`);
      });
    }
  });

  it('does not reuse a script\'s checks across scopes: the same text with and without a secret bound', () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - env:
          HOOK: ${S('HOOK_URL')}
        run: echo "$HOOK"
      - run: echo "$HOOK"
`;
    const prints = engine.scan(text, PATH).findings.filter((f) => f.ruleId === 'ci-secret-print');
    assert.deepEqual(prints.map((f) => f.startOffset), [text.indexOf('$HOOK"')]);
    // The other order: the unbound step's result must not be reused for the bound one either.
    const swapped = text.replace(/(      - env:\n.*\n.*\n)(      - run: echo "\$HOOK"\n)/, '$2$1');
    const swappedPrints = engine.scan(swapped, PATH).findings.filter((f) => f.ruleId === 'ci-secret-print');
    assert.deepEqual(swappedPrints.map((f) => f.startOffset), [swapped.lastIndexOf('$HOOK"')]);
  });

  const CODE: Record<string, string> = {
    'src/server.ts': `import express from 'express';
const port = process.env.PORT ?? 3000;
console.log(process.env);
for (const [k, v] of Object.entries(process.env)) {
  // every variable
  console.log(k, v);
}
logger.info('login', password);
console.log('token refreshed', nextPageToken);
export function boot(apiKey: string) {
  console.debug(\`key \${apiKey}\`);
  return JSON.stringify(process.env);
}
`,
    'app/main.py': `import os
print(os.environ)
for key, value in os.environ.items():
    print(key, value)
print(f"db password: {db_password}")
logging.info("ok")
`,
    'lib/boot.rb': `puts ENV.to_h
ENV.each do |k, v|
  puts k
end
print api_token
`,
  };
  const CODE_INSERTS = [' ', 'x', '\n', '//', '# ', 'console.log(', 'process.env', ')', '\nfor (const k of Object.keys(process.env)) {\n', 'print(', 'password', '\n  puts v\n'];

  it('reports what a first scan reports while typing in source files with env dumps and secret logs', () => {
    for (const [path, source] of Object.entries(CODE)) {
      const initial = findingsOf(source, path, true);
      assert.ok(initial.length >= 3, `${path} has findings to keep track of (${initial.length})`);
      for (let seed = 1; seed <= 4; seed++) {
        typeThrough(source, seed * 31 + path.length, CODE_INSERTS, 80, (text, i) => {
          assert.deepEqual(findingsOf(text, path, true), findingsOf(text, path), `${path}, seed ${seed}, edit ${i}`);
        });
      }
    }
  });
});
