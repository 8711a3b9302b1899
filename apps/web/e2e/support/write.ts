import type { Locator, Page } from 'playwright-core';

/** Steps of the Writer journeys, written the way a writer does them. */

export const liveText = (page: Page): Locator => page.getByTestId('live-text');
export const saveStatus = (page: Page): Locator => page.locator('[data-save-status]');

/** Waits until the editor's changes are on the server. */
export async function waitForSaved(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-save-status]')?.getAttribute('data-save-status') === 'saved', undefined, {
    timeout,
  });
}

/** Waits until no text is being written for the open step (the live view gave way to the editor). */
export async function waitForGenerationDone(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-testid="live-text"]'), undefined, { timeout });
}

/** Records every length the live text goes through, to prove it grew in steps. */
export async function recordLiveGrowth(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const lengths: number[] = [];
    (window as unknown as { liveLengths: number[] }).liveLengths = lengths;
    const observer = new MutationObserver(() => {
      // Only the generated words count, not the "waiting" placeholder or the story so far shown above them.
      const words = document.querySelector('[data-testid="live-text"][aria-busy="true"] [data-live-words]');
      const length = words?.textContent?.length ?? 0;
      if (length > 0 && lengths[lengths.length - 1] !== length) lengths.push(length);
    });
    document.addEventListener('DOMContentLoaded', () =>
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true }),
    );
  });
}

export async function takeLiveGrowth(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const holder = window as unknown as { liveLengths: number[] };
    return holder.liveLengths.splice(0, holder.liveLengths.length);
  });
}

/** Picks an option of a MUI select by its label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

export async function chapterTitles(page: Page): Promise<string[]> {
  return page.locator('input[id^="chapter-"][id$="-title"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

/** Shows the story text as an editable text field (it opens formatted). */
export async function editStoryText(page: Page): Promise<Locator> {
  const box = page.getByRole('textbox', { name: 'Story', exact: true });
  if (!(await box.isVisible())) await page.getByRole('group', { name: 'Show the story' }).getByRole('button', { name: 'Edit' }).click();
  await box.waitFor();
  return box;
}

/** The formatted story text's chapter headings. */
export async function formattedChapterTitles(page: Page): Promise<string[]> {
  await page.getByTestId('story-text').waitFor();
  return page.getByTestId('story-text').locator('h3').allInnerTexts();
}

/** The formatted story text of one chapter (0 = the first), without its heading. */
export async function formattedChapter(page: Page, index: number): Promise<string> {
  return (await page.getByTestId('story-text').locator('section').filter({ has: page.locator(`#story-chapter-${index}`) }).innerText()).replace(/^.*\n/, '').trim();
}
