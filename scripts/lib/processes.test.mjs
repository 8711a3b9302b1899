import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCommand, Supervisor } from './processes.mjs';

const node = process.execPath;

test('a command that outlives its timeout is stopped and reported as 124', async () => {
  let told = false;
  const code = await runCommand(node, ['-e', 'setTimeout(() => {}, 60_000)'], { name: 'slow', timeoutMs: 200, onTimeout: () => (told = true) });
  assert.equal(code, 124);
  assert.equal(told, true);
});

test('a command exit code is passed through', async () => {
  assert.equal(await runCommand(node, ['-e', 'process.exit(3)'], { name: 'three' }), 3);
});

test('stopping children: SIGTERM first, SIGKILL for one that ignores it, apps before services', async () => {
  const supervisor = new Supervisor();
  const order = [];
  const stubborn = supervisor.start('stubborn', node, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { tier: 2 });
  const service = supervisor.start('service', node, ['-e', 'setInterval(() => {}, 1000)'], { tier: 1 });
  stubborn.exited.then(() => order.push('stubborn'));
  service.exited.then(() => order.push('service'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const started = Date.now();
  await supervisor.stopAll({ timeoutMs: 500 });
  assert.deepEqual(order, ['stubborn', 'service']);
  assert.equal((await stubborn.exited).signal, 'SIGKILL');
  assert.equal((await service.exited).signal, 'SIGTERM');
  assert.ok(Date.now() - started >= 500);
});

test('an unexpected exit is reported, an exit during shutdown is not', async () => {
  const supervisor = new Supervisor();
  const reported = await new Promise((resolve) => {
    supervisor.start('crash', node, ['-e', 'process.exit(7)'], { onExit: resolve });
  });
  assert.equal(reported.code, 7);
  let calledDuringStop = false;
  supervisor.start('calm', node, ['-e', 'setInterval(() => {}, 1000)'], { onExit: () => (calledDuringStop = true) });
  await supervisor.stopAll({ timeoutMs: 2000 });
  assert.equal(calledDuringStop, false);
});
