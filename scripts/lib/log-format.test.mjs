import assert from 'node:assert/strict';
import { test } from 'node:test';
import { box, formatLogLine, prefixFor } from './log-format.mjs';

test('a pino line becomes time, level, context, message and extra fields', () => {
  const line = JSON.stringify({ level: 30, time: Date.UTC(2026, 0, 1, 12, 0, 1), pid: 1, hostname: 'h', context: 'Bootstrap', msg: 'listening', port: 3000 });
  assert.equal(formatLogLine(line), '12:00:01 INFO  [Bootstrap] listening port=3000');
});

test('a request log shows method, url and status', () => {
  const line = JSON.stringify({ level: 40, time: 0, req: { method: 'GET', url: '/api/x' }, res: { statusCode: 404 }, msg: 'request completed', responseTime: 3 });
  assert.equal(formatLogLine(line), '00:00:00 WARN  GET /api/x → 404 request completed responseTime=3');
});

test('an error log carries the stack on the following lines', () => {
  const line = JSON.stringify({ level: 50, time: 0, msg: 'boom', err: { message: 'bad', stack: 'Error: bad\n    at x' } });
  assert.equal(formatLogLine(line), '00:00:00 ERROR boom\nError: bad\n    at x');
});

test('plain text and JSON that is not a log line pass through unchanged', () => {
  assert.equal(formatLogLine('Server listening'), 'Server listening');
  assert.equal(formatLogLine('{"no":"level"}'), '{"no":"level"}');
  assert.equal(formatLogLine('{broken'), '{broken');
});

test('prefixes line up names of different lengths', () => {
  assert.equal(prefixFor('api', 6, false), 'api    │ ');
  assert.equal(prefixFor('worker', 6, false), 'worker │ ');
});

test('a box fits its longest line and ignores colour codes when measuring', () => {
  assert.equal(box(['ab', '\u001b[1mabcd\u001b[0m']), ['┌──────┐', '│ ab   │', '│ \u001b[1mabcd\u001b[0m │', '└──────┘'].join('\n'));
});
