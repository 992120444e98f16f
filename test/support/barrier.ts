// The test's side of start-barrier.mjs: waits until `parties` processes have arrived, then lets
// them all go in the same moment.
import { once } from 'node:events';
import { type Socket, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const BARRIER_PRELOAD = fileURLToPath(new URL('./start-barrier.mjs', import.meta.url));

export interface Barrier {
  /** Environment that makes a process wait at the barrier (preloaded through NODE_OPTIONS). */
  env: Record<string, string>;
  /** Resolves when every party is waiting; then releases them all. */
  release(): Promise<void>;
  close(): void;
}

export async function openBarrier(parties: number): Promise<Barrier> {
  const waiting: Socket[] = [];
  let arrived: () => void = () => {};
  const all = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const server = createServer((socket) => {
    waiting.push(socket);
    if (waiting.length === parties) arrived();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    env: { VRESERVE_TEST_BARRIER: String(port), NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${BARRIER_PRELOAD}`.trim() },
    async release() {
      await all;
      for (const s of waiting) s.end('go');
    },
    close() {
      for (const s of waiting) s.destroy();
      server.close();
    },
  };
}
