/**
 * Runs `work` once the event loop's current turn is over (its promise
 * callbacks included), so what that turn started — a statement's write to
 * its socket after the pool handed over a connection — goes out first.
 */
export function afterThisTurn<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<void>((resolve) => setImmediate(resolve)).then(work);
}
