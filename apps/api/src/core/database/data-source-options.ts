import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';

/** Schema changes happen through migrations only, never `synchronize`. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: [join(__dirname, '..', '..', 'database', 'migrations', '*.{js,ts}')],
    migrationsTableName: 'migrations',
    // A server that does not answer fails the request after 5 s (503) instead of holding it forever.
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}
