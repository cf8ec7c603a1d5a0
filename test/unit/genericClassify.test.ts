import { strict as assert } from 'node:assert';
import { credentialSpan, isHighEntropySecret, isPasswordLike, judge } from '../../server/src/engine/generic/classify';
import { ALNUM, BASE64, BASE64URL, chars, HEX, LOWER_ALNUM, seededRandom } from '../../server/src/engine/rules/fake';

describe('generic detection: value classifier', () => {
  it('accepts human passwords with some complexity', () => {
    for (const v of ['Winter2024!', 'hunter2!X', 'Tr0ub4dor&3', chars(ALNUM, 8, 'cls:pw') + '9']) assert.ok(isPasswordLike(v), `password #${v.length}`);
    // Random letters around a dash or an underscore are not joined words (their letters are not spelt as words).
    const letters = ALNUM.replace(/[0-9]/g, '');
    for (const [i, v] of [`${chars(letters, 4, 'cls:jw1')}-${chars(letters, 12, 'cls:jw2')}8`, `${chars(letters, 18, 'cls:jw3')}_2-`].entries()) assert.ok(isPasswordLike(v), `random joined #${i}`);
  });

  it('accepts passphrases of joined words, and not names made of joined words', () => {
    // Generated passphrases: seeded picks from a word list, joined the ways people join them.
    const random = seededRandom(7);
    const WORDS = ['amber', 'falcon', 'harbor', 'quiet', 'meadow', 'copper', 'lantern', 'violet', 'glacier', 'thistle', 'orchid', 'saffron'];
    const pick = () => WORDS[Math.floor(random() * WORDS.length)];
    const title = (w: string) => w[0].toUpperCase() + w.slice(1);
    const passphrases = [
      [pick(), pick(), pick(), pick()].join('-'),
      `${title(pick())}_${pick()}_${pick()}`,
      `${pick()}.${pick()}.${pick()}.${Math.floor(random() * 900 + 100)}`,
      `${title(pick())}${title(pick())}-${Math.floor(random() * 900 + 100)}`,
    ];
    for (const [i, v] of passphrases.entries()) assert.ok(isPasswordLike(v), `passphrase #${i}`);
    const names = [
      'read-only-user', 'orders-db-primary', 'release-v2-key', 'prod-mysql-root', 'correct-horse-battery-staple', 'foo-bar-baz',
      'ldap-bind-secret', 'keystore.pass.file', 'spring.datasource.password', 'my.app.settings', 'blue-green', 'webapp-internal-2024',
      '&lt;must-be-changed&gt;', 'user_service_account',
    ];
    for (const [i, v] of names.entries()) assert.ok(!isPasswordLike(v), `name #${i}`);
  });

  it('rejects non-passwords', () => {
    const values = [
      '', 'abc1!', 'password', 'changeme', 'xxxxxxxx', '********', 'null', 'None', 'true', 'MyPassword', 'passwordfield', '12345678',
      '123456789', 'Passw0rd!', 'admin123', '<your-password>', '${DB_PASSWORD}', '%DB_PASSWORD%', '$(pass show db)', 'Enter your password',
      'https://example.com/login', '/etc/app/password.txt', 'getPassword()', 'DB_PASSWORD', 'user.password', '%s', '{0}', ':password',
      'ENC[AES256_GCM,data:x]', 'db-password-v2', ':attr:`Parameter.empty`', 'svc-user:password',
      // A message in another script (a locale file's LOGIN_USING_HASHED_PASSWORD entry).
      'ハッシュ化されたパスワード $HASHED_PASSWORD を使用してログイン中', '\\d+\\.\\d+-rc\\w*', '&authMechanism=MONGODB-OIDC&authSource=$external',
      // Translated labels: one accented letter is not a symbol.
      'Contraseña', 'Lösenord', 'Jelszó', 'Parolă', 'Mot de passe',
      // Descriptions with emphasis, and Spring Cloud Config's encrypted values.
      '32-character-random-string-here!!', 'minimum-32-characters-long-secret!', `{cipher}AQB${chars(ALNUM, 60, 'cls:cipher')}`,
      // Stored password hashes (Django fixtures, Werkzeug, crypt).
      `pbkdf2_sha256$600000$${chars(ALNUM, 22, 'cls:salt')}$${chars(ALNUM, 43, 'cls:h1')}=`,
      `argon2$argon2id$v=19$m=102400,t=2,p=8$${chars(ALNUM, 22, 'cls:s2')}$${chars(ALNUM, 22, 'cls:h2')}`,
      `bcrypt_sha256$$2b$12$${chars(ALNUM, 53, 'cls:h3')}`,
      `!${chars(ALNUM, 40, 'cls:h4')}`,
      `pbkdf2:sha256:600000$${chars(ALNUM, 16, 'cls:s5')}$${chars(HEX, 64, 'cls:h5')}`,
      // Spring, LDAP, Jenkins, PostgreSQL and MySQL hash formats; labels ending in a colon.
      `{bcrypt}$2a$10$${chars(ALNUM, 53, 'cls:h6')}`, `{SSHA}${chars(BASE64, 32, 'cls:h7')}`, `#jbcrypt:$2a$10$${chars(ALNUM, 53, 'cls:h8')}`,
      `md5${chars(HEX, 32, 'cls:h9')}`, `*${chars(HEX, 40, 'cls:h10').toUpperCase()}`, 'Wachtwoord:', 'Parool:', 'Contraseña*',
    ];
    for (const [i, v] of values.entries()) assert.ok(!isPasswordLike(v), `non-password #${i}`);
    // Spring's {noop} prefix marks a clear-text password.
    assert.ok(isPasswordLike(`{noop}${chars(ALNUM, 10, 'cls:noop')}#4`));
  });

  it('rejects public keys, addresses and sealed ciphertext as secrets', () => {
    const values = [
      `MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${chars(BASE64, 300, 'cls:spki')}IDAQAB`,
      `MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${chars(BASE64, 86, 'cls:ec')}`,
      `0x${chars(HEX, 40, 'cls:addr')}`,
      `Ag${chars(BASE64, 700, 'cls:sealed')}==`,
    ];
    for (const [i, v] of values.entries()) assert.ok(!isHighEntropySecret(v), `public or sealed #${i}`);
    // A 64-hex private key keeps its `0x`.
    assert.ok(isHighEntropySecret(`0x${chars(HEX, 64, 'cls:pk')}`));
  });

  it('accepts random tokens of several alphabets', () => {
    const values = [
      chars(ALNUM, 32, 'cls:1'), chars(HEX, 40, 'cls:2'), chars(BASE64, 44, 'cls:3'), chars(BASE64URL, 43, 'cls:4'), chars(LOWER_ALNUM, 24, 'cls:5'),
      // Braces by chance in a random key are not a format field.
      `${chars(ALNUM, 20, 'cls:6')}{nM1}${chars(ALNUM, 12, 'cls:7')}`,
      // A user and a real password in one value.
      `svc-deploy:${chars(ALNUM, 24, 'cls:8')}`,
    ];
    for (const [i, v] of values.entries()) assert.ok(isHighEntropySecret(v), `token #${i}`);
  });

  it('takes random letters with few digits for a token, and camelCase names for words', () => {
    // Random mixed-case values change case often, but their case runs can look like words (`Pwenj`,
    // `Hybnm` have vowels): the letter pairs tell them apart. Seeded: the same values every run.
    const random = seededRandom(61);
    let tried = 0;
    let missed = 0;
    while (tried < 2000) {
      const value = chars(ALNUM, 16 + Math.floor(random() * 9), `cls:few-digits:${tried + missed * 7919 + Math.floor(random() * 1e9)}`);
      if ((value.match(/\d/g)?.length ?? 0) > 2) continue;
      tried++;
      if (!isHighEntropySecret(value)) missed++;
    }
    // Before the letter-pair test about 4 in 100 such values were missed; now fewer than 1 in 100.
    assert.ok(missed < 20, `${missed} of ${tried} random values missed`);
    const names = ['platformAuthDomGetToken', 'XMLHttpRequestUpload', 'getHTTPResponseHeaders', 'resolveWebviewProvider', 'JwtSigningKeyFromVault', 'UnknownKeywordSymbol', 'webkitTextSizeAdjust'];
    for (const name of names) assert.ok(!isHighEntropySecret(name), name);
  });

  it('rejects low-entropy, short, structured or referenced values', () => {
    const values = [
      chars(ALNUM, 12, 'cls:short'), 'aaaaaaaaaaaaaaaaaaaa', '0123456789abcdef0123', 'my-secret-name-for-prod', 'thisIsMyVariableName',
      'ANOTHER_SECRET_NAME_HERE', '6ba7b810-9dad-11d1-80b4-00c04fd430c8', `sha512-${chars(BASE64, 40, 'cls:sri')}`,
      `sha256:${chars(HEX, 64, 'cls:digest')}`, 'https://example.com/oauth/token', 'projects/p/secrets/s/versions/1',
      'com.example.security.TokenService', 'your-api-key-goes-here-please', '/var/run/secrets/kubernetes.io/token',
      'platformAuthDOMGetToken', 'configurationmanagerservice', 'AbstractTokenProviderFactory',
      // Masked in part, as CLIs and dashboards print keys.
      `${chars(BASE64, 17, 'cls:masked')}***`, `sk-${chars(ALNUM, 12, 'cls:dots')}••••••`,
      // A library's sentinel string, and a message in another script.
      '__ES6-PROMISIFY--CUSTOM-ARGUMENTS__', 'TOKEN_Ключ_доступа_истёк2024',
      // A user and a default password in one value; documentation roles.
      'user%40email.com:password', 'deploy-bot:changeme', ':attr:`Parameter.empty`', '\\[rB]@\\[lB]<hostname>\\[lB]:<port>',
      // Regular expressions and query strings.
      '[a-zA-Z0-9-_]+)/versions/', '^(?P<name>[^/]+)$', '\\d+\\.\\d+-rc\\w*', '&authMechanism=MONGODB-OIDC&authSource=$external',
      // Format strings: index, snake_case, camelCase and PascalCase fields.
      `${chars(ALNUM, 12, 'cls:f1')}{0}${chars(ALNUM, 12, 'cls:f2')}`, `https://${chars(LOWER_ALNUM, 10, 'cls:f3')}/{user_id}/keys/{keyId}`, `Key{AccountName}${chars(ALNUM, 16, 'cls:f4')}`,
    ];
    for (const [i, v] of values.entries()) assert.ok(!isHighEntropySecret(v), `non-token #${i}`);
  });

  it('takes a strong human password under a token or key name for a password, and not identifiers', () => {
    assert.equal(judge('secret', `Harbor${chars('0123456789', 4, 'cls:tok')}*x`), 'generic-password');
    assert.equal(judge('secret', 'AWS::S3::DisableS3ExpressSessionAuth'), undefined);
    assert.equal(judge('secret', '_win32typing.PyCredHandle'), undefined);
    assert.equal(judge('secret', 'Bearer'), undefined);
  });

  it('judges by slot: passwords for password names, entropy for token names', () => {
    assert.equal(judge('password', 'Winter2024!'), 'generic-password');
    // A strong human password under a token name is a password (it was ignored before 2026-12-08).
    assert.equal(judge('secret', 'Winter2024!'), 'generic-password');
    assert.equal(judge('secret', 'winter2024'), undefined);
    assert.equal(judge('secret', chars(ALNUM, 32, 'cls:j')), 'generic-secret');
    assert.equal(judge('password', chars(ALNUM, 32, 'cls:j2')), 'generic-password');
  });

  it('narrows Bearer and Basic credentials to the credential part', () => {
    assert.deepEqual(credentialSpan('Bearer abc.def'), [7, 14]);
    assert.deepEqual(credentialSpan('Basic dXNlcjpwYXNz'), [6, 18]);
    assert.deepEqual(credentialSpan('abc'), [0, 3]);
  });
});
