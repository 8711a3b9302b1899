import type { Locator, Page } from 'playwright-core';

/** Steps of the media journeys: hearing narration and seeing pictures, proved by what the browser really did. */

/** The narration's audio element under `scope` really played: its clock moved and it holds played ranges. */
export async function waitForNarrationPlaying(scope: Locator, timeout = 60_000): Promise<{ currentTime: number; playedRanges: number }> {
  const audio = scope.locator('audio[data-narration-audio]');
  const handle = await audio.elementHandle({ timeout });
  if (!handle) throw new Error('No narration audio element');
  await handle.evaluate(
    (element: HTMLAudioElement, limit: number) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          if (element.currentTime > 0.2 && element.played.length > 0) return resolve();
          if (Date.now() - started > limit) return reject(new Error(`Narration did not play (currentTime ${element.currentTime}, state ${element.readyState}, error ${element.error?.message ?? 'none'})`));
          setTimeout(check, 50);
        };
        check();
      }),
    timeout,
  );
  return handle.evaluate((element: HTMLAudioElement) => ({ currentTime: element.currentTime, playedRanges: element.played.length }));
}

/** The picture under `scope` is decoded and has pixels. */
export async function waitForPicture(scope: Locator, timeout = 60_000): Promise<number> {
  const picture = scope.locator('img[data-scene-picture]');
  await picture.waitFor({ timeout });
  await picture.evaluate((element: HTMLImageElement) => element.decode());
  return picture.evaluate((element: HTMLImageElement) => element.naturalWidth);
}

/** A bearer token for setting a story up through the API quickly (a second sign-in, beside the browser's own). */
export async function accessToken(page: Page, email: string, password: string): Promise<string> {
  const response = await page.request.post('/api/auth/login', { data: { email, password } });
  if (response.status() !== 200) throw new Error(`Sign-in failed with ${response.status()}: ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
