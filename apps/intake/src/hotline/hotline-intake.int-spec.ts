import request from 'supertest';
import { DataSource } from 'typeorm';
import { signRequest } from '../domain/request-signature';
import { startIntake, validItem, type IntakeUnderTest } from '../testing/intake-under-test';

const SECRET = 'int-test-12345-secret-0123';

/** Hotline push (热线): HMAC-signed, (platform, externalId) idempotent, refused with 401 when not trusted. */
describe('hotline POST /api/v1/hotline/items', () => {
  let intake: IntakeUnderTest;

  beforeAll(async () => {
    intake = await startIntake('intake_hotline', {
      HOTLINE_SECRETS: `12345:${SECRET},12368:int-test-12368-secret-0123`,
    });
  });

  afterAll(async () => {
    await intake?.stop();
  });

  const hotlineItem = (externalId: string, patch: object = {}) => ({ ...validItem(), externalId, ...patch });

  function send(
    body: object | string,
    options: { platform?: string; secret?: string; at?: number; signature?: string } = {},
  ) {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const timestamp = String(options.at ?? Date.now());
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-yimen-platform': options.platform ?? '12345',
      'x-yimen-timestamp': timestamp,
      'x-yimen-signature': options.signature ?? signRequest(options.secret ?? SECRET, timestamp, raw),
    };
    return request(intake.server).post('/api/v1/hotline/items').set(headers).send(raw);
  }

  const countByExternalId = async (externalId: string) =>
    (
      await intake.app
        .get(DataSource)
        .query<{ n: string }[]>('SELECT count(*) AS n FROM items WHERE external_id = $1', [externalId])
    )[0]?.n;

  it('accepts a signed item, recorded with channel, platform and external id', async () => {
    const res = await send(hotlineItem('12345-A-1'));
    expect(res.status).toBe(201);
    const rows = await intake.app
      .get(DataSource)
      .query<{ channel: string; platform: string }[]>(
        'SELECT channel, platform FROM items WHERE external_id = $1',
        ['12345-A-1'],
      );
    expect(rows).toEqual([{ channel: 'hotline', platform: '12345' }]);
  });

  it('answers a replayed request (same external id) with the original receipt and 200, one item only', async () => {
    const first = await send(hotlineItem('12345-A-2'));
    const replay = await send(hotlineItem('12345-A-2'));
    const resentLater = await send(hotlineItem('12345-A-2', { title: '平台重推，内容略改' }));
    expect([first.status, replay.status, resentLater.status]).toEqual([201, 200, 200]);
    expect(replay.body).toEqual(first.body);
    expect(resentLater.body).toEqual(first.body);
    expect(await countByExternalId('12345-A-2')).toBe('1');
  });

  it('keeps external ids of different platforms apart', async () => {
    const a = await send(hotlineItem('SHARED-1'));
    const b = await send(hotlineItem('SHARED-1'), {
      platform: '12368',
      secret: 'int-test-12368-secret-0123',
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await countByExternalId('SHARED-1')).toBe('2');
  });

  it.each([
    ['unsigned', () => request(intake.server).post('/api/v1/hotline/items').send(hotlineItem('X-1'))],
    ['wrongly signed', () => send(hotlineItem('X-2'), { secret: 'not-the-platform-secret' })],
    ['stale (6 minutes old)', () => send(hotlineItem('X-3'), { at: Date.now() - 6 * 60_000 })],
    ['from the future (6 minutes ahead)', () => send(hotlineItem('X-4'), { at: Date.now() + 6 * 60_000 })],
    ['from an unknown platform', () => send(hotlineItem('X-5'), { platform: '99999' })],
    ['signed for a different body', () => send(hotlineItem('X-6'), { signature: 'ab'.repeat(32) })],
  ])('refuses a request %s with 401 and writes nothing', async (_, attempt) => {
    const res = await attempt();
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'AUTH.BAD_SIGNATURE', message: expect.any(String) } });
    const total = await intake.app
      .get(DataSource)
      .query<{ n: string }[]>("SELECT count(*) AS n FROM items WHERE external_id LIKE 'X-%'");
    expect(total[0]?.n).toBe('0');
  });

  it('validates a signed body with the same rules as every channel', async () => {
    const res = await send(hotlineItem('12345-A-3', { citizen: { name: '李四', mobile: '1380013800' } }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { details: [{ field: 'citizen.mobile', rule: 'isMobilePhone' }] },
    });
    const missingId = await send(validItem());
    expect(missingId.status).toBe(400);
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await send(hotlineItem('12345-A-4', { description: '诉'.repeat(100_000) }));
    expect(res.status).toBe(413);
  });
});
