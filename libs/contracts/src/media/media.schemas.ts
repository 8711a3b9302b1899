import { z } from 'zod';
import { UserTypeSchema } from '../auth/auth.schemas';
import { TimestampSchema, UuidSchema } from '../common/common.schemas';

/** The largest picture a user can upload (seed 003: 5 MB). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** What an upload may be, decided from the file's own bytes, never the client's label. */
export const UploadContentTypeSchema = z.enum(['image/jpeg', 'image/png', 'image/webp']);
export type UploadContentType = z.infer<typeof UploadContentTypeSchema>;

/** The longest recording a user can send to be transcribed: minutes of speech as MediaRecorder makes it. */
export const MAX_RECORDING_BYTES = 10 * 1024 * 1024;

/**
 * What a recording may be, decided from its own bytes: what MediaRecorder
 * makes (WebM or Ogg with Opus, MP4/M4A with AAC) and WAV or MP3 files.
 */
export const RecordingContentTypeSchema = z.enum(['audio/webm', 'audio/ogg', 'audio/wav', 'audio/mpeg', 'audio/mp4']);
export type RecordingContentType = z.infer<typeof RecordingContentTypeSchema>;

/** A recording accepted for transcription: follow `generationId`; its text is the transcript. */
export const TranscriptionAcceptedSchema = z.object({
  generationId: UuidSchema,
  /** The stored recording (kind `recording`). */
  recordingId: UuidSchema,
});
export type TranscriptionAccepted = z.infer<typeof TranscriptionAcceptedSchema>;

/** The multipart field an upload travels in. */
export const UPLOAD_FIELD_NAME = 'file';

/**
 * What a media row holds: a user's `upload` (a picture), the `thumbnail` made
 * from one, a generated `image` (an illustration), a `narration` (speech
 * audio) or a `recording` (a user's voice, to be transcribed).
 */
export const MediaKindSchema = z.enum(['upload', 'thumbnail', 'image', 'narration', 'recording']);
export type MediaKind = z.infer<typeof MediaKindSchema>;

/** The kinds of resource media can belong to; media is as public as the resource it belongs to. */
export const MediaAttachmentTypeSchema = z.enum(['story', 'game-session', 'chat', 'story-conversation', 'illustrated-story']);
export type MediaAttachmentType = z.infer<typeof MediaAttachmentTypeSchema>;

export const MediaAttachmentSchema = z.object({ type: MediaAttachmentTypeSchema, id: UuidSchema });
export type MediaAttachment = z.infer<typeof MediaAttachmentSchema>;

/** `builtin` runs offline inside StoryOS; `openai-compatible` calls the configured API. */
export const MediaProviderNameSchema = z.enum(['builtin', 'openai-compatible']);
export type MediaProviderName = z.infer<typeof MediaProviderNameSchema>;

/** One stored picture or sound, as clients see it. Its bytes never change: `url` may be cached for good. */
export const MediaAssetSchema = z.object({
  id: UuidSchema,
  kind: MediaKindSchema,
  contentType: z.string(),
  /** Size of the stored bytes. */
  bytes: z.number().int().min(0),
  /** Hex SHA-256 of the stored bytes; also the response's ETag. */
  sha256: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** The uploaded file's name, cleaned of any path; null for generated media. */
  pathname: z.string().nullable(),
  /** Which provider and model made it; null for uploads. */
  provider: MediaProviderNameSchema.nullable(),
  model: z.string().nullable(),
  /** What it cost at the provider, in US cents, when known. */
  costCents: z.number().nullable(),
  attachedTo: MediaAttachmentSchema.nullable(),
  isPublic: z.boolean(),
  /** Where to fetch the bytes (with the bearer token unless public). */
  url: z.string(),
  /** The small preview of an upload, when there is one. */
  thumbnailUrl: z.string().nullable(),
  createdAt: TimestampSchema,
});
export type MediaAsset = z.infer<typeof MediaAssetSchema>;

/** How much a user stores and may store; `allowanceBytes` null means no limit. */
export const MediaUsageSchema = z.object({
  userType: UserTypeSchema,
  usedBytes: z.number().int().min(0),
  allowanceBytes: z.number().int().nullable(),
});
export type MediaUsage = z.infer<typeof MediaUsageSchema>;

/**
 * What this deployment can do with media, so clients can hide what is not
 * there: without a transcription provider the web uses the browser's own
 * speech recognition, or hides the microphone.
 */
export const MediaCapabilitiesSchema = z.object({
  uploads: z.object({ maxBytes: z.number().int(), contentTypes: z.array(UploadContentTypeSchema) }),
  images: z.object({ provider: MediaProviderNameSchema, model: z.string() }),
  speech: z.object({ provider: MediaProviderNameSchema, model: z.string(), voices: z.array(z.string()) }),
  /** `provider` null: no server-side transcription; clients use the browser's own speech recognition, if any. */
  transcription: z.object({ provider: MediaProviderNameSchema.nullable(), model: z.string().nullable(), maxBytes: z.number().int(), contentTypes: z.array(RecordingContentTypeSchema) }),
});
export type MediaCapabilities = z.infer<typeof MediaCapabilitiesSchema>;
