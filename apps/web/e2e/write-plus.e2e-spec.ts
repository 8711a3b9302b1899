import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, openPage, PHONE, screenshot } from './support/browser';
import { registerInBrowser } from './support/play';
import { promptText, recordedProviderRequests } from './support/provider-requests';
import { choose, editStoryText, formattedChapter, formattedChapterTitles, liveText, recordLiveGrowth, takeLiveGrowth, waitForGenerationDone, waitForSaved } from './support/write';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const BIBLE_LINE = 'Nadia Farouk is left-handed and has never told a lie.';

/** Generates or writes live, proves the words came in many steps, and waits for the editor to come back. */
async function expectStreamed(page: Page, what: string): Promise<void> {
  await liveText(page).waitFor();
  await waitForGenerationDone(page, 60_000).catch(async (error: unknown) => {
    await screenshot(page, `write-plus-stuck-${what.replace(/\W+/g, '-')}`);
    throw error;
  });
  const growth = await takeLiveGrowth(page);
  expect({ what, steps: growth.length > 5 }).toEqual({ what, steps: true });
  expect(growth).toEqual([...growth].sort((a, b) => a - b));
}

/** The requests the provider got that ask for story text (not the other areas' steps). */
async function writerPrompts(): Promise<string[]> {
  return (await recordedProviderRequests()).map(promptText).filter((prompt) => prompt.includes('Write original fiction'));
}

describe('a writer working on parts of a story', () => {
  it('streams every phase, undoes generations, keeps a story bible the prompts use, writes one chapter again, rewrites a selection, and every Write page passes axe', async () => {
    const page = await openPage(browser);
    await recordLiveGrowth(page);
    await registerInBrowser(page, 'Parts Writer');

    await page.goto('/write');
    await page.getByRole('heading', { name: 'My stories', level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'my stories, empty');

    // Setup: the tones include the common genres; noir is one of them.
    await page.goto('/write/new');
    await page.getByRole('textbox', { name: 'Title' }).fill('Blood on the Nile');
    await page.getByRole('textbox', { name: 'Setting' }).fill('Cairo, 1920s; the museum, the souk, the Nile');
    await page.getByRole('textbox', { name: 'Characters' }).fill('Nadia Farouk, an archaeologist; Bram Hale, her rival, who distrusts her');
    await page.getByRole('combobox', { name: 'Tone' }).click();
    for (const genre of ['Noir', 'Horror', 'Romantic', 'Adventurous', 'Epic']) await page.getByRole('option', { name: genre, exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await choose(page, 'Tone', 'Noir');
    await expectNoAxeViolations(page, 'setup');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(/\/write\/[0-9a-f-]{36}\/premise$/);
    const storyPath = new URL(page.url()).pathname.replace(/\/premise$/, '');
    await expectNoAxeViolations(page, 'premise, empty');

    // The story bible: saved, and in the next prompt.
    await page.getByRole('button', { name: 'Story bible' }).click();
    const bible = page.getByRole('dialog', { name: 'Story bible' });
    await bible.getByRole('textbox', { name: 'Characters' }).fill(BIBLE_LINE);
    await bible.getByRole('textbox', { name: 'Style notes' }).fill('Short, hard sentences.');
    await expectNoAxeViolations(page, 'story bible dialog');
    await bible.getByRole('button', { name: 'Save the bible' }).click();
    await bible.getByText('Saved. The next thing written for this story uses it.').waitFor();
    await bible.getByRole('button', { name: 'Close' }).click();
    await bible.waitFor({ state: 'detached' });

    // Premise: it streams in, word by word; the prompt carried the bible.
    const promptsBefore = (await writerPrompts()).length;
    await page.getByRole('button', { name: 'Generate' }).click();
    await expectStreamed(page, 'premise');
    const prompts = await writerPrompts();
    expect(prompts.length).toBe(promptsBefore + 1);
    expect(prompts.at(-1)).toContain(BIBLE_LINE);
    expect(prompts.at(-1)).toContain('Short, hard sentences.');
    const premiseBox = page.getByRole('textbox', { name: 'Premise' });
    const firstPremise = await premiseBox.inputValue();

    // Regenerate, then Undo: the earlier premise is back, and saved.
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expectStreamed(page, 'regenerated premise');
    const secondPremise = await premiseBox.inputValue();
    expect(secondPremise).not.toBe(firstPremise);
    await page.getByRole('toolbar', { name: 'Premise tools' }).getByRole('button', { name: 'Undo' }).click();
    expect(await premiseBox.inputValue()).toBe(firstPremise);
    await waitForSaved(page);
    await page.reload();
    await premiseBox.waitFor();
    expect(await premiseBox.inputValue()).toBe(firstPremise);
    await expectNoAxeViolations(page, 'premise');

    // Versions: the undo is a version of its own (the first text again); previews tell the generated ones apart, and two versions can be compared.
    await page.getByRole('button', { name: 'Versions' }).click();
    const versions = page.getByRole('dialog', { name: 'Versions of the premise' });
    await versions.getByTestId('version-preview').nth(2).waitFor();
    const previews = await versions.getByTestId('version-preview').allInnerTexts();
    expect(previews.length).toBe(3);
    expect(previews[0]).not.toBe(previews[1]);
    expect(previews[1]).not.toBe(previews[2]);
    await versions.getByRole('button', { name: /^Compare: version \d+ with the current version$/ }).first().click();
    await versions.getByRole('region', { name: /^Changes from version \d+ to the current version$/ }).locator('ins, del').first().waitFor();
    await expectNoAxeViolations(page, 'premise versions with a diff');
    await screenshot(page, 'write-plus-versions-diff-light');
    await versions.getByRole('button', { name: 'Close' }).click();
    await versions.waitFor({ state: 'detached' });

    // Outline, written by hand (the provider here writes prose, not outlines).
    await page.getByRole('link', { name: 'Next: outline' }).click();
    await page.waitForURL('**/outline');
    for (const [index, title, summary] of [
      [1, 'The Scarab', 'Nadia finds the golden scarab gone from its case.'],
      [2, 'The Souk', 'Bram follows her through the market at night.'],
      [3, 'The River', 'The thief is waiting on the Nile.'],
    ] as const) {
      await page.getByRole('button', { name: 'Add a chapter' }).click();
      await page.getByRole('textbox', { name: `Chapter ${index} title` }).fill(title);
      await page.getByRole('textbox', { name: `Chapter ${index} summary` }).fill(summary);
    }
    await waitForSaved(page);
    await expectNoAxeViolations(page, 'outline');

    // Writing: the start and a chapter stream in; the text is formatted, not Markdown.
    await page.getByRole('link', { name: 'Next: writing' }).click();
    await page.waitForURL('**/writing');
    await page.getByRole('button', { name: 'Start the story' }).click();
    await expectStreamed(page, 'story start');
    expect(await formattedChapterTitles(page)).toEqual(['The Scarab']);
    expect(await page.getByTestId('story-text').innerText()).not.toContain('## ');

    // Continue: the new chapter streams, then comes into view with the focus on its heading.
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectStreamed(page, 'next chapter');
    expect(await formattedChapterTitles(page)).toEqual(['The Scarab', 'The Souk']);
    await page.waitForFunction(() => document.activeElement?.id === 'story-chapter-1');
    const inView = await page.locator('#story-chapter-1').evaluate((heading) => {
      const box = heading.getBoundingClientRect();
      return box.top >= 0 && box.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    await expectNoAxeViolations(page, 'writing, formatted');
    await screenshot(page, 'write-plus-writing-formatted-light');

    // One chapter again: the first is rewritten live, the second stays word for word; Undo brings the first back.
    const firstChapter = await formattedChapter(page, 0);
    const secondChapter = await formattedChapter(page, 1);
    await page.getByRole('button', { name: 'Write chapter 1 again' }).click();
    await expectStreamed(page, 'chapter 1 again');
    expect(await formattedChapterTitles(page)).toEqual(['The Scarab', 'The Souk']);
    expect(await formattedChapter(page, 0)).not.toBe(firstChapter);
    expect(await formattedChapter(page, 1)).toBe(secondChapter);
    await page.getByRole('toolbar', { name: 'Story tools' }).getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction((text) => document.querySelector('[data-testid="story-text"] section')?.textContent?.includes(text.slice(0, 60)), firstChapter);
    await waitForSaved(page);

    // A selection rewrite: three alternatives stream in, the one picked replaces the words and is saved.
    const storyBox = await editStoryText(page);
    const text = await storyBox.inputValue();
    const start = text.indexOf('\n\n') + 2;
    const end = text.indexOf('.', start) + 1;
    const selected = text.slice(start, end);
    await storyBox.evaluate((box, range) => {
      const area = box as HTMLTextAreaElement;
      area.focus();
      area.setSelectionRange(range.start, range.end);
    }, { start, end });
    await page.keyboard.press('Shift');
    await page.getByRole('button', { name: 'Rewrite selection' }).click();
    await page.getByRole('menuitem', { name: /Shorten/ }).click();
    const alternatives = page.getByRole('dialog', { name: 'Shorten: pick an alternative' });
    await alternatives.getByText(selected).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="alternative-text"][aria-busy="false"]').length === 3, undefined, { timeout: 60_000 });
    const written = await alternatives.getByTestId('alternative-text').allInnerTexts();
    expect(new Set(written).size).toBe(3);
    await expectNoAxeViolations(page, 'rewrite alternatives');
    await screenshot(page, 'write-plus-rewrite-light');
    await alternatives.getByRole('button', { name: 'Use this: alternative 2' }).click();
    await alternatives.waitFor({ state: 'detached' });
    const rewritten = await storyBox.inputValue();
    expect(rewritten).toBe(`${text.slice(0, start)}${written[1]!.trim()}${text.slice(end)}`);
    await waitForSaved(page);
    await page.reload();
    expect(await (await editStoryText(page)).inputValue()).toBe(rewritten);
    await expectNoAxeViolations(page, 'writing, edit');

    // The whole-story confirmation says what will happen to this story.
    await page.getByRole('button', { name: 'Write the whole story' }).click();
    const confirm = page.getByRole('dialog', { name: 'Write the whole story?' });
    await confirm.getByText('Your outline (with your edits) is kept as it is: its 3 chapters are written one after another, from the first.').waitFor();
    await confirm.getByText(/your current text \([\d,]+ words\) is not changed/).waitFor();
    await expectNoAxeViolations(page, 'whole story confirmation');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });

    // The remaining Write pages.
    await page.goto(`${storyPath}/export`);
    await page.getByRole('button', { name: 'Download Markdown' }).waitFor();
    await expectNoAxeViolations(page, 'export');
    await page.goto(`${storyPath}/setup`);
    await page.getByRole('textbox', { name: 'Title' }).waitFor();
    await expectNoAxeViolations(page, 'setup of a story');
    await page.goto('/write');
    await page.getByRole('list', { name: 'My stories' }).getByText('Blood on the Nile').waitFor();
    await expectNoAxeViolations(page, 'my stories');
    await page.setViewportSize(PHONE);
    await page.goto(`${storyPath}/writing`);
    await page.getByTestId('story-text').waitFor();
    await expectNoAxeViolations(page, 'writing on a phone');
    await screenshot(page, 'write-plus-writing-phone-light');
    await page.context().close();
  }, 420_000);
});
