import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DARK_BACKGROUND, launchBrowser, openPage, PHONE, screenshot, waitForBackground } from './support/browser';
import { type BuiltinStack, startBuiltinStack } from './support/builtin-stack';
import { signIn } from './support/journeys';
import { registerInBrowser } from './support/play';
import { readStackInfo } from './support/stack-info';
import { chapterTitles, choose, editStoryText, liveText, recordLiveGrowth, takeLiveGrowth, waitForGenerationDone, waitForSaved } from './support/write';

let browser: Browser;
let stack: BuiltinStack;

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startBuiltinStack()]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const HAND_LINE = 'The river remembers every promise made on its banks.';
const headingsIn = (text: string): number => (text.match(/^## /gm) ?? []).length;

/** The outline's chapter titles, read on the outline step. */
async function chapterTitlesOf(page: Page, storyPath: string): Promise<string[]> {
  const back = page.url();
  await page.goto(`${storyPath}/outline`);
  await page.getByRole('list', { name: 'Chapters' }).waitFor();
  const titles = await chapterTitles(page);
  await page.goto(back);
  await editStoryText(page);
  return titles;
}

async function fillValidSetup(page: Page, title: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await page.getByRole('textbox', { name: 'Setting' }).fill('A river town of clockmakers, in the last week before the great flood.');
  await page.getByRole('textbox', { name: 'Characters' }).fill('Ada, a young clockmaker; Bram, her rival across the river');
}

describe('a writer', () => {
  it('goes from setup to premise, outline, writing and export, and downloads the Markdown', async () => {
    const page = await openPage(browser, { baseURL: stack.baseUrl, acceptDownloads: true });
    await recordLiveGrowth(page);
    await registerInBrowser(page, 'Writer One');

    // The Write card on the home page leads to My stories.
    await page.goto('/');
    await page.getByRole('listitem', { name: 'Write' }).getByRole('link').click();
    await page.waitForURL('**/write');
    await page.getByRole('heading', { name: 'My stories', level: 1 }).waitFor();
    await page.getByText('No stories yet.').waitFor();
    await screenshot(page, 'write-empty-light');

    // Setup: a missing setting is refused with a message at the field, then the fixed setup is saved.
    await page.getByRole('link', { name: 'New story' }).click();
    await page.waitForURL('**/write/new');
    await page.getByRole('textbox', { name: 'Title' }).fill('The Clockmaker of Millbrook');
    await page.getByRole('textbox', { name: 'Characters' }).fill('Ada, a young clockmaker; Bram, her rival across the river');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByText('Please correct the highlighted fields.').waitFor();
    await page.getByText('Setting cannot be empty').waitFor();
    expect(await page.getByRole('textbox', { name: 'Setting' }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'write-setup-error-light');

    await page.getByRole('textbox', { name: 'Setting' }).fill('A river town of clockmakers, in the last week before the great flood.');
    await choose(page, 'Persona', 'Mystery Novelist');
    await page.getByRole('form', { name: 'Story setup' }).getByText('Clues, misdirection and a satisfying reveal.').waitFor();
    await choose(page, 'Tone', 'Mysterious');
    await choose(page, 'Ending', 'Twist');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(/\/write\/[0-9a-f-]{36}\/premise$/);
    const storyPath = new URL(page.url()).pathname.replace(/\/premise$/, '');

    // Steps that need what is not written yet are closed.
    expect(await page.getByRole('tab', { name: 'Outline' }).isDisabled()).toBe(true);
    expect(await page.getByRole('tab', { name: 'Export' }).isDisabled()).toBe(true);

    // Premise: generated live, then edited by hand and saved.
    await page.getByRole('button', { name: 'Generate' }).click();
    await liveText(page).waitFor();
    await waitForGenerationDone(page);
    const premiseGrowth = await takeLiveGrowth(page);
    expect(premiseGrowth.length).toBeGreaterThan(0);
    expect(premiseGrowth).toEqual([...premiseGrowth].sort((a, b) => a - b));
    const premiseBox = page.getByRole('textbox', { name: 'Premise' });
    const generatedPremise = await premiseBox.inputValue();
    expect(generatedPremise.trim().length).toBeGreaterThan(20);
    await premiseBox.click();
    await page.keyboard.press('End');
    await premiseBox.press('Control+End');
    await premiseBox.pressSequentially(` ${HAND_LINE}`, { delay: 5 });
    await waitForSaved(page);

    // Undo takes the typing back, redo brings it again; both are saved.
    await premiseBox.press('Control+z');
    expect(await premiseBox.inputValue()).not.toContain(HAND_LINE);
    await premiseBox.press('Control+Shift+z');
    expect(await premiseBox.inputValue()).toContain(HAND_LINE);
    await waitForSaved(page);

    // The shortcuts list opens with "?" outside a text field.
    await page.getByRole('heading', { name: 'Premise', level: 2 }).click();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Save now').waitFor();
    await screenshot(page, 'write-shortcuts-light');
    await help.getByRole('button', { name: 'Close' }).click();
    await help.waitFor({ state: 'detached' });

    // Nothing is lost on reload.
    await page.reload();
    await premiseBox.waitFor();
    expect(await premiseBox.inputValue()).toContain(HAND_LINE);
    await screenshot(page, 'write-premise-light');

    // Outline: generated, a chapter moved up, one added; the list is saved as it is.
    await page.getByRole('link', { name: 'Next: outline' }).click();
    await page.waitForURL('**/outline');
    await page.getByRole('button', { name: 'Generate' }).click();
    await waitForGenerationDone(page);
    await page.getByRole('list', { name: 'Chapters' }).waitFor();
    const generated = await chapterTitles(page);
    expect(generated.length).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Move chapter 2 up' }).click();
    expect(await chapterTitles(page)).toEqual([generated[1], generated[0], ...generated.slice(2)]);
    await page.getByRole('button', { name: 'Add a chapter' }).click();
    const added = generated.length + 1;
    await page.getByRole('textbox', { name: `Chapter ${added} title` }).fill('The Flood Gate');
    await page.getByRole('textbox', { name: `Chapter ${added} summary` }).fill('Ada opens the old gate and the town learns what the clocks were counting.');
    await waitForSaved(page);
    await page.reload();
    await page.getByRole('list', { name: 'Chapters' }).waitFor();
    const outline = await chapterTitles(page);
    expect(outline).toEqual([generated[1], generated[0], ...generated.slice(2), 'The Flood Gate']);
    await page.getByRole('button', { name: 'Toggle light/dark theme' }).click();
    await waitForBackground(page, DARK_BACKGROUND);
    await screenshot(page, 'write-outline-dark');

    // Writing: the start, then one more chapter.
    await page.getByRole('link', { name: 'Next: writing' }).click();
    await page.waitForURL('**/writing');
    await page.getByRole('button', { name: 'Start the story' }).click();
    await liveText(page).waitFor();
    await waitForGenerationDone(page);
    const storyBox = await editStoryText(page);
    const started = await storyBox.inputValue();
    expect(started.trim().length).toBeGreaterThan(50);
    await page.keyboard.press('Control+Enter');
    await liveText(page).waitFor();
    await waitForGenerationDone(page);
    await editStoryText(page);
    const continued = await storyBox.inputValue();
    expect(continued.length).toBeGreaterThan(started.length);
    expect(continued.startsWith(started.slice(0, 40))).toBe(true);
    await screenshot(page, 'write-writing-dark');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'write-writing-dark-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Export: the Markdown file has the title, the hand-edited premise and the chapter headings.
    await page.getByRole('link', { name: 'Next: export' }).click();
    await page.waitForURL('**/export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
    expect(download.suggestedFilename()).toBe('the-clockmaker-of-millbrook.md');
    const markdown = readFileSync((await download.path()) ?? '', 'utf8');
    expect(markdown.startsWith('# The Clockmaker of Millbrook\n')).toBe(true);
    expect(markdown).toContain(HAND_LINE);
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings.length).toBeGreaterThanOrEqual(2);
    expect(headings[0]).toContain(outline[0] ?? '');
    expect(headings[1]).toContain(outline[1] ?? '');
    await page.getByText('Downloaded the-clockmaker-of-millbrook.md.').waitFor();
    await screenshot(page, 'write-export-dark');

    // My stories: the story is listed; a duplicate is made and deleted after confirming.
    await page.goto('/write');
    const list = page.getByRole('list', { name: 'My stories' });
    await list.getByText('The Clockmaker of Millbrook').waitFor();
    expect(await list.getByRole('link').first().getAttribute('href')).toBe(storyPath);
    await list.getByRole('button', { name: 'Duplicate The Clockmaker of Millbrook' }).click();
    await page.waitForURL(/\/setup$/);
    await page.goto('/write');
    await list.getByRole('listitem').nth(1).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(2);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'write-list-dark-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    const copyTitle = (await list.getByRole('link').first().locator('.MuiListItemText-primary').textContent()) ?? '';
    await list.getByRole('button', { name: `Delete ${copyTitle}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this story?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="My stories"] > li').length === 1);
    await page.context().close();
  }, 420_000);

  it('writes the whole story as one job, with progress that survives a reload', async () => {
    const page = await openPage(browser, { baseURL: stack.baseUrl });
    await registerInBrowser(page, 'Writer Two');
    await page.goto('/write/new');
    await fillValidSetup(page, 'The Long Night');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(/\/premise$/);

    await page.getByRole('button', { name: 'Write the whole story' }).click();
    const progress = page.getByRole('progressbar', { name: 'Whole story progress' });
    await progress.waitFor();
    await screenshot(page, 'write-job-light');

    // The job keeps going through a reload, and the bar comes back from the story's job.
    await page.reload();
    await progress.waitFor();
    // Each chapter can be read as it is written: "Read along" opens the Writing step, where it streams.
    await page.getByTestId('job-status').getByText(/Writing chapter/).waitFor({ timeout: 120_000 });
    await page.getByRole('link', { name: 'Read along' }).click();
    await page.waitForURL('**/writing');
    await liveText(page).waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => (document.querySelector('[data-testid="live-text"] [data-live-words]')?.textContent?.length ?? 0) > 0, undefined, { timeout: 120_000 });
    await screenshot(page, 'write-job-live-light');
    await page.waitForFunction(
      () => document.querySelector('[role="progressbar"][aria-label="Whole story progress"]')?.getAttribute('aria-valuenow') === '100',
      undefined,
      { timeout: 300_000 },
    );
    await page.getByText('The whole story is written').waitFor();
    await screenshot(page, 'write-job-done-light');

    // Everything the job wrote is there: export opens.
    await page.getByRole('tab', { name: 'Export' }).click();
    await page.waitForURL('**/export');
    await page.getByRole('button', { name: 'Download Markdown' }).waitFor();
    await page.context().close();
  }, 420_000);
});

describe('nothing a writer wrote is lost', () => {
  async function storyWithStart(page: Page, title: string): Promise<string> {
    await registerInBrowser(page, title);
    await page.goto('/write/new');
    await fillValidSetup(page, title);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(/\/premise$/);
    const storyPath = new URL(page.url()).pathname.replace(/\/premise$/, '');
    await page.getByRole('button', { name: 'Generate' }).click();
    await waitForGenerationDone(page);
    await page.goto(`${storyPath}/outline`);
    await page.getByRole('button', { name: 'Generate' }).click();
    await waitForGenerationDone(page);
    await page.getByRole('list', { name: 'Chapters' }).waitFor();
    await page.goto(`${storyPath}/writing`);
    await page.getByRole('button', { name: 'Start the story' }).click();
    await waitForGenerationDone(page);
    await editStoryText(page);
    return storyPath;
  }

  it('shows the whole story in the editor once the job has written it, and saves typing on top of all of it', async () => {
    const page = await openPage(browser, { baseURL: stack.baseUrl });
    const storyPath = await storyWithStart(page, 'Whole Story Kept');
    const chapters = (await chapterTitlesOf(page, storyPath)).length;
    expect(chapters).toBeGreaterThanOrEqual(2);
    const storyBox = page.getByRole('textbox', { name: 'Story', exact: true });
    expect(headingsIn(await storyBox.inputValue())).toBe(1);

    await page.getByRole('button', { name: 'Write the whole story' }).click();
    await page.getByRole('dialog', { name: 'Write the whole story?' }).getByRole('button', { name: 'Write it' }).click();
    await page.getByText('The whole story is written').waitFor({ timeout: 300_000 });

    // The editor now holds every chapter, not the one it showed before the job.
    await page.waitForFunction((count) => {
      const box = document.querySelector('textarea[name="story"]') as HTMLTextAreaElement | null;
      return (box?.value.match(/^## /gm) ?? []).length === count;
    }, chapters);
    const whole = await storyBox.inputValue();
    await storyBox.click();
    await storyBox.press('Control+End');
    await storyBox.pressSequentially(' A few words more.', { delay: 5 });
    await waitForSaved(page);

    await page.reload();
    await editStoryText(page);
    const after = await storyBox.inputValue();
    expect(headingsIn(after)).toBe(chapters);
    expect(after.startsWith(whole.trimEnd())).toBe(true);
    expect(after).toContain('A few words more.');
    await page.context().close();
  }, 420_000);

  it('asks which text to keep when another tab changed it, and keeps the choice', async () => {
    const tabA = await openPage(browser, { baseURL: stack.baseUrl });
    const context = tabA.context();
    await registerInBrowser(tabA, 'Two Tabs');
    await tabA.goto('/write/new');
    await fillValidSetup(tabA, 'Two Tabs');
    await tabA.getByRole('button', { name: 'Save and continue' }).click();
    await tabA.waitForURL(/\/premise$/);
    await tabA.getByRole('button', { name: 'Generate' }).click();
    await waitForGenerationDone(tabA);
    const tabB = await context.newPage();
    await tabB.goto(tabA.url());
    const premiseA = tabA.getByRole('textbox', { name: 'Premise' });
    const premiseB = tabB.getByRole('textbox', { name: 'Premise' });
    await premiseB.waitFor();

    await premiseA.fill('Written in tab A: the clocks of Millbrook run backwards.');
    await waitForSaved(tabA);
    await premiseB.fill('Written in tab B: the river freezes in one night.');
    const conflict = tabB.getByRole('dialog', { name: 'The premise changed elsewhere' });
    await conflict.waitFor();
    await conflict.getByRole('region', { name: 'Your changes' }).getByText('Written in tab B').waitFor();
    await conflict.getByRole('region', { name: 'The newer text' }).getByText('Written in tab A').waitFor();
    expect(await tabB.locator('[data-save-status]').getAttribute('data-save-status')).toBe('conflict');
    await screenshot(tabB, 'write-conflict-light');
    await conflict.getByRole('button', { name: 'Keep my changes' }).click();
    await waitForSaved(tabB);

    // Tab A still shows its own text; its next save meets tab B's, and it takes the newer one.
    await premiseA.fill('Written in tab A again.');
    const conflictA = tabA.getByRole('dialog', { name: 'The premise changed elsewhere' });
    await conflictA.getByRole('button', { name: 'Use the newer text' }).click();
    await tabA.waitForFunction(() => (document.querySelector('textarea[name="premise"]') as HTMLTextAreaElement | null)?.value.startsWith('Written in tab B'));
    await tabA.reload();
    expect(await premiseA.inputValue()).toBe('Written in tab B: the river freezes in one night.');
    await context.close();
  }, 300_000);
});

describe('an administrator', () => {
  it('sees the story cache on the System page and clears it', async () => {
    const { admin } = readStackInfo();
    const page = await openPage(browser, { baseURL: stack.baseUrl });
    await signIn(page, admin.email, admin.password);
    await page.goto('/admin');
    const card = page.getByRole('region', { name: 'Story cache' });
    await card.getByText('Hit rate').waitFor();
    await screenshot(page, 'admin-story-cache-light');
    await card.getByRole('button', { name: 'Clear cache' }).click();
    const confirm = page.getByRole('dialog', { name: 'Clear the story cache?' });
    await confirm.getByRole('button', { name: 'Clear cache' }).click();
    await confirm.waitFor({ state: 'detached' });
    await card.getByText('Entries').waitFor();
    expect(await card.locator('dd').first().textContent()).toBe('0');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'admin-story-cache-phone');
    await page.context().close();
  });
});
