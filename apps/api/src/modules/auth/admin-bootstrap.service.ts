import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { InjectConfig } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/app-config';
import { AccountsService } from './accounts/accounts.service';

/** The configured admin exists before the first request is served. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly accounts: AccountsService,
    @InjectConfig() private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(AdminBootstrap.name);
  }

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.auth.admin;
    if (!admin) return;
    const user = await this.accounts.ensureAdmin(admin.email, admin.password);
    this.logger.info({ userId: user.id }, 'Configured admin account is present');
  }
}
