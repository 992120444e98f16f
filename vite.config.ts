// One Vite SPA for every front end (src/web), built into dist/web where the server serves it.
// `npm run dev` starts Vite with hot reload and, beside it, the API server in watch mode.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';
import { precompress } from './vite.precompress.js';

const API_PORT = Number(process.env.API_PORT ?? 8080);

/** Runs `tsx watch src/server/main.ts serve` while the dev server runs (set DEV_API=off to skip). */
function apiServer(): Plugin {
  let child: ChildProcess | null = null;
  return {
    name: 'vreserve-api-server',
    apply: 'serve',
    configureServer(server) {
      if (process.env.DEV_API === 'off' || child) return;
      child = spawn('npx', ['tsx', 'watch', 'src/server/main.ts', 'serve'], {
        stdio: 'inherit',
        env: { WORKERS: '1', ...process.env, PORT: String(API_PORT) },
      });
      const stop = () => {
        child?.kill('SIGTERM');
        child = null;
      };
      server.httpServer?.on('close', stop);
      process.once('exit', stop);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react(), apiServer(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Maps stay beside the build for whoever runs it, unreferenced and never served (web.routes.ts).
    sourcemap: 'hidden',
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${API_PORT}`,
      '/readyz': `http://127.0.0.1:${API_PORT}`,
    },
  },
});
