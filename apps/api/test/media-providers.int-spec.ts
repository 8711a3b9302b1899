import { encodeWav, ProviderError } from '@storyos/domain';
import { loadConfig } from '../src/core/config/app-config';
import { createImageProvider, createSpeechProvider, createTranscriptionProvider } from '../src/modules/media/providers/media-providers.factory';
import { ProviderAbortedError } from '../src/modules/media/providers/provider-request';
import type { BuiltinSpeechProvider } from '../src/modules/media/providers/speech/builtin-speech.provider';
import sharp from 'sharp';
import { makePicture } from './support/media-helpers';
import { json, slow, startFakeMediaServer, type FakeMediaServer } from './support/fake-media-server';

const quiet = { info: () => undefined, warn: () => undefined };
const never = new AbortController().signal;
const tone = { sampleRate: 24_000, channels: [Float32Array.from({ length: 24_000 * 2 }, (_, index) => Math.sin(index / 8) * 0.3)] };

describe('media providers', () => {
  let server: FakeMediaServer;
  let media: ReturnType<typeof loadConfig>['media'];

  beforeAll(async () => {
    server = await startFakeMediaServer({ png: await makePicture('png', 256, 256), wav: Buffer.from(encodeWav(tone)), transcript: ' Once upon a time. ' });
    media = loadConfig({
      IMAGE_BASE_URL: server.baseUrl, IMAGE_API_KEY: 'test-key', IMAGE_MODEL: 'gpt-image-1', IMAGE_TIMEOUT_MS: '1000', IMAGE_COST_CENTS: '4',
      SPEECH_BASE_URL: server.baseUrl, SPEECH_API_KEY: 'test-key', SPEECH_MODEL: 'tts-1', SPEECH_TIMEOUT_MS: '1000',
      TRANSCRIPTION_BASE_URL: server.baseUrl, TRANSCRIPTION_API_KEY: 'test-key', TRANSCRIPTION_MODEL: 'whisper-1', TRANSCRIPTION_TIMEOUT_MS: '1000',
      MEDIA_PROVIDER_MAX_RETRIES: '2',
    }).media;
  });

  afterAll(async () => {
    await server?.close();
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  describe('OpenAI-compatible images', () => {
    it('returns the picture with its real type, size, model and cost', async () => {
      const image = await createImageProvider(media, quiet).render({ prompt: 'A fox in a forest' }, never);
      expect(image).toMatchObject({ contentType: 'image/png', width: 256, height: 256, provider: 'openai-compatible', model: 'gpt-image-1', costCents: 4, revisedPrompt: 'A picture-book plate: A fox in a forest' });
      expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({ model: 'gpt-image-1', prompt: 'A fox in a forest', n: 1, size: '1024x1024' });
    });

    it('retries 429 and 5xx, honouring Retry-After, then succeeds', async () => {
      server.enqueue(json(429, { error: { message: 'Rate limit reached' } }, { 'retry-after': '0' }), json(503, { error: { message: 'Overloaded' } }));
      const image = await createImageProvider({ ...media }, quiet).render({ prompt: 'A castle' }, never);
      expect(image.width).toBe(256);
      expect(server.requests).toHaveLength(3);
    });

    it('gives up after the retries with the provider’s reason', async () => {
      server.enqueue(...Array.from({ length: 3 }, () => json(500, { error: { message: 'The server had an error' } })));
      await expect(createImageProvider(media, quiet).render({ prompt: 'A castle' }, never)).rejects.toThrow('The provider answered 500: The server had an error');
      expect(server.requests).toHaveLength(3);
    });

    it('does not retry a 4xx and says what was wrong', async () => {
      server.enqueue(json(400, { error: { message: 'Your request was rejected by the safety system.' } }));
      await expect(createImageProvider(media, quiet).render({ prompt: 'x' }, never)).rejects.toThrow('Your request was rejected by the safety system.');
      expect(server.requests).toHaveLength(1);
    });

    it('times out a slow answer and retries it', async () => {
      server.enqueue(slow(5_000, json(200, {})));
      const image = await createImageProvider(media, quiet).render({ prompt: 'A slow fox' }, never);
      expect(image.width).toBe(256);
      expect(server.requests).toHaveLength(2);
    });

    it('stops at once when the caller aborts', async () => {
      server.enqueue(slow(5_000, json(200, {})));
      const controller = new AbortController();
      const rendering = createImageProvider({ ...media, image: { ...media.image, timeoutMs: 10_000 } }, quiet).render({ prompt: 'x' }, controller.signal);
      setTimeout(() => controller.abort(), 100);
      await expect(rendering).rejects.toBeInstanceOf(ProviderAbortedError);
      expect(server.requests).toHaveLength(1);
    });

    it('refuses an answer that is not a picture', async () => {
      server.enqueue(json(200, { data: [{ b64_json: Buffer.from('<svg/>').toString('base64') }] }));
      await expect(createImageProvider(media, quiet).render({ prompt: 'x' }, never)).rejects.toThrow(/not a PNG, JPEG or WebP/);
    });
  });

  describe('OpenAI-compatible speech', () => {
    it('asks for WAV in the speaker’s voice and returns MP3 with the exact duration', async () => {
      const provider = createSpeechProvider(media, quiet);
      const speech = await provider.synthesize({ text: 'Hello there.', speaker: 'Rusty' }, never);
      const sent = JSON.parse(server.requests[0]!.body.toString());
      expect(sent).toMatchObject({ model: 'tts-1', input: 'Hello there.', response_format: 'wav', voice: provider.voiceFor('Rusty') });
      expect(sent.voice).not.toBe(provider.voiceFor(undefined));
      expect(speech).toMatchObject({ contentType: 'audio/mpeg', durationMs: 2000, provider: 'openai-compatible', model: 'tts-1' });
      expect([...speech.bytes.subarray(0, 2)]).toEqual([0xff, expect.any(Number)]);
    });

    it('retries a 5xx and reports a rejected key without retrying', async () => {
      server.enqueue(json(502, { error: { message: 'Bad gateway' } }));
      expect((await createSpeechProvider(media, quiet).synthesize({ text: 'Hi.' }, never)).durationMs).toBe(2000);
      expect(server.requests).toHaveLength(2);
      await expect(createSpeechProvider({ ...media, speech: { ...media.speech, apiKey: 'wrong' } }, quiet).synthesize({ text: 'Hi.' }, never)).rejects.toThrow('The provider rejected the API key (401).');
    });
  });

  describe('OpenAI-compatible transcription', () => {
    it('sends the audio as multipart and returns the trimmed text', async () => {
      const provider = createTranscriptionProvider(media, quiet)!;
      const transcript = await provider.transcribe({ bytes: encodeWav(tone), contentType: 'audio/wav', fileName: 'voice.wav' }, never, { language: 'en' });
      expect(transcript).toEqual({ text: 'Once upon a time.', language: null, durationMs: null, provider: 'openai-compatible', model: 'whisper-1' });
      expect(server.requests[0]!.body.includes('name="language"')).toBe(true);
    });

    it('retries a slow answer and gives up on one that never comes', async () => {
      server.enqueue(slow(5_000, json(200, {})), slow(5_000, json(200, {})), slow(5_000, json(200, {})));
      await expect(createTranscriptionProvider(media, quiet)!.transcribe({ bytes: new Uint8Array(10), contentType: 'audio/webm', fileName: 'a.webm' }, never)).rejects.toThrow(/did not finish within 1s/);
      expect(server.requests).toHaveLength(3);
    });

    it('is absent when no transcription API is configured', () => {
      expect(createTranscriptionProvider(loadConfig({}).media, quiet)).toBeNull();
    });
  });

  describe('builtin providers', () => {
    it('illustrates a scene offline as a PNG plate', async () => {
      const image = await createImageProvider(loadConfig({}).media, quiet).render({ prompt: 'At night the knight rode to the castle under the moon.', aspect: 'square' }, never);
      expect(image).toMatchObject({ contentType: 'image/png', width: 1024, height: 1024, provider: 'builtin', model: 'storyos-illustrator' });
      const meta = await sharp(Buffer.from(image.bytes)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1024, 1024]);
    });

    it('speaks offline with espeak-ng, as MP3 with a duration, a different voice per character', async () => {
      const provider = createSpeechProvider(loadConfig({}).media, quiet) as BuiltinSpeechProvider;
      try {
        const narrator = await provider.synthesize({ text: 'Once upon a time, a fox lived in the wood.' }, never);
        expect(narrator).toMatchObject({ contentType: 'audio/mpeg', provider: 'builtin', model: 'espeak-ng', voice: 'en-gb-x-rp' });
        expect(narrator.durationMs).toBeGreaterThan(1500);
        expect(narrator.durationMs).toBeLessThan(6000);
        expect(narrator.bytes.byteLength).toBeGreaterThan(2000);
        const fox = await provider.synthesize({ text: 'Hello!', speaker: 'Rusty' }, never);
        expect(fox.voice).not.toBe('en-gb-x-rp');
        await expect(provider.synthesize({ text: 'x', voice: 'klingon' }, never)).rejects.toBeInstanceOf(ProviderError);
      } finally {
        await provider.close();
      }
    }, 60_000);
  });
});
