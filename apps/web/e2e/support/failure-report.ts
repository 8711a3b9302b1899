import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { readStackInfo } from './stack-info';

/**
 * When a browser test fails, what its pages showed and what the servers
 * logged meanwhile, printed with the failure (see environment.ts): a test
 * that fails once in CI can then be understood from the run's output alone.
 */

const FAILURE_DIR = path.join(os.tmpdir(), 'storyos-e2e-failures');
const PAGE_TEXT_CHARS = 1500;
const LOG_LINES = 40;

const pages = new Set<Page>();

/** Every page of this context, tabs opened later included, is described if its test fails. */
export function followPages(context: BrowserContext): void {
  context.on('page', (page) => {
    pages.add(page);
    page.once('close', () => pages.delete(page));
  });
}

/** The report for a test that failed; `since` (epoch ms) is when it started, for the log lines. */
export async function describeFailure(testName: string, since: number): Promise<string> {
  const sections = [`━━━ what the failed test "${testName}" left behind ━━━`];
  let index = 0;
  for (const page of pages) {
    index += 1;
    sections.push(await describePage(page, `${slug(testName)}-${index}`).catch((error: unknown) => `page ${index}: could not be read (${String(error)})`));
  }
  if (index === 0) sections.push('(no open pages)');
  sections.push(serverLog(since));
  return sections.join('\n\n');
}

async function describePage(page: Page, name: string): Promise<string> {
  mkdirSync(FAILURE_DIR, { recursive: true });
  const shot = path.join(FAILURE_DIR, `${name}.png`);
  await page.screenshot({ path: shot, fullPage: true, timeout: 5_000 }).catch(() => undefined);
  // A page stuck on a dialog never answers evaluate: the report must not hold the run up.
  const text = await Promise.race([page.evaluate(() => document.body?.innerText ?? '').catch(() => ''), new Promise<string>((resolve) => setTimeout(() => resolve('(the page did not answer)'), 5_000).unref())]);
  const shown = text.replace(/\n{2,}/g, '\n').trim();
  return [`page ${page.url()} (screenshot: ${shot})`, shown.length > PAGE_TEXT_CHARS ? `${shown.slice(0, PAGE_TEXT_CHARS)}…` : shown].join('\n');
}

/** What the servers logged since the test started, newest last: every line but the access log of requests that succeeded. */
function serverLog(since: number): string {
  let logDir: string;
  try {
    logDir = readStackInfo().logDir;
  } catch {
    return '(no stack log)';
  }
  if (!existsSync(logDir)) return `(no stack log at ${logDir})`;
  const lines: { time: number; line: string }[] = [];
  for (const file of readdirSync(logDir).filter((name) => name.endsWith('.log'))) {
    for (const line of readFileSync(path.join(logDir, file), 'utf8').split('\n')) {
      const time = telling(line);
      if (time !== null && time >= since) lines.push({ time, line: `${file}: ${line}` });
    }
  }
  lines.sort((a, b) => a.time - b.time);
  const last = lines.slice(-LOG_LINES).map((entry) => entry.line);
  return [`server log since the test started (${logDir}):`, ...(last.length > 0 ? last : ['(nothing)'])].join('\n');
}

/** A log line's time, or null for what the report leaves out (not a log line, or a request that succeeded). */
function telling(line: string): number | null {
  if (!line.startsWith('{')) return null;
  try {
    const entry = JSON.parse(line) as { time?: unknown; res?: { statusCode?: number } };
    if (typeof entry.time !== 'number') return null;
    return (entry.res?.statusCode ?? 500) < 400 ? null : entry.time;
  } catch {
    return null;
  }
}

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);

// The test environment calls this from outside the test's module registry.
(globalThis as { storyosDescribeFailure?: typeof describeFailure }).storyosDescribeFailure = describeFailure;
