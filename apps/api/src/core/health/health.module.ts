import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** Liveness and readiness; the provider it reports comes from the global text provider module. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
