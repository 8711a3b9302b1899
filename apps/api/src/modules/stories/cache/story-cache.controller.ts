import { Controller, Delete, Get, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StoryCacheStats } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import { RequireRole } from '../../auth/guards/auth.decorators';
import { StoryCacheStatsDto } from '../stories.dto';
import { StoryResultCache } from './story-result-cache';

@ApiTags('admin')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('admin/story-cache')
export class StoryCacheController {
  constructor(private readonly cache: StoryResultCache) {}

  @Get()
  @ZodResponse({ status: 200, type: StoryCacheStatsDto })
  stats(): Promise<StoryCacheStats> {
    return this.cache.stats();
  }

  /** Forgets every cached result and resets the hit and miss counters. */
  @Delete()
  @HttpCode(204)
  async clear(): Promise<void> {
    await this.cache.clear();
  }
}
