// What the booking app does when the answer is no: a full slot, a slot taken between view and
// submit, a full day, a duplicate, a lost answer retried, a failed load. Hall clock: Wednesday
// 2026-11-25 08:30. Places are filled through the API with distinct valid people.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { LookupResponse } from '../../src/contracts/bookings.js';
import { person } from '../support/people.js';
import { PHONE, describeHall, screenshot } from './support/index.js';
import { expectNoHorizontalScroll, textOf } from './support/ui.js';

const TODAY = '2026-11-25';

describeHall('booking refusals on a phone', {}, (e2e) => {
  let page: Page;

  async function fill(serviceId: number, date: string, slot: string, people: number[]): Promise<void> {
    for (const n of people) {
      const res = await e2e.server.api('POST', '/api/v1/bookings', { serviceId, date, slot, ...person(n) });
      expect(res.status).toBe(201);
    }
  }

  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

  async function fillForm(who: { idCard: string; phone: string }): Promise<void> {
    await page.getByRole('textbox', { name: '身份证号' }).fill(who.idCard);
    await page.getByRole('textbox', { name: '手机号' }).fill(who.phone);
  }

  beforeAll(async () => {
    page = await e2e.page(PHONE);
  });

  it('a full slot cannot be chosen', async () => {
    await fill(1, TODAY, '10:00', range(300, 10));
    await page.goto('/?service=1');
    const full = page.getByRole('radio', { name: /10:00–11:00\s*已约满/ });
    await full.waitFor();
    expect(await full.isDisabled()).toBe(true);
    expect(await textOf(page.locator('.day-summary'))).toMatch(/已预约人数\s*10\s*余号数量\s*40/);
    await screenshot(page, 'booking-slot-full-phone');
  });

  it('a slot taken between view and submit: the slots are refreshed and it says so', async () => {
    await fill(1, TODAY, '11:00', range(310, 9));
    await page.goto('/?service=1');
    await page.getByRole('radio', { name: /11:00–12:00\s*余 1 个/ }).check();
    await fillForm(person(319));
    await fill(1, TODAY, '11:00', [320]);
    await page.getByRole('button', { name: '提交预约' }).click();

    const banner = page.getByRole('alert').filter({ hasText: '该时段已约满，请选择其他时段' });
    await banner.getByText('时段已刷新，请重新选择。').waitFor();
    await page.getByRole('radio', { name: /11:00–12:00\s*已约满/ }).and(page.locator(':disabled')).waitFor();
    await screenshot(page, 'booking-slot-taken-phone');

    // What was typed is kept: choose another time and book.
    await page.getByRole('radio', { name: /14:00–15:00/ }).check();
    await page.getByRole('button', { name: '提交预约' }).click();
    expect(await textOf(page.getByTestId('booking-number'))).toBe('Y20261125140001');
  });

  it('a duplicate booking is refused in a banner that leads to 我的预约', async () => {
    await page.goto('/?service=1');
    await page.getByRole('radio', { name: /15:00–16:00/ }).check();
    await fillForm(person(319));
    await page.getByRole('button', { name: '提交预约' }).click();
    const banner = page.getByRole('alert').filter({ hasText: '您当天已预约过该业务，请勿重复预约' });
    await banner.getByRole('link', { name: '我的预约' }).waitFor();
    await screenshot(page, 'booking-duplicate-phone');
  });

  it('a full day gives way to 已约满 and offers the next days with places', async () => {
    await fill(2, '2026-11-27', '09:00', range(400, 10));
    await fill(2, '2026-11-27', '10:00', range(410, 10));
    await fill(2, '2026-11-27', '11:00', range(420, 10));
    await fill(2, '2026-11-27', '14:00', range(430, 10));
    await fill(2, '2026-11-27', '15:00', range(440, 10));
    await page.goto('/?service=2&date=2026-11-27');
    await page.getByText('以下日期还有名额：').waitFor();
    expect(await page.getByRole('textbox', { name: '身份证号' }).count()).toBe(0);
    expect(await textOf(page.getByRole('radio', { name: /11\/27/ }).locator('..'))).toContain('已约满');
    const offers = page.locator('.next-days button');
    expect(await offers.allTextContents()).toEqual(['11月30日 周一余 50', '12月1日 周二余 50', '12月2日 周三余 50']);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'booking-day-full-phone');

    await offers.first().click();
    await page.getByRole('radio', { name: /11\/30/ }).and(page.locator(':checked')).waitFor();
    await page.getByRole('textbox', { name: '身份证号' }).waitFor();
  });

  it('a lost answer retried books once (same Idempotency-Key)', async () => {
    const who = person(500);
    const keys: string[] = [];
    const allow = e2e.watch.allow(/net::ERR_/);
    await page.route('**/api/v1/bookings', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length === 1) {
        await route.fetch(); // the server books…
        await route.abort('connectionreset'); // …but the answer never arrives
      } else await route.continue();
    });
    try {
      await page.goto('/?service=3');
      await page.getByRole('radio', { name: /09:00–10:00/ }).check();
      await fillForm(who);
      await page.getByRole('button', { name: '提交预约' }).click();
      await page.getByRole('alert').getByText('网络连接失败，请检查网络后重试').waitFor();
      await screenshot(page, 'booking-network-error-phone');
      await page.getByRole('button', { name: '提交预约' }).click();
      expect(await textOf(page.getByTestId('booking-number'))).toBe('F20261125090001');
    } finally {
      await page.unroute('**/api/v1/bookings');
      allow();
    }
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    const lookup = await e2e.server.api<LookupResponse>('POST', '/api/v1/bookings/lookup', who);
    expect(lookup.body.bookings.map((b) => b.number)).toEqual(['F20261125090001']);
  });

  it('a failed load says so and offers to try again', async () => {
    const allow = e2e.watch.allow(/net::ERR_/);
    await page.route('**/api/v1/services*', (route) => route.abort('internetdisconnected'));
    try {
      await page.goto('/');
      await page.getByRole('alert').getByText('网络连接失败，请检查网络后重试').waitFor();
      await screenshot(page, 'booking-load-failed-phone');
    } finally {
      await page.unroute('**/api/v1/services*');
      allow();
    }
    await page.getByRole('button', { name: '重试' }).click();
    await page.getByRole('link', { name: /医社保办理/ }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
