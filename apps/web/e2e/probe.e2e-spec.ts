import { REFRESH_TRANSPORT_HEADER } from '@storyos/contracts';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, uniqueEmail } from './support/browser';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

it('probe', async () => {
  const page = await openPage(browser);
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  const r = await page.request.post('/api/auth/register', { headers: { [REFRESH_TRANSPORT_HEADER]: 'cookie' }, data: { email: uniqueEmail('p'), password: 'member-pass-1', displayName: 'P' } });
  expect(r.status()).toBe(201);
  const health = await page.request.get('/api/health');
  console.log('health', await health.text());
  await page.goto('/play');
  await page.getByRole('button', { name: /^Play / }).first().waitFor();
  const t0 = Date.now();
  await page.getByRole('button', { name: /^Play / }).first().click();
  await page.waitForURL('**/play/*');
  const samples: string[] = [];
  for (let i = 0; i < 60; i++) {
    const n = page.getByRole('article', { name: 'Narrator' }).last();
    const len = (await n.count()) ? ((await n.textContent()) ?? '').length : -1;
    const busy = (await n.count()) ? await n.getAttribute('aria-busy') : null;
    samples.push(`${Date.now() - t0}:${len}:${busy}`);
    await page.waitForTimeout(100);
  }
  console.log(samples.join(' '));
  console.log(await page.locator('main').innerText());
  await page.screenshot({ path: '/tmp/probe/game.png', fullPage: true });
});
