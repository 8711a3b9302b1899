import type { EpubPictureType, IllustratedEpubInput } from './epub-input';
import { alignNarration, paragraphsOf, type Run } from './narration-alignment';

/** Where each file of the book lives, and what the package and pages call it. */
export interface SceneFiles {
  /** 1-based. */
  number: number;
  pageId: string;
  pageHref: string;
  picture: { id: string; href: string; contentType: EpubPictureType } | null;
  /** Null when the scene has no narration, or one that does not read its text. */
  overlay: { id: string; href: string; durationMs: number; clips: Clip[] } | null;
  paragraphs: Run[][];
}

/** One narrated piece in the overlay: the page's span it highlights and the audio file that speaks it. */
export interface Clip {
  parId: string;
  spanId: string;
  audioId: string;
  audioHref: string;
  durationMs: number;
}

const EXTENSIONS: Readonly<Record<EpubPictureType, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/** Names every file of the book (paths relative to the package document) and lines the narration up with the text. */
export function layOutScenes(input: IllustratedEpubInput): SceneFiles[] {
  return input.scenes.map((scene, index) => {
    const number = index + 1;
    const n = String(number).padStart(2, '0');
    const aligned = scene.narration && scene.narration.length > 0 ? alignNarration(scene.text, scene.narration) : null;
    const clips: Clip[] =
      aligned && scene.narration
        ? scene.narration.map((piece, p) => {
            const m = String(p + 1).padStart(2, '0');
            return { parId: `par-${n}-${m}`, spanId: `s${n}-${m}`, audioId: `audio-${n}-${m}`, audioHref: `audio/scene-${n}-${m}.mp3`, durationMs: Math.max(0, Math.round(piece.durationMs)) };
          })
        : [];
    return {
      number,
      pageId: `scene-${n}`,
      pageHref: `text/scene-${n}.xhtml`,
      picture: scene.picture ? { id: `picture-${n}`, href: `images/scene-${n}.${EXTENSIONS[scene.picture.contentType]}`, contentType: scene.picture.contentType } : null,
      overlay: aligned ? { id: `overlay-${n}`, href: `overlays/scene-${n}.smil`, durationMs: clips.reduce((sum, clip) => sum + clip.durationMs, 0), clips } : null,
      paragraphs: aligned ?? paragraphsOf(scene.text).map((text) => [{ kind: 'text' as const, text }]),
    };
  });
}
