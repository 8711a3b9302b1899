import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RealtimePublisherModule } from '../../core/realtime/realtime-publisher.module';
import { AuthModule } from '../auth/auth.module';
import { GenerationModule } from '../generation/generation.module';
import { GenerationHandlers } from '../generation/handlers/generation-handlers';
import { MediaModule } from '../media/media.module';
import { AgentGateway } from './agent/agent.gateway';
import { AgentNarrationHandler } from './agent/agent-narration.handler';
import { AgentReplyHandler } from './agent/agent-reply.handler';
import { AgentTurns } from './agent/agent-turns.service';
import { RequirementsFollowUp } from './agent/requirements-follow-up';
import { RequirementsPublisher } from './agent/requirements-publisher';
import { RequirementsStepHandler } from './agent/requirements-step.handler';
import { StoryConversationMessageEntity } from './agent/story-conversation-message.entity';
import { StoryConversationViews } from './agent/story-conversation-views';
import { StoryConversationEntity } from './agent/story-conversation.entity';
import { StoryConversationsController } from './agent/story-conversations.controller';
import { StoryConversationsService } from './agent/story-conversations.service';
import { ChatAccess } from './chats/chat-access';
import { ChatsController } from './chats/chats.controller';
import { ChatsService } from './chats/chats.service';
import { HistoryController } from './chats/history.controller';
import { DocumentVersions } from './documents/document-versions';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { SuggestionsService } from './documents/suggestions.service';
import { ChatDocumentEntity } from './entities/chat-document.entity';
import { ChatMessageEntity } from './entities/chat-message.entity';
import { ChatSuggestionEntity } from './entities/chat-suggestion.entity';
import { ChatVoteEntity } from './entities/chat-vote.entity';
import { ChatEntity } from './entities/chat.entity';
import { FilesController } from './files/files.controller';
import { ChatAllowanceService } from './replies/chat-allowance.service';
import { ChatRepliesService } from './replies/chat-replies.service';
import { ChatModelAbilities } from './replies/chat-model-abilities';
import { ChatPictures } from './replies/chat-pictures';
import { ReplyFollowUps } from './replies/reply-follow-ups';
import { ChatReplyHandler } from './replies/chat-reply.handler';
import { ChatTitleHandler } from './replies/chat-title.handler';
import { DocumentStepHandler } from './replies/document-step.handler';
import { SuggestionsStepHandler } from './replies/suggestions-step.handler';
import { GenerationFollower } from './stream/generation-follower';
import { ReplyStream } from './stream/reply-stream';
import { ReplyStreamResponder } from './stream/reply-stream-responder';
import { VotesController } from './votes/votes.controller';
import { VotesService } from './votes/votes.service';

/**
 * Seed 003's chat: chats and their history, replies streamed in the AI
 * SDK's UI message protocol (each a generation of the pipeline), votes,
 * documents with versions and suggestions, and picture uploads; and seed
 * 002's Create agent, which gathers a story's requirements in conversation.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ChatEntity, ChatMessageEntity, ChatVoteEntity, ChatDocumentEntity, ChatSuggestionEntity, StoryConversationEntity, StoryConversationMessageEntity]),
    AuthModule,
    GenerationModule,
    MediaModule,
    RealtimePublisherModule,
  ],
  controllers: [ChatsController, HistoryController, VotesController, DocumentsController, FilesController, StoryConversationsController],
  providers: [
    ChatAccess,
    ChatsService,
    ChatRepliesService,
    ChatAllowanceService,
    DocumentVersions,
    DocumentsService,
    SuggestionsService,
    VotesService,
    ChatReplyHandler,
    ChatModelAbilities,
    ChatPictures,
    ReplyFollowUps,
    DocumentStepHandler,
    SuggestionsStepHandler,
    ChatTitleHandler,
    GenerationFollower,
    ReplyStream,
    ReplyStreamResponder,
    // Create (seed 002): the requirements agent.
    StoryConversationsService,
    StoryConversationViews,
    AgentTurns,
    AgentGateway,
    RequirementsPublisher,
    RequirementsFollowUp,
    AgentReplyHandler,
    RequirementsStepHandler,
    AgentNarrationHandler,
    // The generation module does not export these yet; this module keeps its own instances (one more reader connection per process).
  ],
})
export class ConversationModule implements OnModuleInit {
  constructor(
    private readonly handlers: GenerationHandlers,
    private readonly reply: ChatReplyHandler,
    private readonly document: DocumentStepHandler,
    private readonly suggestions: SuggestionsStepHandler,
    private readonly title: ChatTitleHandler,
    private readonly agentReply: AgentReplyHandler,
    private readonly requirementsStep: RequirementsStepHandler,
    private readonly agentNarration: AgentNarrationHandler,
  ) {}

  onModuleInit(): void {
    this.handlers.register('chat.reply', this.reply);
    this.handlers.register('chat.document', this.document);
    this.handlers.register('chat.suggestions', this.suggestions);
    this.handlers.register('chat.title', this.title);
    this.handlers.register('create.agent', this.agentReply);
    this.handlers.register('create.requirements', this.requirementsStep);
    this.handlers.register('create.agent.narration', this.agentNarration);
  }
}
