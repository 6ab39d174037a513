import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pacedLoad } from './paced-load';

describe('pacedLoad', () => {
  let server: Server;
  let url: string;
  const bodies: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.statusCode = bodies.length % 10 === 0 ? 400 : 201;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/items`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends rate × duration requests, the bodies in turn, and counts every answer by status', async () => {
    const r = await pacedLoad({
      url,
      headers: { 'content-type': 'application/json' },
      bodies: ['{"title":"t"}', '{"title":"u"}', '{"title":"v"}'],
      connections: 4,
      rate: 100,
      durationS: 0.3,
      timeoutS: 5,
    });
    expect(r.sent).toBe(30);
    expect(bodies).toHaveLength(30);
    for (const title of ['t', 'u', 'v']) {
      expect(bodies.filter((b) => b === `{"title":"${title}"}`)).toHaveLength(10);
    }
    expect(r.statuses.get(201)).toBe(27);
    expect(r.statuses.get(400)).toBe(3);
    expect(r.errors).toBe(0);
    expect(r.latenciesMs).toHaveLength(30);
  });
});
