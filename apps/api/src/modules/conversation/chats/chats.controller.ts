import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ChatAllowance, ChatDetail, ChatSummary } from '@storyos/contracts';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/guards/auth.decorators';
import { ChatAccess } from './chat-access';
import { ChatsService } from './chats.service';
import { ChatAllowanceDto, ChatDetailDto, ChatIdParamsDto, ChatIdQueryDto, ChatSummaryDto, PostChatRequestDto, UpdateChatVisibilityDto } from '../conversation.dto';
import { ChatAllowanceService } from '../replies/chat-allowance.service';
import { ChatRepliesService } from '../replies/chat-replies.service';
import { ReplyStreamResponder } from '../stream/reply-stream-responder';

@ApiTags('chat')
@ApiBearerAuth()
@Controller('chat')
export class ChatsController {
  constructor(
    private readonly replies: ChatRepliesService,
    private readonly chats: ChatsService,
    private readonly access: ChatAccess,
    private readonly allowance: ChatAllowanceService,
    private readonly responder: ReplyStreamResponder,
  ) {}

  /**
   * Sends a message (creating the chat on its first) and answers with the
   * reply as the AI SDK's UI message stream (Server-Sent Events, header
   * `x-vercel-ai-ui-message-stream: v1`). A message id the chat already has
   * edits that message: the messages after it go and the reply is written again.
   * Closing the connection does not stop the reply; `GET /api/chat/:id/stream` resumes it.
   */
  @Post()
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'The reply, as UI message stream chunks, then `[DONE]`.' })
  @ApiResponse({ status: 403, description: 'Someone else’s public chat: read-only.' })
  @ApiResponse({ status: 409, description: 'A reply is still being written in this chat.' })
  @ApiResponse({ status: 429, description: 'The day’s messages are used up (Retry-After).' })
  async post(@CurrentUser() user: AuthUser, @Body() body: PostChatRequestDto, @Res() response: Response): Promise<void> {
    const { replyId, started } = await this.replies.post(user, body);
    await this.responder.respond(user, replyId, response, started);
  }

  /** Deletes one of my chats with its messages, votes and documents; a reply being written stops. */
  @Delete()
  @ZodResponse({ status: 200, type: ChatSummaryDto })
  delete(@CurrentUser() user: AuthUser, @Query() query: ChatIdQueryDto): Promise<ChatSummary> {
    return this.chats.delete(user, query.id);
  }

  /** Chat messages I may still send today. */
  @Get('allowance')
  @ZodResponse({ status: 200, type: ChatAllowanceDto })
  getAllowance(@CurrentUser() user: AuthUser): Promise<ChatAllowance> {
    return this.allowance.status(user);
  }

  /** A chat with its messages: mine, or anyone's public one (read-only). */
  @Get(':id')
  @ZodResponse({ status: 200, type: ChatDetailDto })
  get(@CurrentUser() user: AuthUser, @Param() params: ChatIdParamsDto): Promise<ChatDetail> {
    return this.chats.detail(user, params.id);
  }

  /**
   * The reply being written, from its start, as the UI message stream; 204
   * when nothing is being written (what the AI SDK's resume expects).
   */
  @Get(':id/stream')
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'The active reply, from its start.' })
  @ApiResponse({ status: 204, description: 'No reply is being written.' })
  async resume(@CurrentUser() user: AuthUser, @Param() params: ChatIdParamsDto, @Res() response: Response): Promise<void> {
    const chat = await this.access.readable(user, params.id);
    if (!chat.activeMessageId) return void response.status(204).end();
    await this.responder.respond(user, chat.activeMessageId, response);
  }

  /** Stops the reply being written; its text so far is kept. */
  @Post(':id/stop')
  @HttpCode(204)
  async stop(@CurrentUser() user: AuthUser, @Param() params: ChatIdParamsDto): Promise<void> {
    await this.chats.stop(user, params.id);
  }

  /** Makes my chat public (readable by link) or private again; its pictures follow. */
  @Patch(':id/visibility')
  @ZodResponse({ status: 200, type: ChatSummaryDto })
  setVisibility(@CurrentUser() user: AuthUser, @Param() params: ChatIdParamsDto, @Body() body: UpdateChatVisibilityDto): Promise<ChatSummary> {
    return this.chats.setVisibility(user, params.id, body.visibility);
  }
}
