import type { INestApplication } from '@nestjs/common';
import type { Application, NextFunction, Request, Response } from 'express';

export interface HttpEdgeOptions {
  /** Browser origins allowed to call the API (exact match). */
  corsOrigins: readonly string[];
  /** Express "trust proxy" (TRUST_PROXY): whose X-Forwarded-For gives the client address. */
  trustProxy: string;
}

/**
 * The client's address: only proxies named by TRUST_PROXY may set it through X-Forwarded-For.
 * Browsers may call the APIs only from the configured origins (exact match); other origins get no CORS
 * headers. Staff authenticate with bearer tokens, never cookies, so credentials stay off. API answers carry
 * personal data, so no browser or proxy may keep a copy (`Cache-Control: no-store`).
 */
export function installHttpEdge(app: INestApplication, options: HttpEdgeOptions): void {
  // Throttles and the audit log key on req.ip.
  (app.getHttpAdapter().getInstance() as Application).set(
    'trust proxy',
    trustProxySetting(options.trustProxy),
  );
  app.enableCors({
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
}

function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/** TRUST_PROXY as Express wants it: false, a hop count, or the list of trusted proxies. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
