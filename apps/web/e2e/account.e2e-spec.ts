import { PASSWORD_RULES } from '@storyos/contracts';
import type { Browser, Page } from 'playwright-core';
import {
  bodyBackground,
  DARK_BACKGROUND,
  LIGHT_BACKGROUND,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  uniqueEmail,
  waitForBackground,
} from './support/browser';
import { signIn, signOut } from './support/journeys';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function expectProductAreas(page: Page): Promise<void> {
  const areas = page.getByRole('list', { name: 'Product areas' }).getByRole('listitem');
  await areas.first().waitFor();
  expect(await areas.count()).toBe(4);
  // Every area has shipped: each card links to its page.
  for (const [name, path] of [
    ['Play', '/play'],
    ['Write', '/write'],
    ['Create', '/create'],
    ['Chat', '/chat'],
  ]) {
    const area = page.getByRole('listitem', { name });
    expect(await area.getByText('Coming soon').count()).toBe(0);
    expect(await area.getByRole('link').getAttribute('href')).toBe(path);
  }
}

describe('a reader with an account', () => {
  it('registers, signs out, signs back in and keeps the dark theme across a reload', async () => {
    const page = await openPage(browser);
    const email = uniqueEmail('reader');
    const password = 'storyteller-42';

    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();

    await page.getByLabel('Display name').fill('Nova Reader');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('weak');
    await page.getByRole('button', { name: 'Create account' }).click();

    // The API rejects the password and the message sits under the password field.
    const passwordError = page.locator('#' + (await page.getByRole('textbox', { name: 'Password', exact: true }).getAttribute('id')) + '-helper-text');
    await passwordError.waitFor();
    expect(await passwordError.textContent()).toBe(PASSWORD_RULES);
    expect(await page.getByRole('textbox', { name: 'Password', exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'register-weak-password');

    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Welcome, Nova Reader' }).waitFor();
    await expectProductAreas(page);

    await signOut(page);
    await screenshot(page, 'login');
    await signIn(page, email, password);
    await expectProductAreas(page);
    expect(await bodyBackground(page)).toBe(LIGHT_BACKGROUND);
    await screenshot(page, 'home-light');

    await page.getByRole('button', { name: 'Toggle light/dark theme' }).click();
    await waitForBackground(page, DARK_BACKGROUND);
    expect(await page.evaluate(() => localStorage.getItem('storyos.color-mode'))).toBe('dark');

    // The access token is in memory only: the reload also proves the session comes back from the cookie.
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome, Nova Reader' }).waitFor();
    expect(await bodyBackground(page)).toBe(DARK_BACKGROUND);
    await screenshot(page, 'home-dark');

    await page.setViewportSize(PHONE);
    await screenshot(page, 'home-dark-phone');
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('link', { name: 'Home' }).waitFor();
    await screenshot(page, 'nav-drawer-phone');
    await page.context().close();
  });

  it('is told plainly when the email or password is wrong', async () => {
    const page = await openPage(browser);
    await page.goto('/login');
    await page.getByLabel('Email').fill(uniqueEmail('nobody'));
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The email or password is not correct.');
    await page.context().close();
  });
});

describe('a guest', () => {
  it('continues without an account, sees the home page, then saves the account', async () => {
    const page = await openPage(browser, { viewport: PHONE });
    await page.goto('/login');
    await page.getByRole('button', { name: 'Continue as guest' }).click();

    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await expectProductAreas(page);
    expect(await page.getByText('You are exploring as a guest.').isVisible()).toBe(true);
    await screenshot(page, 'guest-home-phone');

    const email = uniqueEmail('guest');
    await page.getByRole('button', { name: 'Save your account' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Save your account' });
    await dialog.waitFor();
    await dialog.getByLabel('Display name').fill('Former Guest');
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill('keep-my-stories-7');
    await screenshot(page, 'guest-upgrade-dialog-phone');
    await dialog.getByRole('button', { name: 'Save account' }).click();
    // Saving says so, and as whom, before the dialog goes.
    const saved = page.getByRole('dialog', { name: 'Your account is saved' });
    await saved.getByText(`You are now signed in as ${email}.`, { exact: false }).waitFor();
    await screenshot(page, 'guest-saved-phone');
    await saved.getByRole('button', { name: 'Done' }).click();
    await saved.waitFor({ state: 'detached' });

    await page.getByRole('heading', { name: 'Welcome, Former Guest' }).waitFor();
    expect(await page.getByText('You are exploring as a guest.').count()).toBe(0);
    await page.getByRole('button', { name: 'Account menu' }).click();
    expect(await page.getByRole('menu').getByText(email).isVisible()).toBe(true);
    await page.context().close();
  });
});
