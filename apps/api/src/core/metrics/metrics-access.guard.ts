import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { InjectConfig } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { AppError } from '../errors/app-error';

/**
 * `/metrics` as configured: open, behind the Prometheus bearer token
 * (`METRICS_TOKEN`, as in a scrape config's `authorization.credentials`), or off.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const { access, token } = this.config.metrics;
    if (access === 'public') return true;
    if (access === 'off' || !token) throw new AppError('NOT_FOUND', 'Metrics are not served here.');
    const presented = /^Bearer (.+)$/i.exec(context.switchToHttp().getRequest<Request>().header('authorization') ?? '')?.[1];
    if (!presented || !sameSecret(presented, token)) throw AppError.unauthenticated('The metrics endpoint needs its bearer token.');
    return true;
  }
}

/** Compares digests, so neither the length nor the content leaks through timing. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
