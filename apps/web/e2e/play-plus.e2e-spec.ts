import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, openPage, PHONE, screenshot, uniqueEmail } from './support/browser';
import { signIn } from './support/journeys';
import { lastReplyText, narratorReplies, playerTurns, registerInBrowser, waitForReplyDone } from './support/play';
import { narratorRequests, promptText } from './support/provider-requests';
import { readStackInfo } from './support/stack-info';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Chooses how the next input enters the story, types it and sends it. */
async function send(page: Page, mode: 'Do' | 'Say' | 'Story', text: string): Promise<void> {
  await page.getByRole('button', { name: mode, exact: true }).click();
  const input = page.getByRole('form', { name: 'Your turn' }).getByRole('textbox');
  await input.fill(text);
  await input.press('Enter');
}

/** The last reply and its world-state step are done, and the game is idle again. */
async function settle(page: Page): Promise<void> {
  await waitForReplyDone(page);
  await page.waitForFunction(() => !document.querySelector('[aria-label="Story state"] [role="status"]'));
  await waitForReplyDone(page);
}

/** A reply's prose, without the notes under it ("Stopped early", what it used). */
const proseOf = (text: string) => text.replace(/\n+(?:Stopped early|Used:|Cut off)[\s\S]*$/, '').trim();

const lastNarratorPrompt = async () => {
  const requests = await narratorRequests();
  return requests[requests.length - 1]!;
};

async function startSaltglass(page: Page): Promise<void> {
  await page.goto('/play');
  await page.getByRole('searchbox', { name: 'Search scenarios' }).fill('lighthouse');
  await page.getByRole('article', { name: 'Saltglass Lighthouse' }).getByRole('button', { name: 'Play Saltglass Lighthouse' }).click();
  await page.waitForURL(/\/play\/[0-9a-f-]{36}$/);
  await narratorReplies(page).first().waitFor();
  await settle(page);
}

describe('a player of interactive fiction', () => {
  it('plays with Do, Say, Story and Continue, swipes between replies, edits the story, keeps a memory and a story card the narrator is given, stops and undoes', async () => {
    const page = await openPage(browser);
    await registerInBrowser(page, 'Swiper');
    await page.goto('/play');
    await page.getByRole('heading', { name: 'Play', level: 1 }).waitFor();
    await page.getByText('AI model: paced-story-e2e').first().waitFor();
    await expectNoAxeViolations(page, 'the Play menu');
    await startSaltglass(page);
    await expectNoAxeViolations(page, 'a game');

    // Say: a line of dialogue, shown as spoken and told to the model as speech.
    await send(page, 'Say', 'Is anyone there?');
    await playerTurns(page).filter({ hasText: '“Is anyone there?”' }).waitFor();
    await settle(page);
    expect((await lastNarratorPrompt()).messages.at(-1)!.content).toMatch(/^Player says: "Is anyone there\?"/);

    // Story: text written straight into the story.
    await send(page, 'Story', 'A bell rang out across the water.');
    await playerTurns(page).filter({ hasText: 'You wrote' }).waitFor();
    await settle(page);
    expect((await lastNarratorPrompt()).messages.at(-1)!.content).toMatch(/^Player writes into the story: A bell rang out across the water\./);

    // Continue: the narrator goes on with no input at all.
    const repliesBefore = await narratorReplies(page).count();
    await page.getByRole('button', { name: 'Continue the story' }).click();
    await page.getByText('— you let the story go on —').waitFor();
    await settle(page);
    expect(await narratorReplies(page).count()).toBe(repliesBefore + 1);
    expect((await lastNarratorPrompt()).messages.at(-1)!.content).toMatch(/^Continue the story from where it stands/);

    // Memory and a story card, kept per game.
    await page.getByRole('button', { name: 'Memory & cards' }).click();
    const dialog = page.getByRole('dialog', { name: 'Memory & story cards' });
    await dialog.getByRole('textbox', { name: 'Memory' }).fill('Iris is afraid of deep water.');
    await dialog.getByRole('button', { name: 'Save memory and note' }).click();
    await dialog.getByText('Saved.').waitFor();
    await dialog.getByRole('button', { name: 'New card' }).click();
    const cardForm = dialog.getByRole('form', { name: 'New story card' });
    await cardForm.getByRole('textbox', { name: 'Title' }).fill('Elias Crane');
    await cardForm.getByRole('textbox', { name: 'Keywords' }).fill('boatman, Elias');
    await cardForm.getByRole('textbox', { name: 'Card text' }).fill('The boatman who will not stay after dark; he owes Iris a favour.');
    await cardForm.getByRole('button', { name: 'Add card' }).click();
    await dialog.getByRole('article', { name: 'Elias Crane' }).waitFor();
    await expectNoAxeViolations(page, 'the memory and story cards dialog');
    await screenshot(page, 'play-memory-cards');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Do: an action naming the card's keyword; the provider is given the memory and the card, and the reply says it used them.
    await send(page, 'Do', 'I wave to the boatman.');
    await playerTurns(page).filter({ hasText: 'I wave to the boatman.' }).waitFor();
    await settle(page);
    const prompt = promptText(await lastNarratorPrompt());
    expect(prompt).toContain('Memory (always true in this story):\nIris is afraid of deep water.');
    expect(prompt).toContain('- Elias Crane (character): The boatman who will not stay after dark; he owes Iris a favour.');
    const lastReply = narratorReplies(page).last();
    await lastReply.getByText('Card: Elias Crane').waitFor();
    expect(await lastReply.getByText('Memory', { exact: true }).isVisible()).toBe(true);

    // Swipes: a regeneration is a real alternative, with a new seed; arrows move between them and the chosen one stays.
    const first = await lastReplyText(page);
    const seedsBefore = (await narratorRequests()).map((request) => request.seed);
    await page.getByRole('button', { name: 'Regenerate the last reply' }).click();
    await page.getByText('2 / 2').waitFor();
    await settle(page);
    const second = await lastReplyText(page);
    expect(second.slice(0, 80)).not.toBe(first.slice(0, 80));
    const regenerated = await lastNarratorPrompt();
    expect(seedsBefore).not.toContain(regenerated.seed);
    expect(regenerated.temperature).toBeGreaterThanOrEqual(0.7);
    await page.getByRole('button', { name: 'Previous version of the reply' }).click();
    await page.getByText('1 / 2').waitFor();
    expect((await lastReplyText(page)).startsWith(first.slice(0, 60))).toBe(true);
    await screenshot(page, 'play-swipes');
    await page.reload();
    await page.getByText('1 / 2').waitFor();
    expect((await lastReplyText(page)).startsWith(first.slice(0, 60))).toBe(true);

    // Edit the reply and the action, in place.
    await narratorReplies(page).last().getByRole('button', { name: 'Edit the reply' }).click();
    await page.getByRole('textbox', { name: 'Edit the reply' }).fill('The boatman raised a hand, then turned his boat for the harbour.');
    await page.getByRole('button', { name: 'Save' }).click();
    await narratorReplies(page).last().getByText('The boatman raised a hand, then turned his boat for the harbour.').waitFor();
    await playerTurns(page).last().getByRole('button', { name: 'Edit your turn' }).click();
    await page.getByRole('textbox', { name: 'Edit your turn' }).fill('I wave to the boatman and call his name.');
    await page.getByRole('button', { name: 'Save' }).click();
    await playerTurns(page).filter({ hasText: 'I wave to the boatman and call his name.' }).waitFor();
    await settle(page);
    await screenshot(page, 'play-edited');

    // Stop: the text stops where it is on screen, at once, and that is what is kept.
    await send(page, 'Do', 'I climb the stairs to the lamp room.');
    await page.waitForFunction(() => (document.querySelector('article[aria-label="Narrator"][aria-busy="true"]:not([data-waiting])')?.textContent?.length ?? 0) > 60);
    await page.getByRole('button', { name: 'Stop the reply' }).click();
    const atStop = proseOf(await lastReplyText(page));
    await page.waitForTimeout(1200);
    expect(proseOf(await lastReplyText(page))).toBe(atStop);
    await page.getByText('Stopped early').waitFor();
    await settle(page);
    expect(proseOf(await lastReplyText(page))).toBe(atStop);

    // Undo puts the undone action back in the input.
    await page.getByRole('button', { name: 'Undo the last turn' }).click();
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('textarea[name="action"]')?.value ?? '') === 'I climb the stairs to the lamp room.');
    expect(await page.getByRole('button', { name: 'Do', exact: true }).getAttribute('aria-pressed')).toBe('true');

    // The world panel speaks to the player.
    const panel = page.getByRole('complementary', { name: 'Story state' });
    await panel.getByText('Here with you').waitFor();
    expect(await panel.textContent()).not.toMatch(/the player/i);

    // "Jump to the latest" sits in the controls, never over a message.
    await page.getByRole('region', { name: 'Story transcript' }).evaluate((element) => (element.scrollTop = 0));
    const jump = page.getByRole('button', { name: 'Jump to the latest' });
    await jump.waitFor();
    const jumpBox = (await jump.boundingBox())!;
    const transcriptBox = (await page.getByRole('region', { name: 'Story transcript' }).boundingBox())!;
    expect(jumpBox.y).toBeGreaterThanOrEqual(transcriptBox.y + transcriptBox.height);
    await expectNoAxeViolations(page, 'a game with swipes, edits and a stopped reply');
    await screenshot(page, 'play-jump');
    await jump.click();
    await page.setViewportSize(PHONE);
    await expectNoAxeViolations(page, 'a game on a phone');
    await screenshot(page, 'play-phone');
    await page.context().close();
  }, 300_000);
});

describe('pages for people who are not signed in', () => {
  it('load without a console error, and pass axe', async () => {
    const page = await openPage(browser);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: /^Sign in/ }).waitFor();
    await expectNoAxeViolations(page, 'the sign-in page');
    // The skip link is the first stop of the keyboard; focused, it shows; Enter moves on to the page itself.
    const firstStop = await page.evaluate(() => document.querySelector('a[href], button, input, textarea, select, [tabindex]:not([tabindex="-1"])')?.textContent);
    expect(firstStop).toBe('Skip to main content');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await skip.focus();
    await page.waitForFunction(() => (document.activeElement?.getBoundingClientRect().top ?? -1) >= 0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    // Every control reached by keyboard shows a ring.
    for (let step = 0; step < 8; step += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.tagName === 'BUTTON')) break;
    }
    expect(await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { tag: document.activeElement?.tagName, outline: `${style.outlineStyle} ${style.outlineWidth}` };
    })).toEqual({ tag: 'BUTTON', outline: 'solid 3px' });
    await page.goto('/register');
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await expectNoAxeViolations(page, 'the registration page');
    expect(errors).toEqual([]);

    // A wrong password is an answer, not a fault: no request reference.
    await page.goto('/login');
    await page.getByLabel('Email').fill(uniqueEmail('nobody'));
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).not.toMatch(/Reference/);
    await page.context().close();
  });
});

describe('every other page a player or an administrator opens', () => {
  it('passes axe: home, scenarios, the scenario editor, system and system prompts', async () => {
    const { admin } = readStackInfo();
    const page = await openPage(browser);
    await signIn(page, admin.email, admin.password);
    await expectNoAxeViolations(page, 'the home page');
    for (const [path, heading] of [
      ['/scenarios', 'Scenarios'],
      ['/scenarios/new', 'New scenario'],
      ['/admin', 'System'],
      ['/admin/system-prompts', 'System prompts'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, path);
    }
    await page.context().close();
  });
});
