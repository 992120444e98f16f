// docs/deploy.md, tried: the files in deploy/ as written. Two instances started the way the
// systemd unit starts them (its ExecStart and Environment, the example settings file, the built
// server, NODE_ENV=production) on PostgreSQL and Redis, and Debian's nginx with the site file in
// front of them over TLS: a booking, live events on streams held by both instances, the HTTPS
// headers and the client address the instances read through the proxy.
//
// Needs nginx, openssl and the built server (`npm run build`): without them the test is skipped
// with the reason, except under CI=true, where that is a failure (.ci/run installs nginx).
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../e2e/support/browser.js';
import { CHROMIUM } from '../e2e/support/chromium.js';
import { person } from '../support/people.js';
import { type ServerProcess, freePort, startServer } from '../support/server-process.js';
import { type SseStream, readSse } from '../support/sse.js';
import { type TempDatabase, createTempDatabase } from '../support/stores.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SITE = join(ROOT, 'deploy/nginx/vreserve.conf');
const UNIT = join(ROOT, 'deploy/vreserve@.service');
const ENV_FILE = join(ROOT, 'deploy/vreserve.env.example');
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const CERT_PATHS = {
  cert: '/etc/ssl/vreserve/fullchain.pem',
  key: '/etc/ssl/vreserve/privkey.pem',
};

/** A missing tool or service: skipped with the reason, or under CI a failure. */
function missing(reason: string): null {
  if (process.env.CI === 'true') throw new Error(`${reason} (CI requires it)`);
  console.warn(`skipping the nginx deployment test: ${reason}`);
  return null;
}

function findProgram(name: string): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin']) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** `text` with each of `pairs` replaced exactly once: the shipped file must still say what the test expects. */
function rewrite(text: string, pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    const count = out.split(from).length - 1;
    if (count !== 1) throw new Error(`deploy file: expected "${from}" once, found it ${count} times`);
    out = out.replace(from, to);
  }
  return out;
}

/** KEY=VALUE lines of an environment file, as systemd reads them (no quotes used here). */
function envFile(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** What the unit runs for instance `port`: its ExecStart and its Environment= lines. */
function unitFor(port: number): {
  command: string[];
  env: Record<string, string>;
} {
  const lines = readFileSync(UNIT, 'utf8')
    .split('\n')
    .map((l) => l.replaceAll('%i', String(port)));
  const exec =
    lines
      .find((l) => l.startsWith('ExecStart='))
      ?.slice('ExecStart='.length)
      .split(' ') ?? [];
  const env = envFile(
    lines
      .filter((l) => l.startsWith('Environment='))
      .map((l) => l.slice('Environment='.length))
      .join('\n'),
  );
  // The unit names the system's node; here it is the node running the tests.
  return {
    command: [exec[0] === '/usr/bin/node' ? process.execPath : (exec[0] as string), ...exec.slice(1)],
    env,
  };
}

async function redisAnswers(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('nginx in front of two instances, as docs/deploy.md sets them up', () => {
  let dir = '';
  let nginxBin = '';
  let ca = '';
  let httpsPort = 0;
  let httpPort = 0;
  let temp: TempDatabase | null = null;
  let nginx: ChildProcess | null = null;
  let nginxLog = '';
  const instances: ServerProcess[] = [];
  const streams: SseStream[] = [];

  /** A request to nginx over TLS, trusting only the test's certificate; `from` picks the client address. */
  function viaNginx(
    method: string,
    path: string,
    opts: {
      body?: unknown;
      from?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Answer> {
    return new Promise((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: httpsPort,
          method,
          path,
          ca,
          servername: 'yuyue.example.gov.cn',
          localAddress: opts.from,
          headers: {
            ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...opts.headers,
          },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            body += c;
          });
          res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', fail);
      req.end(opts.body === undefined ? undefined : JSON.stringify(opts.body));
    });
  }

  /** Books the first open place of a service (the clock is the real one: production refuses a simulated one). */
  async function bookThroughNginx(serviceId: number, who: number): Promise<{ date: string; slot: string }> {
    const days = JSON.parse((await viaNginx('GET', `/api/v1/services/${serviceId}/availability?days=7`)).body) as {
      days: { date: string; slots: { start: string; bookable: boolean }[] }[];
    };
    const open = days.days.flatMap((d) => d.slots.filter((s) => s.bookable).map((s) => ({ date: d.date, slot: s.start })))[0];
    expect(open, 'a bookable slot within the next 7 days').toBeDefined();
    const booking = await viaNginx('POST', '/api/v1/bookings', { body: { serviceId, date: open!.date, slot: open!.slot, ...person(who) } });
    expect(booking.status).toBe(201);
    return open!;
  }

  function openStream(path: string): Promise<{ stream: SseStream; headers: Answer['headers'] }> {
    return new Promise((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: httpsPort,
          path,
          ca,
          servername: 'yuyue.example.gov.cn',
          headers: { accept: 'text/event-stream' },
        },
        (res) => {
          if (res.statusCode !== 200) return fail(new Error(`SSE ${path} through nginx: HTTP ${res.statusCode}`));
          const stream = readSse(res, () => req.destroy());
          streams.push(stream);
          done({ stream, headers: res.headers });
        },
      );
      req.on('error', fail);
      req.end();
    });
  }

  beforeAll(async () => {
    nginxBin = findProgram('nginx') ?? '';
    if (!nginxBin) return missing('nginx is not installed (Debian: apt-get install nginx)');
    if (!findProgram('openssl')) return missing('openssl is not installed');
    if (!existsSync(join(ROOT, 'dist/server/main.js'))) return missing('the server is not built (npm run build)');
    if (!(await redisAnswers())) return missing(`Redis at ${REDIS_URL} does not answer`);
    temp = await createTempDatabase('postgres');
    if (!temp) return;

    dir = mkdtempSync(join(tmpdir(), 'vreserve-nginx-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=yuyue.example.gov.cn',
        '-addext',
        'subjectAltName=DNS:yuyue.example.gov.cn',
        '-keyout',
        join(dir, 'privkey.pem'),
        '-out',
        join(dir, 'fullchain.pem'),
      ],
      { stdio: 'ignore' },
    );
    ca = readFileSync(join(dir, 'fullchain.pem'), 'utf8');

    // Two instances as systemd starts them: the unit's Environment= lines, overridden by the
    // settings file (systemd's order), and only the store, key and folder changed for the test.
    const ports = [await freePort(), await freePort()];
    const settings = envFile(readFileSync(ENV_FILE, 'utf8'));
    const started = await Promise.all(
      ports.map((port) => {
        const unit = unitFor(port);
        return startServer(
          {
            ...unit.env,
            ...settings,
            DATABASE_URL: temp!.url,
            SECRET: 'nginx-test-secret-0123456789abcdef',
            REDIS_URL,
            DATA_DIR: dir,
          },
          { command: unit.command, port },
        );
      }),
    );
    instances.push(...started);

    httpsPort = await freePort();
    httpPort = await freePort();
    const site = rewrite(readFileSync(SITE, 'utf8'), [
      ['listen 80;', `listen 127.0.0.1:${httpPort};`],
      ['listen [::]:80;', ''],
      ['listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`],
      ['listen [::]:443 ssl http2;', ''],
      [CERT_PATHS.cert, join(dir, 'fullchain.pem')],
      [CERT_PATHS.key, join(dir, 'privkey.pem')],
      ['server 127.0.0.1:8080 ', `server 127.0.0.1:${ports[0]} `],
      ['server 127.0.0.1:8081 ', `server 127.0.0.1:${ports[1]} `],
    ]);
    writeFileSync(join(dir, 'site.conf'), site);
    writeFileSync(
      join(dir, 'nginx.conf'),
      [
        'daemon off;',
        'worker_processes 1;',
        `pid ${dir}/nginx.pid;`,
        // "start worker processes" at notice level tells that the ports are bound.
        'error_log stderr notice;',
        ...(process.getuid?.() === 0 ? ['user root;'] : []),
        'events {}',
        'http {',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t}_temp;`),
        `  include ${dir}/site.conf;`,
        '}',
      ].join('\n'),
    );
    nginx = spawn(nginxBin, ['-c', join(dir, 'nginx.conf'), '-p', dir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await new Promise<void>((ready, fail) => {
      nginx!.stderr!.on('data', (c: Buffer) => {
        nginxLog += c.toString();
        if (nginxLog.includes('start worker process')) ready();
      });
      nginx!.once('exit', (code) => fail(new Error(`nginx exited with ${code}:\n${nginxLog}`)));
    });
    return undefined;
  }, 120_000);

  afterAll(async () => {
    for (const s of streams) s.close();
    if (nginx && nginx.exitCode === null) {
      nginx.kill('SIGQUIT');
      await once(nginx, 'exit');
    }
    await Promise.all(instances.map((s) => s.stop()));
    await temp?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the site file passes `nginx -t` as shipped (only the certificate paths changed), also inside Debian’s nginx.conf', (c) => {
    if (!nginx) return c.skip();
    const asShipped = rewrite(readFileSync(SITE, 'utf8'), [
      [CERT_PATHS.cert, join(dir, 'fullchain.pem')],
      [CERT_PATHS.key, join(dir, 'privkey.pem')],
    ]);
    writeFileSync(join(dir, 'shipped.conf'), asShipped);
    writeFileSync(join(dir, 'minimal.conf'), `pid ${dir}/t.pid;\nerror_log stderr;\nevents {}\nhttp {\n  include ${dir}/shipped.conf;\n}\n`);
    const minimal = spawnSync(nginxBin, ['-t', '-c', join(dir, 'minimal.conf'), '-p', dir], { encoding: 'utf8' });
    expect(minimal.stderr).toContain('test is successful');
    expect(minimal.status).toBe(0);

    // Debian's own nginx.conf, with the site where sites-enabled would be.
    const debian = '/etc/nginx/nginx.conf';
    if (!existsSync(debian)) return;
    const main = rewrite(readFileSync(debian, 'utf8'), [['/etc/nginx/sites-enabled/*', join(dir, 'shipped.conf')]]);
    writeFileSync(join(dir, 'debian.conf'), main.replace(/^pid .*$/m, `pid ${dir}/d.pid;`));
    const inDebian = spawnSync(nginxBin, ['-t', '-c', join(dir, 'debian.conf'), '-p', dir, '-g', 'error_log stderr;'], { encoding: 'utf8' });
    expect(inDebian.stderr).toContain('test is successful');
    expect(inDebian.status).toBe(0);
  });

  it('the systemd unit has no mistakes systemd would ignore', (c) => {
    if (!nginx) return c.skip();
    const analyze = findProgram('systemd-analyze') ?? missing('systemd-analyze is not installed (Debian: apt-get install systemd)');
    if (!analyze) return c.skip();
    const copy = join(dir, 'vreserve@8080.service');
    writeFileSync(copy, readFileSync(UNIT, 'utf8'));
    const r = spawnSync(analyze, ['verify', '--man=no', copy], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('plain HTTP is sent to HTTPS', async (c) => {
    if (!nginx) return c.skip();
    const res = await new Promise<IncomingMessage>((done, fail) =>
      httpRequest(
        {
          host: '127.0.0.1',
          port: httpPort,
          path: '/records',
          headers: { host: 'yuyue.example.gov.cn' },
        },
        done,
      )
        .on('error', fail)
        .end(),
    );
    res.resume();
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('https://yuyue.example.gov.cn/records');
  });

  it('serves over TLS with the HTTPS headers (X-Forwarded-Proto believed) and answers health checks', async (c) => {
    if (!nginx) return c.skip();
    const health = await viaNginx('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect((await viaNginx('GET', '/readyz')).status).toBe(200);
    const page = await viaNginx('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['strict-transport-security']).toMatch(/max-age=/);
  });

  it('a booking through nginx reaches live streams held by both instances', {
    timeout: 60_000,
  }, async (c) => {
    if (!nginx) return c.skip();
    // Round robin: two streams, one on each instance.
    const first = await openStream('/api/v1/events/public');
    const second = await openStream('/api/v1/events/public');
    expect(first.headers['content-type']).toMatch(/^text\/event-stream/);
    // Request lines are written in batches (at most 250 ms late): wait for each instance's.
    for (const s of instances) await expect.poll(() => s.output(), { timeout: 5_000 }).toContain('/api/v1/events/public');

    const open = await bookThroughNginx(1, 4242);

    for (const { stream } of [first, second]) {
      const e = await stream.waitFor((x) => x.type === 'booking.created', 10_000);
      expect(e.data).toMatchObject({ serviceId: 1, date: open.date });
    }
  });

  it('the instances read the client from nginx’s X-Forwarded-For (TRUST_PROXY as in the settings file)', async (c) => {
    if (!nginx) return c.skip();
    // Two clients on loopback addresses other than nginx's own: the per-address limit (10 a
    // minute by default) refuses the one that keeps asking, and not the other.
    const lookup = (from: string) => viaNginx('POST', '/api/v1/bookings/lookup', { body: person(77), from });
    let refused: Answer | null = null;
    // Within two limits a 429 must come, even if a minute turns over on the way.
    for (let i = 0; i < 22 && !refused; i++) {
      const r = await lookup('127.0.0.2');
      if (r.status === 429) refused = r;
    }
    expect(refused?.body).toContain('RATE_LIMITED');
    expect((await lookup('127.0.0.3')).status).toBe(200);
  });

  it('a browser receives live events through nginx over HTTP/2', { timeout: 60_000 }, async (c) => {
    if (!nginx) return c.skip();
    if (!existsSync(CHROMIUM)) {
      missing(`${CHROMIUM} is not installed`);
      return c.skip();
    }
    const browser = await launchBrowser([`--host-resolver-rules=MAP yuyue.example.gov.cn 127.0.0.1`]);
    try {
      // The test's own certificate is not one Chromium knows.
      const page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
      const res = await page.goto(`https://yuyue.example.gov.cn:${httpsPort}/`);
      expect(res?.status()).toBe(200);
      expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).nextHopProtocol)).toBe('h2');
      await page.evaluate(
        () =>
          new Promise<void>((opened, failed) => {
            const w = window as unknown as { created: unknown[] };
            w.created = [];
            const source = new EventSource('/api/v1/events/public');
            source.addEventListener('booking.created', (e) => w.created.push(JSON.parse((e as MessageEvent).data)));
            source.onopen = () => opened();
            source.onerror = () => failed(new Error('the event stream failed'));
          }),
      );
      const open = await bookThroughNginx(2, 4343);
      const event = await page.waitForFunction(
        (date) => (window as unknown as { created: { serviceId: number; date: string }[] }).created.find((e) => e.serviceId === 2 && e.date === date),
        open.date,
      );
      expect(await event.jsonValue()).toMatchObject({ type: 'booking.created', serviceId: 2, date: open.date });
    } finally {
      await browser.close();
    }
  });
});
