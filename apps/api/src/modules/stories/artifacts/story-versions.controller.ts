import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Story, StoryArtifact } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { EditOutlineDto, EditTextArtifactDto, StoryArtifactDto, StoryArtifactListDto, StoryDto, StoryIdParams, StoryVersionParams, VersionsQueryDto } from '../stories.dto';
import { StoryVersionsService } from './story-versions.service';

/** Hand edits (autosave) and the version history of premise, outline and story text. */
@ApiTags('stories')
@ApiBearerAuth()
@Controller('stories/:id')
export class StoryVersionsController {
  constructor(private readonly versions: StoryVersionsService) {}

  @Put('premise')
  @ZodResponse({ status: 200, type: StoryArtifactDto })
  editPremise(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: EditTextArtifactDto): Promise<StoryArtifact> {
    return this.versions.editText(user, params.id, 'premise', body.text, body.base);
  }

  @Put('outline')
  @ZodResponse({ status: 200, type: StoryArtifactDto })
  editOutline(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: EditOutlineDto): Promise<StoryArtifact> {
    return this.versions.editOutline(user, params.id, body, body.base);
  }

  @Put('story')
  @ZodResponse({ status: 200, type: StoryArtifactDto })
  editStory(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Body() body: EditTextArtifactDto): Promise<StoryArtifact> {
    return this.versions.editText(user, params.id, 'story', body.text, body.base);
  }

  /** Newest first; `isCurrent` marks the one the next phase is fed. */
  @Get('versions')
  @ZodResponse({ status: 200, type: StoryArtifactListDto })
  list(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams, @Query() query: VersionsQueryDto): Promise<StoryArtifact[]> {
    return this.versions.list(user, params.id, query.kind);
  }

  @Post('versions/:versionId/current')
  @ZodResponse({ status: 200, type: StoryDto })
  makeCurrent(@CurrentUser() user: AuthUser, @Param() params: StoryVersionParams): Promise<Story> {
    return this.versions.makeCurrent(user, params.id, params.versionId);
  }
}
