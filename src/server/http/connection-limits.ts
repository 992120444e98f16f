// Slow and hostile clients. Without timeouts, connections that announce a body and send a byte
// every few seconds stay open for good; a few thousand of them used up the open-file limit and
// the server stopped answering even after they left. Node's own timers end them (headers, the
// whole request, idle keep-alive); connections are capped per client address and in total below
// the open-file limit; and running out of file handles anyway is logged, not fatal.
//
// Node's requestTimeout covers *receiving* a request: once a request has arrived, its response
// may take as long as it likes, so the live-event streams (GET /api/v1/events*) stay open for hours.
import { readFileSync } from 'node:fs';
import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { type TrustProxy, addressMatcher } from './legacy/client-address.js';
import { clientKey } from './rate-limit.js';

export interface ConnectionLimits {
  /** Time to receive a request's headers (HEADERS_TIMEOUT_MS). */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included (REQUEST_TIMEOUT_MS); not the response. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long (KEEP_ALIVE_TIMEOUT_MS). */
  keepAliveTimeoutMs: number;
  /** Open connections per worker process; 0 = no cap (MAX_CONNECTIONS, default below the open-file limit). */
  maxConnections: number;
  /** Open connections per client address and worker process; 0 = no cap (MAX_CONNECTIONS_PER_ADDRESS). */
  maxConnectionsPerAddress: number;
}

/** File handles kept free of connections: the store, logs, IPC with the primary, Redis, … */
const RESERVED_FILES = 128;

/** The soft limit on open files (Linux: /proc/self/limits); null when unknown or unlimited. */
export function openFileLimit(limits = '/proc/self/limits'): number | null {
  try {
    const line = readFileSync(limits, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = Number(line?.split(/\s{2,}/)[1]);
    return Number.isInteger(soft) && soft > 0 ? soft : null;
  } catch {
    return null;
  }
}

/** Default MAX_CONNECTIONS: the open-file limit less a reserve; 0 (no cap) when the limit is unknown. */
export function defaultMaxConnections(fileLimit: number | null = openFileLimit()): number {
  return fileLimit === null ? 0 : Math.max(32, fileLimit - RESERVED_FILES);
}

/** Options for http.createServer (and Fastify, which would otherwise reset two of them). */
export function serverTimeouts(limits: ConnectionLimits): { http: ServerOptions; requestTimeout: number; keepAliveTimeout: number } {
  // Node checks the headers and request timers on an interval (30 s by default): check often
  // enough that a timeout is kept to within a quarter of itself, at most every second.
  const interval = Math.min(1000, Math.max(50, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));
  return {
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: interval,
    },
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
  };
}

const WARN_EVERY_MS = 60_000;

/** Logs a problem at most once a minute per key, with how many were not logged in between. */
function throttledLog(log: FastifyBaseLogger) {
  const last = new Map<string, { at: number; suppressed: number }>();
  return (key: string, level: 'warn' | 'error', fields: Record<string, unknown>, message: string) => {
    const now = Date.now();
    const seen = last.get(key);
    if (seen && now - seen.at < WARN_EVERY_MS) {
      seen.suppressed++;
      return;
    }
    last.set(key, { at: now, suppressed: 0 });
    if (last.size > 1000) last.delete(last.keys().next().value as string);
    log[level]({ ...fields, ...(seen?.suppressed ? { suppressedSinceLast: seen.suppressed } : {}) }, message);
  };
}

/**
 * Caps connections in total and per client address, and keeps the server up when accept() runs
 * out of file handles. Connections from trusted proxies are not capped per address (every client
 * behind a proxy shares its address); with a hop count every peer is a proxy, so there is no cap.
 *
 * The total is capped here rather than with server.maxConnections: under node:cluster a worker
 * at that limit hands the connection back to the primary, which queues it and offers it again —
 * the excess piles up in the primary's file handles instead of being turned away.
 */
export function installConnectionLimits(
  server: Server,
  limits: ConnectionLimits,
  log: FastifyBaseLogger,
  trustProxy: TrustProxy = false,
  fileLimit: number | null = openFileLimit(),
): void {
  const note = throttledLog(log);
  // Out of file handles, libuv accepts and at once closes the waiting connections with a spare
  // handle it keeps for this, and goes on listening: the clients are turned away and the server
  // recovers by itself as connections close. Only if that fails does Node see the EMFILE, as an
  // 'error' on the server that would end the process without a listener. (Under node:cluster
  // the primary accepts and drops such errors itself.) Either way it is logged, once a minute.
  const outOfFiles = 'out of file handles: new connections are turned away until some close (raise the open-file limit or lower MAX_CONNECTIONS)';
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.syscall === 'accept') note('files', 'error', { err }, outOfFiles);
    else log.error({ err }, 'HTTP server error');
  });
  // libuv's recovery is silent, so the approach is watched instead: connections close to the
  // open-file limit (only reachable when MAX_CONNECTIONS is off or set above its default).
  const warnAt = fileLimit === null ? Number.POSITIVE_INFINITY : fileLimit - RESERVED_FILES / 2;
  const max = limits.maxConnections > 0 ? limits.maxConnections : Number.POSITIVE_INFINITY;
  const perAddress = limits.maxConnectionsPerAddress > 0 && typeof trustProxy !== 'number' ? limits.maxConnectionsPerAddress : 0;
  const isProxy = Array.isArray(trustProxy) ? addressMatcher(trustProxy) : () => false;
  const open = new Map<string, number>();
  let total = 0;

  server.on('connection', (socket: Socket) => {
    total++;
    socket.once('close', () => {
      total--;
    });
    if (total > max) {
      socket.destroy();
      note('max', 'warn', { maxConnections: max }, 'connection refused: MAX_CONNECTIONS reached');
      return;
    }
    if (total >= warnAt) note('files', 'error', { openConnections: total, openFileLimit: fileLimit }, outOfFiles);
    if (perAddress === 0 || isProxy(socket.remoteAddress)) return;
    const key = clientKey(socket.remoteAddress);
    const count = (open.get(key) ?? 0) + 1;
    if (count > perAddress) {
      socket.destroy();
      note(`address:${key}`, 'warn', { client: key, maxConnectionsPerAddress: perAddress }, 'connection refused: too many open connections from one address');
      return;
    }
    open.set(key, count);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
  });
}
