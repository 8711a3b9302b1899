import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { GenerationSubscribeRequestSchema, type GenerationSubscribeAck } from '@storyos/contracts';
import { toErrorBody } from '../../core/errors/to-error-body';
import type { RealtimeSocket } from '../realtime/realtime.gateway';
import { GenerationsService } from './generations.service';
import { GenerationStreamStore } from './stream/generation-stream.store';

/**
 * Catch-up for sockets: the ack carries every entry after `afterSeq`; live
 * entries keep arriving in the user's room. A replay and a live entry may
 * overlap; clients apply each seq once (StreamAssembler).
 */
@WebSocketGateway()
export class GenerationGateway {
  constructor(
    private readonly generations: GenerationsService,
    private readonly streams: GenerationStreamStore,
  ) {}

  @SubscribeMessage('generation:subscribe')
  async subscribe(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: unknown): Promise<GenerationSubscribeAck> {
    try {
      const request = GenerationSubscribeRequestSchema.parse(body);
      const generation = await this.generations.findOwned(socket.data.user, request.generationId);
      const entries = await this.streams.readAfter(generation.id, request.afterSeq);
      // A finished generation whose stream has expired sends no entries: its status says to read the stored text.
      return { ok: true, status: generation.status, entries };
    } catch (error) {
      return { ok: false, error: toErrorBody(error).body };
    }
  }
}
