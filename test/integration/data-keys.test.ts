// The data keys on disk and `vreserve keys rotate`: phones sealed under the generated key are
// re-encrypted under a new one, still open afterwards, and `check` reports phones kept too long.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactCipherFor, dataKeyFile } from '../../src/server/data-key.js';
import { bookingBody, post } from '../support/http.js';
import { person } from '../support/people.js';
import { runCli } from '../support/server-process.js';
import { type TestApp, makeTestApp, testMessaging } from '../support/test-app.js';

let dir: string;
let env: Record<string, string>;
let t: TestApp;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vreserve-keys-'));
  env = { DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'vreserve.db')}`, SECRET: 'test-secret-0123456789abcdef', DATA_KEY: '' };
  const contacts = contactCipherFor({ dataKey: null, dataDir: dir }, {}, () => {});
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00', databaseUrl: env.DATABASE_URL, messaging: testMessaging({ contacts }) });
  for (let i = 1; i <= 3; i++) expect((await post(t.app, '/api/v1/bookings', bookingBody(person(i), { date: '2026-11-26' }))).status).toBe(201);
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const sealed = () => t.store.db.selectFrom('booking').select(['number', 'phone_cipher', 'phone_key_id']).orderBy('id').execute();

describe('data keys', () => {
  it('are generated into DATA_DIR, readable by the owner only', () => {
    expect(statSync(dataKeyFile(dir)).mode & 0o777).toBe(0o600);
    expect(readFileSync(dataKeyFile(dir), 'utf8').trim().split('\n').filter((l) => !l.startsWith('#'))).toHaveLength(1);
  });

  it('keys rotate adds a key and re-encrypts every kept phone under it; the phones still open', async () => {
    const before = await sealed();
    expect(new Set(before.map((r) => r.phone_key_id)).size).toBe(1);
    const run = runCli(['keys', 'rotate'], env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/re-encrypted 3 phone number\(s\) under ([0-9a-f]{12})/);
    const after = await sealed();
    const newId = /under ([0-9a-f]{12})/.exec(run.stdout)?.[1];
    expect(after.map((r) => r.phone_key_id)).toEqual([newId, newId, newId]);
    expect(after[0]?.phone_cipher).not.toBe(before[0]?.phone_cipher);
    const cipher = contactCipherFor({ dataKey: null, dataDir: dir }, {}, () => {});
    expect(cipher.currentKeyId).toBe(newId);
    expect(after.map((r) => cipher.open({ cipher: r.phone_cipher as string, keyId: r.phone_key_id as string }, `booking:${r.number}`))).toEqual([
      person(1).phone,
      person(2).phone,
      person(3).phone,
    ]);
    // Nothing left: a resumed run has nothing to do.
    const again = runCli(['keys', 'rotate', '--resume'], env);
    expect(again.stdout).toContain('re-encrypted 0 phone number(s)');
    const status = runCli(['keys', 'status'], env);
    expect(status.stdout).toContain(`${newId}: 3 phone number(s) (current)`);
  });

  it('check reports phones kept past CONTACT_RETENTION_DAYS', () => {
    const ok = runCli('check', { ...env, VRESERVE_CLOCK: '2026-12-20T10:00:00+08:00' });
    expect(ok.status).toBe(0);
    const late = runCli('check', { ...env, VRESERVE_CLOCK: '2026-12-28T10:00:00+08:00' });
    expect(late.status).toBe(1);
    expect(late.stdout).toContain('3 booking(s) still keep a phone number more than 30 days (CONTACT_RETENTION_DAYS) after their day');
  });
});
