import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { QueueDashboardAccessSchema, type QueueDashboardAccess } from '@storyos/contracts';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import type { VerifiedAccess } from '../../auth/auth-user';
import { CurrentAccess, RequireRole } from '../../auth/guards/auth.decorators';
import { QueueDashboardAccessService } from './queue-dashboard-access.service';

class QueueDashboardAccessDto extends createZodDto(QueueDashboardAccessSchema) {}

/** The one API route of the queue dashboard; the dashboard itself (bull-board) is a page, not part of this API or its OpenAPI document. */
@ApiTags('admin')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('admin/queue-dashboard')
export class QueueDashboardController {
  constructor(private readonly access: QueueDashboardAccessService) {}

  /** Sets the httpOnly cookie that opens the queue dashboard at `url` in this browser, for as long as an access token lives. */
  @Post('access')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: QueueDashboardAccessDto })
  open(@CurrentAccess() access: VerifiedAccess, @Res({ passthrough: true }) response: Response): QueueDashboardAccess {
    return this.access.grant(access, response);
  }
}
