import { Pool } from 'pg';
import type { Config } from './config';

export function createPool(config: Config): Pool {
  return new Pool({
    host: config.database.host,
    database: config.database.name,
    user: config.database.user,
    password: config.database.password,
    max: 10,
  });
}

/** Read-only reporting replica. */
export const reportingPool = new Pool({
  connectionString: "postgres://reporting:{{fake:url-password:db-reporting}}@reporting-db.internal:5432/orders",
});
