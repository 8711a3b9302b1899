import { Controller, Delete, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeletedCount, HistoryPage } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { DeletedCountDto, HistoryPageDto, HistoryQueryDto } from '../conversation.dto';
import { ChatsService } from './chats.service';

@ApiTags('chat')
@ApiBearerAuth()
@Controller('history')
export class HistoryController {
  constructor(private readonly chats: ChatsService) {}

  /** My chats, newest first: `starting_after` (newer than) or `ending_before` (older than) a chat id, not both; `hasMore` says whether more lie that way. */
  @Get()
  @ZodResponse({ status: 200, type: HistoryPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: HistoryQueryDto): Promise<HistoryPage> {
    return this.chats.history(user, query);
  }

  /** Deletes all my chats. */
  @Delete()
  @ZodResponse({ status: 200, type: DeletedCountDto })
  deleteAll(@CurrentUser() user: AuthUser): Promise<DeletedCount> {
    return this.chats.deleteAll(user);
  }
}
