import { REFRESH_TRANSPORT_HEADER } from '@storyos/contracts';
import type { Locator, Page } from 'playwright-core';
import { uniqueEmail } from './browser';

/** Steps of the Play journeys, written the way a player does them. */

/** Registers through the API in this browser profile, so the refresh cookie lands where the app will find it. */
export async function registerInBrowser(page: Page, displayName: string): Promise<string> {
  const email = uniqueEmail(displayName.toLowerCase().replace(/\W+/g, '-'));
  const response = await page.request.post('/api/auth/register', {
    headers: { [REFRESH_TRANSPORT_HEADER]: 'cookie' },
    data: { email, password: 'play-the-game-1', displayName },
  });
  if (response.status() !== 201) throw new Error(`Registration failed with ${response.status()}: ${await response.text()}`);
  return email;
}

export const narratorReplies = (page: Page): Locator => page.getByRole('article', { name: 'Narrator' });
export const playerTurns = (page: Page): Locator => page.getByRole('article', { name: 'You' });
export const actionInput = (page: Page): Locator => page.getByRole('textbox', { name: 'What do you do?' });

/** The last reply is written in full (or ended) and the game takes a new action. */
export async function waitForReplyDone(page: Page, timeout = 45_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const replies = document.querySelectorAll('article[aria-label="Narrator"]');
      const last = replies[replies.length - 1];
      const input = document.querySelector<HTMLTextAreaElement>('textarea[name="action"]');
      return Boolean(last && last.getAttribute('aria-busy') === 'false' && input && !input.disabled);
    },
    undefined,
    { timeout },
  );
}

export async function lastReplyText(page: Page): Promise<string> {
  return (await narratorReplies(page).last().innerText()).trim();
}

/**
 * Records, in the page, every length the last reply's text goes through, so
 * a test can prove the text grew in steps rather than appearing at once.
 */
export async function recordReplyGrowth(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const lengths: number[] = [];
    (window as unknown as { replyLengths: number[] }).replyLengths = lengths;
    const observer = new MutationObserver(() => {
      const replies = document.querySelectorAll('article[aria-label="Narrator"][aria-busy="true"]:not([data-waiting])');
      const last = replies[replies.length - 1];
      const length = last?.textContent?.length ?? 0;
      if (length > 0 && lengths[lengths.length - 1] !== length) lengths.push(length);
    });
    document.addEventListener('DOMContentLoaded', () =>
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true }),
    );
  });
}

export async function takeReplyGrowth(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const holder = window as unknown as { replyLengths: number[] };
    return holder.replyLengths.splice(0, holder.replyLengths.length);
  });
}

export async function sendAction(page: Page, text: string): Promise<void> {
  await actionInput(page).fill(text);
  await actionInput(page).press('Enter');
}
