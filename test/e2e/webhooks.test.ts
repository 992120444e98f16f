// Webhook 推送 in the admin console, against a receiver on this machine: the hall manager adds an
// endpoint (its secret shown once, and the list never shows it again), sends a test, and the
// delivery log shows it delivered; the receiver got a ping whose signature checks with that secret.
// Hall clock: Thursday 2026-12-10 09:30.
import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/server/messaging/webhook-signature.js';
import { describeHall, screenshot } from './support/index.js';
import { expectNoHorizontalScroll, textOf } from './support/ui.js';

const LAPTOP = { viewport: { width: 1280, height: 800 } };

const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => {
    body += c;
  });
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    res.writeHead(204).end();
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const RECEIVER = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
afterAll(() => new Promise((r) => receiver.close(r)));

describeHall('webhooks: add an endpoint, send a test, the log shows it delivered', { clock: '2026-12-10T09:30:00+08:00' }, (e2e) => {
  let admin: Page;
  let secret = '';

  beforeAll(async () => {
    admin = await e2e.page(LAPTOP);
  });

  it('adds an endpoint; its secret is shown once', async () => {
    await admin.goto('/admin');
    await admin.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await e2e.signInFirstTime(admin, 'Hall-hooks-2026');
    await admin.getByRole('heading', { name: '今日', level: 1 }).waitFor();
    await admin.getByRole('navigation', { name: '管理后台导航' }).getByRole('link', { name: /Webhook 推送/ }).click();
    await admin.getByRole('heading', { name: 'Webhook 推送', level: 1 }).waitFor();
    await admin.getByText('还没有推送地址。').waitFor();
    await admin.getByRole('button', { name: '新增推送地址' }).click();
    const form = admin.getByTestId('webhook-form');
    await form.getByRole('button', { name: '新增' }).click();
    await form.getByText('请输入以 http:// 或 https:// 开头的地址').waitFor();
    await form.getByText('至少选择一个事件').waitFor();
    await form.getByRole('textbox', { name: '推送地址' }).fill(RECEIVER);
    await form.getByRole('checkbox', { name: /^叫号/ }).check();
    await form.getByRole('checkbox', { name: /^办结/ }).check();
    await screenshot(admin, 'webhooks-form');
    await form.getByRole('button', { name: '新增' }).click();
    const shown = admin.getByTestId('one-time-secret');
    await shown.getByText('签名密钥（只显示这一次）').waitFor();
    secret = await shown.getByRole('textbox', { name: '密钥' }).inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await screenshot(admin, 'webhooks-secret');
    await shown.getByRole('button', { name: '完成' }).click();
    const table = admin.getByTestId('webhooks-table');
    await table.getByText(RECEIVER).waitFor();
    expect(await textOf(table)).toContain('叫号、办结');
    expect(await textOf(admin.locator('main'))).not.toContain(secret);
  });

  it('sends a test, and the delivery log shows it delivered; the receiver can check its signature', async () => {
    await admin.getByTestId('webhooks-table').getByRole('button', { name: '发送测试' }).click();
    await admin.getByText('测试推送已排队，请在投递记录中查看结果。').waitFor();
    const log = admin.getByTestId('webhook-log');
    await log.waitFor();
    await expect
      .poll(
        async () => {
          await log.getByRole('button', { name: '刷新' }).click();
          return (await log.locator('tr[data-status="delivered"]').count()) > 0;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(true);
    const row = log.locator('tr[data-event="ping"]');
    expect(await textOf(row)).toContain('已送达');
    expect(await textOf(row)).toContain('HTTP 204');
    await expectNoHorizontalScroll(admin);
    await screenshot(admin, 'webhooks-log');

    expect(received.length).toBe(1);
    const [ping] = received;
    expect(ping?.headers['x-vreserve-event']).toBe('ping');
    const timestamp = String(ping?.headers['x-vreserve-timestamp']);
    expect(verifyWebhook(secret, { signature: String(ping?.headers['x-vreserve-signature']), timestamp }, ping?.body ?? '', Number(timestamp))).toBe(true);
    expect(JSON.parse(ping?.body ?? '{}')).toMatchObject({ id: 0, event: 'ping', hallCode: 'MAIN' });
  });
});
