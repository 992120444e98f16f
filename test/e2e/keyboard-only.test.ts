// Without a mouse: a citizen books, looks the booking up and cancels it with the keyboard alone
// (Tab, arrows, Space, Enter, Escape). Focus is always visible; the cancel dialog keeps the focus
// inside and gives it back; the result and errors are announced by live regions.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { person } from '../support/people.js';
import { describeHall, screenshot } from './support/index.js';

const CITIZEN = person(41);
const LAPTOP = { viewport: { width: 1280, height: 900 } };

/** Presses Tab until the focused element matches, checking on the way that focus is visible. */
async function tabTo(page: Page, matches: (el: { role: string | null; text: string; tag: string; type: string | null; name: string | null }) => boolean, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a || a === document.body) return null;
      const style = getComputedStyle(a);
      // A heading the page focuses for screen readers after navigating (tabindex -1) is not a control.
      const control = a.getAttribute('tabindex') !== '-1';
      const visible = !control || (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return {
        role: a.getAttribute('role'),
        text: (a.getAttribute('aria-label') ?? a.textContent ?? '').trim(),
        tag: a.tagName,
        type: a.getAttribute('type'),
        name: a.getAttribute('name'),
        visible,
      };
    });
    if (!el) continue;
    expect(el.visible, `focus visible on ${el.tag} "${el.text.slice(0, 30)}"`).toBe(true);
    if (matches(el)) return;
  }
  throw new Error('never reached the element by Tab');
}

describeHall('keyboard only', { clock: '2026-11-25T08:30:00+08:00' }, (e2e) => {
  let page: Page;
  let number = '';

  beforeAll(async () => {
    page = await e2e.page(LAPTOP);
  });

  it('books a slot with the keyboard alone', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: '选择办理业务' }).waitFor();
    await tabTo(page, (el) => el.tag === 'A' && el.text.includes('医社保办理'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '医社保办理' }).waitFor();
    await page.locator('input[name="slot"]').first().waitFor();
    // The slots are a radio group: Tab into it, arrows move, Space chooses.
    await tabTo(page, (el) => el.tag === 'INPUT' && el.type === 'radio' && el.name === 'slot');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    expect(await page.locator('input[name="slot"]:checked').count()).toBe(1);
    await tabTo(page, (el) => el.tag === 'INPUT' && (el.type === null || el.type === 'text'));
    // An error is announced, and the field keeps the focus.
    await page.keyboard.type('12345');
    await page.keyboard.press('Tab');
    await page.getByText(/身份证号不正确/).waitFor();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(CITIZEN.idCard);
    await page.keyboard.press('Tab');
    await page.keyboard.type(CITIZEN.phone);
    await page.keyboard.press('Enter');
    await page.getByText('预约成功').waitFor();
    number = (await page.getByTestId('booking-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^Y20261125/);
    await screenshot(page, 'keyboard-booked');
  });

  it('looks it up and cancels it; the dialog keeps the focus and gives it back', async () => {
    await page.goto('/records');
    // The page's own chunk may take a moment on a busy machine: Tab through it once it is there.
    await page.getByRole('textbox', { name: '身份证号' }).waitFor();
    await tabTo(page, (el) => el.tag === 'INPUT' && (el.type === null || el.type === 'text'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type(CITIZEN.idCard);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(CITIZEN.phone);
    await page.keyboard.press('Enter');
    await page.locator('li.card', { hasText: number }).waitFor();
    await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === '取消预约');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '确定取消这个预约吗？' });
    await dialog.waitFor();
    // Tab cycles inside the dialog.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    // Escape closes it and the focus is back on the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('取消预约');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '确定取消' }).focus();
    await page.keyboard.press('Enter');
    // The outcome is in a live region, so a screen reader says it.
    const said = page.locator('[aria-live], [role="status"], [role="alert"]').filter({ hasText: `已取消预约 ${number}` });
    await said.first().waitFor();
    await screenshot(page, 'keyboard-cancelled');
  });
});
