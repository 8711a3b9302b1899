import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { AuthModule } from '../../auth/auth.module';
import { QUEUE_DASHBOARD_AUDIENCE, QueueDashboardAccessService } from './queue-dashboard-access.service';

/** HS256 with a key derived from JWT_SECRET for this one purpose: a dashboard cookie cannot be replayed as an access token, nor the other way round. */
export const dashboardKey = (jwtSecret: string): string => createHmac('sha256', jwtSecret).update(QUEUE_DASHBOARD_AUDIENCE).digest('base64url');

/** Who may open the queue dashboard; its own module so bull-board's root module can take the guard from it. */
@Module({
  imports: [
    AuthModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: dashboardKey(config.auth.jwtSecret),
        signOptions: { algorithm: 'HS256', audience: QUEUE_DASHBOARD_AUDIENCE },
        verifyOptions: { algorithms: ['HS256'], audience: QUEUE_DASHBOARD_AUDIENCE },
      }),
    }),
  ],
  providers: [QueueDashboardAccessService],
  exports: [QueueDashboardAccessService],
})
export class QueueDashboardAccessModule {}
