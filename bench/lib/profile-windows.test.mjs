import assert from 'node:assert/strict';
import { test } from 'node:test';
import { profileTables, selfTimeInWindows } from './profile-windows.mjs';

const frame = (functionName, url = '', lineNumber = -1) => ({ functionName, url, lineNumber, columnNumber: 0, scriptId: '0' });

/** Samples at 1000, 1100, …: each counts until the next one. */
function profileOf(sampleNodes) {
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('claim', 'file:///app/apps/api/dist/jobs/claim.js', 9) },
      { id: 4, callFrame: frame('write', 'file:///app/node_modules/ioredis/built/Command.js', 35) },
    ],
    startTime: 900,
    samples: sampleNodes,
    timeDeltas: sampleNodes.map(() => 100),
  };
}

test('only samples inside the windows count, each for the time until the next sample', () => {
  // Samples at 1000 (claim), 1100 (write), 1200 (claim), 1300 (write), 1400 (claim).
  const result = selfTimeInWindows(profileOf([3, 4, 3, 4, 3]), [[1050, 1250]]);
  assert.equal(result.busyUs, 200);
  assert.deepEqual(Object.fromEntries(result.byFunction), { 'write ioredis/built/Command.js:36': 100, 'claim dist/jobs/claim.js:10': 100 });
});

test('idle samples are left out, and several windows add up', () => {
  // Samples at 1000 (claim), 1100 (idle), 1200 (write), 1300 (idle), 1400 (claim), 1500 (write).
  const result = selfTimeInWindows(profileOf([3, 2, 4, 2, 3, 4]), [[950, 1150], [1250, 1350], [1350, 1450]]);
  assert.equal(result.windows, 3);
  assert.equal(result.busyUs, 200);
  assert.deepEqual(Object.fromEntries(result.byFunction), { 'claim dist/jobs/claim.js:10': 200 });
});

test('the table gives ms per window, busiest first', () => {
  const result = selfTimeInWindows(profileOf([4, 4, 3, 3]), [[900, 1300], [5000, 6000]]);
  const lines = profileTables([{ name: 'worker-1', file: '/tmp/worker-1.cpuprofile', result }]);
  assert.equal(lines[0], '   worker-1: 0.150 ms busy per window under the profiler (/tmp/worker-1.cpuprofile)');
  assert.deepEqual(lines.slice(4, 6), ['| 0.100 | `write ioredis/built/Command.js:36` |', '| 0.050 | `claim dist/jobs/claim.js:10` |']);
});
