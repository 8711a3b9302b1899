import type { ClientToServerEvents, ServerToClientEvents } from '@storyos/contracts';
import { io, type Socket } from 'socket.io-client';
import { refreshSession } from './http';
import { sessionStore } from './session-store';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: AppSocket | null = null;
/** The token the current connection was opened with, to know when a refresh calls for a reconnect. */
let connectedToken: string | null = null;
/** Refresh at most once per rejected token, so a server that refuses every token cannot loop us. */
let refreshedAfterRejectionOf: string | null = null;

function followSession(): void {
  const token = sessionStore.getAccessToken();
  if (!socket) return;
  if (!token) {
    socket.disconnect();
    connectedToken = null;
    return;
  }
  if (token !== connectedToken || !socket.active) {
    socket.disconnect();
    socket.connect();
  }
}

async function onConnectError(): Promise<void> {
  const s = socket;
  // An active socket retries by itself (network trouble); an inactive one was refused by the server's auth check.
  if (!s || s.active) return;
  const rejected = connectedToken;
  if (!rejected || refreshedAfterRejectionOf === rejected) return;
  refreshedAfterRejectionOf = rejected;
  try {
    // A new session triggers followSession, which reconnects with the fresh token.
    const session = await refreshSession();
    if (!session) sessionStore.clear('expired');
  } catch {
    // Server unreachable: the next session change or page load tries again.
  }
}

function createSocket(): AppSocket {
  const created: AppSocket = io({
    path: '/socket.io',
    autoConnect: false,
    // A function, so every (re)connect presents the access token current at that moment.
    auth: (callback) => {
      connectedToken = sessionStore.getAccessToken();
      callback({ token: connectedToken });
    },
  });
  created.on('connect_error', () => void onConnectError());
  sessionStore.subscribe(followSession);
  return created;
}

/** The app's one realtime connection, opened on first use while signed in. */
export function getSocket(): AppSocket {
  socket ??= createSocket();
  if (!socket.connected && !socket.active && sessionStore.getAccessToken()) socket.connect();
  return socket;
}

/** Resolves once the socket is connected, so an event answering a request cannot slip past us. */
export function whenSocketConnected(timeoutMs = 10_000): Promise<AppSocket> {
  const s = getSocket();
  if (s.connected) return Promise.resolve(s);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off('connect', onConnect);
      reject(new Error('The live connection to the server could not be opened.'));
    }, timeoutMs);
    function onConnect(): void {
      clearTimeout(timer);
      resolve(s);
    }
    s.once('connect', onConnect);
  });
}
