import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { ExportQueryDto, StoryIdParams } from '../stories.dto';
import { StoryExportService } from './story-export.service';

@ApiTags('stories')
@ApiBearerAuth()
@Controller('stories/:id')
export class StoryExportController {
  constructor(private readonly exporter: StoryExportService) {}

  /** The current versions as Markdown, plain text or Word; 409 while there is no story text. */
  @Get('export')
  @ApiProduces('text/markdown', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  async export(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Query() query: ExportQueryDto): Promise<StreamableFile> {
    const file = await this.exporter.export(user, params.id, query.format);
    return new StreamableFile(file.body, { type: file.contentType, disposition: `attachment; filename="${file.filename}"`, length: file.body.length });
  }
}
