// GET /api/v1/admin/backup: the admin console's view of the server's own backups.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type TestApp, makeTestApp } from '../support/test-app.js';

const dir = mkdtempSync(join(tmpdir(), 'vreserve-backup-status-'));
const apps: TestApp[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/v1/admin/backup', () => {
  it('says when the server takes no backups of its own', async () => {
    const t = await makeTestApp();
    apps.push(t);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/backup', headers: await t.signIn('admin') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      enabled: false,
      dir: null,
      everySeconds: null,
      keep: null,
      keysBeside: false,
      backups: 0,
      lastSuccess: null,
      lastFailure: null,
      nextDueAt: null,
    });
  });

  it('shows the settings, the backups in the folder and the last success, to admins only', async () => {
    const t = await makeTestApp({ backup: { dir, everyMs: 86_400_000, keep: 7, passphrase: 'a long passphrase' } });
    apps.push(t);
    for (const n of ['vreserve-20261124-000000.sqlite', 'vreserve-20261125-000000.sqlite', 'notes.txt']) writeFileSync(join(dir, n), '');
    const written = new Date('2026-11-25T00:00:01.000Z');
    utimesSync(join(dir, 'vreserve-20261125-000000.sqlite'), written, written);
    const lastSuccess = { at: '2026-11-25T00:00:01.000Z', file: join(dir, 'vreserve-20261125-000000.sqlite'), bytes: 184320, seconds: 0.05, rows: 9 };
    writeFileSync(join(dir, 'last-backup.json'), JSON.stringify({ lastSuccess, lastFailure: null }));
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/backup', headers: await t.signIn('admin') });
    expect(res.json()).toEqual({
      enabled: true,
      dir,
      everySeconds: 86_400,
      keep: 7,
      keysBeside: true,
      backups: 2,
      lastSuccess: { ...lastSuccess, file: 'vreserve-20261125-000000.sqlite' },
      lastFailure: null,
      // BACKUP_EVERY after the newest backup in the folder.
      nextDueAt: '2026-11-26T00:00:01.000Z',
    });
    const staff = await t.app.inject({ method: 'GET', url: '/api/v1/admin/backup', headers: await t.signIn('staff') });
    expect(staff.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/backup' })).statusCode).toBe(401);
  });
});
