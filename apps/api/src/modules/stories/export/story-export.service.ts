import { Injectable } from '@nestjs/common';
import type { ExportFormat } from '@storyos/contracts';
import { storyToMarkdown, storyToPlainText, type ExportPicture, type StoryExportInput } from '@storyos/domain';
import { DataSource } from 'typeorm';
import { AccountsService } from '../../auth/accounts/accounts.service';
import type { AuthUser } from '../../auth/auth-user';
import { MediaService } from '../../media/media.service';
import { StoryArtifacts } from '../artifacts/story-artifacts';
import { StoryChapterMediaService } from '../media/story-chapter-media.service';
import { OwnedStories } from '../owned-stories';
import { StoryErrors } from '../stories.errors';
import { storyToDocx, type DocxPicture } from './story-docx';

export interface ExportedFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

const FORMATS: Record<ExportFormat, { contentType: string; extension: string }> = {
  markdown: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  text: { contentType: 'text/plain; charset=utf-8', extension: 'txt' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
};

/** The current versions as a file to download. */
@Injectable()
export class StoryExportService {
  constructor(
    private readonly owned: OwnedStories,
    private readonly artifacts: StoryArtifacts,
    private readonly dataSource: DataSource,
    private readonly chapterMedia: StoryChapterMediaService,
    private readonly media: MediaService,
    private readonly accounts: AccountsService,
  ) {}

  async export(user: AuthUser, storyId: string, format: ExportFormat): Promise<ExportedFile> {
    const story = await this.owned.find(user, storyId);
    const current = await this.artifacts.current(this.dataSource.manager, story.id);
    const text = current.story?.text ?? '';
    if (!text.trim()) throw StoryErrors.nothingToExport();
    const input: StoryExportInput = { title: story.title, setup: story.setup, premise: current.premise?.text ?? null, outline: current.outline?.outline ?? null, text };
    // Pictures go where the format can hold them: embedded in Word, as data links in Markdown; plain text has none.
    const pictures = format === 'text' ? [] : await this.pictureFiles(story.id, text);
    let body: Buffer;
    if (format === 'docx') body = await storyToDocx(input, new Map(pictures.map(({ index, file }) => [index, file])), await this.accounts.authorName(user));
    else if (format === 'markdown') body = Buffer.from(storyToMarkdown({ ...input, pictures: new Map(pictures.map(({ index, file }) => [index, asLink(file)])) }), 'utf8');
    else body = Buffer.from(storyToPlainText(input), 'utf8');
    const { contentType, extension } = FORMATS[format];
    return { body, contentType, filename: `${slugify(story.title)}.${extension}` };
  }

  private async pictureFiles(storyId: string, text: string): Promise<{ index: number; file: DocxPicture }[]> {
    const files: { index: number; file: DocxPicture }[] = [];
    for (const [index, picture] of await this.chapterMedia.pictures(storyId, text)) {
      const file = await this.media.bytesOf(picture.mediaId);
      if (!file || !file.width || !file.height || !/^image\/(png|jpeg)$/.test(file.contentType)) continue;
      files.push({ index, file: { bytes: file.bytes, type: file.contentType === 'image/png' ? 'png' : 'jpg', width: file.width, height: file.height, caption: picture.caption } });
    }
    return files;
  }
}

/** "The Clockwork Orchard!" → "the-clockwork-orchard"; safe in a Content-Disposition header. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'story';
}

function asLink(file: DocxPicture): ExportPicture {
  return { src: `data:image/${file.type === 'png' ? 'png' : 'jpeg'};base64,${file.bytes.toString('base64')}`, caption: file.caption };
}
