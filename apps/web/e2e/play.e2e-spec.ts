import type { Browser } from 'playwright-core';
import { DARK_BACKGROUND, launchBrowser, openPage, PHONE, screenshot, waitForBackground } from './support/browser';
import { signIn } from './support/journeys';
import {
  actionInput,
  lastReplyText,
  narratorReplies,
  playerTurns,
  recordReplyGrowth,
  registerInBrowser,
  sendAction,
  takeReplyGrowth,
  waitForReplyDone,
} from './support/play';
import { readStackInfo } from './support/stack-info';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('a player', () => {
  it('starts a game, watches it stream, plays, stops, regenerates, undoes, reloads mid-stream and manages saved games', async () => {
    const page = await openPage(browser);
    await recordReplyGrowth(page);
    await registerInBrowser(page, 'Player One');

    // The Play card on the home page leads to the Play menu.
    await page.goto('/');
    await page.getByRole('listitem', { name: 'Play' }).getByRole('link').click();
    await page.waitForURL('**/play');
    await page.getByRole('heading', { name: 'Play', level: 1 }).waitFor();
    await page.getByText('No saved games yet.').waitFor();
    await page.getByRole('list', { name: 'Scenarios' }).getByRole('article').first().waitFor();
    expect(await page.getByText(/^AI model: /).first().textContent()).toBe('AI model: paced-story-e2e');
    await screenshot(page, 'play-menu-light');

    // Search narrows the demo scenarios; the details dialog offers Play.
    await page.getByRole('searchbox', { name: 'Search scenarios' }).fill('lighthouse');
    await page.getByRole('article', { name: 'Saltglass Lighthouse' }).waitFor();
    await page.getByRole('button', { name: 'Details of Saltglass Lighthouse' }).click();
    const details = page.getByRole('dialog', { name: 'Saltglass Lighthouse' });
    await details.waitFor();
    await details.getByRole('button', { name: 'Play Saltglass Lighthouse' }).click();
    await page.waitForURL(/\/play\/[0-9a-f-]{36}$/);
    const gameUrl = page.url();

    // The opening streams in: its text grows in steps, then it is complete.
    await narratorReplies(page).first().waitFor();
    await waitForReplyDone(page);
    const openingGrowth = await takeReplyGrowth(page);
    expect(openingGrowth.length).toBeGreaterThan(1);
    expect(openingGrowth).toEqual([...openingGrowth].sort((a, b) => a - b));
    const opening = await lastReplyText(page);
    expect(opening.length).toBeGreaterThan(20);
    expect(await narratorReplies(page).count()).toBe(1);

    // Two turns, each answered in full.
    for (const action of ['I climb the spiral stairs to the lamp room.', 'I light the great lamp and look out to sea.']) {
      await sendAction(page, action);
      await playerTurns(page).filter({ hasText: action }).waitFor();
      await waitForReplyDone(page);
    }
    expect(await playerTurns(page).count()).toBe(2);
    expect(await narratorReplies(page).count()).toBe(3);
    await page.getByRole('complementary', { name: 'Story state' }).getByText('Turn', { exact: true }).waitFor();
    await screenshot(page, 'game-light');

    // Stop a reply while it streams: the partial text stays, marked as stopped.
    await sendAction(page, 'I call out to the ship in the storm, again and again.');
    await page.getByRole('button', { name: 'Stop the reply' }).click();
    await page.getByText('Stopped early').waitFor();
    await waitForReplyDone(page);
    expect(await narratorReplies(page).count()).toBe(4);

    // Regenerate the stopped reply: a new one replaces it and completes.
    await page.getByRole('button', { name: 'Regenerate the last reply' }).click();
    await page.waitForFunction(() => document.querySelectorAll('article[aria-label="Narrator"][aria-busy="true"]').length === 1);
    await waitForReplyDone(page);
    expect(await narratorReplies(page).count()).toBe(4);
    expect(await page.getByText('Stopped early').count()).toBe(0);

    // Undo the last turn: the action and its reply are gone.
    await page.getByRole('button', { name: 'Undo the last turn' }).click();
    await page.waitForFunction(() => document.querySelectorAll('article[aria-label="You"]').length === 2);
    expect(await narratorReplies(page).count()).toBe(3);

    // Reload in the middle of a reply: the text comes back and continues to the end.
    await takeReplyGrowth(page);
    await sendAction(page, 'I follow the lights down to the rocks.');
    await page.waitForFunction(() => {
      // Real text, not the "thinking" placeholder shown before the first words.
      const busy = document.querySelector('article[aria-label="Narrator"][aria-busy="true"]:not([data-waiting])');
      return (busy?.textContent?.length ?? 0) > 40;
    });
    const beforeReload = await lastReplyText(page);
    await page.reload();
    await narratorReplies(page).nth(3).waitFor();
    await waitForReplyDone(page);
    const resumed = await lastReplyText(page);
    expect(resumed.startsWith(beforeReload.slice(0, 20))).toBe(true);
    expect(resumed.length).toBeGreaterThanOrEqual(beforeReload.length);
    expect(await playerTurns(page).count()).toBe(3);
    // After the reply, the world-state step runs briefly; then the game takes a new action.
    await waitForReplyDone(page);
    expect(await actionInput(page).isEnabled()).toBe(true);

    // Dark theme and a phone: the state panel folds under the story.
    await page.getByRole('button', { name: 'Toggle light/dark theme' }).click();
    await waitForBackground(page, DARK_BACKGROUND);
    await screenshot(page, 'game-dark');
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: /^Story so far/ }).waitFor();
    await screenshot(page, 'game-dark-phone');
    await page.getByRole('button', { name: /^Story so far/ }).click();
    await page.getByRole('complementary', { name: 'Story state' }).getByText('Characters').waitFor();
    await screenshot(page, 'game-dark-phone-state');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The Continue list: rename, then delete after confirming.
    await page.getByRole('link', { name: 'Back to the Play menu' }).click();
    await page.waitForURL('**/play');
    const saved = page.getByRole('list', { name: 'Saved games' });
    await saved.getByRole('listitem').first().waitFor();
    expect(await saved.getByRole('listitem').count()).toBe(1);
    expect(await saved.getByRole('link').first().getAttribute('href')).toBe(new URL(gameUrl).pathname);
    const title = (await saved.getByRole('link').first().locator('.MuiListItemText-primary').textContent()) ?? '';
    await saved.getByRole('button', { name: `Rename ${title}` }).click();
    const rename = page.getByRole('dialog', { name: 'Rename game' });
    await rename.getByLabel('Title').fill('Night at the lighthouse');
    await rename.getByRole('button', { name: 'Save' }).click();
    await rename.waitFor({ state: 'detached' });
    await saved.getByText('Night at the lighthouse').waitFor();
    expect(await saved.getByText('3 turns').count()).toBe(1);
    await screenshot(page, 'play-menu-continue-dark');

    await saved.getByRole('button', { name: 'Delete Night at the lighthouse' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this game?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('No saved games yet.').waitFor();
    await page.context().close();
  }, 240_000);
});

describe('an administrator', () => {
  it('saves a new narrator prompt version and makes an earlier one active again', async () => {
    const { admin } = readStackInfo();
    const page = await openPage(browser);
    await signIn(page, admin.email, admin.password);

    await page.getByRole('link', { name: 'System', exact: true }).click();
    await page.getByRole('link', { name: 'Edit system prompts' }).click();
    await page.waitForURL('**/admin/system-prompts');
    await page.getByRole('heading', { name: 'System prompts', level: 1 }).waitFor();
    const active = page.getByRole('region', { name: /^Active: version \d+$/ });
    await active.waitFor();
    const activeBefore = Number((await active.getAttribute('aria-label'))?.replace(/\D+/g, ''));

    const form = page.getByRole('form', { name: 'New narrator version' });
    await form.getByLabel('Prompt').fill('You are the narrator of an interactive story. Write vivid, short paragraphs in the second person.');
    await form.getByLabel('Note').fill('Shorter paragraphs');
    await form.getByRole('button', { name: 'Save new version' }).click();
    const newVersion = activeBefore + 1;
    await page.getByRole('region', { name: `Active: version ${newVersion}` }).waitFor();
    await page.getByText('Shorter paragraphs').waitFor();
    await screenshot(page, 'admin-system-prompts-light');

    await page.getByRole('button', { name: new RegExp(`^Version ${activeBefore}(?!\\d)`) }).click();
    await page.getByRole('button', { name: `Make version ${activeBefore} active` }).click();
    await page.getByRole('region', { name: `Active: version ${activeBefore}` }).waitFor();

    await page.getByRole('tab', { name: 'World state' }).click();
    await page.getByRole('form', { name: 'New world-state version' }).waitFor();
    await page.setViewportSize(PHONE);
    await screenshot(page, 'admin-system-prompts-phone');
    await page.context().close();
  });
});
