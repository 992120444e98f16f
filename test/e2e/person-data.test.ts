// A person's data, in the browser: in 我的预约 a citizen erases the phone number of a booking that
// is over (asked first, the result said, the booking gone from the list, the one ahead kept), and
// the admin console's 今日 shows the server's own backups (BACKUP_DIR), and its 个人信息 shows and
// erases a person's data (refused while a booking is ahead). Hall clock: Wednesday
// 2026-11-25 08:30.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { CreateBookingResponse } from '../../src/contracts/bookings.js';
import { person } from '../support/people.js';
import { PHONE, describeHall, screenshot } from './support/index.js';
import { textOf } from './support/ui.js';

const CITIZEN = person(41);
const backupDir = mkdtempSync(join(tmpdir(), 'vreserve-e2e-backups-'));
afterAll(() => rmSync(backupDir, { recursive: true, force: true }));

describeHall('a person’s data', { clock: '2026-11-25T08:30:00+08:00', env: { BACKUP_DIR: backupDir, BACKUP_EVERY: '24h' } }, (e2e) => {
  let phone: Page;
  let kept = '';
  let over = '';

  beforeAll(async () => {
    phone = await e2e.page(PHONE);
    const book = async (date: string) => {
      const res = await e2e.server.api<CreateBookingResponse>('POST', '/api/v1/bookings', { serviceId: 1, date, slot: '10:00', ...CITIZEN });
      expect(res.status).toBe(201);
      return res.body.booking.number;
    };
    kept = await book('2026-11-26');
    over = await book('2026-11-25');
    const cancelled = await e2e.server.api('POST', `/api/v1/bookings/${over}/cancel`, CITIZEN);
    expect(cancelled.status).toBe(200);
  });

  it('我的预约: erases the phone of the finished booking after asking, and says so', async () => {
    await phone.goto('/records');
    // Personal numbers are never handed to the browser's spell checker (enhanced spell check sends the text away).
    expect(await phone.getByRole('textbox', { name: '身份证号' }).getAttribute('spellcheck')).toBe('false');
    await phone.getByRole('textbox', { name: '身份证号' }).fill(CITIZEN.idCard);
    await phone.getByRole('textbox', { name: '手机号' }).fill(CITIZEN.phone);
    await phone.getByRole('button', { name: '查询' }).click();
    await phone.locator('li.card', { hasText: over }).getByText('已取消').waitFor();
    const button = phone.getByRole('button', { name: '删除 1 个已结束预约的手机号' });
    await button.click();
    const dialog = phone.getByRole('dialog', { name: '删除已结束预约的手机号？' });
    await dialog.waitFor();
    expect(await textOf(dialog)).toContain('大厅的统计数字不变');
    await screenshot(phone, 'records-forget-dialog-phone', { fullPage: false });
    // Changing one's mind erases nothing.
    await dialog.getByRole('button', { name: '暂不删除' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await phone.locator('li.card', { hasText: over }).waitFor();

    await button.click();
    await dialog.getByRole('button', { name: '确认删除' }).click();
    await phone.getByText('已删除 1 个预约的手机号。').waitFor();
    await phone.locator('li.card', { hasText: over }).waitFor({ state: 'detached' });
    await phone.locator('li.card', { hasText: kept }).getByText('已预约').waitFor();
    expect(await phone.getByRole('button', { name: /已结束预约的手机号/ }).count()).toBe(0);
    await screenshot(phone, 'records-forgotten-phone');
    // The server agrees: only the booking ahead is found by the ID card and phone.
    const lookup = await e2e.server.api<{ bookings: { number: string }[] }>('POST', '/api/v1/bookings/lookup', CITIZEN);
    expect(lookup.body.bookings.map((b) => b.number)).toEqual([kept]);
  });

  it('the admin console: 今日 shows the last backup; 个人信息 shows and erases a person’s data', async () => {
    // The server takes one when it starts with none in the folder: wait until it has written it.
    await vi.waitFor(() => expect(existsSync(join(backupDir, 'last-backup.json'))).toBe(true), { timeout: 30_000, interval: 200 });
    const page = await e2e.page({ viewport: { width: 1280, height: 800 } });
    await page.goto('/admin');
    await e2e.signInFirstTime(page, 'Hall-manager-2026');
    const panel = page.getByTestId('backup-panel');
    await panel.getByRole('heading', { name: '备份' }).waitFor();
    await panel.getByText(/vreserve-\d{8}-\d{6}\.sqlite \(\d+(\.\d)? KB\)/).waitFor();
    const text = await textOf(panel);
    expect(text).toContain(backupDir);
    expect(text).toContain('每 24h 一次，保留最近 7 份（现有 1 份）');
    // Backups run on the real clock (the demo clock moves only the hall's day).
    expect(text).toMatch(/下次\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await screenshot(page, 'admin-today-backups');

    // 个人信息: the citizen at the counter asks what is kept, then to erase it.
    await page.getByRole('navigation', { name: /管理后台导航/ }).getByRole('link', { name: /个人信息/ }).click();
    await page.getByRole('heading', { name: '个人信息', level: 1 }).waitFor();
    expect(await page.getByLabel('身份证号').getAttribute('spellcheck')).toBe('false');
    await page.getByLabel('身份证号').fill(CITIZEN.idCard);
    await page.getByRole('button', { name: '查询' }).click();
    const data = page.getByTestId('person-data');
    await data.getByText(kept).waitFor();
    const shown = await textOf(data);
    expect(shown).toContain(over);
    expect(shown).toContain('未结束');
    expect(shown).not.toContain(CITIZEN.idCard);
    await screenshot(page, 'admin-person-data');
    const erase = async () => {
      await data.getByRole('button', { name: '删除此人的个人信息' }).click();
      await page.getByRole('dialog', { name: '删除此人的个人信息？' }).getByRole('button', { name: '确认删除' }).click();
    };
    // A booking still ahead: refused in words, nothing erased.
    await erase();
    await page.getByText('此人还有 1 个未结束的预约；请先取消，再删除其个人信息').waitFor();
    expect((await e2e.server.api('POST', `/api/v1/bookings/${kept}/cancel`, CITIZEN)).status).toBe(200);
    await erase();
    await page.getByText('已删除 2 个预约和 0 条验证码记录中的个人信息。').waitFor();
    await data.getByText('没有以此身份证号保存的预约。').waitFor();
    expect((await e2e.server.api<{ bookings: unknown[] }>('POST', '/api/v1/bookings/lookup', CITIZEN)).body.bookings).toEqual([]);
  });
});
