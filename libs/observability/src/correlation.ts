import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { CORRELATION_HEADER } from './logging.module';

/** The correlation id of an HTTP request (set by the logger's request id), to be carried onto events. */
export function correlationIdOf(req: Request): string {
  const id = (req as Request & { id?: unknown }).id;
  if (typeof id === 'string') return id;
  const header = req.headers[CORRELATION_HEADER];
  return typeof header === 'string' ? header : randomUUID();
}
