import { Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { errorBody } from '@app/http';
import {
  forwardedRequestHeaders,
  forwardedResponseHeaders,
  upstreamFor,
  type Upstreams,
} from './upstream-route';

/** Mount point of the service proxy; the SPA calls `/svc/<service>/api/…`. */
export const PROXY_MOUNT = '/svc';

type ProxyRequest = IncomingMessage & { ip?: string; protocol?: string };

/**
 * Streams a browser request to one of the services and the answer back, byte for byte: bodies are never
 * parsed or buffered here, so uploads keep their limits at the service and server-sent events arrive as they
 * are written. Express strips the mount point, so `req.url` is `/<service>/…`.
 */
export function serviceProxy(upstreams: Upstreams) {
  const agents = { http: new Agent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  return (req: ProxyRequest, res: ServerResponse): void => {
    const target = upstreamFor(req.url ?? '/', upstreams);
    if (!target) {
      send(res, 404, errorBody('ROUTE.NOT_FOUND', '请求的地址不存在', 'Not found'));
      return;
    }
    const secure = target.url.protocol === 'https:';
    const upstream = (secure ? httpsRequest : httpRequest)(target.url, {
      method: req.method,
      headers: forwardedRequestHeaders(req.headers, {
        ip: req.ip ?? req.socket.remoteAddress,
        host: req.headers.host,
        protocol: req.protocol ?? 'http',
      }),
      agent: secure ? agents.https : agents.http,
    });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, forwardedResponseHeaders(answer.headers));
      // Event streams must reach the browser per event, not per filled buffer.
      if (String(answer.headers['content-type']).startsWith('text/event-stream')) res.flushHeaders();
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      send(
        res,
        502,
        errorBody(
          'UPSTREAM.UNAVAILABLE',
          `${target.service} 服务暂不可用，请稍后再试`,
          `The ${target.service} service is unavailable`,
        ),
      );
    });
    // A browser that goes away (closed tab, ended event stream) releases the upstream connection too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
