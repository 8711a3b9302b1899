import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import type { AppConfig } from '../config/app-config';
import { AppError } from '../errors/app-error';
import { toErrorBody } from '../errors/to-error-body';
import { APP_VERSION } from '../health/app-version';
import { AccessVerifier, bearerToken } from './access-verifier';
import { requestIdOf } from './request-id';

/** The Swagger UI and every form of the document: /api/docs, /api/docs/openapi.json, /api/docs-json, /api/docs-yaml. */
const DOCS_PATH = /^\/api\/docs(?:[-/.]|$)/;

/**
 * OpenAPI generated from the zod contracts, for third-party and mobile
 * clients; served to everyone, to admins only, or not at all (API_DOCS_ACCESS).
 */
export function setUpOpenApi(app: INestApplication, config: AppConfig): void {
  if (config.http.docsAccess === 'off') return;
  if (config.http.docsAccess === 'admin') app.use(adminsOnly(app.get(AccessVerifier)));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('StoryOS API')
      .setDescription('Every error body is { code, message, details?, requestId }.')
      .setVersion(APP_VERSION)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs/openapi.json' });
}

/** Lets the docs through only with an admin's access token (`Authorization: Bearer …`). */
function adminsOnly(accessTokens: AccessVerifier) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!DOCS_PATH.test(request.path)) return next();
    const token = bearerToken(request.header('authorization'));
    const refuse = (error: unknown): void => {
      const rendered = toErrorBody(error, requestIdOf(request));
      response.set(rendered.headers).status(rendered.status).json(rendered.body);
    };
    if (!token) return refuse(AppError.unauthenticated('The API documentation is for administrators: sign in as one and send your access token.'));
    accessTokens.verify(token).then(
      ({ user }) => (user.role === 'admin' ? next() : refuse(AppError.forbidden('The API documentation is for administrators only.'))),
      refuse,
    );
  };
}
