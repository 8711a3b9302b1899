import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { CoreModule } from './core/core.module';
import { AllExceptionsFilter } from './core/errors/all-exceptions.filter';
import { HealthModule } from './core/health/health.module';
import { MetricsModule } from './core/metrics/metrics.module';
import { AuthModule } from './modules/auth/auth.module';
import { ConversationModule } from './modules/conversation/conversation.module';
import { GameModule } from './modules/game/game.module';
import { GenerationModule } from './modules/generation/generation.module';
import { MediaModule } from './modules/media/media.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { StoriesModule } from './modules/stories/stories.module';
import { QueueDashboardModule } from './modules/system/queue-dashboard/queue-dashboard.module';
import { SystemModule } from './modules/system/system.module';

/** The HTTP + Socket.IO process: controllers and gateways, queues as producers only. */
@Module({
  imports: [CoreModule, HealthModule, MetricsModule, AuthModule, RealtimeModule, SystemModule, GenerationModule, GameModule, StoriesModule, MediaModule, ConversationModule, QueueDashboardModule],
  providers: [
    { provide: APP_PIPE, useClass: ZodValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}
