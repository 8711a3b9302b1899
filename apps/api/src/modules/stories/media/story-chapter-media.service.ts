import { Injectable } from '@nestjs/common';
import type { ChapterMedia, ChapterMediaKind } from '@storyos/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import type { GenerationEntity } from '../../generation/entities/generation.entity';
import { GenerationsService } from '../../generation/generations.service';
import { isUsableMedia, withMediaSteps } from '../../generation/media-steps';
import { StoryArtifacts } from '../artifacts/story-artifacts';
import { OwnedStories } from '../owned-stories';
import { StoryErrors } from '../stories.errors';
import { chaptersOf, chapterWords, textHash } from './chapters';
import { StoryChapterMediaEntity } from './story-chapter-media.entity';

const KIND_OF: Record<ChapterMediaKind, GenerationEntity['kind']> = { illustration: 'story.illustration', narration: 'story.narration' };

/**
 * Pictures and narration of a story's chapters. Asking again for the same
 * chapter text answers with what was made (200); otherwise a media step
 * starts (202) and is followed like any generation.
 */
@Injectable()
export class StoryChapterMediaService {
  constructor(
    private readonly owned: OwnedStories,
    private readonly artifacts: StoryArtifacts,
    private readonly generations: GenerationsService,
    private readonly dataSource: DataSource,
  ) {}

  async start(user: AuthUser, storyId: string, chapterIndex: number, kind: ChapterMediaKind, again: boolean): Promise<{ status: 200 | 202; body: ChapterMedia }> {
    const story = await this.owned.find(user, storyId);
    const current = (await this.artifacts.current(this.dataSource.manager, story.id)).story;
    const chapter = chaptersOf(current?.text ?? null)[chapterIndex];
    if (!current || !chapter) throw StoryErrors.chapterNotFound(chapterIndex);
    const hash = textHash(chapterWords(chapter));
    if (!again) {
      const made = await this.latest(story.id, chapterIndex, kind, hash);
      if (made) return { status: 200, body: made };
    }
    const { result } = await this.generations.start(user, { kind: KIND_OF[kind], target: { type: 'story', id: story.id }, input: { artifactId: current.id, chapterIndex } }, (manager, generation) =>
      manager.save(manager.create(StoryChapterMediaEntity, { storyId: story.id, chapterIndex, kind, textHash: hash, generationId: generation.id })),
    );
    return { status: 202, body: (await this.views([result!], new Map([[chapterIndex, hash]])))[0]! };
  }

  /** The newest picture and narration of each chapter of the current text. */
  async list(user: AuthUser, storyId: string): Promise<ChapterMedia[]> {
    const story = await this.owned.find(user, storyId);
    const current = (await this.artifacts.current(this.dataSource.manager, story.id)).story;
    const hashes = new Map(chaptersOf(current?.text ?? null).map((chapter, index) => [index, textHash(chapterWords(chapter))]));
    const rows = await this.dataSource.manager.find(StoryChapterMediaEntity, { where: { storyId: story.id }, order: { createdAt: 'DESC' } });
    const newest = new Map<string, StoryChapterMediaEntity>();
    for (const row of rows) {
      const key = `${row.chapterIndex}:${row.kind}`;
      if (hashes.has(row.chapterIndex) && !newest.has(key)) newest.set(key, row);
    }
    return (await this.views([...newest.values()], hashes)).sort((a, b) => a.chapterIndex - b.chapterIndex || a.kind.localeCompare(b.kind));
  }

  /** The newest finished picture of each chapter (of any earlier wording too: a picture still fits), for exports. */
  async pictures(storyId: string, storyText: string | null): Promise<Map<number, { mediaId: string; caption: string }>> {
    const count = chaptersOf(storyText).length;
    const rows = await this.dataSource.manager.find(StoryChapterMediaEntity, { where: { storyId, kind: 'illustration' }, order: { createdAt: 'DESC' } });
    const done = new Map((await this.views(rows, new Map())).filter((view) => view.status === 'completed' && view.parts[0]).map((view) => [view.generationId, view.parts[0]!]));
    const pictures = new Map<number, { mediaId: string; caption: string }>();
    for (const row of rows) {
      const part = done.get(row.generationId);
      if (part && row.chapterIndex < count && !pictures.has(row.chapterIndex)) pictures.set(row.chapterIndex, { mediaId: part.mediaId, caption: part.text });
    }
    return pictures;
  }

  /** A made (or making) picture or narration of this very text, if any that did not fail. */
  private async latest(storyId: string, chapterIndex: number, kind: ChapterMediaKind, hash: string): Promise<ChapterMedia | null> {
    const rows = await this.dataSource.manager.find(StoryChapterMediaEntity, { where: { storyId, chapterIndex, kind, textHash: hash }, order: { createdAt: 'DESC' }, take: 5 });
    const views = await this.views(rows, new Map([[chapterIndex, hash]]));
    return views.find(isUsableMedia) ?? null;
  }

  private async views(rows: StoryChapterMediaEntity[], hashes: Map<number, string>): Promise<ChapterMedia[]> {
    return (await withMediaSteps(this.dataSource.manager, rows)).map(({ row, step }) => ({ chapterIndex: row.chapterIndex, ...step, matchesText: hashes.get(row.chapterIndex) === row.textHash }));
  }
}
