// The bare baselines bench:http compares the API with, in a process of their own:
//   GET /api/health        — Express returning the same JSON as the API's liveness;
//   GET /api/game/sessions — Express + pg doing the API's checks and queries by hand:
//                            the HS256 access token verified (jsonwebtoken, as the API),
//                            the session's revocation looked up in Redis, then the
//                            page of sessions and their count, in parallel.
// Started by bench/http.mjs with the API's own DATABASE_URL, REDIS_URL, REDIS_PREFIX and
// JWT_SECRET; prints {"port":N} and listens on 127.0.0.1 only.
import express from 'express';
import Redis from 'ioredis';
import jwt from 'jsonwebtoken';
import pg from 'pg';

const { DATABASE_URL, REDIS_URL, REDIS_PREFIX, JWT_SECRET, HEALTH_JSON } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
const redis = new Redis(REDIS_URL);
const health = JSON.parse(HEALTH_JSON);
const started = Date.now();

const PAGE_SQL = `SELECT s.id, s.title, s.scenario_id, c.name AS scenario_name, s.turn_count, s.last_played_at, s.created_at
  FROM game_sessions s LEFT JOIN scenarios c ON c.id = s.scenario_id
  WHERE s.owner_id = $1 ORDER BY s.last_played_at DESC, s.id ASC LIMIT $2 OFFSET $3`;
const COUNT_SQL = 'SELECT count(*)::int AS total FROM game_sessions WHERE owner_id = $1';

const app = express();
app.disable('x-powered-by');

app.get('/api/health', (_request, response) => {
  response.json({ status: health.status, version: health.version, uptimeSeconds: Math.round((Date.now() - started) / 1000), provider: health.provider });
});

app.get('/api/game/sessions', async (request, response) => {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  let claims;
  try {
    claims = jwt.verify(token ?? '', JWT_SECRET, { algorithms: ['HS256'] });
  } catch {
    response.status(401).json({ code: 'UNAUTHENTICATED', message: 'Please sign in to continue.' });
    return;
  }
  if ((await redis.exists(`${REDIS_PREFIX}:revoked-session:${claims.sid}`)) === 1) {
    response.status(401).json({ code: 'UNAUTHENTICATED', message: 'This session has ended. Please sign in again.' });
    return;
  }
  const page = 1;
  const pageSize = 20;
  const [rows, count] = await Promise.all([pool.query(PAGE_SQL, [claims.sub, pageSize, (page - 1) * pageSize]), pool.query(COUNT_SQL, [claims.sub])]);
  response.json({
    items: rows.rows.map((row) => ({
      id: row.id,
      title: row.title,
      scenario: { id: row.scenario_id, name: row.scenario_name ?? '' },
      turnCount: row.turn_count,
      lastPlayedAt: row.last_played_at.toISOString(),
      createdAt: row.created_at.toISOString(),
    })),
    page,
    pageSize,
    total: count.rows[0].total,
  });
});

const server = app.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
process.once('SIGTERM', () => process.exit(0));
