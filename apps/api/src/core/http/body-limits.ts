import type { NestExpressApplication } from '@nestjs/platform-express';
import { MAX_DOCUMENT_CHARS, MAX_STORY_TEXT } from '@storyos/contracts';
import { json } from 'express';

/**
 * JSON can spell any UTF-16 unit as `\uXXXX`: six bytes. A route's body limit
 * must take its largest valid body in that worst spelling, or a text the
 * schema allows would be refused as too large.
 */
export const WORST_JSON_BYTES_PER_CHAR = 6;
/** Room for keys, punctuation and the small fields beside the long text. */
const ENVELOPE_BYTES = 64 * 1024;

/** Routes whose schemas allow more text than `BODY_LIMIT`: each gets what its largest valid body needs. */
const TEXT_ARTIFACT_LIMIT = MAX_STORY_TEXT * WORST_JSON_BYTES_PER_CHAR + ENVELOPE_BYTES;
export const LARGE_BODY_ROUTES: readonly { path: string; limitBytes: number }[] = [
  { path: '/api/stories/:id/story', limitBytes: TEXT_ARTIFACT_LIMIT },
  { path: '/api/stories/:id/premise', limitBytes: TEXT_ARTIFACT_LIMIT },
  { path: '/api/document', limitBytes: MAX_DOCUMENT_CHARS * WORST_JSON_BYTES_PER_CHAR + ENVELOPE_BYTES },
];

/** Registers the large-body routes' parsers; they run before the general one, which then finds the body read. */
export function useLargeBodyRoutes(app: NestExpressApplication): void {
  for (const route of LARGE_BODY_ROUTES) app.use(route.path, json({ limit: route.limitBytes }));
}
