import type { INestApplication } from '@nestjs/common';
import { json, text, urlencoded, type NextFunction, type Request, type Response } from 'express';
import { bodyForStatus } from './error.filter';
import { errorBody } from './error-body';

export interface RawBodyRequest extends Request {
  rawBody?: Buffer;
}

/**
 * A different body limit under one path prefix: `form` for JSON and form bodies (e.g. a tighter limit on a
 * public form), `text` for raw text uploads of the given media types (e.g. CSV), which are parsed nowhere else.
 */
export type RouteBodyLimit =
  | { path: string; limit: string; kind: 'form' }
  | { path: string; limit: string; kind: 'text'; types: string[] };

/**
 * Our own body parsers (the app is created with `bodyParser: false`): they keep the raw bytes for signature
 * checks, and parser failures — oversized or malformed bodies — get the standard error shape instead of
 * Express's HTML page.
 */
export function installBodyParsers(
  app: INestApplication,
  limit: string,
  routeLimits: readonly RouteBodyLimit[] = [],
): void {
  const keepRaw = (req: RawBodyRequest, _res: unknown, buf: Buffer) => {
    req.rawBody = buf;
  };
  // Registered first: a body parsed here is skipped by the general parsers below.
  for (const route of routeLimits) {
    if (route.kind === 'form') {
      app.use(
        route.path,
        json({ limit: route.limit, verify: keepRaw, type: ['application/json', 'application/*+json'] }),
      );
      app.use(route.path, urlencoded({ limit: route.limit, extended: false, verify: keepRaw }));
    } else {
      app.use(route.path, text({ limit: route.limit, verify: keepRaw, type: route.types }));
    }
  }
  app.use(json({ limit, verify: keepRaw, type: ['application/json', 'application/*+json'] }));
  app.use(urlencoded({ limit, extended: false, verify: keepRaw }));
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!err || typeof err !== 'object') return next(err);
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.too.large' || e.status === 413) return res.status(413).json(bodyForStatus(413));
    if (e.type === 'entity.parse.failed') {
      return res
        .status(400)
        .json(errorBody('REQUEST.MALFORMED_JSON', '请求体不是有效的 JSON', 'Request body is not valid JSON'));
    }
    if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
      return res.status(415).json(bodyForStatus(415));
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return res.status(e.status).json(bodyForStatus(e.status));
    }
    return next(err);
  });
}
