// Kiosks and display boards must be paired: an unpaired kiosk tells citizens it is out of service
// (how to pair it is folded away for staff), an unpaired display says so and asks for staff; a
// wrong or revoked link says that; the first-start pairing link pairs and disappears from the
// address bar; a kiosk is not a display.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { blockAutoplay } from './support/hall.js';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, describeHall, screenshot } from './support/index.js';
import { expectFitsScreen, textOf } from './support/ui.js';

const BOARD = { viewport: { width: 1920, height: 1080 } };

describeHall('pairing kiosks and displays', { clock: '2026-11-25T09:30:00+08:00' }, (e2e) => {
  let kiosk: Page;

  beforeAll(async () => {
    kiosk = await e2e.page(KIOSK_PORTRAIT);
  });

  it('an unpaired kiosk tells citizens it is out of service; how to pair it is folded away for staff', async () => {
    await kiosk.goto('/kiosk');
    await kiosk.getByRole('heading', { name: '暂停服务，请联系工作人员' }).waitFor();
    // Citizens are not shown pairing instructions (issue 10).
    expect(await kiosk.getByText('请联系大厅工作人员获取本机的配对链接').isVisible()).toBe(false);
    expect(await kiosk.getByRole('button', { name: /现场取号/ }).count()).toBe(0);
    await expectFitsScreen(kiosk);
    await screenshot(kiosk, 'kiosk-unpaired-portrait');
    await kiosk.getByText('工作人员：如何恢复本机').click();
    await kiosk.getByRole('heading', { name: '本取号机尚未配对' }).waitFor();
    await kiosk.getByText('请联系大厅工作人员获取本机的配对链接').waitFor();
    await screenshot(kiosk, 'kiosk-unpaired-staff-help');
    await kiosk.getByRole('button', { name: 'English' }).click();
    await kiosk.getByRole('heading', { name: 'Out of service: please ask a member of staff' }).waitFor();
    await kiosk.getByText('Ask hall staff for this kiosk’s pairing link').waitFor();
    await screenshot(kiosk, 'kiosk-unpaired-portrait-en');
    await kiosk.getByRole('button', { name: '中文' }).click();
    // The server agrees: no numbers without pairing.
    expect((await kiosk.request.post('/api/v1/kiosk/walk-in', { data: { serviceId: 1 } })).status()).toBe(401);
  });

  it('a wrong pairing link says so and leaves the address', async () => {
    await kiosk.goto('/kiosk#pair=NotARealDeviceToken_0123456789');
    // Staff just tried a link: the folded help is open and says what went wrong.
    await kiosk.getByRole('alert').getByText('这个配对链接无效或已被撤销，请向工作人员索取新的链接。').waitFor();
    await kiosk.getByRole('heading', { name: '暂停服务，请联系工作人员' }).waitFor();
    await kiosk.getByRole('heading', { name: '本取号机尚未配对' }).waitFor();
    expect(kiosk.url()).not.toContain('pair=');
  });

  it('the pairing link pairs the kiosk, which stays paired and issues numbers', async () => {
    await e2e.pairKiosk(kiosk);
    expect(new URL(kiosk.url()).pathname).toBe('/kiosk');
    expect(new URL(kiosk.url()).hash).toBe('');
    await kiosk.reload();
    await kiosk.getByRole('heading', { name: '请选择取号方式' }).waitFor();
    await kiosk.getByRole('button', { name: /现场取号/ }).click();
    await kiosk.getByRole('button', { name: /护照通行证办理/ }).click();
    await kiosk.getByRole('heading', { name: '取号成功' }).waitFor();
    expect(await textOf(kiosk.getByTestId('ticket-number'))).toMatch(/^H202611250930\d{2}$/);
    await kiosk.getByRole('listitem').getByText('很快就会叫到您，请留意叫号').waitFor();
    await kiosk.getByRole('button', { name: '完成' }).click();
  });

  it('a paired kiosk is not a display board', async () => {
    await kiosk.goto('/display');
    await kiosk.getByRole('heading', { name: '本显示屏尚未配对' }).waitFor();
    await kiosk.getByText('本机已配对为取号机，不能用作叫号显示屏。').waitFor();
  });

  it('an unpaired display says so; its pairing link pairs it', async () => {
    const context = await e2e.context(BOARD);
    await blockAutoplay(context);
    const board = await context.newPage();
    await board.goto('/display?lang=en');
    await board.getByRole('heading', { name: 'This display is not paired' }).waitFor();
    await screenshot(board, 'display-unpaired-en');
    await board.goto('/display');
    await board.getByRole('heading', { name: '本显示屏尚未配对' }).waitFor();
    await expectFitsScreen(board);
    await screenshot(board, 'display-unpaired');
    await e2e.pairDisplay(board);
    await board.getByRole('button', { name: /点击开启语音播报/ }).waitFor();
    await board.getByRole('heading', { name: '最近叫号' }).waitFor();
  });

  it('a landscape kiosk shows the unpaired screen fitting the screen', async () => {
    const page = await e2e.page(KIOSK_LANDSCAPE);
    await page.goto('/kiosk');
    await page.getByRole('heading', { name: '暂停服务，请联系工作人员' }).waitFor();
    await expectFitsScreen(page);
    await screenshot(page, 'kiosk-unpaired-landscape');
  });
});
