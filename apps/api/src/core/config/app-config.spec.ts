import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('starts with sensible defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(3000);
    expect(config.quotas).toEqual({ guest: 20, user: 200, admin: null });
    expect(config.auth.cookieSecure).toBe(false);
  });

  it('lists every bad value in one readable error', () => {
    const load = () => loadConfig({ PORT: 'eighty', QUOTA_USER_DAILY: '-1', CORS_ORIGINS: 'not a url' });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('QUOTA_USER_DAILY');
      expect(message).toContain('CORS_ORIGINS');
    }
  });

  it('refuses production without a JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });

  it('requires the admin email and password together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.co' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('offers WebSocket compression unless told not to, and refuses a value that is not true or false', () => {
    expect(loadConfig({}).http.socketCompression).toBe(true);
    expect(loadConfig({ SOCKET_COMPRESSION: 'false' }).http.socketCompression).toBe(false);
    expect(() => loadConfig({ SOCKET_COMPRESSION: 'sometimes' })).toThrow(/SOCKET_COMPRESSION/);
  });

  it('reads unlimited quotas and origin lists', () => {
    const config = loadConfig({ QUOTA_USER_DAILY: 'unlimited', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.quotas.user).toBeNull();
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('learns the context unless it is set, caps every reply, and offers the configured model unless told otherwise', () => {
    const plain = loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:8080/v1', LLM_MODEL: 'qwen2.5-7b' });
    expect(plain.llm).toMatchObject({ contextTokens: undefined, maxOutputTokens: 1024, allowedModels: ['qwen2.5-7b'] });
    const set = loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:8080/v1', LLM_MODEL: 'm', LLM_CONTEXT_TOKENS: '2048', LLM_MAX_OUTPUT_TOKENS: '300', LLM_MODELS_ALLOWED: 'a, b' });
    expect(set.llm).toMatchObject({ contextTokens: 2048, maxOutputTokens: 300, allowedModels: ['a', 'b'] });
    expect(loadConfig({ LLM_MODELS_ALLOWED: '*' }).llm.allowedModels).toBe('*');
    expect(plain.llm.visionModels).toEqual([]);
    expect(loadConfig({ LLM_VISION_MODELS: 'llava, gpt-4o' }).llm.visionModels).toEqual(['llava', 'gpt-4o']);
    expect(loadConfig({ LLM_VISION_MODELS: '*' }).llm.visionModels).toBe('*');
    expect(() => loadConfig({ LLM_CONTEXT_TOKENS: '100' })).toThrow(/LLM_CONTEXT_TOKENS/);
    expect(() => loadConfig({ LLM_MAX_OUTPUT_TOKENS: 'lots' })).toThrow(/LLM_MAX_OUTPUT_TOKENS/);
  });

  it('keeps docs and metrics open in development and test, and closed in production unless chosen', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(loadConfig({ NODE_ENV })).toMatchObject({ http: { docsAccess: 'public' }, metrics: { access: 'public' } });
    }
    const secret = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig(secret)).toMatchObject({ http: { docsAccess: 'off' }, metrics: { access: 'off' } });
    const token = 'scrape-token-'.padEnd(32, 'x');
    expect(loadConfig({ ...secret, METRICS_TOKEN: token }).metrics).toEqual({ access: 'token', token });
    expect(loadConfig({ ...secret, API_DOCS_ACCESS: 'admin', METRICS_ACCESS: 'public' })).toMatchObject({ http: { docsAccess: 'admin' }, metrics: { access: 'public' } });
  });

  it('refuses metrics behind a token without the token, and unknown access modes', () => {
    expect(() => loadConfig({ METRICS_ACCESS: 'token' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ API_DOCS_ACCESS: 'everyone' })).toThrow(/API_DOCS_ACCESS: Must be public, admin or off/);
  });

  it('stops on the replaced LOGIN_MAX_FAILURES_PER_ACCOUNT, naming what replaced it', () => {
    expect(() => loadConfig({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '5' })).toThrow(/LOGIN_MAX_FAILURES_PER_ACCOUNT: No longer used.*LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP.*LOGIN_SLOWDOWN_AFTER_FAILURES/);
  });

  it('refuses a login slow-down whose cap is below its first delay', () => {
    expect(() => loadConfig({ LOGIN_SLOWDOWN_BASE_MS: '5000', LOGIN_SLOWDOWN_MAX_MS: '1000' })).toThrow(/LOGIN_SLOWDOWN_MAX_MS/);
  });

  it('stores media on disk under .data/media by default, with allowances in bytes', () => {
    const config = loadConfig({});
    expect(config.media.storage).toEqual({ kind: 'disk', dir: `${process.cwd()}/.data/media` });
    expect(config.media.allowances).toEqual({ guest: 25 * 1024 * 1024, user: 500 * 1024 * 1024, admin: null });
  });

  it('requires a bucket and keys for S3 storage, and a model for each configured media API', () => {
    expect(() => loadConfig({ MEDIA_STORAGE: 's3' })).toThrow(/MEDIA_S3_BUCKET[\s\S]*MEDIA_S3_ACCESS_KEY_ID[\s\S]*MEDIA_S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ IMAGE_BASE_URL: 'https://api.example/v1' })).toThrow(/IMAGE_MODEL/);
    expect(() => loadConfig({ SPEECH_BASE_URL: 'https://api.example/v1' })).toThrow(/SPEECH_MODEL/);
    expect(() => loadConfig({ SPEECH_VOICES: 'alloy,nova', SPEECH_NARRATOR_VOICE: 'onyx' })).toThrow(/SPEECH_NARRATOR_VOICE/);
  });

  it('reads S3 settings and voice lists', () => {
    const config = loadConfig({
      MEDIA_STORAGE: 's3',
      MEDIA_S3_BUCKET: 'stories',
      MEDIA_S3_ACCESS_KEY_ID: 'key',
      MEDIA_S3_SECRET_ACCESS_KEY: 'secret',
      MEDIA_S3_FORCE_PATH_STYLE: 'true',
      SPEECH_VOICES: 'alloy, nova ,fable',
      MEDIA_ALLOWANCE_GUEST_MB: '0.5',
    });
    expect(config.media.storage).toMatchObject({ kind: 's3', bucket: 'stories', forcePathStyle: true, region: 'us-east-1' });
    expect(config.media.speech.voices).toEqual(['alloy', 'nova', 'fable']);
    expect(config.media.allowances.guest).toBe(512 * 1024);
  });
});
