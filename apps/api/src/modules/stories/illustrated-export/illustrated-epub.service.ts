import { Injectable } from '@nestjs/common';
import type { IllustratedScene } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import { AccountsService } from '../../auth/accounts/accounts.service';
import type { AuthUser } from '../../auth/auth-user';
import { MediaService } from '../../media/media.service';
import { slugify } from '../export/story-export.service';
import { IllustratedStoriesService } from '../illustrated/illustrated-stories.service';
import { IllustratedStoryViews } from '../illustrated/illustrated-story-views';
import { buildIllustratedEpub, EPUB_CONTENT_TYPE } from './build-illustrated-epub';
import type { EpubNarrationPiece, EpubPicture, EpubPictureType, EpubScene } from './epub-input';
import { IllustratedExportErrors } from './illustrated-export.errors';

const PICTURE_TYPES: ReadonlySet<string> = new Set<EpubPictureType>(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** Whose name is on the cover when the maker has none of their own. */
const PUBLISHER_NAME = 'StoryOS';
/** A story made directly without an age band is for ages 7–9 (see CreateIllustratedStoryRequestSchema). */
const DEFAULT_AGE_BAND = '7-9';

export interface ExportedEpub {
  body: Buffer;
  contentType: string;
  filename: string;
}

/**
 * An illustrated story as an EPUB 3 to download: the scenes whose text is
 * written, each with its picture and its narration synchronised where they
 * were made. A story still being made is refused; a stopped or failed one
 * gives what it has.
 */
@Injectable()
export class IllustratedEpubExport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stories: IllustratedStoriesService,
    private readonly views: IllustratedStoryViews,
    private readonly media: MediaService,
    private readonly accounts: AccountsService,
  ) {}

  async export(user: AuthUser, storyId: string): Promise<ExportedEpub> {
    const story = await this.stories.owned(this.dataSource.manager, user, storyId);
    if (story.status === 'PENDING' || story.status === 'PROCESSING') throw IllustratedExportErrors.stillBeingMade();
    const view = await this.views.detail(story);
    const written = view.scenes.filter((scene) => scene.textStatus === 'COMPLETED' && scene.text.trim());
    if (!written.length) throw IllustratedExportErrors.nothingToExport();
    const scenes: EpubScene[] = [];
    for (const scene of written) scenes.push(await this.sceneOf(scene));
    const author = (await this.accounts.authorName(user)) ?? PUBLISHER_NAME;
    const body = buildIllustratedEpub({
      identifier: story.id,
      title: story.title,
      language: 'en',
      author,
      ageBand: story.requirements.ageBand ?? DEFAULT_AGE_BAND,
      modified: story.updatedAt,
      scenes,
    });
    return { body, contentType: EPUB_CONTENT_TYPE, filename: `${slugify(story.title)}.epub` };
  }

  private async sceneOf(scene: IllustratedScene): Promise<EpubScene> {
    const picture = await this.pictureOf(scene);
    const narration = await this.narrationOf(scene);
    return { text: scene.text, ...(picture && { picture }), ...(narration && { narration }) };
  }

  private async pictureOf(scene: IllustratedScene): Promise<EpubPicture | null> {
    const part = scene.image.status === 'COMPLETED' ? scene.image.parts.find((p) => p.kind === 'image') : undefined;
    if (!part) return null;
    const file = await this.media.bytesOf(part.mediaId);
    if (!file || !PICTURE_TYPES.has(file.contentType)) return null;
    return { bytes: file.bytes, contentType: file.contentType as EpubPictureType, alt: part.text.trim() || `Picture for scene ${scene.sequence}` };
  }

  /** The narration's pieces, when every one is an MP3 of known length: without durations there is nothing to synchronise. */
  private async narrationOf(scene: IllustratedScene): Promise<EpubNarrationPiece[] | null> {
    if (scene.narration.status !== 'COMPLETED') return null;
    const parts = [...scene.narration.parts].filter((p) => p.kind === 'narration').sort((a, b) => a.index - b.index);
    if (!parts.length || parts.some((p) => p.durationMs === null || p.contentType !== 'audio/mpeg')) return null;
    const pieces: EpubNarrationPiece[] = [];
    for (const part of parts) {
      const file = await this.media.bytesOf(part.mediaId);
      if (!file) return null;
      pieces.push({ audio: file.bytes, text: part.text, durationMs: part.durationMs! });
    }
    return pieces;
  }
}
