import { Injectable } from '@nestjs/common';
import type { ResolveSuggestionRequest, ResolveSuggestionResponse, Suggestion } from '@storyos/contracts';
import type { SuggestionDraft } from '@storyos/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { ChatErrors } from '../conversation.errors';
import type { ChatDocumentEntity } from '../entities/chat-document.entity';
import { ChatSuggestionEntity } from '../entities/chat-suggestion.entity';
import { toDocumentVersion, toSuggestion } from './document.mapper';
import { DocumentVersions } from './document-versions';
import { DocumentsService } from './documents.service';

/** Suggestions for a document: made by the requestSuggestions tool, accepted (as a new version) or rejected by the owner. */
@Injectable()
export class SuggestionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: DocumentVersions,
    private readonly documents: DocumentsService,
  ) {}

  /** Stores the drafts whose sentence is in the version they were made for. */
  async store(manager: EntityManager, version: ChatDocumentEntity, drafts: readonly SuggestionDraft[]): Promise<Suggestion[]> {
    const fitting = drafts.filter((draft) => version.content.includes(draft.originalSentence));
    const rows = await manager.save(
      fitting.map((draft) =>
        manager.create(ChatSuggestionEntity, {
          documentId: version.id,
          documentCreatedAt: version.createdAt,
          userId: version.userId,
          originalText: draft.originalSentence,
          suggestedText: draft.suggestedSentence,
          description: draft.description,
          isResolved: false,
        }),
      ),
    );
    return rows.map(toSuggestion);
  }

  async list(user: AuthUser, documentId: string): Promise<Suggestion[]> {
    await this.documents.list(user, documentId);
    const rows = await this.dataSource.manager.find(ChatSuggestionEntity, { where: { documentId }, order: { createdAt: 'ASC' } });
    return rows.map(toSuggestion);
  }

  /** Accept: the sentence is replaced in the newest version, as a new version. Reject: it is only marked resolved. */
  async resolve(user: AuthUser, id: string, { action }: ResolveSuggestionRequest): Promise<ResolveSuggestionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const suggestion = await manager.findOne(ChatSuggestionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!suggestion) throw ChatErrors.suggestionNotFound();
      const latest = await this.versions.latest(manager, suggestion.documentId);
      if (!latest || !(await this.documents.canRead(user, latest))) throw ChatErrors.suggestionNotFound();
      if (latest.userId !== user.id) throw ChatErrors.documentReadOnly();
      if (suggestion.isResolved) throw ChatErrors.suggestionResolved();
      let document = null;
      if (action === 'accept') {
        const at = latest.content.indexOf(suggestion.originalText);
        if (at < 0) throw ChatErrors.suggestionOutdated();
        const content = latest.content.slice(0, at) + suggestion.suggestedText + latest.content.slice(at + suggestion.originalText.length);
        document = toDocumentVersion(await this.versions.add(manager, { id: latest.id, chatId: latest.chatId, userId: latest.userId, title: latest.title, kind: latest.kind, content }));
      }
      await manager.update(ChatSuggestionEntity, { id }, { isResolved: true });
      return { suggestion: toSuggestion({ ...suggestion, isResolved: true }), document };
    });
  }
}
