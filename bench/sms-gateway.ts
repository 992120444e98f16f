// A fake SMS gateway for bench/messages.ts, run as a child process so that its work does not share
// the bench driver's event loop: `node --import tsx bench/sms-gateway.ts`, port from PORT (0 = any;
// the port is printed as `listening <port>`). Any POST path is a gateway of its own; a path ending
// in `/slow/<ms>` answers after <ms> milliseconds, any other at once, always `200 {"id":"…"}`.
// GET /stats?path=/p gives what that path received: distinct Idempotency-Keys, duplicates, and the
// times (Unix ms) of the first and of the last new key.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayStats {
  requests: number;
  distinct: number;
  duplicates: number;
  firstAt: number | null;
  lastAt: number | null;
}

const byPath = new Map<string, { keys: Set<string>; stats: GatewayStats }>();
let ids = 0;

function of(path: string) {
  let entry = byPath.get(path);
  if (!entry) {
    entry = { keys: new Set(), stats: { requests: 0, distinct: 0, duplicates: 0, firstAt: null, lastAt: null } };
    byPath.set(path, entry);
  }
  return entry;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://gateway');
  if (req.method === 'GET' && url.pathname === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(of(url.searchParams.get('path') ?? '/').stats));
    return;
  }
  // The body is not needed (the driver's tests check it): drain it and answer.
  req.resume();
  req.on('end', () => {
    const entry = of(url.pathname);
    const key = String(req.headers['idempotency-key'] ?? '');
    const now = Date.now();
    entry.stats.requests++;
    if (entry.keys.has(key)) entry.stats.duplicates++;
    else {
      entry.keys.add(key);
      entry.stats.distinct++;
      entry.stats.firstAt ??= now;
      entry.stats.lastAt = now;
    }
    const delay = Number(/\/slow\/(\d+)$/.exec(url.pathname)?.[1] ?? 0);
    const answer = () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `fake-${++ids}` }));
    };
    if (delay > 0) setTimeout(answer, delay);
    else answer();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
