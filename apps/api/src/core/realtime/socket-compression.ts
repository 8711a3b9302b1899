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
 * a client that does not offer it gets plain frames. `SOCKET_COMPRESSION=false`
 * turns it off (see the README's "Bytes on the wire" for what it costs).
 *
 * Each frame is deflated on libuv's thread pool and holds one of `ws`'s
 * zlib slots until its callback has run on the event loop. Those slots are
 * shared by every socket of the process (10 by default), so with a busy
 * event loop they became the queue: at 200 streams on two cores the frames
 * waited 90–630 ms (p50) for a slot. The thread pool is the real limit.
 */
export const SOCKET_COMPRESSION: PerMessageDeflateOptions = {
  threshold: 0,
  serverMaxWindowBits: 10,
  clientMaxWindowBits: 10,
  zlibDeflateOptions: { memLevel: 4, level: 6 },
  concurrencyLimit: 1024,
};
