import { z } from 'zod';

const DEV_JWT_SECRET = 'storyos-development-secret-not-for-production';

const bool = z
  .enum(['true', 'false', '1', '0'], { message: 'Must be true or false' })
  .transform((value) => value === 'true' || value === '1');

const port = z.coerce.number().int().min(0).max(65535);

const MIN_BODY_LIMIT_BYTES = 512 * 1024;
/** `512kb` → 524288; 0 for a size that is not one. */
export const sizeInBytes = (size: string): number => {
  const match = /^(\d+)(b|kb|mb)$/i.exec(size);
  return match ? Number(match[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2]!.toLowerCase() as 'b' | 'kb' | 'mb'] : 0;
};

/** A daily limit: a non-negative integer, or `unlimited`. */
const dailyLimit = z
  .union([z.literal('unlimited'), z.coerce.number().int().min(0)], { message: 'Must be a whole number or "unlimited"' })
  .transform((value) => (value === 'unlimited' ? null : value));

/** Who may read an operational endpoint (`/api/docs`, `/metrics`). */
const docsAccess = z.enum(['public', 'admin', 'off'], { message: 'Must be public, admin or off' });
const metricsAccess = z.enum(['public', 'token', 'off'], { message: 'Must be public, token or off' });

/** A variable that no longer exists: setting it stops start-up with what replaced it, rather than being ignored. */
const replaced = (replacement: string) =>
  z
    .string()
    .optional()
    .refine((value) => value === undefined, { message: `No longer used. ${replacement}` })
    .transform(() => undefined);

/** An allowance in megabytes: a non-negative number, or `unlimited`. */
const megabytes = z
  .union([z.literal('unlimited'), z.coerce.number().min(0)], { message: 'Must be a number of megabytes or "unlimited"' })
  .transform((value) => (value === 'unlimited' ? null : Math.round(value * 1024 * 1024)));

const originList = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
  .pipe(z.array(z.url({ message: 'Each origin must be a URL like http://localhost:3000' })));

/** Model ids separated by commas, or `*` for every model the provider lists. */
const modelList = z
  .string()
  .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(200)).min(1, { message: 'List at least one model id, or * for all' }));

/** Every environment variable StoryOS reads, with its default. The README lists the same. */
export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(3000),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z.url({ message: 'Must be a postgres:// URL' }).default('postgres://postgres@127.0.0.1:5432/storyos'),
    REDIS_URL: z.url({ message: 'Must be a redis:// URL' }).default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i, { message: 'Letters, digits, - and _ only' }).default('storyos'),
    JWT_SECRET: z.string().min(32, { message: 'Must be at least 32 characters' }).optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    COOKIE_SECURE: bool.optional(),
    CORS_ORIGINS: originList.default(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://localhost:5173']),
    TRUST_PROXY: bool.default(false),
    // The largest valid body of a general route (a 30-chapter outline, every character spelled \uXXXX) is just under 400kb.
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, { message: 'Must be a size like 512kb or 1mb' })
      .refine((size) => sizeInBytes(size) >= MIN_BODY_LIMIT_BYTES, { message: 'Must be at least 512kb: smaller would refuse outlines and prompts the API accepts' })
      .default('512kb'),
    WEB_DIST_DIR: z.string().optional(),
    ADMIN_EMAIL: z.email({ message: 'Must be an email address' }).optional(),
    ADMIN_PASSWORD: z.string().min(8, { message: 'Must be at least 8 characters' }).optional(),
    SEED_DEMO: bool.default(true),
    DEMO_EMAIL: z.email().default('demo@storyos.local'),
    DEMO_PASSWORD: z.string().min(8).default('storyos-demo-1'),
    QUOTA_GUEST_DAILY: dailyLimit.default(20),
    QUOTA_USER_DAILY: dailyLimit.default(200),
    QUOTA_ADMIN_DAILY: dailyLimit.default(null),
    CHAT_MESSAGES_GUEST_DAILY: dailyLimit.default(20),
    CHAT_MESSAGES_USER_DAILY: dailyLimit.default(100),
    CHAT_MESSAGES_ADMIN_DAILY: dailyLimit.default(null),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: replaced(
      'Accounts are no longer locked: use LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP (failures per account from one address) and LOGIN_SLOWDOWN_AFTER_FAILURES (failures per account before sign-ins to it are slowed down)',
    ),
    LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: z.coerce.number().int().min(1).default(5),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    LOGIN_SLOWDOWN_AFTER_FAILURES: z.coerce.number().int().min(0).default(5),
    LOGIN_SLOWDOWN_BASE_MS: z.coerce.number().int().min(1).default(1000),
    LOGIN_SLOWDOWN_MAX_MS: z.coerce.number().int().min(1).max(120_000).default(30_000),
    SIGNUP_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
    SIGNUP_MAX_GUESTS_PER_IP: z.coerce.number().int().min(1).default(10),
    SIGNUP_MAX_REGISTRATIONS_PER_IP: z.coerce.number().int().min(1).default(10),
    REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    API_DOCS_ACCESS: docsAccess.optional(),
    METRICS_ACCESS: metricsAccess.optional(),
    METRICS_TOKEN: z.string().min(24, { message: 'Must be at least 24 characters' }).optional(),
    LLM_BASE_URL: z.url({ message: 'Must be the provider base URL, e.g. https://api.openai.com/v1' }).optional(),
    LLM_API_KEY: z.string().min(1).optional(),
    LLM_MODEL: z.string().min(1).optional(),
    LLM_MODEL_PATH: z.string().min(1).optional(),
    LLM_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    LLM_FIRST_TOKEN_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
    LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    LLM_CONTEXT_TOKENS: z.coerce.number().int().min(512, { message: 'Must be at least 512 tokens' }).max(10_000_000).optional(),
    LLM_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(64, { message: 'Must be at least 64 tokens' }).max(1_000_000).default(1024),
    LLM_MODELS_ALLOWED: modelList.optional(),
    LLM_VISION_MODELS: modelList.optional(),
    GENERATION_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
    GENERATION_BACKOFF_MS: z.coerce.number().int().min(0).default(2000),
    STREAM_COALESCE_MS: z.coerce.number().int().min(0).max(1000).default(40),
    SOCKET_COMPRESSION: bool.default(true),
    SSE_MAX_STREAMS_PER_USER: z.coerce.number().int().min(1).max(1000).default(10),
    QUEUE_LOCK_DURATION_MS: z.coerce.number().int().min(1000).default(30_000),
    QUEUE_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(4),
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(25),
    MEDIA_STORAGE: z.enum(['disk', 's3'], { message: 'Must be disk or s3' }).default('disk'),
    MEDIA_DIR: z.string().min(1).default('.data/media'),
    MEDIA_S3_ENDPOINT: z.url({ message: 'Must be the S3 endpoint URL, e.g. https://s3.eu-west-1.amazonaws.com' }).optional(),
    MEDIA_S3_BUCKET: z.string().min(3).optional(),
    MEDIA_S3_REGION: z.string().min(1).default('us-east-1'),
    MEDIA_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    MEDIA_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    MEDIA_S3_FORCE_PATH_STYLE: bool.default(false),
    MEDIA_S3_PREFIX: z.string().regex(/^[a-z0-9/_-]*$/i, { message: 'Letters, digits, /, - and _ only' }).default(''),
    MEDIA_ALLOWANCE_GUEST_MB: megabytes.prefault('25'),
    MEDIA_ALLOWANCE_USER_MB: megabytes.prefault('500'),
    MEDIA_ALLOWANCE_ADMIN_MB: megabytes.prefault('unlimited'),
    MEDIA_UPLOADS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    MEDIA_PARALLEL_UPLOADS: z.coerce.number().int().min(1).max(100).default(3),
    MEDIA_PROVIDER_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
    IMAGE_BASE_URL: z.url({ message: 'Must be the images API root, e.g. https://api.openai.com/v1' }).optional(),
    IMAGE_API_KEY: z.string().min(1).optional(),
    IMAGE_MODEL: z.string().min(1).optional(),
    IMAGE_SIZE: z.string().regex(/^\d{2,5}x\d{2,5}$/, { message: 'Must be WIDTHxHEIGHT, e.g. 1024x1024' }).default('1024x1024'),
    IMAGE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(180_000),
    IMAGE_COST_CENTS: z.coerce.number().min(0).optional(),
    SPEECH_BASE_URL: z.url({ message: 'Must be the speech API root, e.g. https://api.openai.com/v1' }).optional(),
    SPEECH_API_KEY: z.string().min(1).optional(),
    SPEECH_MODEL: z.string().min(1).optional(),
    SPEECH_VOICES: z
      .string()
      .transform((value) => value.split(',').map((voice) => voice.trim()).filter(Boolean))
      .pipe(z.array(z.string()).min(1, { message: 'Name at least one voice' }))
      .optional(),
    SPEECH_NARRATOR_VOICE: z.string().min(1).optional(),
    SPEECH_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
    TRANSCRIPTION_BASE_URL: z.url({ message: 'Must be the transcription API root, e.g. http://localhost:8080/v1' }).optional(),
    TRANSCRIPTION_API_KEY: z.string().min(1).optional(),
    TRANSCRIPTION_MODEL: z.string().min(1).default('whisper-1'),
    TRANSCRIPTION_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'Required in production (at least 32 characters)' });
    }
    if (env.LLM_BASE_URL && !env.LLM_MODEL) {
      ctx.addIssue({ code: 'custom', path: ['LLM_MODEL'], message: 'Required when LLM_BASE_URL is set (the model name the provider knows)' });
    }
    if (env.MEDIA_STORAGE === 's3') {
      for (const key of ['MEDIA_S3_BUCKET', 'MEDIA_S3_ACCESS_KEY_ID', 'MEDIA_S3_SECRET_ACCESS_KEY'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'Required when MEDIA_STORAGE is s3' });
      }
    }
    if (env.IMAGE_BASE_URL && !env.IMAGE_MODEL) {
      ctx.addIssue({ code: 'custom', path: ['IMAGE_MODEL'], message: 'Required when IMAGE_BASE_URL is set (e.g. gpt-image-1 or dall-e-3)' });
    }
    if (env.SPEECH_BASE_URL && !env.SPEECH_MODEL) {
      ctx.addIssue({ code: 'custom', path: ['SPEECH_MODEL'], message: 'Required when SPEECH_BASE_URL is set (e.g. gpt-4o-mini-tts or tts-1)' });
    }
    if (env.SPEECH_NARRATOR_VOICE && env.SPEECH_VOICES && !env.SPEECH_VOICES.includes(env.SPEECH_NARRATOR_VOICE)) {
      ctx.addIssue({ code: 'custom', path: ['SPEECH_NARRATOR_VOICE'], message: 'Must be one of SPEECH_VOICES' });
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'Set ADMIN_EMAIL and ADMIN_PASSWORD together' });
    }
    if (env.LOGIN_SLOWDOWN_MAX_MS < env.LOGIN_SLOWDOWN_BASE_MS) {
      ctx.addIssue({ code: 'custom', path: ['LOGIN_SLOWDOWN_MAX_MS'], message: 'Must be at least LOGIN_SLOWDOWN_BASE_MS' });
    }
    if (env.METRICS_ACCESS === 'token' && !env.METRICS_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['METRICS_TOKEN'], message: 'Required when METRICS_ACCESS is token (at least 24 characters)' });
    }
  })
  .transform(({ LOGIN_MAX_FAILURES_PER_ACCOUNT: _replaced, ...env }) => {
    const production = env.NODE_ENV === 'production';
    return {
      ...env,
      JWT_SECRET: env.JWT_SECRET ?? DEV_JWT_SECRET,
      COOKIE_SECURE: env.COOKIE_SECURE ?? production,
      // Open while developing; in production off unless chosen, and metrics only behind a token.
      API_DOCS_ACCESS: env.API_DOCS_ACCESS ?? (production ? 'off' : 'public'),
      METRICS_ACCESS: env.METRICS_ACCESS ?? (production ? (env.METRICS_TOKEN ? 'token' : 'off') : 'public'),
    };
  });

export type Env = z.output<typeof EnvSchema>;
