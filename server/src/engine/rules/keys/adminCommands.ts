import type { SecretRule } from '../secretRule';
import { ALNUM, chars } from '../fake';
import { isReference, isRealPassword } from '../saas/context';
import { isStoredPasswordHash } from '../../values';

/**
 * Passwords set by administration statements and directives in init scripts, migrations and server
 * configuration: SQL `CREATE USER … PASSWORD '…'` / `IDENTIFIED BY '…'`, Redis `requirepass`,
 * PowerShell `ConvertTo-SecureString "…" -AsPlainText`, Windows `net use … /user:… …`. No
 * secret-looking name is assigned there, so generic detection does not read them.
 */
const pw = (label: string) => `${chars(ALNUM, 12, `admin:${label}`)}#7`;

/** A template or variable rather than a value: `'{{ pw }}'`, `'${PW}'`, `:'pw'`, `$env:PW`, `%PW%`, SQL*Plus `&pw`. */
// `<new password from step 1>` is cut at its first blank: a leading `<` is enough.
const isPlaceholderOrVariable = (value: string) => isReference(value) || /^[$%:@&<]|\{\{|\$\{|\$\(/.test(value);
const realPassword = (value: string) => isRealPassword(value) && !isPlaceholderOrVariable(value);

export const adminCommandRules: SecretRule[] = [
  {
    id: 'sql-user-password',
    title: 'Database user password in a SQL statement',
    provider: 'SQL database',
    keywords: ["password '", "password='", "password = '", "password = n'", "password=n'", 'identified by', 'identified with', 'set password'],
    window: { before: 200, after: 200 },
    // PostgreSQL: CREATE/ALTER USER|ROLE x [WITH] [ENCRYPTED] PASSWORD '…'; SQL Server: CREATE/ALTER LOGIN|USER x WITH PASSWORD = '…';
    // MySQL / MariaDB: IDENTIFIED [WITH plugin] BY '…', SET PASSWORD [FOR x] = '…'; Oracle: IDENTIFIED BY "…" or a bare word.
    // A bare (unquoted) value only in a CREATE/ALTER statement: "identified by" is common prose.
    pattern:
      /\b(?:(?:create|alter)[ \t]+(?:user|role|login)\b[^;\r\n]{0,160}?\b(?:password[ \t]*=?|identified[ \t]+(?:with[ \t]+\w+[ \t]+)?by(?:[ \t]+password)?)[ \t]*|identified[ \t]+(?:with[ \t]+\w+[ \t]+)?by[ \t]+(?:password[ \t]+)?(?=["'])|set[ \t]+password[ \t]+(?:for[ \t]+[^=;\r\n]{1,80}?)?=[ \t]*(?:password[ \t]*\([ \t]*)?(?=["']))(?:N(?='))?["']?(?<secret>[^'"\s;,)]{4,128})(?=["']|[ \t]*(?:[;,)]|$|\r?\n|[ \t](?:default|account|password|quota|profile|valid)\b))/im,
    // Letters only is a word in prose ("identified by 'name'") or a default (scott/tiger), not a password.
    validate: (secret) => realPassword(secret) && /[^A-Za-z]/.test(secret) && !isStoredPasswordHash(secret),
    severity: 'error',
    envName: 'DB_PASSWORD',
    remediation:
      'Change the database user\'s password (ALTER USER / ALTER ROLE / ALTER LOGIN / SET PASSWORD), then create users from a script that reads the password from the environment or a secret manager (psql -v pw="$PW" with :\'pw\', a Kubernetes Secret, Vault\'s database secrets engine for short-lived users).',
    examples: {
      positive: [
        `CREATE USER app WITH ENCRYPTED PASSWORD '${pw('s1')}';`,
        `ALTER ROLE reporting PASSWORD '${pw('s2')}' VALID UNTIL '2030-01-01';`,
        `CREATE USER 'app'@'%' IDENTIFIED BY '${pw('s3')}';`,
        `ALTER USER 'root'@'localhost' IDENTIFIED WITH mysql_native_password BY '${pw('s4')}';`,
        `CREATE LOGIN app_login WITH PASSWORD = '${pw('s5')}', CHECK_POLICY = OFF;`,
        `CREATE LOGIN [svc_reporting] WITH PASSWORD = N'${pw('s5n')}', CHECK_POLICY = ON;`,
        `create user scott identified by ${chars(ALNUM, 10, 'admin:s6')}42;`,
        `SET PASSWORD FOR 'app'@'%' = '${pw('s7')}';`,
      ],
      negative: [
        "CREATE USER app WITH PASSWORD :'app_password';",
        "CREATE USER app WITH PASSWORD '{{ app_db_password }}';",
        "CREATE USER app WITH PASSWORD '${APP_DB_PASSWORD}';",
        "ALTER USER postgres PASSWORD 'postgres';",
        "CREATE USER 'app'@'%' IDENTIFIED BY 'password';",
        'CREATE USER app IDENTIFIED EXTERNALLY;',
        'CREATE USER report IDENTIFIED BY &report_password;',
        'ALTER USER audit IDENTIFIED BY "&&audit_pw";',
        "SELECT * FROM users WHERE password = 'x';",
        "CREATE ROLE app LOGIN PASSWORD 'md5c4ca4238a0b923820dcc509a6f75849b';",
        "GRANT USAGE ON *.* TO 'app'@'%' IDENTIFIED BY PASSWORD '*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9';",
        'Signs a token with the key identified by kid.',
        "Load and return a dynamic library identified by 'name'.",
        'GRANT ALL ON app.* TO app IDENTIFIED BY PASSWORD_HASH_GOES_HERE',
      ],
    },
  },
  {
    id: 'redis-password-directive',
    title: 'Redis password in configuration or on the command line',
    provider: 'Redis',
    keywords: ['requirepass', 'masterauth', 'auth-pass'],
    window: { before: 12, after: 200 },
    // Also Sentinel's `sentinel auth-pass <master> <password>`.
    // (`#` belongs to the password; a comment after it is separated by a blank.)
    pattern: /(?:^[ \t]*|--)(?:requirepass|masterauth|sentinel[ \t]+auth-pass[ \t]+\S{1,64})[ \t]+["']?(?<secret>[^\s"']{4,256})/m,
    validate: realPassword,
    severity: 'error',
    envName: 'REDIS_PASSWORD',
    remediation:
      'Change the password (CONFIG SET requirepass, then the file) on every Redis and replica, update clients from a secret manager, and prefer ACL users with their own passwords; pass it to redis-server from a file or the environment, not as an argument.',
    examples: {
      positive: [`requirepass ${pw('r1')}`, `command: redis-server --appendonly yes --requirepass "${pw('r2')}"`, `masterauth ${pw('r3')}`, `sentinel auth-pass mymaster ${pw('r4')}`, `requirepass ${pw('r5')}#x9 # rotated in March`],
      negative: ['# requirepass foobared', 'command: redis-server --requirepass "$REDIS_PASSWORD"', 'requirepass ${REDIS_PASSWORD}', 'requirepass changeme'],
    },
  },
  {
    id: 'haproxy-password',
    title: 'HAProxy stats or userlist password',
    provider: 'HAProxy',
    keywords: ['stats auth', 'insecure-password'],
    window: { before: 40, after: 300 },
    // `stats auth user:password` (the statistics page) and `user name insecure-password password` (userlists).
    // `user name password <hash>` holds a crypt(3) hash, not a password.
    pattern: /^[ \t]*(?:stats[ \t]+auth[ \t]+[^:\s]{1,64}:|user[ \t]+\S{1,64}[ \t]+insecure-password[ \t]+)(?<secret>[^\s#]{4,128})/m,
    validate: realPassword,
    severity: 'error',
    envName: 'HAPROXY_STATS_PASSWORD',
    remediation:
      'Change the password, then read it from the environment in haproxy.cfg ("stats auth admin:\"${HAPROXY_STATS_PASSWORD}\"") or store a crypt(3) hash in a userlist (user admin password $6$…); restrict the stats page to an internal network.',
    examples: {
      positive: [`listen stats\n    bind :8404\n    stats enable\n    stats auth admin:${pw('h1')}`, `userlist ops\n    user admin insecure-password ${pw('h2')}`],
      negative: ['    stats auth admin:"${HAPROXY_STATS_PASSWORD}"', '    user admin password $6$rounds=5000$abcdefgh$0123456789abcdef', '    stats auth admin:admin', '# stats auth user:password'],
    },
  },
  {
    id: 'powershell-plaintext-password',
    title: 'PowerShell plain-text password (ConvertTo-SecureString -AsPlainText)',
    provider: 'Windows',
    keywords: ['convertto-securestring'],
    window: { before: 4, after: 300 },
    pattern: /ConvertTo-SecureString[ \t]+(?:-String[ \t]+)?(?<quote>["'])(?<secret>[^"'`\r\n]{4,256})\k<quote>(?=[^\r\n]{0,40}-AsPlainText)/i,
    // In double quotes `$name`, `${…}` and `$(…)` expand (a variable, not a literal); a `$` before the quote does not.
    validate: (secret, match) => realPassword(secret) && !(match.groups?.quote === '"' && /\$[\w{(:]/.test(secret)),
    severity: 'error',
    envName: 'SERVICE_PASSWORD',
    remediation:
      'Change the account\'s password, then read it at run time instead: Get-Credential, the SecretManagement module (Get-Secret), an encrypted Export-Clixml credential for the same user, or $env:SERVICE_PASSWORD set by the pipeline\'s secret store.',
    examples: {
      positive: [
        `$secure = ConvertTo-SecureString "${pw('p1')}" -AsPlainText -Force`,
        `$secure = ConvertTo-SecureString "${chars(ALNUM, 10, 'admin:p3')}1917$" -AsPlainText -Force`,
        `$cred = New-Object PSCredential('svc', (ConvertTo-SecureString -String '${pw('p2')}' -AsPlainText -Force))`,
      ],
      negative: ['$secure = ConvertTo-SecureString $env:SVC_PASSWORD -AsPlainText -Force', '$secure = ConvertTo-SecureString "$password" -AsPlainText -Force', '$secure = Read-Host -AsSecureString | ConvertTo-SecureString'],
    },
  },
  {
    id: 'net-use-password',
    title: 'Windows net use with a password',
    provider: 'Windows',
    keywords: ['net use'],
    window: { before: 4, after: 300 },
    // net use [drive:] \\server\share [password | *] [/user:[domain\]name] [...]: the password is the
    // word after the share (before or after /user:), when it is not an option or `*` (prompt).
    pattern: /\bnet[ \t]+use[ \t]+(?:[A-Za-z]:[ \t]+|\*[ \t]+)?\\\\[^\s"]+[ \t]+(?:\/u(?:ser)?:[^\s"]+[ \t]+)?"?(?<secret>[^\s"/*%!][^\s"]{3,127})"?(?=[ \t]|$)/im,
    validate: realPassword,
    severity: 'error',
    envName: 'SHARE_PASSWORD',
    remediation: 'Change the account\'s password; map the share with a stored credential (cmdkey, Credential Manager), a group managed service account, or a password read from the environment at run time.',
    examples: {
      positive: [`net use Z: \\\\fileserver\\builds ${pw('n1')} /user:CORP\\svc-build /persistent:no`, `net use \\\\nas\\backup /user:backup "${pw('n2')}"`],
      negative: ['net use Z: \\\\fileserver\\builds * /user:CORP\\svc-build', 'net use Z: \\\\fileserver\\builds /user:CORP\\svc-build %SHARE_PASSWORD%', 'net use Z: /delete', 'net use \\\\nas\\backup /persistent:yes'],
    },
  },
];
