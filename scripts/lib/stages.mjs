// Runs test stages in order, stopping at the first failure, and sums them up
// in the one line CI reads: `N passed, M failed`.

/**
 * Runs `stages` (`{ name, run: () => Promise<number> }`, resolving an exit
 * code) in order. Returns `{ results, failed }` where results hold
 * `{ name, status: 'passed' | 'failed' | 'skipped', seconds }`.
 */
export async function runStages(stages, { onStart = () => {}, now = () => Date.now() } = {}) {
  const results = [];
  let failed = false;
  for (const stage of stages) {
    if (failed) {
      results.push({ name: stage.name, status: 'skipped', seconds: 0 });
      continue;
    }
    onStart(stage);
    const started = now();
    let code;
    try {
      code = await stage.run();
    } catch (error) {
      stage.error = error instanceof Error ? error.message : String(error);
      code = 1;
    }
    const seconds = (now() - started) / 1000;
    const status = code === 0 ? 'passed' : 'failed';
    results.push({ name: stage.name, status, seconds, error: stage.error });
    if (status === 'failed') failed = true;
  }
  return { results, failed };
}

/** The summary table lines and the final `N passed, M failed` line. */
export function summarize(results) {
  const marks = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' };
  const width = Math.max(...results.map((result) => result.name.length));
  const lines = results.map((result) => {
    const time = result.status === 'skipped' ? 'not run' : `${result.seconds.toFixed(1)}s`;
    const error = result.error ? `  ${result.error}` : '';
    return `${marks[result.status]}  ${result.name.padEnd(width)}  ${time}${error}`;
  });
  const passed = results.filter((result) => result.status === 'passed').length;
  const failed = results.filter((result) => result.status === 'failed').length;
  return { lines, final: `${passed} passed, ${failed} failed` };
}
