/** Retries an assertion until it passes or the attempts run out; for state that settles asynchronously. */
export async function eventually<T>(attempt: () => Promise<T>, { tries = 50, intervalMs = 100 } = {}): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i < tries; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  throw lastError;
}
