import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PingAcceptedSchema, PingRequestSchema, type PingAccepted } from '@storyos/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequireRole } from '../auth/guards/auth.decorators';
import { SystemService } from './system.service';

class PingDto extends createZodDto(PingRequestSchema) {}
class PingAcceptedDto extends createZodDto(PingAcceptedSchema) {}

@ApiTags('system')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('system')
export class SystemController {
  constructor(private readonly system: SystemService) {}

  /** Sends a ping through the queue; a worker answers on the caller's socket as `system:pong`. */
  @Post('ping')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: PingAcceptedDto })
  ping(@CurrentUser() user: AuthUser, @Body() body: PingDto): Promise<PingAccepted> {
    return this.system.ping(user.id, body.nonce);
  }
}
