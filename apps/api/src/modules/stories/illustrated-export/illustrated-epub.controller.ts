import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { IllustratedStoryIdParams } from '../illustrated/illustrated-stories.dto';
import { EPUB_CONTENT_TYPE } from './build-illustrated-epub';
import { IllustratedEpubExport } from './illustrated-epub.service';

/** An illustrated story as an e-book that reads itself aloud (EPUB 3 with media overlays). */
@ApiTags('illustrated-stories')
@ApiBearerAuth()
@Controller('illustrated-stories')
export class IllustratedEpubController {
  constructor(private readonly exporter: IllustratedEpubExport) {}

  @Get(':id/export.epub')
  @ApiProduces(EPUB_CONTENT_TYPE)
  @ApiResponse({ status: 200, description: 'The story as EPUB 3: a page per scene with its picture, and its narration synchronised sentence by sentence.', content: { [EPUB_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 404, description: 'No such story, or not yours.' })
  @ApiResponse({ status: 409, description: 'Still being made, or no scene is written yet.' })
  async export(@CurrentUser() user: AuthUser, @Param() params: IllustratedStoryIdParams): Promise<StreamableFile> {
    const file = await this.exporter.export(user, params.id);
    return new StreamableFile(file.body, { type: file.contentType, disposition: `attachment; filename="${file.filename}"`, length: file.body.length });
  }
}
