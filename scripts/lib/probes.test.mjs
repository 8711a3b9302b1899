import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { redisAnswersPing, tcpAnswers } from './probes.mjs';

function listen(onConnection) {
  return new Promise((resolve) => {
    const server = createServer(onConnection);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

test('a port that accepts connections answers; a closed one does not', async () => {
  const server = await listen((socket) => socket.end());
  const { port } = server.address();
  assert.equal(await tcpAnswers('127.0.0.1', port), true);
  await new Promise((resolve) => server.close(resolve));
  assert.equal(await tcpAnswers('127.0.0.1', port), false);
});

test('Redis counts only when PING gets PONG (a password-protected one does not)', async () => {
  const pong = await listen((socket) => socket.on('data', () => socket.write('+PONG\r\n')));
  const auth = await listen((socket) => socket.on('data', () => socket.write('-NOAUTH Authentication required.\r\n')));
  assert.equal(await redisAnswersPing('127.0.0.1', pong.address().port), true);
  assert.equal(await redisAnswersPing('127.0.0.1', auth.address().port), false);
  pong.close();
  auth.close();
});
