import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Browsers may call the APIs only from the configured origins (exact match); other origins get no CORS
 * headers. Staff authenticate with bearer tokens, never cookies, so credentials stay off. API answers carry
 * personal data, so no browser or proxy may keep a copy (`Cache-Control: no-store`).
 */
export function installCors(app: INestApplication, origins: readonly string[]): void {
  app.enableCors({
    origin: [...origins],
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
}

function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
