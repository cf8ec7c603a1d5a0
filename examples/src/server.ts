import { createServer } from 'node:http';
import { loadConfig } from './config';
import { healthRoute } from './routes/health';
import { ordersRoute } from './routes/orders';
import { log } from './logger';

const config = loadConfig();

const server = createServer(async (req, res) => {
  if (req.url === '/health') return healthRoute(req, res);
  if (req.url?.startsWith('/orders')) return ordersRoute(req, res, config);
  res.writeHead(404).end();
});

server.listen(config.port, () => log('info', `orders-service listening on ${config.port}`));
