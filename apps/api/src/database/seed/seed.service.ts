import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { InjectConfig } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/app-config';
import { AccountsService } from '../../modules/auth/accounts/accounts.service';
import { GameSeed } from './game/game-seed';

/** Idempotent: running it again changes nothing that exists. */
@Injectable()
export class SeedService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly game: GameSeed,
    @InjectConfig() private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(SeedService.name);
  }

  async run(): Promise<void> {
    const admin = this.config.auth.admin;
    if (admin) await this.accounts.ensureAdmin(admin.email, admin.password);
    if (this.config.seed.demo) {
      const demo = await this.accounts.ensureUser(this.config.seed.demoEmail, this.config.seed.demoPassword, 'Demo Reader');
      this.logger.info({ userId: demo.id }, 'Demo account is present');
    }
    // The game needs its system prompts and public scenarios whether or not demo accounts are wanted.
    await this.game.run();
    this.logger.info('Game scenarios and system prompts are present');
  }
}
