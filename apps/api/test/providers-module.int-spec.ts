import type { DynamicModule } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import type { TextProvider } from '@storyos/domain';
import { LoggerModule } from 'nestjs-pino';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_CONFIG, loadConfig } from '../src/core/config/app-config';
import { ModelRoutingProvider } from '../src/modules/generation/providers/model-routing.provider';
import { ProviderInfoService } from '../src/core/provider-info/provider-info.service';
import { TextProviderModule } from '../src/modules/generation/providers/text-provider.module';
import { TEXT_PROVIDER } from '../src/modules/generation/text-provider.token';
import { startFakeOpenAiServer, streamAnswer, type FakeOpenAiServer } from './support/fake-openai-server';

/** The text provider module alone, with the configuration an environment would give. */
function compileWith(env: Record<string, string>): Promise<TestingModule> {
  const config: DynamicModule = {
    module: class TestConfigModule {},
    global: true,
    providers: [{ provide: APP_CONFIG, useValue: loadConfig({ NODE_ENV: 'test', ...env }) }],
    exports: [APP_CONFIG],
  };
  return Test.createTestingModule({ imports: [LoggerModule.forRoot({ pinoHttp: { level: 'silent' } }), config, TextProviderModule] }).compile();
}

describe('Text provider module', () => {
  let server: FakeOpenAiServer;
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
  });
  afterAll(() => server.close());

  it('provides the OpenAI-compatible provider when a base URL is configured, and says so', async () => {
    const moduleRef = await compileWith({ LLM_BASE_URL: server.baseUrl, LLM_MODEL: 'story-model', LLM_API_KEY: 'sk-module' });
    server.enqueue(streamAnswer({ deltas: ['Through', ' the module'], finishReason: 'stop' }));

    const provider = moduleRef.get<TextProvider>(TEXT_PROVIDER);
    const deltas: string[] = [];
    for await (const delta of provider.stream({ messages: [{ role: 'user', content: 'Go' }] }, new AbortController().signal)) deltas.push(delta);

    // The configured server writes, with the builtin engine beside it for a user who picks it.
    expect(provider).toBeInstanceOf(ModelRoutingProvider);
    expect(provider.name).toBe('openai-compatible');
    expect(deltas).toEqual(['Through', ' the module']);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer sk-module');
    expect(moduleRef.get(ProviderInfoService).current()).toEqual({
      provider: 'openai-compatible',
      model: 'story-model',
      detail: `OpenAI-compatible API at ${new URL(server.baseUrl).host}`,
    });
    await moduleRef.close();
  });

  it('provides the builtin engine with the TinyStories weights when no provider is configured', async () => {
    const moduleRef = await compileWith({});
    const provider = moduleRef.get<TextProvider>(TEXT_PROVIDER);

    let text = '';
    const stream = provider.stream({ messages: [{ role: 'user', content: 'Tell a story about a fox.' }], maxTokens: 40, seed: 7 }, new AbortController().signal);
    for (let next = await stream.next(); !next.done; next = await stream.next()) text += next.value;

    expect(moduleRef.get(ProviderInfoService).current()).toEqual({ provider: 'builtin', model: 'tinystories-260k', detail: 'TinyStories 260K model + story planner' });
    expect(text.trim().length).toBeGreaterThan(0);
    await moduleRef.close();
  });

  it('runs the builtin engine on templates alone when the configured model path holds no weights', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'storyos-no-model-'));
    const moduleRef = await compileWith({ LLM_MODEL_PATH: emptyDir });

    const info = moduleRef.get(ProviderInfoService).current();

    expect(info).toEqual(expect.objectContaining({ provider: 'builtin', model: 'templates' }));
    await moduleRef.close();
    rmSync(emptyDir, { recursive: true, force: true });
  });
});
