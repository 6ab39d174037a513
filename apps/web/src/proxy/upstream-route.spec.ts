import { forwardedRequestHeaders, forwardedResponseHeaders, upstreamFor } from './upstream-route';

const upstreams = {
  intake: 'http://127.0.0.1:3001',
  router: 'http://127.0.0.1:3002',
  tracking: 'http://10.0.0.3:3003',
};

describe('upstream routes of the web proxy', () => {
  it.each([
    ['/intake/api/v1/items', 'http://127.0.0.1:3001/api/v1/items'],
    ['/router/api/v1/routing/preview', 'http://127.0.0.1:3002/api/v1/routing/preview'],
    [
      '/tracking/api/v1/public/status?receiptNo=YM-1&phoneLast4=0000',
      'http://10.0.0.3:3003/api/v1/public/status?receiptNo=YM-1&phoneLast4=0000',
    ],
    ['/tracking', 'http://10.0.0.3:3003/'],
  ])('%s → %s', (path, url) => {
    expect(upstreamFor(path, upstreams)?.url.href).toBe(url);
  });

  it.each(['/', '/billing/api', '/intake/../tracking/x', '/intake/./x', 'intake/api', '//evil.example/x'])(
    'has no target for %s',
    (path) => {
      expect(upstreamFor(path, upstreams)).toBeUndefined();
    },
  );

  it('forwards end-to-end headers, drops hop-by-hop ones and states the resolved client address', () => {
    const headers = forwardedRequestHeaders(
      {
        host: 'web:3000',
        connection: 'keep-alive',
        authorization: 'Bearer t',
        'idempotency-key': 'k1',
        'x-forwarded-for': '203.0.113.9',
      },
      { ip: '10.1.1.1', host: 'web:3000', protocol: 'https' },
    );
    expect(headers).toEqual({
      authorization: 'Bearer t',
      'idempotency-key': 'k1',
      'x-forwarded-for': '10.1.1.1',
      'x-forwarded-host': 'web:3000',
      'x-forwarded-proto': 'https',
    });
    expect(
      forwardedResponseHeaders({ 'transfer-encoding': 'chunked', 'content-type': 'text/event-stream' }),
    ).toEqual({
      'content-type': 'text/event-stream',
    });
  });
});
