import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SystemPrompt } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser, RequireRole } from '../../auth/guards/auth.decorators';
import { CreateSystemPromptVersionDto, SystemPromptDto, SystemPromptKindParams, SystemPromptListDto, SystemPromptVersionParams } from './system-prompts.dto';
import { SystemPromptsService } from './system-prompts.service';

@ApiTags('admin')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('admin/system-prompts')
export class SystemPromptsController {
  constructor(private readonly prompts: SystemPromptsService) {}

  /** Every kind's versions, newest first; `isActive` marks the one in use. */
  @Get()
  @ZodResponse({ status: 200, type: SystemPromptListDto })
  list(): Promise<SystemPrompt[]> {
    return this.prompts.list();
  }

  /** An edit is a new version; it is used from the next generation on when activated. */
  @Post(':kind/versions')
  @ZodResponse({ status: 201, type: SystemPromptDto })
  create(@CurrentUser() user: AuthUser, @Param() params: SystemPromptKindParams, @Body() body: CreateSystemPromptVersionDto): Promise<SystemPrompt> {
    return this.prompts.createVersion(user, params.kind, body);
  }

  @Post(':kind/versions/:version/activate')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: SystemPromptDto })
  activate(@Param() params: SystemPromptVersionParams): Promise<SystemPrompt> {
    return this.prompts.activate(params.kind, params.version);
  }
}
