import { useSyncExternalStore } from 'react';
import { getSocket } from './socket';

function subscribe(onChange: () => void): () => void {
  const socket = getSocket();
  socket.on('connect', onChange);
  socket.on('disconnect', onChange);
  socket.io.on('reconnect_attempt', onChange);
  return () => {
    socket.off('connect', onChange);
    socket.off('disconnect', onChange);
    socket.io.off('reconnect_attempt', onChange);
  };
}

const isConnected = () => getSocket().connected;

/** Whether the realtime connection is up right now, as React state. */
export function useSocketConnected(): boolean {
  return useSyncExternalStore(subscribe, isConnected);
}
