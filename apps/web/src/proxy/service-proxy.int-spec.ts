import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually } from '@app/testing';
import { serviceProxy } from './service-proxy';

/**
 * The proxy between real HTTP servers on loopback: an upstream that echoes requests and streams server-sent
 * events, and the proxy itself, as the web server mounts it.
 */
describe('service proxy (real sockets)', () => {
  let upstream: Server;
  let proxy: Server;
  let proxyUrl: string;
  let streamClosed = false;
  let pushEvent: ((data: string) => void) | undefined;

  const listen = (server: Server) =>
    new Promise<string>((resolve) =>
      server.listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      ),
    );

  beforeAll(async () => {
    upstream = createServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url?.startsWith('/api/v1/events/stream')) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.write(': connected\n\n');
        pushEvent = (data) => res.write(`data: ${data}\n\n`);
        req.on('close', () => (streamClosed = true));
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json', 'x-upstream': 'yes' });
        res.end(
          JSON.stringify({
            method: req.method,
            url: req.url,
            body: Buffer.concat(chunks).toString(),
            authorization: req.headers.authorization,
            forwardedFor: req.headers['x-forwarded-for'],
          }),
        );
      });
    });
    const upstreamUrl = await listen(upstream);
    const handle = serviceProxy({ intake: upstreamUrl, router: 'http://127.0.0.1:9', tracking: upstreamUrl });
    // Express strips the /svc mount before the proxy sees the URL; do the same here.
    proxy = createServer((req, res) => {
      req.url = (req.url ?? '').replace(/^\/svc/, '');
      handle(req, res);
    });
    proxyUrl = await listen(proxy);
  });

  afterAll(async () => {
    await new Promise((r) => proxy.close(r));
    upstream.closeAllConnections();
    await new Promise((r) => upstream.close(r));
  });

  it('passes method, path, query, body and headers through and the answer back', async () => {
    const res = await fetch(`${proxyUrl}/svc/intake/api/v1/items?x=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer abc', 'content-type': 'application/json' },
      body: '{"title":"电动车被盗"}',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-upstream')).toBe('yes');
    expect(await res.json()).toEqual({
      method: 'POST',
      url: '/api/v1/items?x=1',
      body: '{"title":"电动车被盗"}',
      authorization: 'Bearer abc',
      forwardedFor: '127.0.0.1',
    });
  });

  it('delivers each server-sent event as it is written, and closes the upstream when the browser leaves', async () => {
    const abort = new AbortController();
    const res = await fetch(`${proxyUrl}/svc/tracking/api/v1/events/stream?access_token=t`, {
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    await eventually('the stream to open upstream', () => Promise.resolve(pushEvent), {});
    pushEvent!('{"type":"ItemOffered","receiptNo":"YM-1"}');
    while (!received.includes('ItemOffered')) {
      const { value } = await reader.read();
      received += decoder.decode(value as Uint8Array);
    }
    expect(received).toContain('data: {"type":"ItemOffered","receiptNo":"YM-1"}');
    abort.abort();
    await eventually('the upstream stream to close', () => Promise.resolve(streamClosed || undefined));
  });

  it('answers unknown services with 404 and unreachable ones with 502, in the standard error shape', async () => {
    const unknown = await fetch(`${proxyUrl}/svc/billing/api/v1/x`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'ROUTE.NOT_FOUND', details: [] } });
    const down = await fetch(`${proxyUrl}/svc/router/api/v1/routing/preview`, { method: 'POST', body: '{}' });
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ error: { code: 'UPSTREAM.UNAVAILABLE' } });
  });
});
