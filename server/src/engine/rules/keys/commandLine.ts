import type { SecretRule } from '../secretRule';
import { ALNUM, chars } from '../fake';
import { isReference, isRealPassword, looksDescriptive } from '../saas/context';

/**
 * Credentials written as arguments of well-known commands in scripts, CI steps and docs: a MySQL
 * password glued to `-p`, `sshpass -p`, `docker login -p`, and API-key headers (`X-Api-Key:`...).
 * Besides the file, such values end up in shell history, process listings and CI logs.
 */
const a = (n: number, label: string) => chars(ALNUM, n, `cli:${label}`);

const CLI_ROTATE =
  'Change the password or revoke the token at the service it belongs to and check its access logs; then pass it through the environment or a file the command reads (MYSQL_PWD or an option file, sshpass -e with SSHPASS, docker login --password-stdin, a header from $API_KEY), never as a literal argument.';

/** A shell expression rather than a value: `-p$(cat f)`, `-p(read)`, `-p<(...)`, `-p{...}`. */
const isExpression = (value: string) => /^[($<{[]/.test(value) || isReference(value);

export const commandLineRules: SecretRule[] = [
  {
    id: 'mysql-command-password',
    title: 'MySQL client command with a password',
    provider: 'MySQL',
    keywords: ['mysql', 'mariadb'],
    window: { after: 400 },
    // `-p` alone prompts (the next word is then the database): only a value glued to -p, or --password=.
    // Also as an exec-form array element (a compose healthcheck: `"mysqladmin", "ping", "-p…"`).
    pattern: /\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mariadb|mariadb-dump)\b[^\r\n;|&]{0,300}?[ \t]["']?(?:-p|--password=)["']?(?<secret>[^\s"'`;|&\\]{4,128})/,
    validate: (secret) => isRealPassword(secret) && !secret.startsWith('-') && !isExpression(secret),
    severity: 'error',
    envName: 'MYSQL_PWD',
    remediation: CLI_ROTATE,
    examples: {
      positive: [
        `mysql -uroot -p${a(14, 'my1')} -h db.internal app`,
        `mysqldump --user=backup --password="${a(16, 'my2')}" app > dump.sql`,
        `      test: ["CMD", "mysqladmin", "ping", "-h", "localhost", "-uroot", "-p${a(18, 'my3')}"]`,
      ],
      negative: [
        'mysql -uroot -p app',
        'mysql -u root -p"$MYSQL_PASSWORD" app',
        'mysql -uroot -ppassword',
        'test: ["CMD", "mysqladmin", "ping", "-h", "localhost", "-uroot", "-p$$MYSQL_ROOT_PASSWORD"]',
        'mysqldump --password=${DB_PASS} app',
        'mysql -h db -P 3306 -u app --protocol=tcp',
        // zsh documentation, inside a JavaScript string: a process substitution, then an escape.
        '"   mysql -uuser -p(read)\\n\\nWhen running in this mode"',
      ],
    },
  },
  {
    id: 'nuget-source-password',
    title: 'NuGet source added with a password on the command line',
    provider: 'NuGet',
    keywords: ['nuget'],
    window: { after: 600 },
    pattern: /\b(?:nuget(?:\.exe)?[ \t]+sources[ \t]+(?:add|update)|dotnet[ \t]+nuget[ \t]+(?:add|update)[ \t]+source)\b[^\r\n;|&]{0,400}?[ \t](?:-Password|--password|-p)[ \t]+["']?(?<secret>[^\s"'`;|&\\]{4,256})/i,
    validate: (secret) => isRealPassword(secret) && !secret.startsWith('-') && !isExpression(secret),
    severity: 'error',
    envName: 'NUGET_PASSWORD',
    remediation:
      'Revoke the password or personal access token at the feed (Azure Artifacts, GitHub Packages, the NuGet server), check the feed for packages you did not publish, then authenticate with a credential provider or a CI secret (`--store-password-in-clear-text` off, `%NUGET_PASSWORD%` from the secret store).',
    examples: {
      positive: [
        `nuget sources add -Name internal -Source https://pkgs.internal.net/nuget/v3/index.json -Username deploy -Password "${a(20, 'nu1')}"`,
        `dotnet nuget add source https://nuget.pkg.github.com/acme/index.json --name github --username ci --password ${a(24, 'nu2')} --store-password-in-clear-text`,
      ],
      negative: [
        'nuget sources add -Name internal -Source https://pkgs.internal.net/nuget/v3/index.json -Username deploy -Password "$(NUGET_PAT)"',
        'dotnet nuget add source https://nuget.pkg.github.com/acme/index.json --name github --username ci --password %GITHUB_TOKEN%',
        'nuget sources list',
      ],
    },
  },
  {
    id: 'sshpass-password',
    title: 'sshpass command with a password',
    provider: 'SSH',
    keywords: ['sshpass'],
    pattern: /\bsshpass\b[ \t]+(?:-[A-Za-z][ \t]+)*-p[ \t]*["']?(?<secret>[^\s"'`;|&\\]{4,128})/,
    validate: (secret) => isRealPassword(secret) && !isExpression(secret),
    severity: 'error',
    envName: 'SSHPASS',
    remediation: CLI_ROTATE,
    examples: {
      positive: [`sshpass -p '${a(12, 'sp1')}' ssh deploy@10.0.0.5`, `sshpass -p${a(10, 'sp2')} scp build.tgz ci@host:/srv`],
      negative: ['sshpass -e ssh deploy@host', 'sshpass -p "$SSH_PASSWORD" ssh deploy@host', 'sshpass -f ~/.pw ssh host', 'sshpass -p password ssh host'],
    },
  },
  {
    id: 'registry-login-password',
    title: 'Container registry login with a password argument',
    provider: 'Container registry',
    keywords: ['login'],
    window: { before: 32, after: 400 },
    pattern: /\b(?:docker|podman|buildah|nerdctl|skopeo|oras|helm[ \t]+registry)[ \t]+login\b[^\r\n;|&]{0,300}?[ \t](?:-p|--password)(?:[ \t]+|=)["']?(?<secret>[^\s"'`;|&\\]{6,512})/,
    validate: (secret) => isRealPassword(secret) && !secret.startsWith('-') && !isExpression(secret),
    severity: 'error',
    envName: 'REGISTRY_PASSWORD',
    remediation: CLI_ROTATE,
    examples: {
      positive: [`docker login -u ci -p ${a(24, 'dl1')} registry.internal.net`, `podman login --username bot --password=${a(32, 'dl2')} quay.io`],
      negative: [
        'docker login -u "$CI_USER" -p "$(cat /run/secrets/registry)" registry.internal.net', 'docker login -u ci -p "$REGISTRY_PASSWORD" registry.internal.net', 'docker login -u ci -p ${{ secrets.REGISTRY_TOKEN }} ghcr.io', 'docker login registry.internal.net', 'echo "$TOKEN" | docker login -u ci --password-stdin ghcr.io'],
    },
  },
  {
    id: 'http-api-key-header',
    title: 'HTTP API-key header with a literal key',
    provider: 'HTTP',
    keywords: ['api-key', 'apikey', 'api-token', 'auth-token', 'access-token', 'private-token', 'vault-token'],
    window: { before: 16, after: 600 },
    // A header: after curl/wget/httpie's -H/--header, or any X-... key header (a headers object, an
    // HTTP request in docs). A bare `api-key:` is a config key, left to generic detection.
    pattern:
      /(?:(?:-H|--header)(?:[ \t]+|=)["']?(?:x-)?(?:api-?key|apikey|api-token|auth-token|access-token|private-token|vault-token)|(?<![A-Za-z0-9-])x-(?:api-?key|apikey|api-token|auth-token|access-token|vault-token))["']?(?:[ \t]*:[ \t]*["']?|[ \t]*,[ \t]*["']|[ \t]+["']|(?<=proxy_set_header[ \t]{1,8}x-[a-z-]{3,20})[ \t]+)(?<secret>[A-Za-z0-9._~+/-]{16,512}={0,2})(?![A-Za-z0-9._~+/=-])/i,
    validate: (secret) => !isReference(secret) && !looksDescriptive(secret) && /[0-9]/.test(secret) && /[A-Za-z]/.test(secret),
    minEntropy: 3.5,
    severity: 'error',
    envName: 'API_KEY',
    remediation: CLI_ROTATE,
    examples: {
      positive: [`curl -H "X-Api-Key: ${a(32, 'hk1')}" https://api.internal.net/v1`, `headers = {"X-API-KEY": "${a(40, 'hk2')}"}`, `request.header("X-Api-Key", "${a(32, 'hk4')}")`, `proxy_set_header X-Api-Key "${a(32, 'hk5')}";`, `    proxy_set_header X-Api-Key ${a(40, 'hk6')};`, `curl --header 'PRIVATE-TOKEN: ${a(26, 'hk3')}' https://gitlab.internal.net/api/v4/projects`],
      negative: [
        'curl -H "X-Api-Key: $API_KEY" https://api.internal.net',
        '-H "X-Api-Key: <your-api-key>"',
        'X-Api-Key: ${{ secrets.API_KEY }}',
        'x-api-key: your-api-key-here',
        'Access-Control-Allow-Headers: X-Api-Key, Content-Type',
        // Keys of configuration, not headers: generic detection judges them.
        `api-key: ${a(32, 'hk4')}`,
        `const config = { apiKey: '${a(32, 'hk5')}' };`,
      ],
    },
  },
];
