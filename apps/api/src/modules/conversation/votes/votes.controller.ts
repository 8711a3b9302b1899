import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Vote } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { VoteDto, VoteListDto, VoteRequestDto, VotesQueryDto } from '../conversation.dto';
import { VotesService } from './votes.service';

@ApiTags('chat')
@ApiBearerAuth()
@Controller('vote')
export class VotesController {
  constructor(private readonly votes: VotesService) {}

  /** My votes in one of my chats. */
  @Get()
  @ZodResponse({ status: 200, type: VoteListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: VotesQueryDto): Promise<Vote[]> {
    return this.votes.list(user, query.chatId);
  }

  /** Votes a reply up or down (again: the vote changes). */
  @Patch()
  @ZodResponse({ status: 200, type: VoteDto })
  vote(@CurrentUser() user: AuthUser, @Body() body: VoteRequestDto): Promise<Vote> {
    return this.votes.vote(user, body);
  }
}
