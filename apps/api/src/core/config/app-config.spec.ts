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

  it('reads unlimited quotas and origin lists', () => {
    const config = loadConfig({ QUOTA_USER_DAILY: 'unlimited', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.quotas.user).toBeNull();
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
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
