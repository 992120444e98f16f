// A morning in the hall (Wednesday 2026-11-25 09:30): staff sign in at counter 1 with the
// first-start one-time password and set it up; the display board is paired and asked for sound;
// a kiosk walk-in appears at the counter and on the board; the counter calls it and the board
// shows it within a second and announces it in Mandarin; recall, start, complete, no-show,
// calling a number out of order and transfer; refusals in words; the board in English; and the
// board carrying on through a server restart.
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { WalkInResponse } from '../../src/contracts/kiosk.js';
import { blockAutoplay, recordSpeech, spokenOn } from './support/hall.js';
import { KIOSK_PORTRAIT, describeHall, screenshot } from './support/index.js';
import { expectFitsScreen, textOf } from './support/ui.js';

const LAPTOP = { viewport: { width: 1366, height: 768 } };
const BOARD = { viewport: { width: 1920, height: 1080 } };

/** 办事编号 -> 叫号号码 (Y001 …), as the tickets were issued: what the board, the counter and the voice say. */
const callNumbers = new Map<string, string>();
const short = (number: string) => {
  const call = callNumbers.get(number);
  if (!call) throw new Error(`no call number seen for ${number}`);
  return call;
};
const sentence = (number: string, counter: number) => `请 ${[...short(number)].join(' ')} 号到 ${counter} 号窗口办理`;

describeHall('a morning in the hall: kiosk, counter and display board', { clock: '2026-11-25T09:30:00+08:00' }, (e2e) => {
  let counter: Page;
  let board: Page;
  let boardContext: BrowserContext;
  let kiosk: Page;
  let first = '';

  const walkIn = async (serviceId: number) => {
    const res = await e2e.server.api<WalkInResponse>('POST', '/api/v1/kiosk/walk-in', { serviceId }, e2e.server.asKiosk);
    expect(res.status).toBe(201);
    callNumbers.set(res.body.ticket.number, res.body.ticket.callNumber);
    return res.body.ticket.number;
  };
  const said = async (text: string) => (await spokenOn(board)).filter((u) => u.text === text && u.lang === 'zh-CN').length;
  const button = (name: string) => counter.getByRole('button', { name, exact: true });

  beforeAll(async () => {
    counter = await e2e.page(LAPTOP);
    boardContext = await e2e.context(BOARD);
    await blockAutoplay(boardContext);
    await recordSpeech(boardContext);
    board = await boardContext.newPage();
    kiosk = await e2e.page(KIOSK_PORTRAIT);
    await e2e.pairKiosk(kiosk);
  });

  it('staff sign in with the one-time password, change it, and set up counter 1', async () => {
    await counter.goto('/counter');
    await counter.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await screenshot(counter, 'counter-sign-in');
    await e2e.signInFirstTime(counter, 'Morning-shift-2026');
    await counter.getByRole('heading', { name: '设置本窗口' }).waitFor();
    expect(await counter.getByRole('radio', { name: /1 号窗口/ }).isChecked()).toBe(true);
    expect(await counter.getByRole('checkbox', { name: /医社保办理/ }).isChecked()).toBe(true);
    await counter.getByRole('checkbox', { name: /护照通行证办理/ }).check();
    await screenshot(counter, 'counter-setup');
    await counter.getByRole('button', { name: '保存并开始叫号' }).click();
    await counter.getByText('空闲中，按“叫号”呼叫下一位').waitFor();
    expect(await textOf(counter.locator('.staff-header__place'))).toBe('1 号窗口');
    await counter.getByRole('heading', { name: '护照通行证办理' }).waitFor();
    // Remembered on this computer.
    await counter.reload();
    await counter.getByText('空闲中，按“叫号”呼叫下一位').waitFor();
    await counter.locator('.live-badge--live').waitFor();
  });

  it('the display board is paired and asks once for sound', async () => {
    await e2e.pairDisplay(board);
    const enable = board.getByRole('button', { name: /点击开启语音播报/ });
    await enable.waitFor();
    await board.getByText('暂无叫号').waitFor();
    await screenshot(board, 'display-sound-overlay');
    await enable.click();
    await enable.waitFor({ state: 'hidden' });
    await expect.poll(() => said('语音播报已开启')).toBe(1);
    await expectFitsScreen(board);
  });

  it('a kiosk walk-in appears at the counter and on the board, with its estimated wait', async () => {
    await kiosk.getByRole('button', { name: /现场取号/ }).click();
    await kiosk.getByRole('button', { name: /医社保办理/ }).click();
    await kiosk.getByRole('heading', { name: '取号成功' }).waitFor();
    first = await textOf(kiosk.getByTestId('ticket-number'));
    expect(first).toMatch(/^Y202611250930\d{2}$/);
    // The number the hall will call is the largest thing on the ticket.
    expect(await textOf(kiosk.getByTestId('call-number'))).toBe('Y001');
    callNumbers.set(first, 'Y001');
    await kiosk.getByRole('listitem').getByText('很快就会叫到您，请留意叫号').waitFor();

    const row = counter.locator(`li[data-number="${first}"]`);
    await row.waitFor();
    expect(await textOf(row)).toMatch(/现场\s*已等 0 分钟/);
    await board.getByTestId('waiting-Y').getByText('1 人').waitFor();
    await screenshot(counter, 'counter-desk-waiting');

    // The next walk-in is told how long it will wait.
    await kiosk.getByRole('button', { name: '完成' }).click();
    await kiosk.getByRole('button', { name: /现场取号/ }).click();
    await kiosk.getByRole('button', { name: /医社保办理/ }).click();
    await kiosk.getByRole('listitem').getByText(/^预计等候约 \d+ 分钟$/).waitFor();
    await screenshot(kiosk, 'kiosk-ticket-estimated-wait');
    await kiosk.getByRole('button', { name: '完成' }).click();
  });

  it('the counter calls it; the board shows it within 1 s and says it in Mandarin', async () => {
    await button('叫号').click();
    await board.getByTestId('latest-number').filter({ hasText: short(first) }).waitFor({ timeout: 1_000 });
    await board.getByTestId('latest-counter').filter({ hasText: '1 号窗口' }).waitFor({ timeout: 1_000 });
    expect(await textOf(counter.getByTestId('current-number'))).toBe(short(first));
    await counter.getByText(`已呼叫 ${short(first)}，请等候办事人到窗口`).waitFor();
    await expect.poll(() => said(sentence(first, 1)), { timeout: 8_000 }).toBe(1);
    await screenshot(counter, 'counter-desk-called');
    await screenshot(board, 'display-board');
  });

  it('keys: R recalls (announced again, after the first), S starts, C completes', async () => {
    await counter.keyboard.press('r');
    await board.getByText('第 2 次呼叫').waitFor();
    await expect.poll(() => said(sentence(first, 1)), { timeout: 8_000 }).toBe(2);
    const texts = (await spokenOn(board)).map((u) => u.text);
    expect(texts).toEqual(['语音播报已开启', sentence(first, 1), sentence(first, 1)]);

    await counter.keyboard.press('s');
    await counter.locator('.current--serving').getByText('办理中').waitFor();
    await counter.keyboard.press('c');
    await counter.getByText(`${short(first)} 已办结`).waitFor();
    await counter.getByTestId('served-today').getByText('1').waitFor();
    await counter.getByText('空闲中，按“叫号”呼叫下一位').waitFor();
  });

  it('calls a number out of order, marks a no-show, and transfers a number to another queue', async () => {
    const secondRow = counter.locator('li.queue__row').first();
    const second = (await secondRow.getAttribute('data-number')) ?? '';
    callNumbers.set(second, (await secondRow.getAttribute('data-call-number')) ?? '');
    const third = await walkIn(1);
    const thirdRow = counter.locator(`li[data-number="${third}"]`);
    await thirdRow.waitFor();
    await thirdRow.getByRole('button', { name: `呼叫 ${short(third)}` }).click();
    await board.getByTestId('latest-number').filter({ hasText: short(third) }).waitFor({ timeout: 1_000 });
    expect(await textOf(counter.getByTestId('current-number'))).toBe(short(third));
    // With a number open, nothing else can be called.
    expect(await counter.getByRole('button', { name: `呼叫 ${short(second)}` }).isDisabled()).toBe(true);
    expect(await button('叫号').isDisabled()).toBe(true);

    // 过号 asks first, and can be undone for a minute.
    await button('过号').click();
    const confirm = counter.getByRole('dialog', { name: `确认 ${short(third)} 过号？` });
    await confirm.waitFor();
    await screenshot(counter, 'counter-no-show-confirm', { fullPage: false });
    await confirm.getByRole('button', { name: '取消' }).click();
    expect(await textOf(counter.getByTestId('current-number'))).toBe(short(third));
    await counter.keyboard.press('x');
    await confirm.waitFor();
    await counter.keyboard.press('Enter');
    await counter.getByText(`${short(third)} 已过号`).waitFor();
    await counter.getByRole('button', { name: '撤销过号' }).click();
    await counter.getByText(`已撤销 ${short(third)} 的过号`).waitFor();
    expect(await textOf(counter.getByTestId('current-number'))).toBe(short(third));
    await board.getByTestId('latest-number').filter({ hasText: short(third) }).waitFor({ timeout: 1_000 });
    await button('过号').click();
    await confirm.getByRole('button', { name: '确认过号' }).click();
    await counter.getByText(`${short(third)} 已过号`).waitFor();
    // Passed numbers wait at the desk in case the person comes back.
    await counter.getByRole('button', { name: `${short(third)} 重新排队` }).waitFor();

    await button('叫号').click();
    await counter.getByTestId('current-number').getByText(short(second)).waitFor();
    await button('转移').click();
    const dialog = counter.getByRole('dialog', { name: `将 ${short(second)} 转移到` });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /护照通行证办理/ }).check();
    await screenshot(counter, 'counter-transfer-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '确认转移' }).click();
    await counter.getByText(`${short(second)} 已转到“护照通行证办理”队列`).waitFor();
    const moved = counter.locator('section.queue', { hasText: '护照通行证办理' }).locator(`li[data-number="${second}"]`);
    await moved.getByText('转入').waitFor();
    await board.getByTestId('waiting-H').getByText('1 人').waitFor();
    await screenshot(counter, 'counter-desk-transferred');
  });

  it('refusals are said in words', async () => {
    // The transferred number is the only one left: call it, finish it, then call with nobody waiting.
    await button('叫号').click();
    await counter.locator('.current--called').waitFor();
    await button('办结').click();
    await counter.getByText(/已办结$/).waitFor();
    await button('叫号').click();
    const alert = counter.getByRole('alert');
    await alert.getByText('叫号未成功').waitFor();
    await alert.getByText('当前没有等候的号').waitFor();
    await screenshot(counter, 'counter-desk-queue-empty');
    // The same refusal re-worded when the console switches to English.
    await counter.getByRole('button', { name: 'English' }).click();
    await alert.getByText('Call next did not work').waitFor();
    await alert.getByText('Nobody is waiting').waitFor();
    await counter.getByText('Free. Press “Call next” for the next person').waitFor();
    await screenshot(counter, 'counter-desk-en');
    await counter.getByRole('button', { name: '中文' }).click();
    await counter.getByText('空闲中，按“叫号”呼叫下一位').waitFor();
  });

  it('a passed number comes back once, when the person returns', async () => {
    const passedRow = counter.getByRole('button', { name: /重新排队$/ });
    const label = (await passedRow.getAttribute('aria-label')) ?? '';
    const callNumber = label.replace(' 重新排队', '');
    await passedRow.click();
    await counter.getByText(`${callNumber} 已重新排队`).waitFor();
    await counter.locator(`li.queue__row[data-call-number="${callNumber}"]`).waitFor();
    await screenshot(counter, 'counter-requeued');
    await button('叫号').click();
    await counter.getByTestId('current-number').getByText(callNumber).waitFor();
    await button('办结').click();
    await counter.getByText(`${callNumber} 已办结`).waitFor();
    expect(await counter.getByRole('button', { name: /重新排队$/ }).count()).toBe(0);
  });

  it('the board in English shows the same calls', async () => {
    const english = await boardContext.newPage();
    await english.goto('/display?lang=en');
    await english.getByRole('button', { name: /Tap to enable sound/ }).click();
    // Every call has ended: nobody is sent to a counter, and the recent calls say how each ended.
    await english.getByText('Please wait for your number').waitFor();
    await english.getByRole('heading', { name: 'Recent calls' }).waitFor();
    const recent = english.locator('.board-recent__row');
    await recent.first().getByText('done').waitFor();
    expect(await english.getByTestId('latest-number').count()).toBe(0);
    await english.getByTestId('waiting-Y').getByText('0 waiting').waitFor();
    expect(await english.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectFitsScreen(english);
    await screenshot(english, 'display-board-en');
    await english.close();
  });

  it('falls back to polling when the event stream keeps failing (a proxy that breaks SSE)', async () => {
    const allow = e2e.watch.allow(/status of 502/);
    const page = await boardContext.newPage();
    try {
      await page.route(/\/api\/v1\/events(\?.*)?$/, (route) => route.fulfill({ status: 502, body: 'Bad Gateway' }));
      const polled = page.waitForRequest(/\/api\/v1\/events\/poll/);
      await page.goto('/display');
      await page.getByRole('button', { name: /点击开启语音播报/ }).click();
      await polled;
      const next = await walkIn(1);
      await page.getByTestId('waiting-Y').getByText('1 人').waitFor();
      await counter.locator(`li[data-number="${next}"]`).waitFor();
      await button('叫号').click();
      // Polling every 2 s: slower than the stream, still well within the default wait.
      await page.getByTestId('latest-number').filter({ hasText: short(next) }).waitFor();
      await button('办结').click();
      await counter.getByText(`${short(next)} 已办结`).waitFor();
    } finally {
      await page.close();
      allow();
    }
  });

  it('keeps working through a server restart, showing that it is reconnecting', async () => {
    const allow = e2e.watch.allow(/ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ERR_INCOMPLETE_CHUNKED_ENCODING|Failed to load resource/);
    try {
      await e2e.server.restart(async () => {
        await board.getByText('正在重新连接…').waitFor();
        await screenshot(board, 'display-reconnecting');
      });
      await board.getByText('正在重新连接…').waitFor({ state: 'hidden', timeout: 20_000 });
      const after = await walkIn(1);
      await counter.locator(`li[data-number="${after}"]`).waitFor({ timeout: 20_000 });
      await button('叫号').click();
      await board.getByTestId('latest-number').filter({ hasText: short(after) }).waitFor();
      await expect.poll(() => said(sentence(after, 1)), { timeout: 8_000 }).toBe(1);
    } finally {
      allow();
    }
  });
});
