import { Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProduces, ApiTags } from '@nestjs/swagger';
import { GenerationSchema, UuidSchema, type Generation } from '@storyos/contracts';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/guards/auth.decorators';
import { GenerationsService } from './generations.service';
import { SseRelay } from './stream/sse-relay';

class GenerationIdParams extends createZodDto(z.strictObject({ id: UuidSchema })) {}
class StreamQuery extends createZodDto(z.strictObject({ lastEventId: z.coerce.number().int().min(0).optional() })) {}
class GenerationDto extends createZodDto(GenerationSchema) {}

const lastEventIdHeader = z.coerce.number({ message: 'Last-Event-ID must be a sequence number' }).int().min(0);

@ApiTags('generations')
@ApiBearerAuth()
@Controller('generations')
export class GenerationsController {
  constructor(
    private readonly generations: GenerationsService,
    private readonly sse: SseRelay,
  ) {}

  /** Status and the text so far; poll this, or follow the stream. */
  @Get(':id')
  @ZodResponse({ status: 200, type: GenerationDto })
  get(@CurrentUser() user: AuthUser, @Param() params: GenerationIdParams): Promise<Generation> {
    return this.generations.view(user, params.id);
  }

  /** Server-Sent Events: `delta`, `reset` and `end` events whose `id` is the seq; resume with Last-Event-ID. */
  @Get(':id/stream')
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The last seq received; the stream continues after it.' })
  async stream(
    @CurrentUser() user: AuthUser,
    @Param() params: GenerationIdParams,
    @Query() query: StreamQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const afterSeq = lastEventId === undefined ? (query.lastEventId ?? 0) : lastEventIdHeader.parse(lastEventId);
    const generation = await this.generations.findOwned(user, params.id);
    const closed = new AbortController();
    request.on('close', () => closed.abort());
    await this.sse.relay(generation, afterSeq, response, closed.signal);
  }

  /** Stops it wherever it runs; the partial text is kept and marked stopped. */
  @Post(':id/stop')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: GenerationDto })
  stop(@CurrentUser() user: AuthUser, @Param() params: GenerationIdParams): Promise<Generation> {
    return this.generations.stop(user, params.id);
  }
}
