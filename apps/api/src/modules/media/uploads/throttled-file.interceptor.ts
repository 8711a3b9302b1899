import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { finalize, from, switchMap, type Observable } from 'rxjs';
import type { AuthUser } from '../../auth/auth-user';
import type { UploadThrottle } from './upload-throttle';

/**
 * Admits an upload through the user's throttle first (a flood is refused
 * before it is read), then reads its one file; the slot is given back when
 * the request ends, however it ends.
 */
export abstract class ThrottledFileInterceptor implements NestInterceptor {
  protected constructor(
    private readonly throttle: UploadThrottle,
    private readonly read: (request: Request, response: Response) => Promise<void>,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user: AuthUser }>();
    const response = http.getResponse<Response>();
    return from(this.admitAndRead(request, response)).pipe(switchMap((release) => next.handle().pipe(finalize(() => void release()))));
  }

  private async admitAndRead(request: Request & { user: AuthUser }, response: Response): Promise<() => Promise<void>> {
    const release = await this.throttle.admit(request.user.id);
    try {
      await this.read(request, response);
      return release;
    } catch (error) {
      await release();
      throw error;
    }
  }
}
