import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort, webProcess, type ServiceProcess } from '@app/local-infra';
import { DEV_PASSWORD } from '@app/reference-data';
import {
  eventually,
  isolatedEnv,
  staffAuth,
  startSystem,
  type IsolatedEnv,
  type RunningSystem,
} from '@app/testing';

const repoRoot = join(__dirname, '..');
const screenshots = join(repoRoot, 'test-output', 'screenshots');

/**
 * The web front end in a real browser (Debian's Chromium, headless) against the running services, through
 * the web server's proxy. Each page is photographed into test-output/screenshots/.
 */
describe('web front end (browser)', () => {
  let env: IsolatedEnv;
  let system: RunningSystem;
  let web: ServiceProcess;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    env = await isolatedEnv('e2e_web');
    system = await startSystem(env);
    web = webProcess({
      repoRoot,
      port: await freePort(),
      upstreams: { intake: system.intake.url, router: system.router.url, tracking: system.tracking.url },
      logFile: join(repoRoot, '.run', `${env.databaseName}-web.log`),
      env: { LOG_LEVEL: 'warn' },
    });
    web.start();
    await web.waitUntilReady(30_000);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await system?.stop();
    await env?.drop();
  });

  /** A browser context in which a seeded staff member signed in through the login page. */
  async function signedIn(username: string): Promise<BrowserContext> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await page.goto(`${web.url}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEV_PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.close();
    return context;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

  it('serves the app for deep links, its health, and service errors through the proxy', async () => {
    const page = await fetch(`${web.url}/desk/items/abc`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect((await fetch(`${web.url}/health/live`)).status).toBe(200);
    const unauthenticated = await fetch(`${web.url}/svc/tracking/api/v1/items/YM-20000101-000001-0`);
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ error: { code: 'AUTH.UNAUTHENTICATED' } });
  });

  it('shows the sign-in page to anyone not signed in', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${web.url}/dashboard`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('用户名').fill('clerk01');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').getByText('用户名或密码错误').waitFor();
    await shot(page, '01-login');
    await context.close();
  });

  /** Shared by the steps below, which follow one item from the window to the citizen. */
  const flow = {
    receiptNo: '',
    itemId: '',
    desks: new Map<string, Page>(),
    contexts: [] as BrowserContext[],
    board: undefined as Page | undefined,
    totalBefore: 0,
  };
  afterAll(async () => {
    for (const c of flow.contexts) await c.close();
  });

  it('a clerk enters an item with the keyboard, sees field errors from the API, and gets a receipt', async () => {
    // Both workers of 德城区公安分局 have their desk open before the item exists: the offer must arrive live.
    for (const worker of ['ga-dc-01', 'ga-dc-02']) {
      const context = await signedIn(worker);
      flow.contexts.push(context);
      const desk = await context.newPage();
      await desk.goto(`${web.url}/`);
      await desk.getByRole('heading', { name: '承办工作台' }).waitFor();
      await desk.getByTestId('offers').getByText('暂无待签收事项').waitFor();
      flow.desks.set(worker, desk);
    }

    // The committee's dashboard, before: how many items the period holds.
    const committee = await signedIn('zfw01');
    flow.contexts.push(committee);
    flow.board = await committee.newPage();
    await flow.board.goto(`${web.url}/`);
    await flow.board.getByRole('heading', { name: '政法委驾驶舱' }).waitFor();
    await flow.board.getByTestId('kpi-total').getByText(/^\d+$/).waitFor();
    flow.totalBefore = Number(await flow.board.getByTestId('kpi-total').textContent());

    const context = await signedIn('clerk01');
    flow.contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${web.url}/`);
    await page.getByRole('heading', { name: '窗口受理' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/window');

    // The name field has the focus; the clerk tabs through the form.
    await page.keyboard.type('张三');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12345678901'); // not a mainland mobile number
    await page.getByLabel('所在区县').selectOption({ label: '德城区' });
    await page.getByLabel('详细地址').fill('新湖街道湖滨北路 12 号');
    await page.getByLabel('标题').fill('电动车被盗');
    await page.getByLabel(/诉求描述/).fill('昨晚停在小区楼下的电动车被盗，请派出所调查。');
    // The routing preview names the agency and why, before anything is submitted.
    await page.getByTestId('preview-agency').getByText('公安').waitFor();
    await shot(page, '02-window-form-preview');

    await page.getByLabel('标题').press('Enter');
    const mobileError = page.locator('label.field.invalid', { hasText: '手机号' }).locator('.field-error');
    await mobileError.waitFor();
    expect(await mobileError.textContent()).toMatch(/手机号/);
    await shot(page, '03-window-field-error');

    await page.getByLabel('手机号').fill('13800138000');
    await page.getByLabel('手机号').press('Enter');
    flow.receiptNo = (await page.getByTestId('receipt-no').textContent())?.trim() ?? '';
    expect(flow.receiptNo).toMatch(/^YM-\d{8}-\d{6}-\d$/);
    await shot(page, '04-window-receipt');
    // The printed slip is the receipt alone: no navigation, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印回执' }).isVisible()).toBe(false);
    expect(await page.getByTestId('receipt-no').isVisible()).toBe(true);
    await shot(page, '05-window-receipt-print');
    await page.emulateMedia({ media: 'screen' });

    // The same citizen again: once tracking has recorded the item, the window warns of it before a second
    // one is entered.
    await eventually(
      'the item to be recorded in tracking',
      async () =>
        (
          await fetch(`${web.url}/svc/tracking/api/v1/items/${flow.receiptNo}`, {
            headers: staffAuth('committee'),
          })
        ).ok || undefined,
      { timeoutMs: 60_000 },
    );
    await page.getByRole('button', { name: '继续受理下一位' }).click();
    await page.getByLabel('手机号').fill('13800138000');
    await page.getByTestId('duplicate-warning').getByText(flow.receiptNo, { exact: false }).waitFor();
    await shot(page, '06-window-duplicate-warning');
  });

  it('the assigned worker sees the offer appear without reloading, signs, replies and resolves', async () => {
    const offered = await eventually(
      'the item to be offered to a worker',
      async () => {
        const res = await fetch(`${web.url}/svc/tracking/api/v1/items/${flow.receiptNo}`, {
          headers: staffAuth('committee'),
        });
        return res.ok
          ? ((await res.json()) as { itemId: string; status: string; offer: { workerId: string } | null })
          : undefined;
      },
      { accept: (v) => v?.status === 'offered' && Boolean(v.offer), timeoutMs: 30_000 },
    );
    const desk = flow.desks.get(offered?.offer?.workerId ?? '');
    if (!offered || !desk)
      throw new Error(`offered to ${offered?.offer?.workerId}, not a 德城区公安分局 worker`);
    flow.itemId = offered.itemId;

    const offer = desk.getByTestId('offers').locator('li', { hasText: flow.receiptNo });
    await offer.waitFor({ timeout: 20_000 });
    expect(await offer.locator('.countdown').textContent()).toMatch(/签收剩余/);
    await shot(desk, '07-desk-offer');

    await offer.getByRole('button', { name: '签收' }).click();
    await desk.getByRole('status').getByText(`已签收 ${flow.receiptNo}`).waitFor();
    await desk.getByRole('tab', { name: /我的任务/ }).click();
    await desk.getByTestId('tasks').getByRole('link', { name: flow.receiptNo }).click();
    await desk.getByRole('heading', { name: '电动车被盗' }).waitFor();
    expect(await desk.getByTestId('item-status').textContent()).toBe('已签收');

    await desk.getByRole('button', { name: '联系群众' }).click();
    await desk.getByLabel(/联系情况/).fill('已电话联系张三，告知正在调取监控');
    await desk.getByRole('button', { name: '确定' }).click();
    await desk.getByRole('status').getByText('已记录联系情况').waitFor();

    await desk.getByRole('button', { name: '添加备注' }).click();
    await desk.getByLabel('备注内容').fill('已调取小区监控，锁定嫌疑人');
    await desk.getByLabel('群众可见').check();
    await desk.getByRole('button', { name: '确定' }).click();
    await desk.getByRole('status').getByText('已添加备注').waitFor();

    await desk.getByRole('button', { name: '答复办结' }).click();
    await desk.getByLabel(/答复内容/).fill('经调查已追回被盗电动车并归还群众');
    await desk.getByRole('button', { name: '确定' }).click();
    await desk
      .getByTestId('item-status')
      .getByText(/已办结/)
      .waitFor();
    await desk.getByTestId('timeline').getByText('答复办结').waitFor();
    await shot(desk, '08-desk-item-resolved');
  });

  it('the citizen sees the item resolved on the status page, on a phone-sized screen, without signing in', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    flow.contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${web.url}/status`);
    await page.getByRole('heading', { name: '办理进度查询' }).waitFor();
    await page.getByLabel('受理编号').fill(flow.receiptNo);
    await page.getByLabel('手机号后四位').fill('0000');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('alert').getByText('未找到该事项').waitFor();

    await page.getByLabel('手机号后四位').fill('8000');
    await page.getByRole('button', { name: '查询' }).click();
    await page
      .getByTestId('status-label')
      .getByText(/已办结/)
      .waitFor();
    expect(await page.getByTestId('status-resolution').textContent()).toBe(
      '经调查已追回被盗电动车并归还群众',
    );
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, '09-status-phone-resolved');
  });

  it('the committee dashboard counts the new item and its resolution', async () => {
    const board = flow.board;
    if (!board) throw new Error('the dashboard was not opened');
    const resolvedCount = board
      .getByTestId('by-status')
      .locator('li', { hasText: '已办结' })
      .locator('.bar-value');
    await eventually(
      'the dashboard to count the item as entered and resolved',
      async () => {
        await board.reload();
        await board.getByTestId('kpi-total').getByText(/^\d+$/).waitFor();
        return {
          total: Number(await board.getByTestId('kpi-total').textContent()),
          resolved: Number(await resolvedCount.textContent()),
        };
      },
      {
        accept: (v) => v.total === flow.totalBefore + 1 && v.resolved >= 1,
        timeoutMs: 90_000,
        intervalMs: 1000,
      },
    );
    expect(await board.getByTestId('by-agency').textContent()).toContain('公安');
    await board.getByTestId('rates-table').getByText('公安').waitFor();
    await shot(board, '10-dashboard');

    // The work ledger downloads as a file, with the staff token the browser cannot put on a plain link.
    const [csv] = await Promise.all([
      board.waitForEvent('download'),
      board.getByRole('button', { name: '导出台账 CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^工作台账_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await csv.path();
    expect(readFileSync(path, 'utf8')).toContain(flow.receiptNo);
  });

  it('the committee records the follow-up call on the item page, which closes the item', async () => {
    const board = flow.board;
    if (!board) throw new Error('the dashboard was not opened');
    await board.goto(`${web.url}/desk/items/${flow.itemId}`);
    await board.getByRole('button', { name: '回访' }).click();
    await board.getByLabel('群众评价').selectOption('satisfied');
    await board.getByRole('button', { name: '确定' }).click();
    // Satisfied closes the item (a dissatisfied citizen would send it back to the same worker).
    await board.getByTestId('item-status').getByText('已关闭').waitFor();
    await shot(board, '11-item-followed-up');
  });
});
