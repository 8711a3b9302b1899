import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StoryJob, StoryJobResult } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { StoryIdParams, StoryJobDto, StoryJobParams, StoryJobResultDto } from '../stories.dto';
import { StoryJobsService } from './story-jobs.service';

/** "Write the whole story" as one job, with the seed's task status and result endpoints. */
@ApiTags('stories')
@ApiBearerAuth()
@Controller('stories/:id')
export class StoryJobsController {
  constructor(private readonly jobs: StoryJobsService) {}

  /** Progress arrives as `story:job` socket events and by polling the job. */
  @Post('write')
  @ZodResponse({ status: 202, type: StoryJobDto })
  write(@CurrentUser() user: AuthUser, @Param() params: StoryIdParams): Promise<StoryJob> {
    return this.jobs.start(user, params.id);
  }

  @Get('jobs/:jobId')
  @ZodResponse({ status: 200, type: StoryJobDto })
  status(@CurrentUser() user: AuthUser, @Param() params: StoryJobParams): Promise<StoryJob> {
    return this.jobs.view(user, params.id, params.jobId);
  }

  /** 409 until the job has completed. */
  @Get('jobs/:jobId/result')
  @ZodResponse({ status: 200, type: StoryJobResultDto })
  result(@CurrentUser() user: AuthUser, @Param() params: StoryJobParams): Promise<StoryJobResult> {
    return this.jobs.result(user, params.id, params.jobId);
  }

  /** A running job stops between two chunks and keeps what it wrote; the job then reads `cancelled`. */
  @Post('jobs/:jobId/cancel')
  @ZodResponse({ status: 202, type: StoryJobDto })
  cancel(@CurrentUser() user: AuthUser, @Param() params: StoryJobParams): Promise<StoryJob> {
    return this.jobs.cancel(user, params.id, params.jobId);
  }
}
