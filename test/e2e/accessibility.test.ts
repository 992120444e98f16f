// Accessibility, measured with axe-core: every screen — booking, 我的预约, the ticket page, kiosk,
// counter, display, the 评价器 and the admin console — in Chinese and in English has no critical
// and no serious violation of WCAG 2.1 A/AA.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { signIn } from './support/hall.js';
import { KIOSK_PORTRAIT, PHONE, describeHall, screenshot } from './support/index.js';

const LAPTOP = { viewport: { width: 1366, height: 900 } };
const ADMIN_PASSWORD = 'Accessible-2026';

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

async function serious(page: Page): Promise<Finding[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/** Checks the page as it is, then in English (its language switch), and back. */
async function bothLanguages(page: Page, name: string): Promise<void> {
  expect(await serious(page), `${name} (zh)`).toEqual([]);
  const english = page.getByRole('button', { name: 'English', exact: true });
  if ((await english.count()) === 0) return;
  await english.first().click();
  await page.locator('html[lang="en"]').waitFor();
  expect(await serious(page), `${name} (en)`).toEqual([]);
  await page.getByRole('button', { name: '中文', exact: true }).first().click();
  await page.locator('html[lang="zh-CN"]').waitFor();
}

describeHall('every screen passes axe', { clock: '2026-11-25T10:00:00+08:00' }, (e2e) => {
  let cookie = '';
  let ticketPath = '';

  beforeAll(async () => {
    cookie = await e2e.adminSession(ADMIN_PASSWORD);
    const walk = await e2e.server.api<{ ticket: { publicToken: string } }>('POST', '/api/v1/kiosk/walk-in', { serviceId: 1 }, e2e.server.asKiosk);
    ticketPath = `/t/${walk.body.ticket.publicToken}`;
  });

  it('the booking pages on a phone', async () => {
    const phone = await e2e.page(PHONE);
    await phone.goto('/');
    await phone.getByRole('heading', { name: '选择办理业务' }).waitFor();
    await bothLanguages(phone, 'booking home');
    await phone.getByRole('link', { name: /医社保办理/ }).click();
    await phone.getByRole('heading', { name: '医社保办理' }).waitFor();
    await bothLanguages(phone, 'service page');
    await phone.goto('/records');
    await phone.getByRole('button', { name: /查询/ }).first().waitFor();
    await bothLanguages(phone, '我的预约');
    await phone.goto(ticketPath);
    await phone.getByText('叫号号码').waitFor();
    await bothLanguages(phone, 'ticket page');
  });

  it('the kiosk, the display board and the 评价器', async () => {
    const kiosk = await e2e.page(KIOSK_PORTRAIT);
    await e2e.pairKiosk(kiosk);
    await bothLanguages(kiosk, 'kiosk');
    const board = await e2e.page(LAPTOP);
    await e2e.pairDisplay(board);
    await board.getByTestId('counter-state-1').waitFor();
    expect(await serious(board), 'display').toEqual([]);
    const made = await e2e.server.api<{ pairPath: string }>('POST', '/api/v1/devices', { kind: 'evaluator', name: 'pad', counterNumber: 1 }, { cookie });
    const pad = await e2e.page({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    await pad.goto(made.body.pairPath);
    await pad.getByText('请为我们的服务评价').waitFor();
    await bothLanguages(pad, '评价器');
  });

  it('长辈版 on a phone and at the kiosk: larger text, kept on the device, still no violation', async () => {
    const phone = await e2e.page(PHONE);
    await phone.goto('/');
    await phone.getByRole('heading', { name: '选择办理业务' }).waitFor();
    const size = () => phone.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    const before = await size();
    await phone.getByRole('button', { name: '长辈版' }).click();
    expect(await phone.getByTestId('elder-switch').getAttribute('aria-pressed')).toBe('true');
    expect(await size()).toBeGreaterThanOrEqual(before * 1.5);
    const spacing = await phone.evaluate(() => {
      const p = document.querySelector('main p') ?? document.body;
      const style = getComputedStyle(p);
      return Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize);
    });
    expect(spacing).toBeGreaterThanOrEqual(1.3);
    await screenshot(phone, 'elder-booking-home-phone');
    expect(await serious(phone), 'booking home (长辈版)').toEqual([]);
    // Kept on the device: the next page and a reload are still 长辈版.
    await phone.getByRole('link', { name: /医社保办理/ }).click();
    await phone.getByRole('heading', { name: '医社保办理' }).waitFor();
    await phone.reload();
    await phone.getByRole('heading', { name: '医社保办理' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.dataset.elder)).toBe('on');
    await phone.getByRole('radio', { name: /10:00–11:00/ }).waitFor();
    const target = await phone.getByRole('button', { name: '提交预约' }).boundingBox();
    expect(target?.height ?? 0).toBeGreaterThanOrEqual(48);
    await screenshot(phone, 'elder-service-phone');
    expect(await serious(phone), 'service page (长辈版)').toEqual([]);
    await phone.goto('/records');
    await phone.getByRole('button', { name: /查询/ }).first().waitFor();
    await screenshot(phone, 'elder-records-phone');
    expect(await serious(phone), '我的预约 (长辈版)').toEqual([]);
    await phone.goto(ticketPath);
    await phone.getByText('叫号号码').waitFor();
    await screenshot(phone, 'elder-ticket-phone');
    expect(await serious(phone), 'ticket page (长辈版)').toEqual([]);
    await phone.getByRole('button', { name: '标准版' }).click();
    expect(await phone.evaluate(() => document.documentElement.dataset.elder)).toBeUndefined();

    const kiosk = await e2e.page(KIOSK_PORTRAIT);
    await e2e.pairKiosk(kiosk);
    const kioskText = () => kiosk.evaluate(() => Number.parseFloat(getComputedStyle(document.querySelector('.kiosk') as Element).fontSize));
    const standard = await kioskText();
    await kiosk.getByRole('button', { name: '长辈版' }).click();
    expect(await kioskText()).toBeGreaterThanOrEqual(standard * 1.5);
    await screenshot(kiosk, 'elder-kiosk');
    expect(await serious(kiosk), 'kiosk (长辈版)').toEqual([]);
    for (const button of await kiosk.locator('main button').all()) {
      const box = await button.boundingBox();
      if (box) expect(box.height).toBeGreaterThanOrEqual(60);
    }
  });

  it('the counter and the admin console', async () => {
    const counter = await e2e.page(LAPTOP);
    await counter.goto('/counter');
    await signIn(counter, e2e.server.firstStart.username, ADMIN_PASSWORD);
    await counter.getByRole('button', { name: '保存并开始叫号' }).click();
    await counter.getByText('空闲中，按“叫号”呼叫下一位').waitFor();
    await bothLanguages(counter, 'counter');
    const admin = await e2e.page(LAPTOP);
    await admin.goto('/admin');
    await signIn(admin, e2e.server.firstStart.username, ADMIN_PASSWORD);
    await admin.getByRole('heading', { name: '今日' }).first().waitFor();
    await bothLanguages(admin, 'admin today');
    for (const tab of ['services', 'reports', 'ratings', 'staff', 'noShow']) {
      await admin.goto(`/admin?tab=${tab}`);
      await admin.locator('main h1').first().waitFor();
      expect(await serious(admin), `admin ${tab}`).toEqual([]);
    }
  });
});
