import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, Scenario } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser, RequireRole } from '../../auth/guards/auth.decorators';
import { CreateScenarioDto, ScenarioDto, ScenarioIdParams, ScenarioListQueryDto, ScenarioPageDto, UpdateScenarioDto } from './scenarios.dto';
import { ScenariosService } from './scenarios.service';

@ApiTags('scenarios')
@ApiBearerAuth()
@Controller('scenarios')
export class ScenariosController {
  constructor(private readonly scenarios: ScenariosService) {}

  /** Public scenarios and the caller's own, searchable by name and description. */
  @Get()
  @ZodResponse({ status: 200, type: ScenarioPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ScenarioListQueryDto): Promise<Page<Scenario>> {
    return this.scenarios.list(user, query);
  }

  @Get(':id')
  @ZodResponse({ status: 200, type: ScenarioDto })
  get(@CurrentUser() user: AuthUser, @Param() params: ScenarioIdParams): Promise<Scenario> {
    return this.scenarios.get(user, params.id);
  }

  /** Anyone may write a private scenario; only admins may create a public one. */
  @Post()
  @ZodResponse({ status: 201, type: ScenarioDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateScenarioDto): Promise<Scenario> {
    return this.scenarios.create(user, body);
  }

  @Patch(':id')
  @ZodResponse({ status: 200, type: ScenarioDto })
  update(@CurrentUser() user: AuthUser, @Param() params: ScenarioIdParams, @Body() body: UpdateScenarioDto): Promise<Scenario> {
    return this.scenarios.update(user, params.id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequireRole('admin')
  @ZodResponse({ status: 200, type: ScenarioDto })
  publish(@CurrentUser() user: AuthUser, @Param() params: ScenarioIdParams): Promise<Scenario> {
    return this.scenarios.setVisibility(user, params.id, 'public');
  }

  /** Hidden from browsing; games already started from it go on. */
  @Post(':id/archive')
  @HttpCode(200)
  @RequireRole('admin')
  @ZodResponse({ status: 200, type: ScenarioDto })
  archive(@CurrentUser() user: AuthUser, @Param() params: ScenarioIdParams): Promise<Scenario> {
    return this.scenarios.setVisibility(user, params.id, 'archived');
  }
}
