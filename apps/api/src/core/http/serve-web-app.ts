import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const API_PATHS = /^\/(api|metrics|socket\.io)(\/|$)/;

/** Serves the built web app with a fallback to index.html for client-side routes. */
export function serveWebApp(app: NestExpressApplication, distDir: string): void {
  const root = resolve(distDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) throw new Error(`WEB_DIST_DIR has no index.html: ${root}. Build the web app first (npm run build).`);
  app.useStaticAssets(root, { index: false, maxAge: '1h', setHeaders: (res, path) => immutableAssets(res, path) });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || API_PATHS.test(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}

function immutableAssets(response: Response, path: string): void {
  if (path.includes(`${join('/', 'assets', '/')}`)) response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
