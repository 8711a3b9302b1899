import type { ErrorBody } from '@storyos/contracts';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';

/**
 * Requests Node's HTTP parser refuses before any middleware sees them (a URL
 * or headers past the size limit, broken framing) still get the one error
 * body with a request id, instead of Node's bare status line.
 */
export function answerMalformedRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const requestId = randomUUID();
    const body: ErrorBody = tooLarge
      ? { code: 'HEADERS_TOO_LARGE', message: 'The address or headers of the request are too long.', requestId }
      : { code: 'BAD_REQUEST', message: 'The request is not valid HTTP.', requestId };
    const json = JSON.stringify(body);
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${json}`,
    );
  });
}
