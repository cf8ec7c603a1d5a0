import type { SecretRule } from '../secretRule';
import { ALNUM, chars } from '../fake';
import { isRealPassword } from '../saas/context';

/**
 * Passwords inside connection strings and URLs. The finding is always the password alone (never the
 * user or host), so a fix can swap just that part for a reference.
 */

const p = (label: string) => `${chars(ALNUM, 14, `conn:${label}`)}`;

const DB_ROTATE =
  'Change the database user\'s password now (ALTER USER / the managed database console), check the server\'s connection logs for unknown clients, then build the connection string at run time from a secret manager or the platform\'s secret store; prefer IAM or short-lived credentials where the database supports them.';

/** Schemes whose URLs other rules read (HTTP, FTP, the databases, JDBC). */
const OWN_RULE_SCHEME = /^(?:https?|ftps?|postgres(?:ql)?(?:\+[a-z0-9]+)?|mysqlx?(?:\+[a-z0-9]+)?|mariadb(?:\+[a-z0-9]+)?|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver)$/i;

/**
 * `user:password@host` after `scheme://`: the password may hold `@` and `:` (the last `@` before the
 * host ends it). The host may be interpolated (`@${host}`, `@$DB_HOST`): the password is written all the same.
 */
const CREDENTIALS_AT = `(?<user>[^\\s:@/?#"'\`<>\\\\]{0,128}):(?<secret>[^\\s/?#"'\`<>\\\\]{1,256})@(?=[A-Za-z0-9\\[._%$-])`;

function urlPattern(schemes: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9+.-])(?:${schemes})://${CREDENTIALS_AT}`, 'i');
}

const passwordOf = (secret: string, match: RegExpExecArray) => isRealPassword(secret, match.groups?.user);

function urlRule(id: string, title: string, schemes: string, keywords: string[], scheme: string, envName: string, extra: Partial<SecretRule> = {}): SecretRule {
  return {
    id,
    title,
    provider: 'Connection string',
    keywords,
    pattern: urlPattern(schemes),
    validate: passwordOf,
    severity: 'error',
    envName,
    remediation: DB_ROTATE,
    examples: {
      positive: [`DATABASE_URL=${scheme}://app:${p(`${id}1`)}@db.internal.net:5432/app`, `url = "${scheme}://svc_user:${p(`${id}2`)}@10.0.0.5/prod"`],
      negative: [
        `${scheme}://user:password@localhost/db`,
        `${scheme}://app:\${DB_PASSWORD}@db.internal.net/app`,
        `${scheme}://db.internal.net:5432/app`,
        `${scheme}://$(DB_USER):$(DB_PASS)@$(DB_HOST)/app`,
        `${scheme}://admin:admin@localhost/app`,
      ],
    },
    ...extra,
  };
}

export const connectionStringRules: SecretRule[] = [
  urlRule('postgres-connection-string', 'PostgreSQL connection string with password', 'postgres(?:ql)?(?:\\+[a-z0-9]+)?', ['postgres'], 'postgresql', 'DATABASE_URL'),
  urlRule('mysql-connection-string', 'MySQL / MariaDB connection string with password', '(?:mysqlx?|mariadb)(?:\\+[a-z0-9]+)?', ['mysql', 'mariadb'], 'mysql', 'DATABASE_URL'),
  urlRule('mongodb-connection-string', 'MongoDB connection string with password', 'mongodb(?:\\+srv)?', ['mongodb'], 'mongodb+srv', 'MONGODB_URI'),
  urlRule('redis-connection-string', 'Redis connection string with password', 'rediss?', ['redis'], 'redis', 'REDIS_URL', {
    remediation:
      'Change the Redis password or ACL user (ACL SETUSER / CONFIG SET requirepass, or the managed service console), then read the URL from a secret manager at run time.',
    examples: {
      positive: [`REDIS_URL=redis://:${p('r1')}@cache.internal:6379/0`, `url: "rediss://default:${p('r2')}@redis.example-cloud.com:6380"`],
      negative: ['redis://localhost:6379/0', 'REDIS_URL=redis://:${REDIS_PASSWORD}@cache:6379', 'redis://:pass@localhost:6379'],
    },
  }),
  urlRule('amqp-connection-string', 'AMQP (RabbitMQ) connection string with password', 'amqps?', ['amqp'], 'amqp', 'AMQP_URL', {
    remediation:
      'Change the broker user\'s password (rabbitmqctl change_password or the managed broker console), check connections for unknown clients, then read the URL from a secret manager.',
    examples: {
      positive: [`AMQP_URL=amqps://app:${p('a1')}@broker.internal:5671/vhost`, `connect("amqp://worker:${p('a2')}@rabbit:5672/")`],
      negative: ['amqp://guest:guest@localhost:5672/', 'amqp://rabbit:5672/', 'broker_url = amqp://app:%(ENV_RABBIT_PASSWORD)s@rabbit.internal:5672//'],
    },
  }),
  urlRule('mssql-connection-string', 'SQL Server connection URL with password', 'mssql|sqlserver', ['mssql', 'sqlserver'], 'sqlserver', 'DATABASE_URL'),
  {
    id: 'jdbc-connection-password',
    title: 'JDBC URL with password parameter',
    provider: 'Connection string',
    keywords: ['jdbc:'],
    window: { after: 600 },
    pattern: /jdbc:[a-z0-9]+:[^\s"'`]{0,400}?[;?&,(](?:password|pwd)=(?<secret>[^;&,)\s"'`]{1,256})/i,
    validate: (secret) => isRealPassword(secret),
    severity: 'error',
    envName: 'JDBC_PASSWORD',
    remediation: DB_ROTATE,
    examples: {
      positive: [`jdbc:postgresql://db:5432/app?user=app&password=${p('j1')}`, `url=jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=${p('j2')};encrypt=true`],
      negative: ['jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}', 'jdbc:mysql://db:3306/app?user=root&password=password'],
    },
  },
  {
    id: 'oracle-jdbc-password',
    title: 'Oracle JDBC URL with user/password',
    provider: 'Connection string',
    keywords: ['jdbc:oracle:'],
    pattern: /jdbc:oracle:(?:thin|oci):(?<user>[^/\s:@"'`]{1,128})\/(?<secret>[^@\s"'`]{1,256})@/i,
    validate: passwordOf,
    severity: 'error',
    envName: 'JDBC_PASSWORD',
    remediation: DB_ROTATE,
    examples: {
      positive: [`jdbc:oracle:thin:app/${p('or1')}@//db.internal:1521/ORCL`, `url: "jdbc:oracle:thin:svc/${p('or2')}@db.internal:1521:XE"`],
      negative: ['jdbc:oracle:thin:scott/${ORACLE_PASSWORD}@//db:1521/ORCL', 'jdbc:oracle:thin:@//db.internal:1521/ORCL'],
    },
  },
  {
    id: 'odbc-connection-password',
    title: 'ODBC / ADO.NET connection string with password',
    provider: 'Connection string',
    keywords: ['pwd', 'password'],
    window: { before: 800, after: 300 },
    pattern:
      /(?<![A-Za-z0-9_])(?:server|data source|host|address|addr|network address|uid|user id|username|user|database|initial catalog|driver|dsn)[ \t]*=[^;\r\n"'`]{0,200};(?:[^;\r\n"'`]{0,200};){0,12}?[ \t]*(?:password|pwd)[ \t]*=[ \t]*(?<secret>[^;\r\n"'`]{1,256})/i,
    validate: (secret) => isRealPassword(secret.trim()),
    severity: 'error',
    envName: 'DB_CONNECTION_STRING',
    remediation: DB_ROTATE,
    examples: {
      positive: [`"Server=tcp:db.internal,1433;Initial Catalog=app;User ID=app;Password=${p('o1')};Encrypt=True;"`, `conn = "Driver={ODBC Driver 18 for SQL Server};Server=db;Uid=svc;Pwd=${p('o2')};"`],
      negative: ['Server=myServerAddress;Database=myDataBase;Uid=myUsername;Pwd=myPassword;', 'Host=db;Database=app;Username=app;Password=$(DB_PASSWORD);', `password=${p('o3')}`],
    },
  },
  {
    id: 'go-mysql-dsn-password',
    title: 'Go MySQL driver DSN with password',
    provider: 'Connection string',
    // go-sql-driver/mysql: `user:password@tcp(host:port)/db` (also unix(...) sockets), no scheme.
    keywords: ['@tcp(', '@unix(', '@udp('],
    window: { before: 300 },
    pattern: /(?<![A-Za-z0-9_.%+-])(?<user>[A-Za-z0-9_.%+-]{1,64}):(?<secret>[^\s"'`@]{1,256})@(?:tcp|unix|udp)\(/,
    validate: passwordOf,
    severity: 'error',
    envName: 'MYSQL_DSN',
    remediation: DB_ROTATE,
    examples: {
      positive: [`db, err := sql.Open("mysql", "app:${p('g1')}@tcp(db.internal:3306)/orders?parseTime=true")`, `MYSQL_DSN=svc:${p('g2')}@unix(/var/run/mysqld/mysqld.sock)/app`],
      negative: ['sql.Open("mysql", "root:password@tcp(127.0.0.1:3306)/test")', 'dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", user, pass, host, db)', 'MYSQL_DSN=app:${DB_PASSWORD}@tcp(db:3306)/app', 'app@tcp(db:3306)/app'],
    },
  },
  {
    id: 'basic-auth-url',
    title: 'URL with embedded user name and password',
    provider: 'Basic auth',
    keywords: ['http', 'ftp'],
    pattern: urlPattern('https?|ftps?'),
    validate: passwordOf,
    severity: 'error',
    envName: 'SERVICE_PASSWORD',
    remediation:
      'Change the password (or revoke the token) used in the URL at the service that issued it, check its access logs, then pass credentials separately (an Authorization header or the tool\'s credential store) from a secret manager, never inside the URL.',
    examples: {
      positive: [`const API = "https://apiuser:${p('b1')}@api.internal.net/v2";`, `ftp://deploy:${p('b2')}@files.internal.net/upload`],
      negative: [
        'https://user:pass@example.com',
        'https://${USERNAME}:${PASSWORD}@api.internal.net',
        'https://username:password@example.com/api',
        'git clone git@github.com:org/repo.git',
        'https://api.internal.net:8443/path?q=a@b',
        'https://{{user}}:{{pass}}@config.internal.net',
      ],
    },
  },
  {
    id: 'service-url-password',
    title: 'Service URL with embedded user name and password (SMTP, SSH, LDAP, MQTT, Kafka...)',
    provider: 'Connection string',
    description: 'A URL of any other scheme with `user:password@` (mailer DSNs, SFTP and SSH, LDAP, IMAP, MQTT, SOCKS proxies, message brokers, graph and analytics databases) carries the password in clear text.',
    keywords: ['://'],
    window: { before: 40, after: 400 },
    // Starts at `://` (the keyword) so the scanner tries it only there; the scheme is read behind it.
    // Schemes with a rule of their own (HTTP, FTP, databases) are left to those rules.
    pattern: new RegExp(`(?<=(?<![A-Za-z0-9+.-])(?<scheme>[a-z][a-z0-9+.-]{1,24}))://${CREDENTIALS_AT}`, 'i'),
    validate: (secret, match) => !OWN_RULE_SCHEME.test(match.groups?.scheme ?? '') && !secret.includes(':') && passwordOf(secret, match),
    severity: 'error',
    envName: 'SERVICE_URL',
    remediation:
      'Change the password at the service the URL points to and check its logs, then build the URL at run time from a password kept in a secret manager (or use the client\'s separate password option).',
    examples: {
      positive: [
        `MAILER_DSN=smtp://apikey:${p('s1')}@smtp.sendgrid.net:587`,
        `sftp://deploy:${p('s2')}@files.internal.net:22/upload`,
        `LDAP_URL = "ldaps://cn=reader:${p('s3')}@ldap.internal.net"`,
        `broker: mqtts://sensor:${p('s4')}@mqtt.internal.net:8883`,
        `ALL_PROXY=socks5h://proxy:${p('s5')}@10.0.0.9:1080`,
      ],
      negative: [
        'smtp://user:pass@example.com',
        'MAILER_DSN=smtp://${SMTP_USER}:${SMTP_PASSWORD}@smtp.internal.net',
        'ssh://git@github.com/org/repo.git',
        `https://apiuser:${p('s6')}@api.internal.net`,
        'mqtt://broker.internal.net:1883',
        'cvs://:pserver:anoncvs@sources.example.org:/cvs/src',
      ],
    },
  },
];
