import { Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProduces, ApiTags } from '@nestjs/swagger';
import { GenerationSchema, UuidSchema, type Generation } from '@storyos/contracts';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/guards/auth.decorators';
import { GenerationsService } from './generations.service';
import { SseRelay } from './stream/sse-relay';

class GenerationIdParams extends createZodDto(z.strictObject({ id: UuidSchema })) {}
/** A seq as EventSource sends it back: decimal digits only (no sign, exponent, hex or spaces). */
const SeqSchema = z
  .string()
  .regex(/^\d{1,9}$/, { message: 'must be a sequence number: decimal digits only' })
  .transform(Number);
class StreamQuery extends createZodDto(z.strictObject({ lastEventId: SeqSchema.optional() })) {}
class GenerationDto extends createZodDto(GenerationSchema) {}
const LastEventIdHeaderSchema = z.object({ 'Last-Event-ID': SeqSchema });

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

  /**
   * Server-Sent Events: `delta`, `reset` and `end` events whose `id` is the seq; resume with Last-Event-ID.
   * A finished generation with nothing after Last-Event-ID answers 204 (an EventSource stops reconnecting).
   */
  @Get(':id/stream')
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The last seq received (decimal digits); the stream continues after it.' })
  async stream(
    @CurrentUser() user: AuthUser,
    @Param() params: GenerationIdParams,
    @Query() query: StreamQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const afterSeq = lastEventId === undefined ? (query.lastEventId ?? 0) : LastEventIdHeaderSchema.parse({ 'Last-Event-ID': lastEventId })['Last-Event-ID'];
    const generation = await this.generations.findOwned(user, params.id);
    const closed = new AbortController();
    // The response closes when the client goes away (or the relay ends it); either way the relay stops.
    response.on('close', () => closed.abort());
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
