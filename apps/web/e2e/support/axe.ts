import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core from node_modules: nothing is downloaded. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One accessibility problem axe found, with where: enough to fix it from the test output. */
export interface AxeProblem {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * Runs axe-core on the page as it is now and returns every violation of the
 * WCAG 2.x A and AA rules and axe's best practices. The script is evaluated
 * through the browser's debugging protocol, so the app's content security
 * policy (no inline scripts) does not stop it.
 */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!present) await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  await settleTransitions(page);
  const problems = await runAxe(page);
  if (problems.length === 0) return problems;
  // The page may have changed while axe ran (a button enabled by a socket event fades in): judged again at rest,
  // what is still wrong is what is wrong.
  await settleTransitions(page);
  return runAxe(page);
}

async function runAxe(page: Page): Promise<AxeProblem[]> {
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<AxeResult> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
  });
  return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.map(String).join(' ')) }));
}

/**
 * Lets running colour and opacity transitions finish (a button turning from
 * disabled to enabled fades for a quarter second): contrast is judged on what
 * the page shows at rest, not on a frame in between. Endless animations
 * (spinners) are left alone.
 */
async function settleTransitions(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/** Fails with the list of problems when axe finds any on the page as it is now. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const problems = await axeProblems(page);
  expect({ where, problems }).toEqual({ where, problems: [] });
}
