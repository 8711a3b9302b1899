import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { expectNoAxeViolations } from './support/axe';
import { accessToken, waitForNarrationPlaying, waitForPicture } from './support/media';
import { narratorReplies, registerInBrowser, sendAction, waitForReplyDone } from './support/play';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const STORY = [
  '## The Frozen Bells',
  '',
  'Ada woke to silence. The bells of Brindle Hill had frozen in the night. She pulled on her coat and ran to the church.',
  '',
  '## The Valley Road',
  '',
  'Bram waited at the bridge with a lantern. "You are late," he said.',
].join('\n');

describe('listening and pictures', () => {
  it('in Play: Listen reads the scene aloud in the browser, Illustrate draws it in place, and both are there after a reload', async () => {
    const page = await openPage(browser);
    await registerInBrowser(page, 'Listener');
    await page.goto('/play');
    await page.getByRole('searchbox', { name: 'Search scenarios' }).fill('lighthouse');
    await page.getByRole('button', { name: 'Details of Saltglass Lighthouse' }).click();
    await page.getByRole('dialog', { name: 'Saltglass Lighthouse' }).getByRole('button', { name: 'Play Saltglass Lighthouse' }).click();
    await page.waitForURL(/\/play\/[0-9a-f-]{36}$/);
    await waitForReplyDone(page);
    await sendAction(page, 'I climb the spiral stairs to the lamp room.');
    await waitForReplyDone(page);
    const scene = narratorReplies(page).last();

    // Listen: the first piece plays while the rest may still be spoken; pause and stop work.
    await scene.getByRole('button', { name: 'Listen to this scene' }).click();
    const played = await waitForNarrationPlaying(scene);
    expect(played.playedRanges).toBeGreaterThan(0);
    await scene.getByRole('status').filter({ hasText: /Reading aloud/ }).waitFor();
    await scene.getByRole('button', { name: 'Pause reading this scene' }).click();
    await scene.getByRole('button', { name: 'Resume reading this scene' }).waitFor();
    await scene.getByRole('button', { name: 'Stop reading this scene' }).click();
    await scene.getByRole('button', { name: 'Listen to this scene' }).waitFor();

    // Illustrate: the picture lands in the scene.
    await scene.getByRole('button', { name: 'Illustrate this scene' }).click();
    expect(await waitForPicture(scene)).toBeGreaterThan(100);
    await scene.getByRole('button', { name: 'Draw again, this scene' }).waitFor();
    await scene.locator('img[data-scene-picture]').scrollIntoViewIfNeeded();
    await screenshot(page, 'play-scene-media');
    await expectNoAxeViolations(page, 'a game with a narrated, illustrated scene');

    // After a reload the picture is still there, and Listen plays the narration already made.
    await page.reload();
    await waitForReplyDone(page);
    const again = narratorReplies(page).last();
    expect(await waitForPicture(again)).toBeGreaterThan(100);
    await again.getByRole('button', { name: 'Listen to this scene' }).click();
    await waitForNarrationPlaying(again);
    await page.context().close();
  }, 180_000);

  it('in Write: each chapter can be listened to and illustrated', async () => {
    const page = await openPage(browser);
    const email = await registerInBrowser(page, 'Chapter Listener');
    const token = await accessToken(page, email, 'play-the-game-1');
    const headers = { authorization: `Bearer ${token}` };
    const created = await page.request.post('/api/stories', {
      headers,
      data: {
        title: 'Frozen Bells',
        setup: {
          persona: 'Fantasy World Builder',
          setting: 'Brindle Hill, a village of clockmakers.',
          characters: 'Ada Finch; Bram Holt',
          plotElements: 'A winter that will not end',
          writingStyle: 'Descriptive',
          tone: 'Whimsical',
          narrativePov: 'Third Person Limited',
          audienceAgeGroup: 'Young Adults',
          contentRating: 'PG',
          endingPreference: 'Happy',
        },
      },
    });
    expect(created.status()).toBe(201);
    const storyId = ((await created.json()) as { id: string }).id;
    // The Writing step opens once there is a premise and an outline; the story text is what gets read and drawn.
    const premise = await page.request.put(`/api/stories/${storyId}/premise`, { headers, data: { text: 'The bells of Brindle Hill freeze, and Ada must wake them.', base: null } });
    expect(premise.status()).toBe(200);
    const outline = { chapters: [{ title: 'The Frozen Bells', summary: 'Ada finds the bells frozen.' }, { title: 'The Valley Road', summary: 'Bram waits at the bridge.' }] };
    expect((await page.request.put(`/api/stories/${storyId}/outline`, { headers, data: { ...outline, base: null } })).status()).toBe(200);
    expect((await page.request.put(`/api/stories/${storyId}/story`, { headers, data: { text: STORY, base: null } })).status()).toBe(200);

    await page.goto(`/write/${storyId}/writing`);
    const panel = page.getByRole('region', { name: 'Pictures and narration' });
    await panel.waitFor();
    const second = panel.getByRole('article', { name: 'The Valley Road' });
    await second.getByRole('button', { name: 'Illustrate chapter 2, The Valley Road' }).click();
    expect(await waitForPicture(second)).toBeGreaterThan(100);

    const first = panel.getByRole('article', { name: 'The Frozen Bells' });
    await first.getByRole('button', { name: 'Listen to chapter 1, The Frozen Bells' }).click();
    const played = await waitForNarrationPlaying(first);
    expect(played.currentTime).toBeGreaterThan(0);
    // A tooltip shown under the pointer lives outside the page's landmarks; move away before checking.
    await page.mouse.move(0, 0);
    await page.getByRole('tooltip').waitFor({ state: 'detached' });
    await screenshot(page, 'write-chapter-media');
    await expectNoAxeViolations(page, 'the Writer with chapter pictures and narration');
    await page.context().close();
  }, 180_000);
});
