import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { staffAuth } from '@app/testing';
import { startIntake, validItem, type IntakeUnderTest } from '../testing/intake-under-test';

/** Window intake (窗口) on real PostgreSQL and Kafka: validation, receipts, Idempotency-Key. */
describe('window intake POST /api/v1/items', () => {
  let intake: IntakeUnderTest;
  let app: INestApplication;

  beforeAll(async () => {
    intake = await startIntake('intake_window');
    app = intake.app;
  });

  afterAll(async () => {
    await intake?.stop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    request(intake.server)
      .post('/api/v1/items')
      .set({ ...staffAuth('clerk'), ...headers })
      .send(body as object);

  const rules = (res: request.Response) =>
    (res.body as { error: { details: { field: string; rule: string }[] } }).error.details.map(
      (d) => `${d.field}:${d.rule}`,
    );

  it('accepts a valid item with 201 and a readable receipt, area resolved to code and name', async () => {
    const res = await post(validItem());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ receiptNo: expect.stringMatching(/^YM-\d{8}-\d{6}-\d$/) });
    const rows = await app
      .get(DataSource)
      .query<{ payload: { location: object; source: object } }[]>(
        'SELECT payload FROM items WHERE receipt_no = $1',
        [(res.body as { receiptNo: string }).receiptNo],
      );
    expect(rows[0]?.payload.location).toMatchObject({ areaCode: '371402', areaName: '德城区' });
    expect(rows[0]?.payload.source).toMatchObject({ channel: 'window', enteredBy: 'clerk' });
  });

  it.each([
    [
      'an invalid mobile',
      { citizen: { name: '张三', mobile: '12345678901' } },
      'citizen.mobile:isMobilePhone',
    ],
    [
      'an ID card with a wrong check digit',
      { citizen: { name: '张三', mobile: '13800138000', idCard: '110105194912310021' } },
      'citizen.idCard:isIdentityCard',
    ],
    ['an unknown field', { priority: 'high' }, 'priority:whitelistValidation'],
    ['an unknown area', { location: { areaName: '海淀区' } }, 'location.areaName:isKnownArea'],
    ['a too long title', { title: '长'.repeat(101) }, 'title:maxLength'],
    [
      'an anonymous complaint',
      { requestType: 'complaint', citizen: { anonymous: true } },
      'citizen.anonymous:anonymousOnlyForReport',
    ],
  ])('refuses %s with 400 naming field and rule', async (_, patch, expected) => {
    const res = await post({ ...validItem(), ...patch });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: 'REQUEST.INVALID', message: expect.any(String), messageEn: expect.any(String) },
    });
    expect(rules(res)).toContain(expected);
  });

  it('accepts an anonymous report and a valid ID card', async () => {
    const anonymous = await post({ ...validItem(), requestType: 'report', citizen: { anonymous: true } });
    expect(anonymous.status).toBe(201);
    const withId = await post({
      ...validItem(),
      citizen: { name: '张三', mobile: '13800138000', idCard: '11010519491231002X' },
    });
    expect(withId.status).toBe(201);
  });

  it('answers a repeated Idempotency-Key with the original receipt and 200, making no second item', async () => {
    const first = await post(validItem(), { 'idempotency-key': 'window-dup-1' });
    const again = await post(validItem(), { 'idempotency-key': 'window-dup-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const count = await app
      .get(DataSource)
      .query<{ n: string }[]>("SELECT count(*) AS n FROM items WHERE idempotency_key = 'window-dup-1'");
    expect(count[0]?.n).toBe('1');
  });

  it('refuses the same Idempotency-Key with different content (409), never leaking the other receipt', async () => {
    await post(validItem(), { 'idempotency-key': 'window-dup-2' });
    const other = await post({ ...validItem(), title: '另一件事' }, { 'idempotency-key': 'window-dup-2' });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ error: { code: 'IDEMPOTENCY.KEY_REUSED' } });
    expect(JSON.stringify(other.body)).not.toContain('YM-');
  });

  it('refuses callers without a staff token', async () => {
    const res = await request(intake.server).post('/api/v1/items').send(validItem());
    expect(res.status).toBe(401);
  });
});
