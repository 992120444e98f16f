// A second view of the flash crowd's latency for bench/run.ts. wrk's 50 connections are a closed
// loop: each waits for its answer before asking again. The probe is one more citizen on a
// connection of its own, pressing 预约 every 10 ms (on another service's day, so the crowd's 200
// places stay the crowd's), and timing each answer from outside the server. The server's own time
// for each request (the `ms` of its log lines) is read from its log.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { composeIdCard } from '../src/domain/id-card.js';

export interface Spread {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const xs = [...values].sort((a, b) => a - b);
  const at = (p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
  return { n: xs.length, p50: at(0.5), p99: at(0.99), max: xs[xs.length - 1] ?? 0 };
}

/** A valid ID card number for citizen n (born 1970-01-01, sequence n % 1000 under region 110106 + n / 1000). */
const idCard = (n: number) => composeIdCard(`${String(110106 + Math.floor(n / 1000)).padStart(6, '0')}19700101${String(n % 1000).padStart(3, '0')}`);

/** Starts the probe; `stop()` ends it and gives the latencies it measured, in ms. */
export function startProbe(base: string, mode: 'real' | 'ref', day: { serviceId: number; date: string; slot: string }): { stop(): Promise<Spread> } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const path = mode === 'real' ? '/api/v1/bookings' : '/book';
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    for (let n = 0; running; n++) {
      const who = mode === 'real' ? { idCard: idCard(n), phone: `137${String(n).padStart(8, '0')}` } : { idHash: `probe-id-${n}`, phoneHash: `probe-phone-${n}` };
      const body = JSON.stringify({ ...day, ...who });
      const t = performance.now();
      await new Promise<void>((resolve) => {
        const req = request(`${base}${path}`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => resolve());
        });
        req.on('error', () => resolve());
        req.end(body);
      });
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      return spread(latencies);
    },
  };
}

/** The server's own time (ms, from its log lines) for the POSTs to `path` logged so far. */
export function serverTimes(log: string, path: string): Spread {
  const ms: number[] = [];
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    if (!line.includes(`"url":"${path}"`)) continue;
    try {
      const entry = JSON.parse(line) as { method?: string; ms?: number };
      if (entry.method === 'POST' && typeof entry.ms === 'number') ms.push(entry.ms);
    } catch {
      // a line of another shape (the start-up banner)
    }
  }
  return spread(ms);
}
