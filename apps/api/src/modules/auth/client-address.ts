import type { Request } from 'express';

/** The caller's address as Express sees it (the proxy's client address when TRUST_PROXY is set). */
export const clientAddress = (request: Request): string => request.ip ?? 'unknown';
