import type { Locator, Page } from 'playwright-core';

/** Steps of the Create journeys, written the way a user would do them. */
export const agentReplies = (page: Page): Locator => page.getByRole('article', { name: 'The storyteller said' });
export const messageBox = (page: Page): Locator => page.getByRole('textbox', { name: 'Your message' });

/** What the requirements panel shows for one requirement (its <dd>). */
export const requirement = (page: Page, field: string): Locator => page.locator(`[data-field="${field}"] dd`);

/** Says something to the storyteller and waits until its whole answer is there. */
export async function tellTheStoryteller(page: Page, text: string): Promise<void> {
  const before = await agentReplies(page).count();
  await messageBox(page).fill(text);
  await messageBox(page).press('Enter');
  await agentReplies(page).nth(before).waitFor({ timeout: 45_000 });
  await page.waitForFunction(
    (count) => {
      const replies = document.querySelectorAll('[aria-label="The storyteller said"]');
      const last = replies[replies.length - 1];
      return replies.length > count && last !== undefined && !/Thinking…/.test(last.textContent ?? '') && !document.querySelector('textarea[disabled]');
    },
    before,
    { timeout: 45_000 },
  );
}

/** The reader's page indicator, e.g. "Page 2 of 3". */
export const pageIndicator = (page: Page): Locator => page.getByRole('navigation', { name: 'Pages' }).getByText(/^Page \d+ of \d+$/);

/** Waits until the picture on the reader's page is drawn (a loaded <img> with real pixels). */
export async function waitForReaderPicture(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const image = document.querySelector('article img');
      return image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0;
    },
    undefined,
    { timeout },
  );
}

/** Waits until the button with this text can be pressed (its narration or picture has arrived). */
export async function waitForEnabledButton(page: Page, text: string, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    (label) => [...document.querySelectorAll('button')].some((button) => button.textContent?.trim() === label && !button.disabled),
    text,
    { timeout },
  );
}
