import { Module } from '@nestjs/common';
import { CoreModule } from '../../core/core.module';
import { AuthModule } from '../../modules/auth/auth.module';
import { SeedService } from './seed.service';

@Module({ imports: [CoreModule, AuthModule], providers: [SeedService] })
export class SeedModule {}
