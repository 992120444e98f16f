// Issue 14, 好差评 in the browser: the admin makes a 评价器 for counter 1 and pairs it; the clerk
// calls and completes a number at the counter console; within a second the 评价器 shows the rating
// screen for it (number, service, who served, five big buttons in words); the citizen chooses
// 非常不满意, must pick a reason (服务态度), sends it, is thanked, and the pad rests again; a 差评
// case exists. Another citizen rates 满意 from the ticket page on their phone (opened from the
// invitation text); the page then says what was given, and the 评价器 lets that number go.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { openPairingLink, signIn } from './support/hall.js';
import { PHONE, describeHall, screenshot } from './support/index.js';
import { expectFitsScreen, textOf } from './support/ui.js';

const LAPTOP = { viewport: { width: 1366, height: 768 } };
/** A 10-inch touch screen facing the citizen. */
const PAD = { viewport: { width: 1280, height: 800 }, hasTouch: true };
const ADMIN_PASSWORD = 'Rating-flow-2026';
const DAY = '2026-11-25';

interface WalkIn {
  ticket: { number: string; callNumber: string; publicToken: string };
}

describeHall('好差评: the counter’s 评价器 and the ticket page', { clock: `${DAY}T10:00:00+08:00` }, (e2e) => {
  let cookie: string;
  let counter: Page;
  let pad: Page;

  const walkIn = async (): Promise<WalkIn['ticket']> => {
    const made = await e2e.server.api<WalkIn>('POST', '/api/v1/kiosk/walk-in', { serviceId: 1 }, e2e.server.asKiosk);
    expect(made.status).toBe(201);
    return made.body.ticket;
  };

  beforeAll(async () => {
    cookie = await e2e.adminSession(ADMIN_PASSWORD);
    counter = await e2e.page(LAPTOP);
    await counter.goto('/counter');
    await signIn(counter, e2e.server.firstStart.username, ADMIN_PASSWORD);
    await counter.getByRole('button', { name: '保存并开始叫号' }).click();
    await counter.getByText('空闲中，按“叫号”呼叫下一位').waitFor();
  });

  it('the admin makes a 评价器 for counter 1; paired, it rests showing its counter and the clock', async () => {
    const admin = await e2e.page(LAPTOP);
    await admin.goto('/admin?tab=staff');
    await signIn(admin, e2e.server.firstStart.username, ADMIN_PASSWORD);
    await admin.getByRole('radio', { name: '评价器' }).check();
    await admin.getByLabel('窗口', { exact: true }).selectOption('1');
    await admin.getByLabel('设备名称').fill('1 号窗口评价器');
    await admin.getByRole('button', { name: '生成配对链接' }).click();
    const paired = admin.getByTestId('one-time-secret');
    await paired.getByRole('heading', { name: '“1 号窗口评价器”的配对链接' }).waitFor();
    const link = await paired.getByRole('textbox').inputValue();
    expect(link).toMatch(new RegExp(`^${e2e.server.url}/evaluator#pair=[\\w-]+$`));
    const row = admin.getByTestId('devices-table').locator('tr[data-device="1 号窗口评价器"]');
    expect(await textOf(row.locator('td').first())).toBe('评价器 · 1 号窗口');
    await screenshot(admin, 'rating-admin-evaluator-made');
    await admin.close();

    pad = await e2e.page(PAD);
    // Not paired yet: it says so and how, and shows no rating.
    await pad.goto('/evaluator');
    await pad.getByRole('heading', { name: '本评价器尚未配对' }).waitFor();
    await pad.getByText('/evaluator#pair=…', { exact: false }).waitFor();
    await openPairingLink(pad, link);
    const idle = pad.getByTestId('evaluator-idle');
    await idle.getByRole('heading', { name: '请为我们的服务评价' }).waitFor();
    await idle.getByText('1 号窗口').first().waitFor();
    expect(await textOf(pad.getByTestId('evaluator-clock'))).toMatch(/^\d\d:\d\d$/);
    await screenshot(pad, 'rating-evaluator-idle');
    await pad.getByRole('button', { name: 'English' }).click();
    await idle.getByRole('heading', { name: 'Please rate our service' }).waitFor();
    await idle.getByText('Counter 1').first().waitFor();
    await pad.getByRole('button', { name: '中文' }).click();
    await idle.getByRole('heading', { name: '请为我们的服务评价' }).waitFor();
  });

  it('the counter completes a number; within a second the 评价器 asks for a rating, and a 差评 needs a reason', async () => {
    const ticket = await walkIn();
    await counter.getByRole('button', { name: '叫号', exact: true }).click();
    await counter.locator('.current--called').waitFor();
    await counter.getByRole('button', { name: '办结', exact: true }).click();
    const rating = pad.getByTestId('evaluator-rating');
    await rating.waitFor({ timeout: 1_000 });
    expect(await textOf(pad.getByTestId('evaluator-call-number'))).toBe(ticket.callNumber);
    expect(await textOf(rating)).toContain(ticket.number);
    expect(await textOf(pad.getByTestId('evaluator-staff'))).not.toBe('');
    // Five big buttons, each with its words.
    for (const name of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) {
      const box = await pad.getByRole('button', { name, exact: true }).boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(60);
    }
    await screenshot(pad, 'rating-evaluator-rating');

    await pad.getByRole('button', { name: '非常不满意', exact: true }).click();
    await pad.getByText('请选择不满意的方面（至少一项）').waitFor();
    await pad.getByRole('button', { name: '提交评价' }).click();
    await pad.getByRole('alert').getByText('请至少选择一项不满意的方面').waitFor();
    await pad.getByRole('button', { name: '服务态度' }).click();
    expect(await pad.getByRole('button', { name: '服务态度' }).getAttribute('aria-pressed')).toBe('true');
    await pad.getByLabel(/您的意见/).fill('等了很久，窗口人员态度冷淡');
    await pad.getByText('13/200 字').waitFor();
    await expectFitsScreen(pad);
    await screenshot(pad, 'rating-evaluator-reasons');
    await pad.getByRole('button', { name: '提交评价' }).click();
    await pad.getByTestId('evaluator-thanks').getByText('感谢您的评价').waitFor();
    await screenshot(pad, 'rating-evaluator-thanks');
    await pad.getByTestId('evaluator-idle').waitFor({ timeout: 10_000 });

    const cases = await e2e.server.api<{ cases: { number: string; level: string; reasons: string[]; state: string; comment: string | null }[] }>(
      'GET',
      `/api/v1/admin/rating-cases?from=${DAY}&to=${DAY}`,
      undefined,
      { cookie },
    );
    expect(cases.status).toBe(200);
    expect(cases.body.cases).toHaveLength(1);
    expect(cases.body.cases[0]).toMatchObject({ number: ticket.number, level: 'very_dissatisfied', reasons: ['attitude'], state: 'open', comment: '等了很久，窗口人员态度冷淡' });
  });

  it('a citizen rates 满意 from the ticket page; the page says so, and the 评价器 lets the number go', async () => {
    const ticket = await walkIn();
    expect((await e2e.server.api('POST', '/api/v1/counters/1/call-next', {}, { cookie })).status).toBe(200);
    expect((await e2e.server.api('POST', `/api/v1/tickets/${ticket.number}/complete`, {}, { cookie })).status).toBe(200);
    await pad.getByTestId('evaluator-rating').waitFor({ timeout: 1_000 });

    const phone = await e2e.page(PHONE);
    await phone.goto(`/t/${ticket.publicToken}?via=message`);
    const form = phone.getByTestId('ticket-rating');
    await form.getByRole('heading', { name: '请为本次服务评价' }).waitFor();
    await form.getByText(/^可在 2026年12月2日 周三 前评价$/).waitFor();
    await screenshot(phone, 'rating-ticket-form');
    await form.getByRole('button', { name: '满意', exact: true }).click();
    await form.getByText('您已评价：满意，感谢').waitFor();
    // The pad hears the rating and thanks, then rests.
    await pad.getByTestId('evaluator-idle').waitFor({ timeout: 10_000 });
    await phone.reload();
    await phone.getByTestId('ticket-rating').getByText('您已评价：满意，感谢').waitFor();
    await screenshot(phone, 'rating-ticket-rated');

    const ratings = await e2e.server.api<{ ratings: { number: string; level: string; channel: string }[] }>(
      'GET',
      `/api/v1/admin/ratings?from=${DAY}&to=${DAY}`,
      undefined,
      { cookie },
    );
    expect(ratings.body.ratings.find((r) => r.number === ticket.number)).toMatchObject({ level: 'satisfied', channel: 'message' });
    await phone.close();
  });
});
