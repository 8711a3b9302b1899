import { Injectable } from '@nestjs/common';
import { mediaIdOfUrl } from '@storyos/contracts';
import { MediaService } from '../../media/media.service';
import type { ChatMessageEntity } from '../entities/chat-message.entity';

/**
 * Messages whose pictures a vision model is shown: the latest few. Each
 * picture costs a model hundreds of tokens or more, and a chat's old
 * pictures rarely matter to its next reply.
 */
export const SEEN_PICTURE_MESSAGES = 3;

/** The pictures of chat messages as a vision model takes them: data URLs of the stored bytes (the model's server need not reach us). */
@Injectable()
export class ChatPictures {
  constructor(private readonly media: MediaService) {}

  async dataUrlsOf(message: Pick<ChatMessageEntity, 'parts'>): Promise<string[]> {
    const urls: string[] = [];
    for (const part of message.parts) {
      if (part.type !== 'file') continue;
      const id = mediaIdOfUrl(part.url);
      // A picture deleted since keeps its place in the text ("attached"), not in what the model sees.
      const file = id ? await this.media.bytesOf(id) : null;
      if (file) urls.push(`data:${file.contentType};base64,${file.bytes.toString('base64')}`);
    }
    return urls;
  }
}
