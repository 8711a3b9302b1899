import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from './core/config/app-config';
import { exitOnStartupError } from './core/startup-error';
import { runMigrations } from './database/run-migrations';
import { SeedModule } from './database/seed/seed.module';
import { SeedService } from './database/seed/seed.service';

const USAGE = 'Usage: node apps/api/dist/cli.js <migrate|seed>';

/** Operator commands: `migrate` applies pending migrations, `seed` creates the admin and demo content. */
async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const applied = await runMigrations(config.db.url);
      process.stdout.write(applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'Database schema is up to date.\n');
      return;
    }
    case 'seed': {
      const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'], abortOnError: false });
      try {
        await app.get(SeedService).run();
      } finally {
        await app.close();
      }
      process.stdout.write('Seed data is in place.\n');
      return;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      process.exit(2);
  }
}

main(process.argv[2]).catch(exitOnStartupError);
