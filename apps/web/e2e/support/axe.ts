import type { Page } from 'playwright-core';

/** One accessibility problem axe found, with where: enough to fix it from the test output. */
export interface AxeProblem {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Browser-context options for pages axe runs on: `openPage(browser, AXE_CONTEXT)`. */
export const AXE_CONTEXT = { bypassCSP: true } as const;

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * Runs axe-core (the npm package, injected from node_modules: nothing is
 * downloaded) on the page as it is now and returns every violation of the
 * WCAG 2.x A and AA rules and axe's best practices. The app's CSP forbids
 * inline scripts, so open the page with AXE_CONTEXT (it bypasses CSP for
 * the injected script only in that test profile).
 */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!present) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<AxeResult> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
  });
  return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.map(String).join(' ')) }));
}

/** Fails with the list of problems when axe finds any on the page as it is now. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const problems = await axeProblems(page);
  expect({ where, problems }).toEqual({ where, problems: [] });
}
