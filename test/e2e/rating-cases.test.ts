// Issue 14, the hall's side of 好差评: a 非常不满意 with a reason appears in the admin console as a
// case due in 15 working days; the admin puts it right (整改), records the follow-up call (回访) and
// closes it; the satisfaction figures show it put right and followed up.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { signIn } from './support/hall.js';
import { describeHall, screenshot } from './support/index.js';

const LAPTOP = { viewport: { width: 1366, height: 900 } };
const ADMIN_PASSWORD = 'Rating-cases-2026';

interface Walk {
  ticket: { number: string; publicToken: string };
}

describeHall('a 差评 is followed up and closed', { clock: '2026-11-25T10:00:00+08:00' }, (e2e) => {
  let admin: Page;
  let number: string;

  beforeAll(async () => {
    const cookie = await e2e.adminSession(ADMIN_PASSWORD);
    const api = e2e.server.api.bind(e2e.server);
    // Two tickets served at counter 1 and rated from their pages: one 满意, one 非常不满意 (服务态度).
    for (const [level, reasons] of [
      ['satisfied', []],
      ['very_dissatisfied', ['attitude']],
    ] as const) {
      const walk = await api<Walk>('POST', '/api/v1/kiosk/walk-in', { serviceId: 1 }, e2e.server.asKiosk);
      expect((await api('POST', '/api/v1/counters/1/call-next', {}, { cookie })).status).toBe(200);
      expect((await api('POST', `/api/v1/tickets/${walk.body.ticket.number}/complete`, {}, { cookie })).status).toBe(200);
      const rated = await api('POST', `/api/v1/t/${walk.body.ticket.publicToken}/rating`, { level, reasons, comment: level === 'satisfied' ? null : '态度不好' });
      expect(rated.status).toBe(201);
      number = walk.body.ticket.number;
    }
    admin = await e2e.page(LAPTOP);
    await admin.goto('/admin?tab=ratings');
    await signIn(admin, e2e.server.firstStart.username, ADMIN_PASSWORD);
  });

  it('the case is listed with its rating, reason and due date; the figures count it', async () => {
    const row = admin.getByTestId(`case-${number}`);
    await row.waitFor();
    // Wednesday 25 November + 15 working days = Wednesday 16 December.
    await row.getByText('非常不满意 (服务态度)').waitFor();
    await row.getByText('待整改').waitFor();
    await row.getByText('2026-12-16').waitFor();
    await admin.getByTestId('satisfaction-summary').getByText('共 2 条评价，满意率 50%；差评 1 件，整改率 0%，回访率 0%').waitFor();
    await screenshot(admin, 'ratings-admin-case-open');
  });

  it('整改, 回访 and 办结, each with a note; the figures follow', async () => {
    await admin.getByTestId(`case-${number}`).getByRole('button', { name: '处理' }).click();
    const detail = admin.getByTestId('case-detail');
    await detail.getByText('群众意见：态度不好').waitFor();
    const start = detail.getByRole('form', { name: '开始整改' });
    // Nothing written, nothing to press.
    expect(await start.getByRole('button', { name: '开始整改' }).isDisabled()).toBe(true);
    await start.getByLabel('整改措施').fill('窗口人员服务规范培训');
    await start.getByRole('button', { name: '开始整改' }).click();
    await admin.getByTestId(`case-${number}`).getByText('整改中').waitFor();

    const revisit = admin.getByTestId('case-detail').getByRole('form', { name: '登记回访' });
    await revisit.getByLabel('回访日期').fill('2026-11-25');
    await revisit.getByLabel('回访情况').fill('电话回访，群众表示认可');
    await revisit.getByLabel('回访后满意度').selectOption('satisfied');
    await revisit.getByLabel('整改结果').fill('已培训并调整窗口排班');
    await revisit.getByRole('button', { name: '登记回访' }).click();
    await admin.getByTestId(`case-${number}`).getByText('已回访').waitFor();
    await admin.getByTestId('case-detail').getByText('回访：2026-11-25，电话回访，群众表示认可，回访后评价：满意').waitFor();

    const close = admin.getByTestId('case-detail').getByRole('form', { name: '办结' });
    await close.getByLabel(/办结说明/).fill('结案');
    await close.getByRole('button', { name: '办结' }).click();
    await admin.getByTestId(`case-${number}`).getByText('已办结').waitFor();
    await admin.getByTestId('cases-summary').getByText('未办结 0 件，其中超期 0 件').waitFor();
    const steps = await admin.getByTestId('case-detail').getByRole('list', { name: '处理经过' }).getByRole('listitem').allTextContents();
    expect(steps.map((s) => s.split(' · ')[1])).toEqual(['待整改', '整改中', '已回访', '已办结']);
    await admin.getByTestId('satisfaction-summary').getByText('共 2 条评价，满意率 50%；差评 1 件，整改率 100%，回访率 100%').waitFor();
    await screenshot(admin, 'ratings-admin-case-closed');
  });
});
