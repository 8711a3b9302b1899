import { QUEUE_NAMES, REFRESH_TRANSPORT_HEADER } from '@storyos/contracts';
import type { Browser } from 'playwright-core';
import { DARK_BACKGROUND, launchBrowser, openPage, PHONE, screenshot, uniqueEmail, waitForBackground } from './support/browser';
import { signIn } from './support/journeys';
import { readStackInfo } from './support/stack-info';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the System page', () => {
  it('shows an administrator the health of the deployment and a worker round trip', async () => {
    const { admin } = readStackInfo();
    const page = await openPage(browser);
    await signIn(page, admin.email, admin.password);

    await page.getByRole('link', { name: 'System', exact: true }).click();
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: 'System', level: 1 }).waitFor();
    const readiness = page.getByRole('region', { name: 'Readiness' });
    await readiness.getByText('Ready', { exact: true }).waitFor();
    expect(await readiness.getByText('PostgreSQL').isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'API' }).getByText('Live').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Check workers' }).click();
    const result = page.getByText(/Round trip: \d+ ms/);
    await result.waitFor({ timeout: 20_000 });
    const text = (await page.getByRole('region', { name: 'Workers' }).getByRole('status').textContent()) ?? '';
    expect(text).toMatch(/^Worker \S+ answered\. Round trip: \d+ ms/);
    await screenshot(page, 'admin-system-light');

    await page.getByRole('button', { name: 'Toggle light/dark theme' }).click();
    await waitForBackground(page, DARK_BACKGROUND);
    await screenshot(page, 'admin-system-dark');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'admin-system-dark-phone');
    await page.context().close();
  });

  it('opens the queue dashboard from the System page in a new tab, with every queue in it', async () => {
    const { admin } = readStackInfo();
    const page = await openPage(browser);
    await signIn(page, admin.email, admin.password);
    await page.getByRole('link', { name: 'System', exact: true }).click();
    await page.getByRole('heading', { name: 'System', level: 1 }).waitFor();

    const [dashboard] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Open the queue dashboard' }).click()]);
    await dashboard.waitForURL('**/api/admin/queues/**');
    // One card per queue on the overview (the sidebar lists them too).
    for (const name of Object.values(QUEUE_NAMES)) await dashboard.getByRole('main').getByRole('link', { name, exact: true }).waitFor({ timeout: 20_000 });
    expect(await dashboard.getByText('StoryOS queues').first().isVisible()).toBe(true);
    await screenshot(dashboard, 'admin-queue-dashboard');
    await page.context().close();
  });

  it('tells a signed-in user who is not an administrator that the page is for administrators', async () => {
    const page = await openPage(browser);
    // Register through the API in this browser profile: the refresh cookie lands where the app will find it.
    const registered = await page.request.post('/api/auth/register', {
      headers: { [REFRESH_TRANSPORT_HEADER]: 'cookie' },
      data: { email: uniqueEmail('member'), password: 'member-pass-1', displayName: 'Member' },
    });
    expect(registered.status()).toBe(201);

    await page.goto('/admin');
    await page.getByRole('heading', { name: 'Administrators only' }).waitFor();
    expect(await page.getByRole('button', { name: 'Check workers' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'System' }).count()).toBe(0);
    await screenshot(page, 'administrators-only');
    await page.context().close();
  });
});

describe('routing', () => {
  it('sends a signed-out visitor to sign in and back to the page they asked for', async () => {
    const { admin } = readStackInfo();
    const page = await openPage(browser);
    await page.goto('/admin');
    await page.waitForURL('**/login?next=%2Fadmin');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: 'System', level: 1 }).waitFor();
    await page.context().close();
  });

  it('shows a not-found page for an unknown address', async () => {
    const page = await openPage(browser);
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await screenshot(page, 'not-found');
    await page.context().close();
  });
});
