/** The Redis channel prefix shared by the Socket.IO adapter and emitter. */
export const socketIoRedisKey = (prefix: string): string => `${prefix}:socket.io`;
