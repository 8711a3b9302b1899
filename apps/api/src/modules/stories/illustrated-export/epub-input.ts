import type { AgeBand } from '@storyos/contracts';

/** The picture types every EPUB 3 reading system shows (core media types). */
export type EpubPictureType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

export interface EpubPicture {
  bytes: Buffer;
  contentType: EpubPictureType;
  /** What the picture shows, for readers who cannot see it. */
  alt: string;
}

/** One narrated piece: an MP3 that speaks `text` (a sentence or a few) in `durationMs`. */
export interface EpubNarrationPiece {
  audio: Buffer;
  text: string;
  durationMs: number;
}

export interface EpubScene {
  text: string;
  picture?: EpubPicture;
  /**
   * The narration, in order. Its pieces must read the scene's text from the
   * start (whitespace aside); a narration that does not is left out, so the
   * book never highlights words that are not being read.
   */
  narration?: EpubNarrationPiece[];
}

/** An illustrated story as the EPUB export takes it: plain data, no entities. */
export interface IllustratedEpubInput {
  /** Stable for the story (its id), so e-readers know a new download is the same book. */
  identifier: string;
  title: string;
  /** BCP 47, e.g. "en". */
  language: string;
  author: string;
  ageBand: AgeBand;
  /** When the story last changed: the package's dcterms:modified, and every file's date in the zip. */
  modified: Date;
  scenes: EpubScene[];
}
