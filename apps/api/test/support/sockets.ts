import type { ClientToServerEvents, ServerToClientEvents } from '@storyos/contracts';
import { io, type Socket } from 'socket.io-client';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectOptions {
  token?: string;
  origin?: string;
}

/** Connects over WebSocket only, as a browser on a good network would, and resolves once connected. */
export function connectSocket(url: string, options: ConnectOptions = {}): Promise<TestSocket> {
  const socket: TestSocket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    auth: options.token === undefined ? {} : { token: options.token },
    extraHeaders: options.origin ? { origin: options.origin } : undefined,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Resolves with the next event of that name, or rejects after `ms` without one. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  ms = 10_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${String(event)} within ${ms} ms`)), ms);
    socket.once(event as never, ((payload: never) => {
      clearTimeout(timer);
      resolve(payload);
    }) as never);
  });
}

/** Resolves with the reason once the socket is disconnected ("io server disconnect" when the server closed it), or rejects after `ms`. */
export function disconnection(socket: TestSocket, ms = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Still connected after ${ms} ms`)), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
