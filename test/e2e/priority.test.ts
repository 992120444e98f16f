// Issue 15, 优先 on the screens: a citizen of 70 types the ID card at the kiosk, has no booking and
// takes a walk-in number: the ticket says 优先 · 老年人. The counter calls that number before the
// normal one that came first, shows the group in words, and the display board does too. The admin
// turns a group off in the console and the kiosk stops offering it; the report shows the 优先 figures.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { composeIdCard } from '../../src/domain/id-card.js';
import { signIn } from './support/hall.js';
import { KIOSK_PORTRAIT, PHONE, describeHall, screenshot } from './support/index.js';
import { clickKeys, textOf } from './support/ui.js';

const LAPTOP = { viewport: { width: 1366, height: 768 } };
const ADMIN_PASSWORD = 'Priority-2026-ok';
/** Born 1950-06-01: 76 on the test's day. */
const ELDERLY = composeIdCard('11010519500601004');

describeHall('优先 tickets on the screens', { clock: '2026-11-25T10:00:00+08:00' }, (e2e) => {
  let kiosk: Page;
  let counter: Page;
  let board: Page;
  let normalCall = '';
  let elderlyCall = '';

  beforeAll(async () => {
    await e2e.adminSession(ADMIN_PASSWORD);
    const normal = await e2e.server.api<{ ticket: { callNumber: string } }>('POST', '/api/v1/kiosk/walk-in', { serviceId: 1 }, e2e.server.asKiosk);
    expect(normal.status).toBe(201);
    normalCall = normal.body.ticket.callNumber;
    kiosk = await e2e.page(KIOSK_PORTRAIT);
    await e2e.pairKiosk(kiosk);
    board = await e2e.page(LAPTOP);
    await e2e.pairDisplay(board);
    counter = await e2e.page(LAPTOP);
    await counter.goto('/counter');
    await signIn(counter, e2e.server.firstStart.username, ADMIN_PASSWORD);
    await counter.getByRole('button', { name: '保存并开始叫号' }).click();
    await counter.getByText('空闲中，按“叫号”呼叫下一位').waitFor();
  });

  it('an elderly ID card at the kiosk, no booking, a walk-in: the ticket says 优先 · 老年人', async () => {
    await kiosk.getByRole('button', { name: /预约取号/ }).click();
    await clickKeys(kiosk, ELDERLY);
    await kiosk.getByRole('button', { name: '确认取号' }).click();
    await kiosk.getByText('无预约记录').waitFor();
    await kiosk.getByRole('button', { name: '改为现场取号' }).click();
    await kiosk.getByRole('heading', { name: '现场取号' }).waitFor();
    await kiosk.getByRole('button', { name: /医社保办理/ }).click();
    await kiosk.getByRole('heading', { name: '取号成功' }).waitFor();
    expect(await textOf(kiosk.getByTestId('ticket-priority').first())).toBe('优先 · 老年人');
    elderlyCall = await textOf(kiosk.getByTestId('call-number'));
    expect(elderlyCall).not.toBe(normalCall);
    await screenshot(kiosk, 'priority-kiosk-ticket');
    // The screen never shows the birth date once the ticket is out.
    expect(await textOf(kiosk.locator('body'))).not.toContain('19500601');
  });

  it('the counter lists it first, calls it before the normal number that came first, and the board says 优先', async () => {
    const rows = counter.locator('.queue__row');
    await rows.nth(1).waitFor();
    expect(await rows.first().getAttribute('data-call-number')).toBe(elderlyCall);
    expect(await textOf(rows.first())).toContain('优先 · 老年人');
    expect(await rows.nth(1).getAttribute('data-call-number')).toBe(normalCall);
    await counter.getByRole('button', { name: '叫号', exact: true }).click();
    await counter.locator('.current--called').waitFor();
    expect(await textOf(counter.getByTestId('current-number'))).toBe(elderlyCall);
    await counter.locator('.current').getByText('优先 · 老年人').waitFor();
    await board.getByTestId('latest-priority').getByText('优先 · 老年人').waitFor();
    expect(await textOf(board.getByTestId('latest-number'))).toBe(elderlyCall);
    await screenshot(counter, 'priority-counter');
    await screenshot(board, 'priority-display');
  });

  it('staff set the group of the next number at the counter', async () => {
    await counter.getByRole('button', { name: '办结', exact: true }).click();
    await counter.getByRole('button', { name: '叫号', exact: true }).click();
    await counter.locator('.current--called').waitFor();
    expect(await textOf(counter.getByTestId('current-number'))).toBe(normalCall);
    await counter.getByTestId('priority-select').selectOption('pregnant');
    await counter.locator('.current').getByText('优先 · 孕妇').first().waitFor();
    await screenshot(counter, 'priority-counter-set');
  });

  it('the phone’s ticket page says 优先 · 残疾人 for a number taken with that choice', async () => {
    const res = await e2e.server.api<{ ticket: { publicToken: string; callNumber: string } }>(
      'POST',
      '/api/v1/kiosk/walk-in',
      { serviceId: 1, priority: 'disabled' },
      e2e.server.asKiosk,
    );
    expect(res.status).toBe(201);
    const phone = await e2e.page(PHONE);
    await phone.goto(`/t/${res.body.ticket.publicToken}`);
    await phone.getByTestId('ticket-call-number').getByText(res.body.ticket.callNumber).waitFor();
    expect(await textOf(phone.getByTestId('ticket-priority'))).toBe('优先 · 残疾人');
    await screenshot(phone, 'priority-ticket-page');
    await phone.close();
  });

  it('the admin turns 孕妇 off in the console: the kiosk stops offering it, and the report shows the 优先 tickets', async () => {
    const admin = await e2e.page(LAPTOP);
    await admin.goto('/admin?tab=noShow');
    await signIn(admin, e2e.server.firstStart.username, ADMIN_PASSWORD);
    const form = admin.getByRole('form', { name: '优先规则' });
    await form.getByRole('checkbox', { name: '孕妇' }).uncheck();
    await form.getByRole('button', { name: '保存优先规则' }).click();
    await admin.getByText('优先规则已保存').waitFor();
    expect(await textOf(admin.getByTestId('priority-rule'))).toContain('优先人群：老年人、残疾人、军人');
    await screenshot(admin, 'admin-priority-rule');

    await kiosk.goto('/kiosk');
    await kiosk.getByRole('button', { name: /现场取号/ }).click();
    await kiosk.getByRole('heading', { name: '现场取号' }).waitFor();
    // The groups come with the services: once a service is listed, the choice is the hall's.
    await kiosk.getByRole('button', { name: /医社保办理/ }).waitFor();
    await kiosk.getByRole('radio', { name: '残疾人' }).waitFor();
    expect(await kiosk.getByRole('radio', { name: '孕妇' }).count()).toBe(0);
    await screenshot(kiosk, 'priority-kiosk-without-pregnant');

    // Three 优先 numbers of 医社保办理 today: the elderly walk-in, the one staff set to 孕妇, the 残疾人 one.
    await admin.goto('/admin?tab=reports&from=2026-11-25&to=2026-11-25');
    const table = admin.getByTestId('report-table');
    await table.getByRole('columnheader', { name: '优先号', exact: true }).waitFor();
    await table.getByRole('columnheader', { name: '优先号平均等候（分钟）' }).waitFor();
    const row = table.locator('tbody tr', { hasText: '医社保办理' });
    expect(await textOf(row.locator('[data-col="priorityTickets"]'))).toBe('3');
    await screenshot(admin, 'admin-reports-priority');
    await admin.close();
  });
});
