import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../../../core/errors/app-error';
import type { AuthUser } from '../../auth/auth-user';
import { AccessTokenService } from '../../auth/tokens/access-token.service';

/**
 * Who is fetching media. Media routes are open to anyone for public media,
 * so the bearer token is optional there: read when present, and a bad one
 * counts as no one rather than blocking a public picture.
 */
@Injectable()
export class MediaViewer {
  constructor(private readonly tokens: AccessTokenService) {}

  async of(request: Request): Promise<{ user: AuthUser | null; presentedToken: boolean }> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) return { user: null, presentedToken: header !== undefined };
    try {
      return { user: (await this.tokens.verify(match[1]!)).user, presentedToken: true };
    } catch (error) {
      if (error instanceof AppError) return { user: null, presentedToken: true };
      throw error;
    }
  }
}
