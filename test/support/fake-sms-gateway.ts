// A local SMS gateway for the driver tests: a node:http server on 127.0.0.1 (random port) that
// records every request and answers as the test says — JSON, an error status, or never.
import { once } from 'node:events';
import { type IncomingHttpHeaders, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** What to answer: a status and a JSON body, or 'hang' to keep the connection open with no answer. */
export type FakeAnswer = { status: number; json?: unknown; text?: string } | 'hang';

export interface FakeSmsGateway {
  /** host:port, for an SDK's endpoint setting. */
  host: string;
  url: string;
  requests: RecordedRequest[];
  /** Sets how the next requests are answered (default: 200 {}). */
  answer(by: (req: RecordedRequest) => FakeAnswer): void;
  /** Resolves when the gateway has received its n-th request (1-based), with that request. */
  received(n?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

export async function startFakeSmsGateway(): Promise<FakeSmsGateway> {
  let answerWith: (req: RecordedRequest) => FakeAnswer = () => ({ status: 200, json: {} });
  const requests: RecordedRequest[] = [];
  const waiters: { n: number; resolve: (r: RecordedRequest) => void }[] = [];
  const hanging = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: new URL(req.url ?? '/', 'http://fake'),
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const answer = answerWith(recorded);
      if (answer === 'hang') hanging.add(res);
      else {
        const body = answer.text ?? JSON.stringify(answer.json ?? {});
        res.writeHead(answer.status, { 'content-type': answer.text === undefined ? 'application/json' : 'text/plain' });
        res.end(body);
      }
      for (const w of waiters.filter((w) => w.n <= requests.length)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(requests[w.n - 1]!);
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(by) {
      answerWith = by;
    },
    received(n = 1) {
      if (requests.length >= n) return Promise.resolve(requests[n - 1]!);
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** An address where nothing listens: a port that was just bound and released. */
export async function closedPort(): Promise<string> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return `127.0.0.1:${port}`;
}

/** Runs `promise`, expecting it to fail; returns the error and how long it took. */
export async function failure(promise: Promise<unknown>): Promise<{ error: Error; ms: number }> {
  const started = performance.now();
  try {
    await promise;
  } catch (error) {
    return { error: error as Error, ms: performance.now() - started };
  }
  throw new Error('expected the send to fail, and it succeeded');
}
