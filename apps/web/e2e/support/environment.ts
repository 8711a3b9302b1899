import NodeEnvironment from 'jest-environment-node';

/** The part of jest-circus's events this environment reads. */
interface TestEvent {
  name: string;
  test?: { name: string };
}

type DescribeFailure = (testName: string, since: number) => Promise<string>;

/**
 * Node's test environment, plus a report when a browser test fails: its
 * pages' addresses, text and screenshots and what the servers logged since it
 * started (support/failure-report.ts), written to the run's output.
 */
export default class BrowserTestEnvironment extends NodeEnvironment {
  private testStartedAt = Date.now();

  async handleTestEvent(event: TestEvent): Promise<void> {
    if (event.name === 'test_fn_start') this.testStartedAt = Date.now();
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const describe = (this.global as { storyosDescribeFailure?: DescribeFailure }).storyosDescribeFailure;
    if (!describe) return;
    const report = await describe(event.test?.name ?? event.name, this.testStartedAt).catch((error: unknown) => `The failure could not be described: ${String(error)}`);
    process.stderr.write(`\n${report}\n\n`);
  }
}
