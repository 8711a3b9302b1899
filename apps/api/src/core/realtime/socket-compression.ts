import type { PerMessageDeflateOptions } from 'ws';

/**
 * WebSocket per-message compression (RFC 7692) for Socket.IO. A streamed
 * reply is many small frames that repeat the same envelope (event name,
 * generation id, keys); with the compression context kept between frames,
 * the repeats shrink to back-references, so even a two-word delta pays —
 * hence no size threshold. Windows are kept small because each socket that
 * has received a compressed frame holds a deflate context for its lifetime:
 * 2^10-byte window and memLevel 4 make it ~12 KB instead of ~256 KB, while
 * the envelope repeats within a few hundred bytes. Idle sockets hold none
 * (contexts are made on the first frame). Browsers negotiate it themselves;
 * a client that does not offer it gets plain frames.
 */
export const SOCKET_COMPRESSION: PerMessageDeflateOptions = {
  threshold: 0,
  serverMaxWindowBits: 10,
  clientMaxWindowBits: 10,
  zlibDeflateOptions: { memLevel: 4, level: 6 },
};
