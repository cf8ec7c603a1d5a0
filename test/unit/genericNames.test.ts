import { strict as assert } from 'node:assert';
import { secretSlotOf, setterProperty, splitWords, suggestedNameOf } from '../../server/src/engine/generic/names';

describe('generic detection: secret-looking names', () => {
  it('splits camelCase, snake, kebab, dotted and SCREAMING names into words', () => {
    assert.deepEqual(splitWords('spring.datasource.DBPassword2'), ['spring', 'datasource', 'db', 'password', '2']);
    assert.deepEqual(splitWords('x-api-key'), ['x', 'api', 'key']);
    assert.deepEqual(splitWords('AWS_SECRET_ACCESS_KEY'), ['aws', 'secret', 'access', 'key']);
  });

  const passwords = ['password', 'Password', 'DB_PASSWORD', 'dbPassword', 'db-password', 'spring.datasource.password', 'passwd', 'pwd', 'DB_PASS', 'dbPass', 'mysqlpassword', 'PASSWORD_PROD', 'password2', 'storePassword', 'passphrase', 'ClearTextPassword', 'clear_text_password', 'ADMIN_PW', 'ldap_bind_pw', 'rootpw', 'wifi_psk'];
  for (const name of passwords) it(`treats ${name} as a password slot`, () => assert.equal(secretSlotOf(name), 'password'));

  const secrets = [
    'secret', 'client_secret', 'clientSecret', 'token', 'auth_token', 'authToken', 'accessToken', 'GITHUB_TOKEN', 'apiKey', 'api_key',
    'API-KEY', 'apikey', 'x-api-key', 'access_key', 'AWS_SECRET_ACCESS_KEY', 'private_key', 'privateKey', 'credentials', 'credential',
    'authKey', 'auth', 'Authorization', 'secret_key', 'SECRET_KEY_BASE', 'signing_key', 'API_KEY_V2', 'refresh_token', 'privkey', 'priv_key', 'enc_key',
    // A search service's key under its section (Spring `search.api-key`), not a search-only key.
    'search.api-key', 'search.apiKey',
  ];
  for (const name of secrets) it(`treats ${name} as a secret slot`, () => assert.equal(secretSlotOf(name), 'secret'));

  const others = [
    'password_field', 'passwordHint', 'password_hint', 'tokenizer', 'max_tokens', 'token_count', 'tokenUrl', 'token_url', 'secretName',
    'secret_arn', 'keyId', 'key_id', 'key', 'public_key', 'publicKey', 'foreign_key', 'primary_key', 'passwordPolicy', 'password_length',
    'secret_path', 'token_file', 'isPassword', 'hasToken', 'hashedPassword', 'show_password', 'forgot_password', 'next_token', 'page_token',
    'csrf_token', 'pad_token', 'passThrough', 'bypass', 'compass', 'secretRef', 'passwordType', 'secret_id', 'credentials_file', 'token_type',
    'oauth', 'passwordLabel', 'apiKeyName', 'secret_version', 'keyboard', 'monkey', 'clearPassword', 'clear_token', 'X-Amz-Credential', 'x-goog-credential', 'pw_length', 'pwHint',
    // Search-only keys are public (Algolia, Typesense, Meilisearch).
    'searchApiKey', 'ALGOLIA_SEARCH_API_KEY', 'search_only_key', 'algolia.searchApiKey',
    // Digests of a secret.
    'checksum/secret', 'sha256_token', 'digest_api_key', 'DkimToken',
  ];
  for (const name of others) it(`does not treat ${name} as a secret slot`, () => assert.equal(secretSlotOf(name), undefined));

  it('reads the property a setter or builder method sets', () => {
    assert.equal(setterProperty('ds.setPassword'), 'Password');
    assert.equal(setterProperty('withApiKey'), 'ApiKey');
    assert.equal(setterProperty('set_password'), 'password');
    assert.equal(setterProperty('builder.SetToken'), 'Token');
    assert.equal(setterProperty('password'), 'password');
    assert.equal(setterProperty('settings'), 'settings');
  });

  it('suggests SCREAMING_SNAKE_CASE names', () => {
    assert.equal(suggestedNameOf('apiKey'), 'API_KEY');
    assert.equal(suggestedNameOf('DBPassword'), 'DB_PASSWORD');
    assert.equal(suggestedNameOf('spring.datasource.password'), 'SPRING_DATASOURCE_PASSWORD');
    assert.equal(suggestedNameOf('this.authToken'), 'AUTH_TOKEN');
    assert.equal(suggestedNameOf('client-secret'), 'CLIENT_SECRET');
    assert.equal(suggestedNameOf('GITHUB_TOKEN'), 'GITHUB_TOKEN');
    assert.equal(suggestedNameOf('config.apiKey', true), 'API_KEY');
    assert.equal(suggestedNameOf('spring.datasource.password', false), 'SPRING_DATASOURCE_PASSWORD');
  });
});
