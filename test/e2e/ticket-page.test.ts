// Issue 12, a citizen's phone and the kiosk: book on the phone, the confirmation's QR carries
// /t/<token>, the ticket page says 等待签到; at the kiosk a USB scanner "types" the QR's address
// and Enter, the citizen enters the ID card's last 4 and gets the number; a counter calls it and
// the phone shows 请到 1 号窗口 within 2 s. The server sends its text messages through the `http`
// driver to a local gateway: the confirmation carries the page's link, the call its counter.
// Hall clock: Wednesday 2026-11-25 08:30.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CreateBookingResponse } from '../../src/contracts/bookings.js';
import { startFakeSmsGateway } from '../support/fake-sms-gateway.js';
import { person } from '../support/people.js';
import { KIOSK_PORTRAIT, describeHall, screenshot } from './support/index.js';
import { clickKeys, expectFitsScreen, expectNoHorizontalScroll, textOf } from './support/ui.js';

const CITIZEN = person(21);
const LATER = person(22);
const IPHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const gateway = await startFakeSmsGateway();
afterAll(() => gateway.close());
/** The text messages the gateway got, in order. */
const messages = () => gateway.requests.map((r) => JSON.parse(r.rawBody) as { kind: string; to: string; text: string });
const SMS = {
  SMS_DRIVER: 'http',
  SMS_HTTP_URL: `${gateway.url}/sms`,
  SMS_HTTP_SECRET: 'e2e-gateway-secret-0123456789',
  // The driver is real, so codes would be asked for by default; this journey is about the page.
  BOOKING_VERIFY: 'off',
  PUBLIC_URL: 'https://yuyue.example.gov.cn',
};

describeHall('the ticket page and QR check-in', { env: SMS }, (e2e) => {
  let phone: Page;
  let kiosk: Page;
  let ticketUrl = '';

  beforeAll(async () => {
    const context = await e2e.context(IPHONE);
    // Record vibrations (a desktop Chromium has no motor to ask).
    await context.addInitScript(() => {
      const w = window as unknown as { vibrations: unknown[] };
      w.vibrations = [];
      Object.defineProperty(navigator, 'vibrate', { value: (pattern: unknown) => w.vibrations.push(pattern) > 0, configurable: true });
    });
    phone = await context.newPage();
    kiosk = await e2e.page(KIOSK_PORTRAIT);
  });

  it('books on the phone; the confirmation’s QR carries /t/<token>', async () => {
    await phone.goto('/');
    await phone.getByRole('link', { name: /医社保办理/ }).click();
    await phone.getByRole('radio', { name: /09:00–10:00/ }).check();
    await phone.getByLabel('身份证号').fill(CITIZEN.idCard);
    await phone.getByRole('textbox', { name: '手机号' }).fill(CITIZEN.phone);
    await phone.getByRole('button', { name: '提交预约' }).click();
    await phone.getByText('预约成功').waitFor();
    const qr = phone.getByTestId('ticket-qr');
    ticketUrl = (await qr.getAttribute('data-url')) ?? '';
    const origin = new URL(phone.url()).origin;
    expect(ticketUrl).toMatch(new RegExp(`^${origin.replace(/[.]/g, '\\.')}/t/[A-Za-z0-9_-]{22}$`));
    expect(await qr.getAttribute('href')).toBe(new URL(ticketUrl).pathname);
    await phone.getByRole('img', { name: /二维码/ }).waitFor();
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'ticket-confirmation-qr-phone');
    // The text message reached the phone's number with the same page's link.
    await gateway.received(1);
    const [confirmed] = messages();
    expect(confirmed?.kind).toBe('booking.confirmed');
    expect(confirmed?.to).toBe(CITIZEN.phone);
    expect(confirmed?.text).toContain(`https://yuyue.example.gov.cn${new URL(ticketUrl).pathname}`);
  });

  it('我的预约 shows the same QR, and 查看号票 opens the page', async () => {
    await phone.getByRole('main').getByRole('link', { name: '我的预约' }).click();
    const card = phone.locator('li.card', { hasText: 'Y20261125090001' });
    expect(await card.getByTestId('ticket-qr').getAttribute('data-url')).toBe(ticketUrl);
    await card.getByRole('link', { name: '查看号票' }).click();
    await phone.waitForURL(ticketUrl);
  });

  it('the ticket page: 等待签到, when check-in opens, nothing personal', async () => {
    await phone.getByTestId('ticket-state').getByText('待签到').waitFor();
    await phone.getByText('等待签到').waitFor();
    await phone.getByText('现在可以签到。').waitFor();
    // Its own QR, for the kiosk's scanner, is the same address.
    await phone.getByRole('img', { name: /号票二维码/ }).waitFor();
    expect(await phone.getByTestId('ticket-qr').getAttribute('data-url')).toBe(ticketUrl);
    const page = await textOf(phone.locator('main'));
    expect(page).toContain('医社保办理');
    expect(page).toContain('Y20261125090001');
    expect(page).toContain('09:00–10:00');
    expect(page).not.toContain('*');
    expect(page).not.toContain(CITIZEN.idCard.slice(-4));
    expect(page).not.toContain(CITIZEN.phone.slice(-4));
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, 'ticket-page-booked-phone');

    // A booking for the afternoon says when check-in opens.
    const later = await e2e.server.api<CreateBookingResponse>('POST', '/api/v1/bookings', { serviceId: 1, date: '2026-11-25', slot: '14:00', ...LATER });
    const other = await e2e.page(IPHONE);
    await other.goto(`/t/${later.body.booking.publicToken}`);
    await other.getByTestId('check-in-opens').getByText('今天 13:00 起可签到。').waitFor();
    await screenshot(other, 'ticket-page-check-in-later-phone');
    await other.getByRole('button', { name: 'English' }).click();
    await other.getByText('Check-in opens today at 13:00.').waitFor();
    await other.getByText('Not checked in').waitFor();
    await screenshot(other, 'ticket-page-check-in-later-phone-en');
    await other.close();
  });

  it('an unknown token: 号票不存在或已过期', async () => {
    const other = await e2e.page(IPHONE);
    await other.goto('/t/AAAAAAAAAAAAAAAAAAAAAA');
    await other.getByTestId('ticket-not-found').getByText('号票不存在或已过期').waitFor();
    await screenshot(other, 'ticket-page-not-found-phone');
    await other.close();
  });

  it('the kiosk: a scanner types the QR’s address on any screen; the last 4 check in', async () => {
    await e2e.pairKiosk(kiosk);
    // On the ID card screen: the scan's characters land in the ID field, and its Enter must not submit it.
    await kiosk.getByRole('button', { name: /预约取号/ }).click();
    await kiosk.getByRole('heading', { name: '预约取号' }).waitFor();
    await kiosk.keyboard.type(ticketUrl);
    await kiosk.keyboard.press('Enter');
    await kiosk.getByRole('heading', { name: '已识别预约二维码' }).waitFor();
    await kiosk.getByText('请输入身份证后4位').waitFor();
    const confirm = kiosk.getByRole('button', { name: '确认取号' });
    expect(await confirm.isDisabled()).toBe(true);

    // A wrong last 4 is refused as an unknown code and offers the ID card instead.
    const wrong = `${(Number(CITIZEN.idCard.slice(14, 17)) + 1) % 1000}`.padStart(3, '0') + CITIZEN.idCard.slice(17);
    await clickKeys(kiosk, wrong);
    await confirm.click();
    await kiosk.getByText('预约码或身份证后4位不正确，请核对后重试，或改用身份证号取号。').waitFor();
    await kiosk.getByRole('button', { name: '改用身份证号取号' }).waitFor();
    await screenshot(kiosk, 'kiosk-scan-wrong-last4-portrait');

    await clickKeys(kiosk, CITIZEN.idCard.slice(-4));
    expect(await textOf(kiosk.getByTestId('last4'))).toBe(CITIZEN.idCard.slice(-4));
    await expectFitsScreen(kiosk);
    await screenshot(kiosk, 'kiosk-scan-last4-portrait');
    await confirm.click();
    await kiosk.getByRole('heading', { name: '取号成功' }).waitFor();
    expect(await textOf(kiosk.getByTestId('ticket-number'))).toBe('Y20261125090001');
    expect(await textOf(kiosk.getByTestId('call-number'))).toBe('Y001');
    // The ticket's QR is the same page: the phone keeps following it.
    expect(await kiosk.locator('.tickets').getByTestId('ticket-qr').getAttribute('data-url')).toBe(ticketUrl);
    await screenshot(kiosk, 'kiosk-scan-ticket-portrait');
  });

  it('the phone follows the queue, and shows 请到 1 号窗口 within 2 s of the call', async () => {
    await phone.getByTestId('ticket-call-number').getByText('Y001').waitFor();
    await phone.getByTestId('waiting-ahead').getByText('前面还有 0 人').waitFor();
    await screenshot(phone, 'ticket-page-waiting-phone');

    const cookie = await e2e.adminSession('Ticket-page-9x!');
    const called = await e2e.server.api<{ ticket: { number: string } }>('POST', '/api/v1/counters/1/call-next', {}, { cookie });
    expect(called.status).toBe(200);
    expect(called.body.ticket.number).toBe('Y20261125090001');
    const calledAt = Date.now();
    await phone.getByTestId('call-alert').getByText('请到 1 号窗口').waitFor({ timeout: 2_000 });
    expect(Date.now() - calledAt).toBeLessThan(2_000);
    // And by text message, for a citizen who left the page.
    await until(() => messages().some((m) => m.kind === 'ticket.called'));
    expect(messages().find((m) => m.kind === 'ticket.called')?.text).toContain('请 Y001 号到 1 号窗口办理');
    expect(await textOf(phone.getByTestId('call-alert'))).toContain('Y001');
    expect(await phone.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length)).toBe(1);
    await screenshot(phone, 'ticket-page-called-phone', { fullPage: false });

    await phone.getByRole('button', { name: '知道了' }).click();
    await phone.getByTestId('ticket-state').getByText('请前往窗口').waitFor();
    await screenshot(phone, 'ticket-page-called-dismissed-phone');
  });
});

async function until(ok: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out waiting for a text message');
    await new Promise((r) => setTimeout(r, 50));
  }
}
