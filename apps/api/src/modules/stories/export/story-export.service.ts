import { Injectable } from '@nestjs/common';
import type { ExportFormat } from '@storyos/contracts';
import { storyToMarkdown, storyToPlainText, type StoryExportInput } from '@storyos/domain';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { StoryArtifacts } from '../artifacts/story-artifacts';
import { OwnedStories } from '../owned-stories';
import { StoryErrors } from '../stories.errors';
import { storyToDocx } from './story-docx';

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
  ) {}

  async export(user: AuthUser, storyId: string, format: ExportFormat): Promise<ExportedFile> {
    const story = await this.owned.find(user, storyId);
    const current = await this.artifacts.current(this.dataSource.manager, story.id);
    const text = current.story?.text ?? '';
    if (!text.trim()) throw StoryErrors.nothingToExport();
    const input: StoryExportInput = { title: story.title, setup: story.setup, premise: current.premise?.text ?? null, outline: current.outline?.outline ?? null, text };
    const body = format === 'docx' ? await storyToDocx(input) : Buffer.from(format === 'markdown' ? storyToMarkdown(input) : storyToPlainText(input), 'utf8');
    const { contentType, extension } = FORMATS[format];
    return { body, contentType, filename: `${slugify(story.title)}.${extension}` };
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
