import type { SecretRule } from '../secretRule';
import { ALNUM, chars } from '../fake';
import { isReference, isRealPassword } from '../saas/context';

/**
 * Passwords passed to administration tools as arguments in scripts, Dockerfiles and CI steps:
 * Java keytool, htpasswd, chpasswd, sqlcmd, redis-cli, mongosh, ldapsearch, rabbitmqctl and the Azure
 * CLI. Each flag is specific to its tool (`-a` or `-w` mean nothing elsewhere), so each rule starts
 * at the tool's name. Besides the file, such values land in shell history and process listings.
 */
const pw = (label: string) => `${chars(ALNUM, 12, `tool:${label}`)}9!`;

/** A shell expression or reference rather than a value. */
const isExpression = (value: string) => /^[($<{[%]/.test(value) || isReference(value);
const realArgument = (value: string) => isRealPassword(value) && !value.startsWith('-') && !isExpression(value);
/** A value: quoted or bare, up to the next blank or shell operator. */
const VALUE = `["']?(?<secret>[^\\s"'\`;|&\\\\]{4,256})`;
/** Arguments before the flag, on the same command (line continuations included). */
const ARGS = `(?:[^\\r\\n;|&]|\\\\\\r?\\n){0,300}?[ \\t]`;

const TOOL_ROTATE =
  'Change the password where it is used (the keystore, the account, the server), then give it to the tool from the environment or a file it reads (keytool -storepass:env, htpasswd -i from stdin, SQLCMDPASSWORD, REDISCLI_AUTH, a credential file), never as a literal argument.';

/** A tool whose flag takes the password: `sqlcmd … -P v`, `redis-cli … -a v`, `ldapsearch … -w v`. */
interface ToolFlag {
  id: string;
  title: string;
  provider: string;
  keywords: string[];
  /** Regex source of the tool's names (a word each). */
  tools: string;
  /** Regex source of the flag and what separates it from the value. */
  flag: string;
  envName: string;
  remediation?: string;
  validate?: (secret: string) => boolean;
  examples: SecretRule['examples'];
}

function toolFlagRule(t: ToolFlag): SecretRule {
  return {
    id: t.id,
    title: t.title,
    provider: t.provider,
    keywords: t.keywords,
    window: { before: 4, after: 400 },
    pattern: new RegExp(`\\b(?:${t.tools})\\b${ARGS}${t.flag}${VALUE}`),
    validate: t.validate ?? realArgument,
    severity: 'error',
    envName: t.envName,
    remediation: t.remediation ?? TOOL_ROTATE,
    examples: t.examples,
  };
}

export const toolPasswordRules: SecretRule[] = [
  {
    id: 'keytool-store-password',
    title: 'Java keystore password on a keytool or jarsigner command line',
    provider: 'Java keystore',
    keywords: ['storepass', 'keypass'],
    window: { before: 16, after: 300 },
    // -storepass, -keypass, -srcstorepass, -deststorepass, -srckeypass, -destkeypass, -new (as -storepass:env VAR is a reference).
    pattern: new RegExp(`(?<![\\w-])-(?:src|dest)?(?:store|key)pass(?:[ \\t]+|=)${VALUE}`, 'i'),
    validate: (secret) => realArgument(secret) && !/^(?:changeit|changeme|storepass|keypass|secret)$/i.test(secret),
    severity: 'error',
    envName: 'KEYSTORE_PASSWORD',
    remediation: TOOL_ROTATE,
    examples: {
      positive: [`keytool -genkeypair -alias app -keystore app.jks -storepass ${pw('k1')} -dname CN=app`, `keytool -importkeystore -srckeystore a.p12 -destkeystore a.jks -deststorepass=${pw('k2')}`, `jarsigner -keystore release.jks -storepass "${pw('k3')}" app.apk release`],
      negative: ['keytool -list -keystore cacerts -storepass changeit', 'keytool -list -keystore app.jks -storepass:env KEYSTORE_PASSWORD', 'keytool -list -keystore app.jks -storepass "$KEYSTORE_PASSWORD"'],
    },
  },
  {
    id: 'htpasswd-batch-password',
    title: 'htpasswd in batch mode with a password argument',
    provider: 'Apache httpd',
    keywords: ['htpasswd'],
    window: { before: 4, after: 300 },
    // -b takes the password from the command line: htpasswd -b[c] FILE USER PASSWORD, htpasswd -nb USER PASSWORD.
    pattern: /\bhtpasswd[ \t]+(?:-[A-Za-z]+[ \t]+)*-[A-Za-z]*b[A-Za-z]*[ \t]+(?:-[A-Za-z]+[ \t]+)*(?:[^\s-][^\s]*[ \t]+){1,2}["']?(?<secret>[^\s"'`;|&\\]{4,128})/,
    validate: realArgument,
    severity: 'error',
    envName: 'HTPASSWD_PASSWORD',
    remediation: TOOL_ROTATE,
    examples: {
      positive: [`htpasswd -b -c /etc/nginx/.htpasswd admin ${pw('h1')}`, `RUN htpasswd -Bbn ops '${pw('h2')}' > /etc/nginx/.htpasswd`],
      negative: ['htpasswd -c /etc/nginx/.htpasswd admin', 'htpasswd -b /etc/nginx/.htpasswd admin "$ADMIN_PASSWORD"', 'htpasswd -nb user password'],
    },
  },
  {
    id: 'chpasswd-password',
    title: 'Account password piped to chpasswd',
    provider: 'Linux',
    keywords: ['chpasswd'],
    window: { before: 200, after: 8 },
    pattern: /\becho[ \t]+(?:-[en][ \t]+)?["']?[\w.-]{1,32}:(?<secret>[^\s"':`$|]{4,128})["']?[ \t]*\|[ \t]*(?:sudo[ \t]+)?chpasswd\b/,
    validate: realArgument,
    severity: 'error',
    envName: 'ACCOUNT_PASSWORD',
    remediation: 'Change the account\'s password (or lock it and use SSH keys), and create accounts without passwords in images; if one is needed, read it from a build secret (RUN --mount=type=secret) or the environment.',
    examples: {
      positive: [`echo "deploy:${pw('c1')}" | chpasswd`, `RUN echo 'root:${pw('c2')}' | sudo chpasswd`],
      negative: ['echo "deploy:$DEPLOY_PASSWORD" | chpasswd', 'echo "root:root" | chpasswd', 'chpasswd < users.txt'],
    },
  },
  toolFlagRule({
    id: 'sqlcmd-password',
    title: 'SQL Server command-line tool with a password',
    provider: 'SQL Server',
    keywords: ['sqlcmd', 'bcp ', 'osql'],
    tools: 'sqlcmd|bcp|osql',
    flag: '-P[ \\t]*',
    envName: 'SQLCMDPASSWORD',
    examples: {
      positive: [`sqlcmd -S db.internal -U sa -P '${pw('q1')}' -Q "SELECT 1"`, `bcp dbo.orders out orders.dat -S db -U loader -P ${pw('q2')} -c`],
      negative: ['sqlcmd -S db.internal -U sa -P "$SA_PASSWORD" -Q "SELECT 1"', 'sqlcmd -S db.internal -E -Q "SELECT 1"', 'sqlcmd -S db -U sa -P $(SA_PASSWORD)'],
    },
  }),
  toolFlagRule({
    id: 'redis-cli-password',
    title: 'redis-cli with a password argument',
    provider: 'Redis',
    keywords: ['redis-cli'],
    tools: 'redis-cli',
    flag: '(?:-a|--pass)[ \\t]+',
    envName: 'REDISCLI_AUTH',
    examples: {
      positive: [`redis-cli -h cache.internal -a ${pw('r1')} ping`, `redis-cli --no-auth-warning -a '${pw('r2')}' INFO`],
      negative: ['redis-cli -h cache.internal -a "$REDIS_PASSWORD" ping', 'redis-cli -h cache.internal ping', 'REDISCLI_AUTH=$PW redis-cli ping'],
    },
  }),
  toolFlagRule({
    id: 'mongo-shell-password',
    title: 'MongoDB shell or tool with a password argument',
    provider: 'MongoDB',
    keywords: ['mongo'],
    tools: 'mongosh|mongo|mongodump|mongorestore|mongoexport|mongoimport',
    flag: '(?:-p|--password)(?:[ \\t]+|=)',
    envName: 'MONGO_PASSWORD',
    examples: {
      positive: [`mongosh "mongodb://db.internal" -u admin -p ${pw('m1')}`, `mongodump --host db --username backup --password="${pw('m2')}" --out /backup`],
      negative: ['mongosh "mongodb://db.internal" -u admin -p', 'mongodump --username backup --password "$MONGO_PASSWORD"', 'mongosh --port 27017'],
    },
  }),
  toolFlagRule({
    id: 'ldap-bind-password',
    title: 'LDAP tool with a bind password argument',
    provider: 'LDAP',
    keywords: ['ldapsearch', 'ldapmodify', 'ldapadd', 'ldapdelete', 'ldappasswd', 'ldapwhoami'],
    tools: 'ldap(?:search|modify|add|delete|passwd|whoami)',
    flag: '-w[ \\t]*',
    envName: 'LDAP_BIND_PASSWORD',
    remediation: 'Change the bind account\'s password, then pass it with -y (a file readable only by the job) or -W (prompt), or use SASL/Kerberos binds.',
    examples: {
      positive: [`ldapsearch -x -H ldap://ldap.internal -D "cn=admin,dc=corp" -w ${pw('l1')} -b "dc=corp"`, `ldapmodify -x -D cn=admin,dc=corp -w '${pw('l2')}' -f change.ldif`],
      negative: ['ldapsearch -x -D "cn=admin,dc=corp" -y /run/secrets/ldap -b "dc=corp"', 'ldapsearch -x -D "cn=admin,dc=corp" -w "$LDAP_PASSWORD"', 'ldapsearch -x -W -b dc=corp'],
    },
  }),
  {
    id: 'rabbitmq-user-password',
    title: 'RabbitMQ user password on a rabbitmqctl command line',
    provider: 'RabbitMQ',
    keywords: ['rabbitmqctl'],
    window: { before: 4, after: 300 },
    pattern: /\brabbitmqctl[ \t]+(?:-[\w-]+[ \t]+(?:[^\s-]\S*[ \t]+)?)*(?:add_user|change_password)[ \t]+["']?[^\s"']+["']?[ \t]+["']?(?<secret>[^\s"'`;|&\\]{4,256})/,
    validate: realArgument,
    severity: 'error',
    envName: 'RABBITMQ_PASSWORD',
    remediation: 'Change the user\'s password (rabbitmqctl change_password, reading it from stdin), or use the management HTTP API with a password from a secret store.',
    examples: {
      positive: [`rabbitmqctl add_user app ${pw('b1')}`, `rabbitmqctl -n rabbit@mq change_password admin "${pw('b2')}"`],
      negative: ['rabbitmqctl add_user app "$RABBITMQ_PASSWORD"', 'rabbitmqctl add_user app', 'rabbitmqctl list_users'],
    },
  },
  toolFlagRule({
    id: 'azure-cli-login-secret',
    title: 'Azure CLI login with a password or client secret',
    provider: 'Azure',
    keywords: ['az login'],
    tools: 'az[ \\t]+login',
    flag: '(?:-p|--password)(?:[ \\t]+|=)',
    // A certificate path is given with -p too.
    validate: (secret) => realArgument(secret) && !/\.(?:pem|crt|cer|pfx)$/i.test(secret),
    envName: 'AZURE_CLIENT_SECRET',
    remediation:
      'Delete the client secret in Entra ID (App registrations > the app > Certificates & secrets) or change the user\'s password, then log in with workload identity federation (az login --federated-token, azure/login with OIDC) or a managed identity instead of a secret.',
    examples: {
      positive: [`az login --service-principal -u http://deploy -p ${pw('a1')} --tenant corp.onmicrosoft.com`, `az login -u ops@corp.com --password="${pw('a2')}"`],
      negative: ['az login --service-principal -u "$ARM_CLIENT_ID" -p "$ARM_CLIENT_SECRET" --tenant "$ARM_TENANT_ID"', 'az login --service-principal -u http://deploy -p ./deploy.pem --tenant corp', 'az login --identity'],
    },
  }),
  {
    id: 'registry-login-stdin-literal',
    title: 'Literal password piped to a registry login',
    provider: 'Container registry',
    keywords: ['--password-stdin'],
    window: { before: 300, after: 16 },
    // --password-stdin keeps the password out of the process list, but not out of the file when echoed literally.
    pattern: /\b(?:echo|printf)[ \t]+(?:-[ne][ \t]+|%s[ \t]+|'%s'[ \t]+|"%s"[ \t]+)?["']?(?<secret>[^\s"'`$|;&]{6,512})["']?[ \t]*\|[ \t]*(?:sudo[ \t]+)?(?:docker|podman|helm[ \t]+registry|buildah|nerdctl|skopeo|oras|crane|regctl)[ \t]+(?:auth[ \t]+)?login\b[^\r\n|;&]{0,200}--password-stdin/,
    validate: realArgument,
    severity: 'error',
    envName: 'REGISTRY_PASSWORD',
    remediation: TOOL_ROTATE,
    examples: {
      positive: [`echo "${pw('e1')}" | docker login registry.corp.io -u ci --password-stdin`, `printf '%s' '${pw('e2')}' | helm registry login ghcr.io -u bot --password-stdin`],
      negative: ['echo "$REGISTRY_PASSWORD" | docker login registry.corp.io -u ci --password-stdin', 'echo ${{ secrets.GHCR_TOKEN }} | docker login ghcr.io -u bot --password-stdin', 'cat ~/token | docker login -u ci --password-stdin'],
    },
  },
];
