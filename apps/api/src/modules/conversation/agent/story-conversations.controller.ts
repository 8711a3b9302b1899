import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ConversationHistory, ConversationMessageAccepted, ConversationNarrationAccepted, ConversationRequirementsState, StoryConversation } from '@storyos/contracts';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { AgentTurns } from './agent-turns.service';
import {
  ConversationHistoryDto,
  ConversationHistoryQueryDto,
  ConversationIdParams,
  ConversationMessageAcceptedDto,
  ConversationMessageParams,
  ConversationNarrationAcceptedDto,
  ConversationRequirementsStateDto,
  SendConversationMessageDto,
  StartConversationDto,
  StoryConversationDto,
  UpdateConversationRequirementsDto,
} from './story-conversations.dto';
import { StoryConversationsService } from './story-conversations.service';

/**
 * The Create agent (seed 002) for clients without sockets; sockets use
 * `conversation:send` and hear `conversation:requirements`. The seed's
 * transcripts (`/conversation/{user_id}/history`) are `GET /api/conversations`.
 */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations')
export class StoryConversationsController {
  constructor(
    private readonly conversations: StoryConversationsService,
    private readonly turns: AgentTurns,
  ) {}

  /** Starts a conversation: the agent greets and asks its first question. */
  @Post()
  @ZodResponse({ status: 201, type: StoryConversationDto })
  start(@CurrentUser() user: AuthUser, @Body() _body: StartConversationDto): Promise<StoryConversation> {
    return this.conversations.start(user);
  }

  /** My last transcripts (default 5, at most 50), newest activity first, each with the requirements it produced. */
  @Get()
  @ZodResponse({ status: 200, type: ConversationHistoryDto })
  async history(@CurrentUser() user: AuthUser, @Query() query: ConversationHistoryQueryDto): Promise<ConversationHistory> {
    return { items: await this.conversations.history(user, query.limit) };
  }

  /** The transcript, the requirements with their version, whether "Make my story" is possible and what is missing. */
  @Get(':id')
  @ZodResponse({ status: 200, type: StoryConversationDto })
  get(@CurrentUser() user: AuthUser, @Param() params: ConversationIdParams): Promise<StoryConversation> {
    return this.conversations.get(user, params.id);
  }

  /**
   * Says something to the agent. The requirements are updated at once
   * (pushed as `conversation:requirements`); the reply is a generation
   * (kind `create.agent`): follow it with `generation:delta` / `generation:entry` or
   * `/api/generations/:id/stream`, stop it with `/api/generations/:id/stop`.
   * 409 while the previous reply is still being written.
   */
  @Post(':id/messages')
  @ZodResponse({ status: 202, type: ConversationMessageAcceptedDto })
  send(@CurrentUser() user: AuthUser, @Param() params: ConversationIdParams, @Body() body: SendConversationMessageDto): Promise<ConversationMessageAccepted> {
    return this.turns.send(user, params.id, body.text);
  }

  /** A hand edit of the requirements, from `baseVersion`; 409 with the current ones when they changed meanwhile. */
  @Patch(':id/requirements')
  @ZodResponse({ status: 200, type: ConversationRequirementsStateDto })
  updateRequirements(@CurrentUser() user: AuthUser, @Param() params: ConversationIdParams, @Body() body: UpdateConversationRequirementsDto): Promise<ConversationRequirementsState> {
    return this.conversations.updateRequirements(user, params.id, body.requirements, body.baseVersion);
  }

  /** One of the agent's replies read aloud: a narration step (kind `create.agent.narration`) whose `media` entries are MP3 pieces. */
  @Post(':id/messages/:messageId/narration')
  @ZodResponse({ status: 202, type: ConversationNarrationAcceptedDto })
  narrate(@CurrentUser() user: AuthUser, @Param() params: ConversationMessageParams): Promise<ConversationNarrationAccepted> {
    return this.conversations.narrate(user, params.id, params.messageId);
  }

  /** Removes the conversation (a reply being written is stopped); stories made from it stay. */
  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentUser() user: AuthUser, @Param() params: ConversationIdParams): Promise<void> {
    await this.conversations.delete(user, params.id);
  }
}
