import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { userRoom, type ClientToServerEvents, type ServerToClientEvents } from '@storyos/contracts';
import { PinoLogger } from 'nestjs-pino';
import type { Server, Socket } from 'socket.io';
import { AppError } from '../../core/errors/app-error';
import { toErrorBody } from '../../core/errors/to-error-body';
import { sessionRoom } from '../../core/realtime/session-room';
import type { AuthUser } from '../auth/auth-user';
import { AccessTokenService } from '../auth/tokens/access-token.service';
import { RevokedSessions } from '../auth/tokens/revoked-sessions.service';

export interface SocketData {
  user: AuthUser;
  /** The sign-in session the token belongs to; ending it disconnects the socket. */
  sessionId: string;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * The one Socket.IO endpoint. The access token is checked at the handshake;
 * each socket joins its user's room, where workers deliver events via Redis,
 * and its session's room, through which ending the session closes it.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit<RealtimeServer>, OnGatewayConnection<RealtimeSocket> {
  @WebSocketServer()
  server!: RealtimeServer;

  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly revokedSessions: RevokedSessions,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(RealtimeGateway.name);
  }

  afterInit(server: RealtimeServer): void {
    server.use(async (socket, next) => {
      try {
        const token: unknown = socket.handshake.auth['token'];
        if (typeof token !== 'string' || !token) throw AppError.unauthenticated('A socket connection needs an access token.');
        const { user, sessionId } = await this.accessTokens.verify(token);
        socket.data.user = user;
        socket.data.sessionId = sessionId;
        next();
      } catch (error) {
        const refused = new Error(error instanceof AppError ? error.message : 'Connection refused') as Error & { data?: unknown };
        refused.data = toErrorBody(error).body;
        next(refused);
      }
    });
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    await socket.join([userRoom(socket.data.user.id), sessionRoom(socket.data.sessionId)]);
    // A session ended between the handshake and joining its room would have missed the disconnect.
    if (await this.revokedSessions.isRevoked(socket.data.sessionId)) {
      socket.disconnect(true);
      return;
    }
    this.logger.debug({ userId: socket.data.user.id, socketId: socket.id }, 'Socket connected');
  }
}
