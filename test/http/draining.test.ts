// Draining (SIGTERM → app.close()): a request already in flight finishes; the next one on the same
// connection gets the documented error body, and is told to come back later on a new connection.
import { once } from 'node:events';
import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits what came back on one connection into its HTTP/1.1 responses (all with Content-Length). */
function responses(raw: string): RawResponse[] {
  const out: RawResponse[] = [];
  let rest = Buffer.from(raw);
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    const [statusLine = '', ...lines] = rest.subarray(0, end).toString().split('\r\n');
    const headers = Object.fromEntries(
      lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    const length = Number(headers['content-length']);
    out.push({ status: Number(statusLine.split(' ')[1]), headers, body: rest.subarray(end + 4, end + 4 + length).toString() });
    rest = rest.subarray(end + 4 + length);
  }
  return out;
}

async function until(condition: () => boolean, waitMs = 10_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.store.close());

describe('while the server drains', () => {
  it('answers 503 SHUTTING_DOWN with the documented body, Retry-After and connection: close', async () => {
    const { port } = t.app.server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    socket.setEncoding('latin1');
    let raw = '';
    socket.on('data', (chunk: string) => {
      raw += chunk;
    });
    await once(socket, 'connect');

    // A kiosk's booking is in flight: its body has not fully arrived when the drain begins.
    const body = JSON.stringify({ serviceId: 4, date: '2026-11-25', slot: '14:00', ...person(7001) });
    const received = once(t.app.server, 'request');
    socket.write(
      `POST /api/v1/bookings HTTP/1.1\r\nHost: hall.test\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    await received;
    const closed = t.app.close();
    await until(() => !t.app.server.listening);

    // The rest of it, and the next request on the same connection.
    socket.write(`${body.slice(10)}GET /api/v1/services HTTP/1.1\r\nHost: hall.test\r\nAccept-Language: en\r\n\r\n`);
    await once(socket, 'end');
    await closed;

    const [inFlight, next] = responses(raw);
    expect(inFlight?.status).toBe(201);
    expect(next?.status).toBe(503);
    expect(JSON.parse(next?.body ?? '')).toEqual({
      code: 'SHUTTING_DOWN',
      message: 'The server is restarting; please try again shortly',
    });
    expect(next?.headers['content-type']).toMatch(/^application\/json/);
    expect(next?.headers.connection).toBe('close');
    expect(Number(next?.headers['retry-after'])).toBeGreaterThan(0);
  });
});
