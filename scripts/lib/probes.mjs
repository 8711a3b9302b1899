// Small network probes: does something answer on a port, is it Redis, is it
// PostgreSQL we can query, is the API ready.
import { connect } from 'node:net';

/** True when a TCP connection to host:port succeeds within `timeoutMs`. */
export function tcpAnswers(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** True when a Redis server at host:port answers PING with PONG (no auth needed). */
export function redisAnswersPing(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let reply = '';
    const finish = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
    socket.once('error', () => finish(false));
  });
}

/**
 * Connects with the `pg` package and runs `select 1`. Resolves `{ ok: true }`
 * or `{ ok: false, reason }`. `pg` is loaded lazily: it exists only after
 * `npm ci`.
 */
export async function postgresAnswersQuery(url, timeoutMs = 3000) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates `database` on the server at `adminUrl` unless it exists. Returns true if created. */
export async function ensureDatabase(adminUrl, database) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount > 0) return false;
    await client.query(`create database ${client.escapeIdentifier(database)}`);
    return true;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Polls `url` until it answers 2xx. Gives up after `timeoutMs`, or as soon as
 * `shouldStop()` says so (e.g. the process behind it exited).
 */
export async function waitForHttpOk(url, { timeoutMs = 120_000, intervalMs = 500, shouldStop = () => false } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (shouldStop()) return { ok: false, reason: 'stopped while waiting' };
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { ok: true };
      lastProblem = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return { ok: false, reason: `not ready after ${Math.round(timeoutMs / 1000)}s (${lastProblem})` };
}
