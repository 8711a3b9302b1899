import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, openPage, PHONE, screenshot } from './support/browser';
import { type BuiltinStack, startBuiltinStack } from './support/builtin-stack';
import { agentReplies, pageIndicator, requirement, waitForReaderPicture, tellTheStoryteller, waitForEnabledButton } from './support/create';

let browser: Browser;
let stack: BuiltinStack;

beforeAll(async () => {
  // The builtin engine: its rule-based extractor reads the requirements, its planner writes the scenes.
  [browser, stack] = await Promise.all([launchBrowser(), startBuiltinStack()]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** "Make my story" is enabled and its colour transition has finished, so axe sees the colours a user sees. */
async function settledMakeButton(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent?.includes('Make my story'));
    return button !== undefined && !button.disabled && getComputedStyle(button).backgroundColor === 'rgb(91, 75, 219)';
  });
}

describe('Tell me a story', () => {
  it('a guest talks to the storyteller, makes a 3-scene story, reads and hears it, and reads it again offline after a reload', async () => {
    const page = await openPage(browser, { baseURL: stack.baseUrl });
    await page.goto('/login');
    await page.getByRole('button', { name: 'Continue as guest' }).click();
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();

    // Create is in the navigation; its front page offers a new conversation and the history.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Create' }).first().click();
    await page.waitForURL('**/create');
    await page.getByRole('heading', { name: 'Tell me a story', level: 1 }).waitFor();
    await page.getByText('No conversations yet.').waitFor();
    await expectNoAxeViolations(page, 'the Create page');

    // The storyteller greets and asks; one typed message fills in who it is for, who is in it, what happens and how many scenes.
    await page.getByRole('button', { name: 'Start a new story' }).click();
    await page.waitForURL(/\/create\/c\/[0-9a-f-]{36}$/);
    await agentReplies(page).first().waitFor();
    expect(await page.getByRole('button', { name: 'Make my story' }).isDisabled()).toBe(true);
    expect(await requirement(page, 'ageBand').textContent()).toBe('Needed');
    await expectNoAxeViolations(page, 'a new conversation');
    await tellTheStoryteller(page, 'A bedtime story for my 5-year-old about a shy dragon who learns to swim, three scenes');
    await page.waitForFunction(() => document.querySelector('[data-field="ageBand"] dd')?.textContent === 'Ages 4–6');
    expect(await requirement(page, 'sceneCount').textContent()).toBe('3');
    expect(await requirement(page, 'characters').textContent()).toMatch(/dragon/i);
    expect(await requirement(page, 'plot').textContent()).toMatch(/swim/i);
    expect(await agentReplies(page).count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'create-conversation');

    // A reply can be listened to: its narration is made and played piece by piece.
    await agentReplies(page).last().getByRole('button', { name: 'Listen to this reply' }).click();
    await page.waitForFunction(() => document.querySelector('[data-narration-state="playing"]') !== null, undefined, { timeout: 45_000 });
    await agentReplies(page).last().getByRole('button', { name: 'Stop reading this reply' }).click();

    // A hand edit is saved from the version shown.
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Pip Learns to Swim');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-field="title"] dd')?.textContent === 'Pip Learns to Swim');
    await settledMakeButton(page);
    await expectNoAxeViolations(page, 'the conversation with requirements');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'create-conversation-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Make my story: the progress page shows the scenes as they land.
    await page.getByRole('button', { name: 'Make my story' }).click();
    await page.waitForURL(/\/create\/stories\/[0-9a-f-]{36}$/);
    const storyId = page.url().split('/').pop() ?? '';
    await page.getByRole('heading', { name: 'Pip Learns to Swim', level: 1 }).waitFor();
    await page.getByRole('list', { name: 'Pages' }).getByRole('listitem').nth(2).waitFor();
    expect(await page.getByRole('list', { name: 'Pages' }).getByRole('listitem').count()).toBe(3);
    await expectNoAxeViolations(page, 'the story being made');
    await screenshot(page, 'create-progress');

    // The reader opens as soon as the first scene is written; its picture and narration arrive later.
    const read = page.getByRole('link', { name: 'Read the story' });
    await page.waitForFunction(() => [...document.querySelectorAll('a')].some((link) => link.textContent?.includes('Read the story') && link.getAttribute('aria-disabled') !== 'true'), undefined, { timeout: 60_000 });
    await read.click();
    await page.waitForURL(`**/create/stories/${storyId}/read`);
    await pageIndicator(page).waitFor();
    expect(await pageIndicator(page).textContent()).toBe('Page 1 of 3');
    await screenshot(page, 'create-reader-arriving');
    await page.waitForFunction(() => {
      const image = document.querySelector('article img');
      return image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0;
    }, undefined, { timeout: 90_000 });
    await expectNoAxeViolations(page, 'the reader');

    // Read to me: the narration plays with its sentence highlighted, and the page turns by itself at the end.
    const readToMe = page.getByRole('button', { name: 'Read to me' });
    await waitForEnabledButton(page, 'Read to me');
    await readToMe.click();
    await page.locator('article mark').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => !document.querySelector('audio')!.paused)).toBe(true);
    await screenshot(page, 'create-reader-reading');
    // Skip to the last moment of this page's narration rather than listen to all of it.
    await page.evaluate(() => {
      const audio = document.querySelector('audio')!;
      audio.currentTime = Math.max(0, audio.duration - 0.2);
    });
    await page.waitForFunction(() => /Page 2 of 3/.test(document.querySelector('nav[aria-label="Pages"]')?.textContent ?? ''), undefined, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Stop reading' }).click();

    // Arrow keys turn pages.
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /Page 3 of 3/.test(document.querySelector('nav[aria-label="Pages"]')?.textContent ?? ''));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => /Page 1 of 3/.test(document.querySelector('nav[aria-label="Pages"]')?.textContent ?? ''));

    // Once every picture and narration is made, the whole story is kept on this device.
    for (let n = 1; n <= 3; n++) {
      await waitForEnabledButton(page, 'Read to me');
      await waitForReaderPicture(page);
      if (n < 3) await page.getByRole('button', { name: 'Next page' }).click();
    }
    await page.getByRole('switch', { name: 'Keep offline' }).click();
    await page.waitForFunction(() => (document.querySelector('input[type="checkbox"]') as HTMLInputElement | null)?.checked === true && !document.body.textContent?.includes('Saving…'));

    // The library shows it with its cover.
    await page.goto('/create/library');
    await page.getByRole('list', { name: 'My stories' }).getByRole('heading', { name: 'Pip Learns to Swim' }).waitFor();
    await page.getByText('Kept offline').waitFor();
    await page.waitForFunction(() => document.querySelector('ul[aria-label="My stories"] img') instanceof HTMLImageElement);
    await expectNoAxeViolations(page, 'the library');
    await screenshot(page, 'create-library');

    // Offline, after a reload: the app starts from the service worker and the story from this device.
    await page.goto(`/create/stories/${storyId}/read`);
    await pageIndicator(page).waitFor();
    await page.evaluate(async () => navigator.serviceWorker.ready);
    await page.context().setOffline(true);
    await page.reload();
    await page.getByText('You are reading the copy kept on this device.').waitFor({ timeout: 20_000 });
    await page.getByRole('heading', { name: 'Pip Learns to Swim', level: 1 }).waitFor();
    expect(await pageIndicator(page).textContent()).toBe('Page 1 of 3');
    await page.waitForFunction(() => {
      const image = document.querySelector('article img');
      return image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0;
    });
    expect(await page.getByRole('button', { name: 'Read to me' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Play this page' }).click();
    await page.waitForFunction(() => !document.querySelector('audio')!.paused);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForFunction(() => /Page 2 of 3/.test(document.querySelector('nav[aria-label="Pages"]')?.textContent ?? ''));
    expect(await page.locator('article p').first().textContent()).toMatch(/dragon/i);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'create-reader-offline-phone');
    await expectNoAxeViolations(page, 'the reader, offline');

    // The stories on this device, reachable without a session.
    await page.getByRole('link', { name: 'Back to my stories' }).click();
    await page.getByRole('heading', { name: 'Stories on this device' }).waitFor();
    await page.getByRole('list', { name: 'Stories on this device' }).getByRole('heading', { name: 'Pip Learns to Swim' }).waitFor();
    await expectNoAxeViolations(page, 'the stories on this device');
    await screenshot(page, 'create-offline-shelf-phone');
    await page.context().close();
  });
});
