// 爽约 in the browser: a citizen blocked from booking online learns why and until when as soon as
// they type their ID card and phone, before choosing a time. Hall clock: Wednesday 2026-11-25
// 08:30. The misses are arranged by API: the hall counts cancels within a day of the slot, and
// the citizen cancels two bookings of this morning.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { person } from '../support/people.js';
import { signIn } from './support/hall.js';
import { PHONE, describeHall, screenshot } from './support/index.js';
import { textOf } from './support/ui.js';

const ADMIN_PASSWORD = 'Missed-twice-2026';

describeHall('爽约: a blocked citizen at the booking form', {}, (e2e) => {
  let page: Page;
  const blocked = person(701);

  beforeAll(async () => {
    const cookie = await e2e.adminSession(ADMIN_PASSWORD);
    const rule = await e2e.server.api(
      'PUT',
      '/api/v1/admin/no-show/rule',
      { limit: 2, windowDays: 90, blockDays: 30, lateCancel: true, lateCancelMinutes: 1440 },
      { cookie },
    );
    expect(rule.status, JSON.stringify(rule.body)).toBe(200);
    for (const serviceId of [1, 2]) {
      const made = await e2e.server.api('POST', '/api/v1/bookings', { serviceId, date: '2026-11-25', slot: '09:00', ...blocked });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const cancelled = await e2e.server.api('POST', `/api/v1/bookings/${(made.body as { booking: { number: string } }).booking.number}/cancel`, blocked);
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    }
    page = await e2e.page(PHONE);
  });

  async function typePerson(who: { idCard: string; phone: string }): Promise<void> {
    await page.getByRole('textbox', { name: '身份证号' }).fill(who.idCard);
    await page.getByRole('textbox', { name: '手机号' }).fill(who.phone);
    await page.getByRole('textbox', { name: '手机号' }).press('Tab');
  }

  it('sees why and until when before choosing a slot, and cannot send the form', async () => {
    await page.goto('/?service=3');
    await page.getByRole('radio', { name: /09:00–10:00/ }).waitFor();
    await typePerson(blocked);
    const banner = page.getByRole('alert').filter({ hasText: '暂停网上预约' });
    await banner.waitFor();
    expect(await textOf(banner)).toContain('因 2 次爽约（2026-11-25, 2026-11-25），暂停网上预约，2026-12-25 起可再预约');
    expect(await textOf(banner)).toContain('现场取号');
    // No time was chosen, and none needs to be: the form cannot be sent.
    expect(await page.getByRole('radio', { name: /\d{2}:\d{2}–/, checked: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '提交预约' }).isDisabled()).toBe(true);
    await screenshot(page, 'booking-blocked-phone');
  });

  it('someone else typing their own ID card is not told anything and can book', async () => {
    await page.goto('/?service=3');
    await page.getByRole('radio', { name: /10:00–11:00/ }).check();
    await typePerson(person(702));
    await page.getByRole('button', { name: '提交预约' }).click();
    expect(await textOf(page.getByTestId('booking-number'))).toMatch(/^F20261125100001$/);
    expect(await page.getByRole('alert').filter({ hasText: '暂停网上预约' }).count()).toBe(0);
  });

  it('the admin sees them masked in 爽约管理, lifts the block with a reason, and the citizen may book again', async () => {
    const admin = await e2e.page({ viewport: { width: 1280, height: 900 } });
    await admin.goto('/admin?tab=noShow');
    await signIn(admin, e2e.server.firstStart.username, ADMIN_PASSWORD);
    const table = admin.getByTestId('no-show-table');
    await table.waitFor();
    const row = table.locator('tbody tr');
    expect(await row.count()).toBe(1);
    const text = await textOf(row);
    expect(text).toMatch(/110105\*+/);
    expect(text).toContain('2026-12-25');
    expect(text).not.toContain(blocked.idCard);
    await row.getByRole('button', { name: '解除' }).click();
    await admin.getByLabel('解除原因（记入操作日志）').fill('窗口系统故障，核实后解除');
    await admin.locator('form').getByRole('button', { name: '解除' }).click();
    await admin.getByText('目前没有被暂停网上预约的人员').waitFor();
    await screenshot(admin, 'admin-no-show-lifted');

    await page.goto('/?service=4');
    await page.getByRole('radio', { name: /11:00–12:00/ }).check();
    await typePerson(blocked);
    await page.getByRole('button', { name: '提交预约' }).click();
    expect(await textOf(page.getByTestId('booking-number'))).toMatch(/^S20261125110001$/);
  });
});
