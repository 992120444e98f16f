// 长辈版 at the kiosk speaks each step and the number issued in Mandarin, and 重听 says it again.
import { expect, it } from 'vitest';
import { recordSpeech, spokenOn } from './support/hall.js';
import { KIOSK_PORTRAIT, describeHall, screenshot } from './support/index.js';

describeHall('the kiosk speaks in 长辈版', { clock: '2026-11-25T10:00:00+08:00' }, (e2e) => {
  it('reads out the steps and the ticket, and repeats on 重听', async () => {
    const context = await e2e.context(KIOSK_PORTRAIT);
    await recordSpeech(context);
    const kiosk = await context.newPage();
    await e2e.pairKiosk(kiosk);
    const said = async () => (await spokenOn(kiosk)).filter((u) => u.lang === 'zh-CN').map((u) => u.text);

    // Standard: silent, and no 重听.
    expect(await kiosk.getByRole('button', { name: '重听' }).count()).toBe(0);
    await kiosk.getByRole('button', { name: '长辈版' }).click();
    await expect.poll(async () => (await said()).some((s) => s.startsWith('请选择取号方式'))).toBe(true);

    await kiosk.getByRole('button', { name: /现场取号/ }).click();
    await kiosk.getByRole('heading', { name: '现场取号' }).waitFor();
    await expect.poll(async () => (await said()).some((s) => s.startsWith('现场取号'))).toBe(true);
    await kiosk.getByRole('button', { name: /医社保办理/ }).click();
    await kiosk.getByRole('heading', { name: '取号成功' }).waitFor();
    const number = (await kiosk.getByTestId('call-number').first().textContent())?.trim() ?? '';
    const spelled = [...number].join(' ');
    await expect.poll(async () => (await said()).filter((s) => s.includes(`您的号码是 ${spelled} 号`)).length).toBe(1);
    await kiosk.getByRole('button', { name: '重听' }).click();
    await expect.poll(async () => (await said()).filter((s) => s.includes(`您的号码是 ${spelled} 号`)).length).toBe(2);
    await screenshot(kiosk, 'elder-kiosk-ticket');
    await kiosk.getByRole('button', { name: '标准版' }).click();
  });
});
