import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort, webProcess, type ServiceProcess } from '@app/local-infra';
import { staffByUsername } from '@app/reference-data';
import {
  eventually,
  isolatedEnv,
  staffAuth,
  staffToken,
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

  /** A browser context signed in as a seeded staff member. */
  async function signedIn(
    username: string,
    viewport = { width: 1366, height: 768 },
  ): Promise<BrowserContext> {
    const seed = staffByUsername(username);
    if (!seed) throw new Error(`no seeded staff ${username}`);
    // Until staff login is on this branch, the session holds a token minted with the test key.
    const accessToken = staffToken(seed.role, {
      sub: seed.id,
      username: seed.username,
      name: seed.name,
      agency: seed.agency,
      unitId: seed.unitId,
    });
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await context.addInitScript({
      content: `localStorage.setItem('yimen.session', ${JSON.stringify(JSON.stringify({ accessToken }))});`,
    });
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
    await shot(page, '01-login');
    await context.close();
  });

  it('a clerk enters an item with the keyboard, sees field errors from the API, and gets a receipt', async () => {
    const context = await signedIn('clerk01');
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
    await shot(page, '02-window-form');

    await page.getByLabel('标题').press('Enter');
    const mobileError = page.locator('label.field.invalid', { hasText: '手机号' }).locator('.field-error');
    await mobileError.waitFor();
    expect(await mobileError.textContent()).toMatch(/手机号/);
    await shot(page, '03-window-field-error');

    await page.getByLabel('手机号').fill('13800138000');
    await page.getByLabel('手机号').press('Enter');
    const receiptNo = (await page.getByTestId('receipt-no').textContent())?.trim() ?? '';
    expect(receiptNo).toMatch(/^YM-\d{8}-\d{6}-\d$/);
    await shot(page, '04-window-receipt');
    // The printed slip is the receipt alone: no navigation, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印回执' }).isVisible()).toBe(false);
    expect(await page.getByTestId('receipt-no').isVisible()).toBe(true);
    await shot(page, '05-window-receipt-print');
    await page.emulateMedia({ media: 'screen' });

    const item = await eventually(
      'the item entered in the browser to reach tracking',
      async () => {
        const res = await fetch(`${web.url}/svc/tracking/api/v1/items/${receiptNo}`, {
          headers: staffAuth('committee'),
        });
        return res.ok ? ((await res.json()) as { status: string; agency: string }) : undefined;
      },
      { accept: (v) => v?.status === 'assigned', timeoutMs: 30_000 },
    );
    expect(item?.agency).toBe('police');
    await context.close();
  });

  it('the citizen status page works without signing in on a phone-sized screen', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await page.goto(`${web.url}/status`);
    await page.getByRole('heading', { name: '办理进度查询' }).waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, '06-status-phone');
    await context.close();
  });
});
