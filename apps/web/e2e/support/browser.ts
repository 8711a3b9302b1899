import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { followPages } from './failure-report';
import { readStackInfo } from './stack-info';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../screenshots');

/** Debian's Chromium, never a downloaded one; flags keep it quiet and deterministic in CI. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** A fresh browser profile (own cookies and localStorage) pointed at the running stack. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: readStackInfo().baseUrl,
    viewport: DESKTOP,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    ...options,
  });
  followPages(context);
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@e2e.test`;
}

/** The page background, which the theme sets: the plainest proof of which scheme is showing. */
export function bodyBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/** The scheme switches in an effect after the click, so wait for it rather than read at once. */
export async function waitForBackground(page: Page, color: string): Promise<void> {
  await page.waitForFunction((expected) => getComputedStyle(document.body).backgroundColor === expected, color, {
    timeout: 5_000,
  });
}

export const LIGHT_BACKGROUND = 'rgb(246, 245, 251)';
export const DARK_BACKGROUND = 'rgb(15, 17, 23)';
