// What one request log line costs, in the process alone (no HTTP): Fastify's old "request
// completed" shape through the redacting logger, the same without redaction, and the line
// http/logging.ts writes now. `node --import tsx bench/log-line.ts`; lines go to /dev/null.
import { once } from 'node:events';
import { pino } from 'pino';
import { loggerOptions, redactUrl } from '../src/server/http/logging.js';

const N = 200_000;
const destination = pino.destination({ dest: '/dev/null', sync: false });
const redacting = pino(loggerOptions('info'), destination).child({ reqId: 'req-1' });
const plain = redacting.child({}, { redact: [] });
const request = { method: 'GET', url: '/api/v1/services?date=2026-11-26', ip: '127.0.0.1' };

/** Lines in chunks, the event loop let run between them so that the buffer is written out as in a server. */
async function time(name: string, line: () => void): Promise<void> {
  let ns = 0n;
  for (let chunk = 0; chunk < N / 10_000 + 2; chunk++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 10_000; i++) line();
    if (chunk >= 2) ns += process.hrtime.bigint() - start; // the first two chunks warm up
    await new Promise((r) => setImmediate(r));
  }
  process.stdout.write(`| ${name} | ${(Number(ns) / N / 1000).toFixed(2)} |\n`);
}

await once(destination, 'ready');
process.stdout.write('| one line | µs |\n|---|---|\n');
await time('req/res objects, through pino redaction (paths *.idCard, *.*.phone, …)', () =>
  redacting.info({ req: request, res: { statusCode: 200 }, responseTime: 0.42 }, 'request completed'),
);
await time('req/res objects, no redaction', () => plain.info({ req: request, res: { statusCode: 200 }, responseTime: 0.42 }, 'request completed'));
await time('the line written now: flat fields, URL redacted by redactUrl, no redaction pass', () =>
  plain.info({ reqId: 'req-1', method: request.method, url: redactUrl(request.url), status: 200, ms: 0.42, ip: request.ip }, 'request'),
);
destination.end();
