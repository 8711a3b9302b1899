import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ChapterMediaSchema, ChapterParamsSchema, StartChapterMediaRequestSchema, type ChapterMedia } from '@storyos/contracts';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { StoryIdParams } from '../stories.dto';
import { StoryChapterMediaService } from './story-chapter-media.service';

class ChapterParams extends createZodDto(ChapterParamsSchema) {}
/** A POST with no body at all means `{}`. */
class StartChapterMediaDto extends createZodDto(z.preprocess((body) => body ?? {}, StartChapterMediaRequestSchema)) {}
class ChapterMediaDto extends createZodDto(ChapterMediaSchema) {}
class ChapterMediaListDto extends createZodDto(z.array(ChapterMediaSchema)) {}

/** "Illustrate" and "Listen" for the Writer's chapters: media steps, followed like any generation. */
@ApiTags('stories')
@ApiBearerAuth()
@Controller('stories/:id')
export class StoryChapterMediaController {
  constructor(private readonly media: StoryChapterMediaService) {}

  /** 202 while the picture is drawn (follow `generationId`); 200 with the one already made for this text, unless `again`. */
  @Post('chapters/:index/illustration')
  @ZodResponse({ status: 202, type: ChapterMediaDto })
  async illustrate(@CurrentUser() user: AuthUser, @Param() params: ChapterParams, @Body() body: StartChapterMediaDto, @Res({ passthrough: true }) response: Response): Promise<ChapterMedia> {
    const started = await this.media.start(user, params.id, params.index, 'illustration', body.again);
    response.status(started.status);
    return started.body;
  }

  /** 202 while the chapter is read aloud, sentence by sentence (each piece arrives as a `media` stream entry); 200 when already made for this text. */
  @Post('chapters/:index/narration')
  @ZodResponse({ status: 202, type: ChapterMediaDto })
  async narrate(@CurrentUser() user: AuthUser, @Param() params: ChapterParams, @Body() body: StartChapterMediaDto, @Res({ passthrough: true }) response: Response): Promise<ChapterMedia> {
    const started = await this.media.start(user, params.id, params.index, 'narration', body.again);
    response.status(started.status);
    return started.body;
  }

  /** The newest picture and narration of each chapter of the current story text. */
  @Get('media')
  @ZodResponse({ status: 200, type: ChapterMediaListDto })
  list(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams): Promise<ChapterMedia[]> {
    return this.media.list(user, params.id);
  }
}
