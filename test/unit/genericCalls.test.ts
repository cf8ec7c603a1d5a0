import { pw, suiteOf, tok } from './genericHarness';

const P = 'generic-password' as const;
const S = 'generic-secret' as const;

/** Credentials passed by position to well-known calls: no name is assigned, the call says what it is. */
suiteOf(
  'credentials passed to well-known calls',
  [
    { what: 'Go SetBasicAuth', path: 'internal/client.go', text: `req.SetBasicAuth("svc", "${pw('c1')}")`, value: pw('c1'), rule: P, keyName: 'SetBasicAuth' },
    { what: 'Go smtp.PlainAuth', path: 'mail/send.go', text: `auth := smtp.PlainAuth("", "me@corp.test", "${pw('c2')}", host)`, value: pw('c2'), rule: P },
    { what: 'a C# NetworkCredential', path: 'src/Mailer.cs', text: `var cred = new NetworkCredential("svc", "${pw('c3')}");`, value: pw('c3'), rule: P },
    { what: 'JDBC DriverManager.getConnection', path: 'src/main/java/Db.java', text: `Connection c = DriverManager.getConnection(url, "app", "${pw('c4')}");`, value: pw('c4'), rule: P },
    { what: 'a PHP PDO', path: 'src/db.php', text: `<?php $db = new PDO($dsn, 'app', '${pw('c5')}');`, value: pw('c5'), rule: P },
    { what: 'a Sequelize constructor', path: 'src/db.js', text: `const db = new Sequelize('app', 'app', '${pw('c6')}', { host: 'db' });`, value: pw('c6'), rule: P },
    { what: 'a requests auth tuple', path: 'app/client.py', text: `r = requests.get(url, auth=("svc", "${pw('c7')}"))`, value: pw('c7'), rule: P },
    { what: 'an smtplib login', path: 'app/mail.py', text: `server.login("me@corp.test", "${pw('c8')}")`, value: pw('c8'), rule: P },
    { what: 'a jsonwebtoken signing secret', path: 'src/auth.js', text: `const t = jwt.sign({ id: user.id }, '${tok('c9')}', { expiresIn: '1h' });`, value: tok('c9'), rule: S, keyName: 'jwt' },
    { what: 'a Java JWT HMAC key', path: 'src/main/java/Jwt.java', text: `Algorithm alg = Algorithm.HMAC256("${tok('c10')}");`, value: tok('c10'), rule: S },
    { what: 'a C# SymmetricSecurityKey', path: 'src/Auth.cs', text: `var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("${tok('c11')}"));`, value: tok('c11'), rule: S },
    { what: 'a Python hmac key', path: 'app/sign.py', text: `sig = hmac.new(b"${tok('c12')}", msg, hashlib.sha256)`, value: tok('c12'), rule: S },
    { what: 'a Go SignedString key', path: 'auth/jwt.go', text: `s, err := t.SignedString([]byte("${tok('c13')}"))`, value: tok('c13'), rule: S },
    { what: 'a namespaced PHP PDO', path: 'src/Db.php', text: `return new \\PDO('mysql:host=db01;dbname=shop', 'shop', '${pw('c14')}');`, value: pw('c14'), rule: P },
    { what: 'a Ruby basic_auth without parentheses', path: 'lib/clients.rb', text: `req.basic_auth 'exporter', '${pw('c15')}'`, value: pw('c15'), rule: P },
    { what: 'a C# AuthenticationHeaderValue', path: 'Services/Mail.cs', text: `client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "${tok('c16')}");`, value: tok('c16'), rule: S },
    { what: 'an Arduino MQTT connect', path: 'firmware/net.cpp', text: `mqtt.connect("device-17", "acme", "${pw('c17')}");`, value: pw('c17'), rule: P },
    { what: 'a Swift setValue bearer header', path: 'ios/App/Api.swift', text: `request.setValue("Bearer ${tok('c19')}", forHTTPHeaderField: "Authorization")`, value: tok('c19'), rule: S },
    { what: 'a CDK SecretValue.unsafePlainText', path: 'lib/db-stack.ts', text: `credentials: rds.Credentials.fromPassword('acme', SecretValue.unsafePlainText('${pw('c18')}')),`, value: pw('c18'), rule: P },
  ],
  [
    { what: 'a signing secret from the environment', path: 'src/auth.js', text: 'const t = jwt.sign({ id: user.id }, process.env.JWT_SECRET);' },
    { what: "the docs' placeholder secret", path: 'src/auth.js', text: "jwt.verify(token, 'shhhhh');" },
    { what: 'a password variable', path: 'src/db.js', text: 'const db = new Sequelize(DB, USER, PASSWORD, { host: "db" });' },
    { what: 'a login with variables', path: 'app/mail.py', text: 'server.login(user, password)' },
    { what: 'an HMAC with a key variable', path: 'src/sign.js', text: "const h = crypto.createHmac('sha256', key);" },
    { what: 'a default password in an auth tuple', path: 'app/client.py', text: 'r = requests.get(url, auth=("admin", "admin"))' },
  ],
);
