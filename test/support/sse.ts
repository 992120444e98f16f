// A small Server-Sent Events reader for tests: collects events and lets a test wait for one.
export interface SseEvent {
  id: number;
  type: string;
  data: Record<string, unknown>;
  receivedAt: number;
}

export interface SseStream {
  events: SseEvent[];
  waitFor(pred: (e: SseEvent) => boolean, timeoutMs: number): Promise<SseEvent>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`SSE ${url}: HTTP ${res.status}`);
  return readSse(res.body as unknown as AsyncIterable<Uint8Array>, () => controller.abort());
}

/** Reads an event stream from any body (a fetch body, or an https response with its own CA). */
export function readSse(body: AsyncIterable<Uint8Array>, close: () => void): SseStream {
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((l) => l && !l.startsWith(':'))
              .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trimStart()]),
          );
          if (fields.data !== undefined && fields.event) {
            events.push({ id: Number(fields.id), type: fields.event, data: JSON.parse(fields.data), receivedAt: Date.now() });
            for (const w of waiters) w();
          }
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    waitFor(pred, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(pred);
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${events.map((e) => e.type).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close,
  };
}
