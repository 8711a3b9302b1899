import type { DynamicModule } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import type { TextProvider } from '@storyos/domain';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, loadConfig } from '../src/core/config/app-config';
import { OpenAiCompatibleProvider } from '../src/modules/generation/providers/openai-compatible.provider';
import { ProviderInfoService } from '../src/modules/generation/providers/provider-info.service';
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

    expect(provider).toBeInstanceOf(OpenAiCompatibleProvider);
    expect(deltas).toEqual(['Through', ' the module']);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer sk-module');
    expect(moduleRef.get(ProviderInfoService).current()).toEqual({
      provider: 'openai-compatible',
      model: 'story-model',
      detail: `OpenAI-compatible API at ${new URL(server.baseUrl).host}`,
    });
    await moduleRef.close();
  });

  it('provides the builtin engine when no provider is configured', async () => {
    const moduleRef = await compileWith({});

    const info = moduleRef.get(ProviderInfoService).current();

    expect(info.provider).toBe('builtin');
    expect(moduleRef.get<TextProvider>(TEXT_PROVIDER).name).toBe('builtin');
    await moduleRef.close();
  });
});
