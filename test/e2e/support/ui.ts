// Small page helpers shared by the browser tests.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The element's text once it is visible, whitespace collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Types on the kiosk's on-screen keypad by pressing its buttons. */
export async function clickKeys(page: Page, text: string): Promise<void> {
  const keypad = page.getByRole('group', { name: /身份证号键盘|ID card number keypad/ });
  for (const ch of text) await keypad.getByRole('button', { name: ch, exact: true }).click();
}

/** Nothing sticks out sideways at this viewport width. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

/** A kiosk screen fits the screen: no scrolling either way (nobody scrolls a kiosk). */
export async function expectFitsScreen(page: Page): Promise<void> {
  const size = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
  }));
  expect(size.width, 'page width').toBeLessThanOrEqual(size.innerWidth);
  expect(size.height, 'page height').toBeLessThanOrEqual(size.innerHeight);
}

/** A finger dragging the page down from near the top (real touch events through CDP). */
export async function pullDown(page: Page, distance = 240): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const x = 180;
  const y0 = 200;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let dy = 20; dy <= distance; dy += 20) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + dy }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
