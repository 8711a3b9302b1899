import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUE_NAMES } from '@storyos/contracts';
import { SystemController } from './system.controller';
import { SystemService } from './system.service';

@Module({
  imports: [BullModule.registerQueue({ name: QUEUE_NAMES.system })],
  controllers: [SystemController],
  providers: [SystemService],
  exports: [BullModule],
})
export class SystemModule {}
