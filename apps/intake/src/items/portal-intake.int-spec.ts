import request from 'supertest';
import { DataSource } from 'typeorm';
import { startIntake, validItem, type IntakeUnderTest } from '../testing/intake-under-test';

/** The public web form: no login, smaller body limit, Idempotency-Key, per-IP rate limit. */
describe('web portal POST /api/v1/portal/items', () => {
  let intake: IntakeUnderTest;
  const LIMIT = 6;

  beforeAll(async () => {
    intake = await startIntake('intake_portal', {
      PORTAL_RATE_LIMIT: String(LIMIT),
      PORTAL_BODY_LIMIT: '8kb',
      TRUST_PROXY: 'loopback',
    });
  });

  afterAll(async () => {
    await intake?.stop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    request(intake.server)
      .post('/api/v1/portal/items')
      .set(headers)
      .send(body as object);

  it('accepts a citizen’s form without login, recorded as channel web', async () => {
    const res = await post(validItem());
    expect(res.status).toBe(201);
    const rows = await intake.app
      .get(DataSource)
      .query<{ channel: string }[]>('SELECT channel FROM items WHERE receipt_no = $1', [
        (res.body as { receiptNo: string }).receiptNo,
      ]);
    expect(rows[0]?.channel).toBe('web');
  });

  it('answers a repeated Idempotency-Key with the original receipt and 200', async () => {
    const first = await post(validItem(), { 'idempotency-key': 'portal-1' });
    const again = await post(validItem(), { 'idempotency-key': 'portal-1' });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
  });

  it('refuses a body over the portal limit with 413 in the error shape, though the window would take it', async () => {
    const res = await post({ ...validItem(), description: '诉'.repeat(3000) }); // ~9 kB of UTF-8
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: 'REQUEST.TOO_LARGE' } });
  });

  it('refuses unknown fields', async () => {
    const res = await post({ ...validItem(), isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { details: [{ field: 'isAdmin', rule: 'whitelistValidation' }] },
    });
  });

  it('limits submissions per client IP with 429 in the error shape', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await post({})).status);
    expect(statuses).toContain(429);
    const res = await post(validItem());
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ error: { code: 'REQUEST.RATE_LIMITED' } });
    expect(res.headers['retry-after']).toBeDefined();
    // another citizen behind the trusted proxy has a budget of their own
    const other = await post(validItem(), { 'x-forwarded-for': '203.0.113.7' });
    expect(other.status).toBe(201);
  });
});
