import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { static as serveStatic } from 'express';

/** Paths the server answers itself (health probes, the service proxy), never with the SPA's page. */
const SERVER_PATHS = ['/health/', '/svc/', '/api/'];

/**
 * The built single-page app: hashed assets cached for a year, and `index.html` (never cached) for every other
 * GET that asks for a page, so client-side routes such as /desk survive a reload.
 */
export function spaAssets(root: string) {
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`WEB_ROOT ${root} has no index.html — run npm run build first`);
  }
  const assets = serveStatic(root, {
    index: false,
    setHeaders: (res, path) => {
      res.setHeader(
        'cache-control',
        path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const fallback = (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html')) return next();
    if (SERVER_PATHS.some((prefix) => req.path.startsWith(prefix))) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  };
  return [assets, fallback];
}
