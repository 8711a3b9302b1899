import type { ChatMessageLimits, DailyQuotaLimits, StorageAllowances } from '@storyos/domain';
import { resolve } from 'node:path';

import { EnvSchema, type Env } from './env.schema';

/** The typed, nested configuration every module receives. */
export interface AppConfig {
  env: Env['NODE_ENV'];
  http: {
    port: number;
    host: string;
    corsOrigins: string[];
    trustProxy: boolean;
    bodyLimit: string;
    webDistDir?: string;
    /** Who may read `/api/docs`: anyone, admins (bearer access token), or nobody (not served). */
    docsAccess: Env['API_DOCS_ACCESS'];
    /** WebSocket per-message compression offered to sockets that ask for it (all browsers do). */
    socketCompression: boolean;
  };
  metrics: { access: Env['METRICS_ACCESS']; token?: string };
  log: { level: Env['LOG_LEVEL'] };
  db: { url: string };
  redis: { url: string; prefix: string };
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    cookieSecure: boolean;
    admin?: { email: string; password: string };
    /** Seconds in which presenting a just-rotated refresh token again yields the same successor instead of revoking. */
    refreshReuseGraceSeconds: number;
    login: {
      maxFailuresPerAccountAndIp: number;
      maxFailuresPerIp: number;
      failureWindowSeconds: number;
      /** The account as a whole is never locked: past `afterFailures`, its password checks are spaced out. */
      slowdown: { afterFailures: number; baseDelayMs: number; maxDelayMs: number };
    };
    signup: { windowSeconds: number; maxGuestsPerIp: number; maxRegistrationsPerIp: number };
  };
  quotas: DailyQuotaLimits;
  /** Chat messages per day by user type (seed 003's entitlements), besides the generation quota. */
  chatMessages: ChatMessageLimits;
  llm: {
    /** openai-compatible when a base URL is configured, else the offline builtin engine. */
    provider: 'builtin' | 'openai-compatible';
    baseUrl?: string;
    apiKey?: string;
    model?: string;
    modelPath?: string;
    connectTimeoutMs: number;
    firstTokenTimeoutMs: number;
    maxRetries: number;
    /** The model's context window; learned from the server when unset. */
    contextTokens?: number;
    /** The longest reply any step may ask for (max_tokens). */
    maxOutputTokens: number;
    /** Models GET /api/models offers besides the builtin engine: ids, or '*' for all the provider lists. Defaults to LLM_MODEL alone. */
    allowedModels: string[] | '*';
    /** Models that can see pictures (chat attachments go to them as image_url parts): ids, or '*' for every provider model. None by default. */
    visionModels: string[] | '*';
  };
  generation: { attempts: number; backoffMs: number; coalesceMs: number; maxStreamsPerUser: number };
  seed: { demo: boolean; demoEmail: string; demoPassword: string };
  media: {
    storage: { kind: 'disk'; dir: string } | { kind: 's3'; endpoint?: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean; prefix: string };
    allowances: StorageAllowances;
    uploadsPerMinute: number;
    parallelUploads: number;
    /** Retries on 408/429/5xx, dropped connections and timeouts, for every media provider. */
    providerMaxRetries: number;
    /** An OpenAI-compatible images API, else the builtin illustrator. */
    image: { baseUrl?: string; apiKey?: string; model?: string; size: string; timeoutMs: number; costCents?: number };
    /** An OpenAI-compatible speech API, else the builtin espeak-ng voice. */
    speech: { baseUrl?: string; apiKey?: string; model?: string; voices?: string[]; narratorVoice?: string; timeoutMs: number };
    /** An OpenAI-compatible transcription API; none when no base URL is set. */
    transcription: { baseUrl?: string; apiKey?: string; model: string; timeoutMs: number };
  };
  queues: { workerConcurrency: number; shutdownTimeoutSeconds: number; lockDurationMs: number; stalledIntervalMs: number };
}

export class ConfigError extends Error {}

/** Parses the environment once; a bad value stops start-up with every problem listed. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return toAppConfig(parsed.data);
}

function toAppConfig(env: Env): AppConfig {
  return {
    env: env.NODE_ENV,
    http: {
      port: env.PORT,
      host: env.HOST,
      corsOrigins: env.CORS_ORIGINS,
      trustProxy: env.TRUST_PROXY,
      bodyLimit: env.BODY_LIMIT,
      webDistDir: env.WEB_DIST_DIR,
      docsAccess: env.API_DOCS_ACCESS,
      socketCompression: env.SOCKET_COMPRESSION,
    },
    metrics: { access: env.METRICS_ACCESS, token: env.METRICS_TOKEN },
    log: { level: env.LOG_LEVEL },
    db: { url: env.DATABASE_URL },
    redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
    auth: {
      jwtSecret: env.JWT_SECRET,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      cookieSecure: env.COOKIE_SECURE,
      admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL.toLowerCase(), password: env.ADMIN_PASSWORD } : undefined,
      refreshReuseGraceSeconds: env.REFRESH_REUSE_GRACE_SECONDS,
      login: {
        maxFailuresPerAccountAndIp: env.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP,
        maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
        failureWindowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
        slowdown: { afterFailures: env.LOGIN_SLOWDOWN_AFTER_FAILURES, baseDelayMs: env.LOGIN_SLOWDOWN_BASE_MS, maxDelayMs: env.LOGIN_SLOWDOWN_MAX_MS },
      },
      signup: { windowSeconds: env.SIGNUP_WINDOW_SECONDS, maxGuestsPerIp: env.SIGNUP_MAX_GUESTS_PER_IP, maxRegistrationsPerIp: env.SIGNUP_MAX_REGISTRATIONS_PER_IP },
    },
    quotas: { guest: env.QUOTA_GUEST_DAILY, user: env.QUOTA_USER_DAILY, admin: env.QUOTA_ADMIN_DAILY },
    chatMessages: { guest: env.CHAT_MESSAGES_GUEST_DAILY, user: env.CHAT_MESSAGES_USER_DAILY, admin: env.CHAT_MESSAGES_ADMIN_DAILY },
    seed: { demo: env.SEED_DEMO, demoEmail: env.DEMO_EMAIL.toLowerCase(), demoPassword: env.DEMO_PASSWORD },
    llm: {
      provider: env.LLM_BASE_URL ? 'openai-compatible' : 'builtin',
      baseUrl: env.LLM_BASE_URL,
      apiKey: env.LLM_API_KEY,
      model: env.LLM_MODEL,
      modelPath: env.LLM_MODEL_PATH,
      connectTimeoutMs: env.LLM_CONNECT_TIMEOUT_MS,
      firstTokenTimeoutMs: env.LLM_FIRST_TOKEN_TIMEOUT_MS,
      maxRetries: env.LLM_MAX_RETRIES,
      contextTokens: env.LLM_CONTEXT_TOKENS,
      maxOutputTokens: env.LLM_MAX_OUTPUT_TOKENS,
      allowedModels: env.LLM_MODELS_ALLOWED?.includes('*') ? '*' : (env.LLM_MODELS_ALLOWED ?? (env.LLM_MODEL ? [env.LLM_MODEL] : [])),
      visionModels: env.LLM_VISION_MODELS?.includes('*') ? '*' : (env.LLM_VISION_MODELS ?? []),
    },
    generation: {
      attempts: env.GENERATION_ATTEMPTS,
      backoffMs: env.GENERATION_BACKOFF_MS,
      coalesceMs: env.STREAM_COALESCE_MS,
      maxStreamsPerUser: env.SSE_MAX_STREAMS_PER_USER,
    },
    media: {
      storage:
        env.MEDIA_STORAGE === 's3'
          ? {
              kind: 's3',
              endpoint: env.MEDIA_S3_ENDPOINT,
              // The schema requires these three whenever MEDIA_STORAGE is s3.
              bucket: env.MEDIA_S3_BUCKET ?? '',
              accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID ?? '',
              secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY ?? '',
              region: env.MEDIA_S3_REGION,
              forcePathStyle: env.MEDIA_S3_FORCE_PATH_STYLE,
              prefix: env.MEDIA_S3_PREFIX,
            }
          : { kind: 'disk', dir: resolve(env.MEDIA_DIR) },
      allowances: { guest: env.MEDIA_ALLOWANCE_GUEST_MB, user: env.MEDIA_ALLOWANCE_USER_MB, admin: env.MEDIA_ALLOWANCE_ADMIN_MB },
      uploadsPerMinute: env.MEDIA_UPLOADS_PER_MINUTE,
      parallelUploads: env.MEDIA_PARALLEL_UPLOADS,
      providerMaxRetries: env.MEDIA_PROVIDER_MAX_RETRIES,
      image: { baseUrl: env.IMAGE_BASE_URL, apiKey: env.IMAGE_API_KEY, model: env.IMAGE_MODEL, size: env.IMAGE_SIZE, timeoutMs: env.IMAGE_TIMEOUT_MS, costCents: env.IMAGE_COST_CENTS },
      speech: {
        baseUrl: env.SPEECH_BASE_URL,
        apiKey: env.SPEECH_API_KEY,
        model: env.SPEECH_MODEL,
        voices: env.SPEECH_VOICES,
        narratorVoice: env.SPEECH_NARRATOR_VOICE,
        timeoutMs: env.SPEECH_TIMEOUT_MS,
      },
      transcription: { baseUrl: env.TRANSCRIPTION_BASE_URL, apiKey: env.TRANSCRIPTION_API_KEY, model: env.TRANSCRIPTION_MODEL, timeoutMs: env.TRANSCRIPTION_TIMEOUT_MS },
    },
    queues: {
      workerConcurrency: env.WORKER_CONCURRENCY,
      shutdownTimeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS,
      lockDurationMs: env.QUEUE_LOCK_DURATION_MS,
      stalledIntervalMs: env.QUEUE_STALLED_INTERVAL_MS,
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
