import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { installBodyParsers } from './body-parsing';
import { ErrorFilter } from './error.filter';
import { RejectControlCharactersPipe } from './control-characters.pipe';
import { createValidationPipe } from './validation.pipe';

export interface HttpAppOptions {
  title: string;
  description: string;
  bodyLimit: string;
  /** Browser origins allowed to call the API (exact match). */
  corsOrigins: readonly string[];
}

/**
 * Everything every service's HTTP side shares: security headers, CORS for the configured origins, body
 * limits, the error shape, validation and OpenAPI docs at /api/docs (JSON at /api/docs-json).
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  app.use(helmet());
  app.enableCors({
    // Exact origins only; staff authenticate with bearer tokens, never cookies, so no credentials.
    origin: [...options.corsOrigins],
    credentials: false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'Idempotency-Key',
      'X-Correlation-Id',
      'X-Yimen-Platform',
      'X-Yimen-Timestamp',
      'X-Yimen-Signature',
    ],
    exposedHeaders: ['X-Correlation-Id', 'Retry-After', 'Content-Disposition'],
    maxAge: 600,
  });
  app.use('/api', noStore);
  installBodyParsers(app, options.bodyLimit);
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalPipes(new RejectControlCharactersPipe(), createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Signature' }, 'hmac')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
}

/** API answers carry personal data: no browser or proxy may keep a copy. */
function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
