import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config';
import { log } from '../logger';

export async function ordersRoute(req: IncomingMessage, res: ServerResponse, config: Config): Promise<void> {
  log('info', 'orders request', { method: req.method, url: req.url, database: config.database.host });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ orders: [] }));
}
