import assert from 'node:assert/strict';
import { test } from 'node:test';
import { profileTables, timeInWindows } from './profile-windows.mjs';

const frame = (functionName, url = '', lineNumber = -1) => ({ functionName, url, lineNumber, columnNumber: 0, scriptId: '0' });

/** Samples at 1000, 1100, …: each counts until the next one. */
function profileOf(sampleNodes) {
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('claim', 'file:///app/apps/api/dist/jobs/claim.js', 9), children: [4] },
      { id: 4, callFrame: frame('write', 'file:///app/node_modules/ioredis/built/Command.js', 35), children: [7] },
      // Node's own frames before the first of ours: the claim's work began at the claim.
      { id: 5, callFrame: frame('processTicksAndRejections', 'node:internal/process/task_queues', 94), children: [3] },
      { id: 6, callFrame: frame('(garbage collector)') },
      // A package's own dist folder keeps the package's name.
      { id: 7, callFrame: frame('addJob', 'file:///app/node_modules/bullmq/dist/cjs/classes/queue.js', 4) },
    ],
    startTime: 900,
    samples: sampleNodes,
    timeDeltas: sampleNodes.map(() => 100),
  };
}

test('only samples inside the windows count, each for the time until the next sample', () => {
  // Samples at 1000 (claim), 1100 (write), 1200 (claim), 1300 (write), 1400 (claim).
  const result = timeInWindows(profileOf([3, 4, 3, 4, 3]), [[1050, 1250]]);
  assert.equal(result.busyUs, 200);
  assert.deepEqual(Object.fromEntries(result.byFunction), { 'write ioredis/built/Command.js:36': 100, 'claim dist/jobs/claim.js:10': 100 });
});

test('work is also counted under the first package or dist frame from the root, or under its own function when there is none', () => {
  // Samples at 1000 (write), 1100 (claim), 1200 (garbage collector), 1300 (write).
  const result = timeInWindows(profileOf([4, 3, 6, 4]), [[950, 1350]]);
  assert.deepEqual(Object.fromEntries(result.byEntry), { 'claim dist/jobs/claim.js:10': 200, '(garbage collector)': 100 });
});

test('a package keeps its name even when its code is in a dist folder', () => {
  const result = timeInWindows(profileOf([7, 3]), [[950, 1050]]);
  assert.deepEqual([...result.byFunction.keys()], ['addJob bullmq/dist/cjs/classes/queue.js:5']);
});

test('idle samples are left out, and several windows add up', () => {
  // Samples at 1000 (claim), 1100 (idle), 1200 (write), 1300 (idle), 1400 (claim), 1500 (write).
  const result = timeInWindows(profileOf([3, 2, 4, 2, 3, 4]), [[950, 1150], [1250, 1350], [1350, 1450]]);
  assert.equal(result.windows, 3);
  assert.equal(result.busyUs, 200);
  assert.deepEqual(Object.fromEntries(result.byFunction), { 'claim dist/jobs/claim.js:10': 200 });
});

test('the table gives ms per window, busiest first', () => {
  const result = timeInWindows(profileOf([4, 4, 3, 3]), [[900, 1300], [5000, 6000]]);
  const lines = profileTables([{ name: 'worker-1', file: '/tmp/worker-1.cpuprofile', result }]);
  assert.equal(lines[0], '   worker-1: 0.150 ms busy per window under the profiler (/tmp/worker-1.cpuprofile)');
  assert.deepEqual(lines.slice(4, 6), ['| 0.100 | `write ioredis/built/Command.js:36` |', '| 0.050 | `claim dist/jobs/claim.js:10` |']);
  assert.deepEqual(lines.slice(9, 10), ['| 0.150 | `claim dist/jobs/claim.js:10` |']);
});
