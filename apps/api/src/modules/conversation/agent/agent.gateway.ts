import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { ConversationSendRequestSchema, type ConversationSendAck } from '@storyos/contracts';
import { toErrorBody } from '../../../core/errors/to-error-body';
import type { RealtimeSocket } from '../../realtime/realtime.gateway';
import { AgentTurns } from './agent-turns.service';

/** `conversation:send`: the same turn as `POST /api/conversations/:id/messages`, answered in the ack (or its error, e.g. 404 for another user's conversation). */
@WebSocketGateway()
export class AgentGateway {
  constructor(private readonly turns: AgentTurns) {}

  @SubscribeMessage('conversation:send')
  async send(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: unknown): Promise<ConversationSendAck> {
    try {
      const request = ConversationSendRequestSchema.parse(body);
      return { ok: true, ...(await this.turns.send(socket.data.user, request.conversationId, request.text)) };
    } catch (error) {
      return { ok: false, error: toErrorBody(error).body };
    }
  }
}
