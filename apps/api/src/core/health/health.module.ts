import { Module } from '@nestjs/common';
import { TextProviderModule } from '../../modules/generation/providers/text-provider.module';
import { HealthController } from './health.controller';

@Module({ imports: [TextProviderModule], controllers: [HealthController] })
export class HealthModule {}
