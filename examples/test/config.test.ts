import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../src/config';

test('loadConfig reads the port from the environment', () => {
  process.env.PORT = '9090';
  process.env.DATABASE_PASSWORD = randomUUID();
  process.env.SLACK_BOT_TOKEN = randomUUID();
  assert.equal(loadConfig().port, 9090);
});
