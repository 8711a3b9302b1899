import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../core/database/data-source-options';

/** Applies pending migrations; returns the names of those it ran. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
