import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { QUEUE_NAMES } from '@storyos/contracts';
import { QueueDashboardAccessModule } from './queue-dashboard-access.module';
import { QUEUE_DASHBOARD_ROUTE, QueueDashboardAccessService } from './queue-dashboard-access.service';
import { QueueDashboardController } from './queue-dashboard.controller';

/**
 * bull-board at /api/admin/queues, for admins: every queue, its jobs,
 * failures and retries. Read-only: a job's truth is its generation or story
 * job row in PostgreSQL, which retrying, promoting or deleting jobs from here
 * would leave behind. The HTTP app mounts it; the worker does not.
 */
@Module({
  imports: [
    QueueDashboardAccessModule,
    BullBoardModule.forRootAsync({
      imports: [QueueDashboardAccessModule],
      inject: [QueueDashboardAccessService],
      useFactory: (access: QueueDashboardAccessService) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: access.guard(),
        boardOptions: { uiConfig: { boardTitle: 'StoryOS queues', miscLinks: [{ text: 'Back to StoryOS', url: '/admin/system' }] } },
      }),
    }),
    // Every queue there is, found by name among those the app's modules register.
    BullBoardModule.forFeature(...Object.values(QUEUE_NAMES).map((name) => ({ name, adapter: BullMQAdapter, options: { readOnlyMode: true } }))),
  ],
  controllers: [QueueDashboardController],
})
export class QueueDashboardModule {}
