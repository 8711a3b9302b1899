import { chromium, type Browser } from 'playwright-core';
import { openPage, screenshot } from './support/browser';
import { expectNoAxeViolations } from './support/axe';
import { type BuiltinStack, startBuiltinStack } from './support/builtin-stack';
import { startFakeTranscriptionServer, type FakeTranscriptionServer } from './support/fake-transcription-server';
import { accessToken } from './support/media';
import { actionInput, registerInBrowser, waitForReplyDone } from './support/play';

let browser: Browser;
let stack: BuiltinStack;
let stt: FakeTranscriptionServer;

beforeAll(async () => {
  stt = await startFakeTranscriptionServer('I light the great lamp.');
  [browser, stack] = await Promise.all([
    // A fake microphone (a steady tone) that the page may use without asking: what a user grants in a real browser.
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    }),
    startBuiltinStack({ TRANSCRIPTION_BASE_URL: stt.baseUrl, TRANSCRIPTION_API_KEY: 'e2e-key', TRANSCRIPTION_MODEL: 'whisper-e2e' }),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await stt?.close();
});

describe('speaking a turn', () => {
  it('records with the microphone, has the server write it down, and puts the words in the input to be corrected before sending', async () => {
    const page = await openPage(browser, { baseURL: stack.baseUrl });
    const email = await registerInBrowser(page, 'Voice Player');
    const headers = { authorization: `Bearer ${await accessToken(page, email, 'play-the-game-1')}` };
    const scenario = await page.request.post('/api/scenarios', {
      headers,
      data: {
        name: 'The Clockwork Orchard',
        description: 'Apples that tick, and a gardener who has lost the key to winding them.',
        setting: 'The orchard of Tamsin Gale on the edge of Brindle Hill, where brass apple trees keep the seasons.',
        narratorBehavior: 'Gentle and curious.',
        playerName: 'Nell',
        playerRole: 'the apprentice gardener',
        initialLocation: 'the orchard gate',
        tone: 'whimsical',
        contentRating: 'all-ages',
      },
    });
    expect(scenario.status()).toBe(201);
    const game = await page.request.post('/api/game/sessions', { headers, data: { scenarioId: ((await scenario.json()) as { id: string }).id } });
    expect(game.status()).toBe(201);
    await page.goto(`/play/${((await game.json()) as { id: string }).id}`);
    await waitForReplyDone(page, 120_000);

    await actionInput(page).fill('Quietly,');
    await page.getByRole('button', { name: 'Speak your turn' }).click();
    const stop = page.getByRole('button', { name: 'Stop and use what you said' });
    await stop.waitFor();
    expect(await stop.getAttribute('aria-pressed')).toBe('true');
    await page.getByText('Listening… press the microphone again when you are done.').waitFor();
    // Let the recorder gather a second of the fake microphone's sound.
    await page.waitForTimeout(1_000);
    await stop.click();
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('textarea[name="action"]')?.value ?? '').includes('I light the great lamp.'), undefined, { timeout: 30_000 });
    expect(await actionInput(page).inputValue()).toBe('Quietly, I light the great lamp.');

    // What reached the provider was the browser's own recording: a WebM (EBML) file with sound in it.
    expect(stt.bodies).toHaveLength(1);
    const body = stt.bodies[0]!;
    expect(body.includes(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))).toBe(true);
    expect(body.length).toBeGreaterThan(2_000);
    await page.mouse.move(0, 0);
    await screenshot(page, 'play-voice-input');
    await expectNoAxeViolations(page, 'Play with the microphone');
    await page.context().close();
  }, 240_000);
});
