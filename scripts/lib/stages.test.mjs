import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runStages, summarize } from './stages.mjs';

const clock = () => {
  let t = 0;
  return () => (t += 1000);
};

test('all stages passing ends with "N passed, 0 failed"', async () => {
  const { results, failed } = await runStages([{ name: 'a', run: async () => 0 }, { name: 'b', run: async () => 0 }], { now: clock() });
  assert.equal(failed, false);
  assert.equal(summarize(results).final, '2 passed, 0 failed');
});

test('the first failure stops the run and later stages are skipped', async () => {
  let ranLast = false;
  const { results, failed } = await runStages(
    [
      { name: 'lint', run: async () => 0 },
      { name: 'unit', run: async () => 2 },
      { name: 'e2e', run: async () => ((ranLast = true), 0) },
    ],
    { now: clock() },
  );
  assert.equal(failed, true);
  assert.equal(ranLast, false);
  assert.deepEqual(results.map((r) => r.status), ['passed', 'failed', 'skipped']);
  const { lines, final } = summarize(results);
  assert.equal(final, '1 passed, 1 failed');
  assert.equal(lines[2], 'skip  e2e   not run');
});

test('a stage that throws fails with its message', async () => {
  const { results } = await runStages([{ name: 'browser', run: async () => { throw new Error('chromium missing'); } }], { now: clock() });
  assert.equal(results[0].status, 'failed');
  assert.match(summarize(results).lines[0], /FAIL  browser  1\.0s  chromium missing/);
});
