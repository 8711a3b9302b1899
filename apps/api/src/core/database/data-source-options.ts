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
    extra: { max: 10 },
  };
}
