import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startIntake, type IntakeUnderTest } from '../testing/intake-under-test';

const API_KEY = 'int-test-open311-key-0123456789';
const OTHER_KEY = 'int-test-other-platform-key-0123';

/** Our Open311 GeoReport v2 endpoints against a schema written from the specification (contract test). */
describe('Open311 GeoReport v2', () => {
  let intake: IntakeUnderTest;
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(join(__dirname, 'georeport-v2.schema.json'), 'utf8')) as object);
  const conforms = (definition: string, body: unknown) => {
    const validate = ajv.getSchema(
      `https://yimen.example/schemas/georeport-v2.json#/definitions/${definition}`,
    )!;
    const ok = validate(body);
    if (!ok) throw new Error(`${definition}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body)}`);
  };

  beforeAll(async () => {
    intake = await startIntake('intake_open311', {
      OPEN311_API_KEYS: `seeclickfix:${API_KEY},other:${OTHER_KEY}`,
    });
  });

  afterAll(async () => {
    await intake?.stop();
  });

  const form = (fields: Record<string, string>) =>
    request(intake.server).post('/open311/v2/requests.json').type('form').send(fields);

  const theft = {
    api_key: API_KEY,
    service_code: 'theft',
    description: '昨晚停在小区楼下的电动车被盗，请派出所调查。',
    address_string: '德城区新湖街道湖滨北路 12 号',
    lat: '37.4355',
    long: '116.3594',
    first_name: '三',
    last_name: '张',
    phone: '13800138000',
    account_id: 'acct-9',
  };

  let receiptNo: string;

  it('lists the request categories as services', async () => {
    const res = await request(intake.server).get('/open311/v2/services.json');
    expect(res.status).toBe(200);
    conforms('serviceList', res.body);
    expect(res.body).toContainEqual(expect.objectContaining({ service_code: 'theft', service_name: '盗窃' }));
  });

  it('accepts a form-encoded service request as an open311 item with a receipt number', async () => {
    const res = await form(theft);
    expect(res.status).toBe(201);
    conforms('requestCreatedList', res.body);
    receiptNo = (res.body as { service_request_id: string }[])[0]!.service_request_id;
    expect(receiptNo).toMatch(/^YM-\d{8}-\d{6}-\d$/);
    expect((res.body as { account_id: string }[])[0]!.account_id).toBe('acct-9');
    const rows = await intake.app
      .get(DataSource)
      .query<{ channel: string; platform: string; payload: { category: string; location: object } }[]>(
        'SELECT channel, platform, payload FROM items WHERE receipt_no = $1',
        [receiptNo],
      );
    expect(rows[0]).toMatchObject({
      channel: 'open311',
      platform: 'seeclickfix',
      payload: { category: '盗窃' },
    });
    expect(rows[0]?.payload.location).toMatchObject({ areaCode: '371402', lat: 37.4355, lng: 116.3594 });
  });

  it('accepts JSON too, with the area as jurisdiction_id, and an anonymous report', async () => {
    const res = await request(intake.server).post('/open311/v2/requests.json').send({
      api_key: API_KEY,
      jurisdiction_id: '371403',
      service_code: 'fraud',
      description: '有人冒充客服诈骗老人',
    });
    expect(res.status).toBe(201);
    conforms('requestCreatedList', res.body);
  });

  it('answers a repeated Idempotency-Key with the original request id and 200', async () => {
    const send = () =>
      request(intake.server)
        .post('/open311/v2/requests.json')
        .set('idempotency-key', 'o311-1')
        .type('form')
        .send({ ...theft, service_code: 'traffic', description: '路口信号灯坏了' });
    const first = await send();
    const again = await send();
    expect([first.status, again.status]).toEqual([201, 200]);
    conforms('requestCreatedList', again.body);
    expect(again.body).toEqual(first.body);
  });

  it('answers GET requests/{id}.json and requests.json in the standard shape, only for the calling platform', async () => {
    const one = await request(intake.server)
      .get(`/open311/v2/requests/${receiptNo}.json`)
      .query({ api_key: API_KEY });
    expect(one.status).toBe(200);
    conforms('serviceRequestList', one.body);
    expect(one.body).toEqual([
      expect.objectContaining({
        service_request_id: receiptNo,
        status: 'open',
        service_code: 'theft',
        lat: 37.4355,
      }),
    ]);
    const list = await request(intake.server).get('/open311/v2/requests.json').query({ api_key: API_KEY });
    expect(list.status).toBe(200);
    conforms('serviceRequestList', list.body);
    expect((list.body as unknown[]).length).toBe(3);
    const filtered = await request(intake.server)
      .get('/open311/v2/requests.json')
      .query({ api_key: API_KEY, service_code: 'fraud' });
    expect((filtered.body as { service_code: string }[]).map((r) => r.service_code)).toEqual(['fraud']);
    const closed = await request(intake.server)
      .get('/open311/v2/requests.json')
      .query({ api_key: API_KEY, status: 'closed' });
    expect(closed.body).toEqual([]);
    const other = await request(intake.server)
      .get(`/open311/v2/requests/${receiptNo}.json`)
      .query({ api_key: OTHER_KEY });
    expect(other.status).toBe(404);
  });

  it('refuses a missing or unknown api_key with 401, and bad fields naming the Open311 field', async () => {
    expect((await form({ ...theft, api_key: 'wrong-key-wrong-key-wrong' })).status).toBe(401);
    expect((await request(intake.server).get('/open311/v2/requests.json')).status).toBe(401);
    const phone = await form({ ...theft, phone: '110' });
    expect(phone.status).toBe(400);
    expect(phone.body).toMatchObject({ error: { details: [{ field: 'phone', rule: 'isMobilePhone' }] } });
    const noArea = await form({ ...theft, address_string: '北京市海淀区' });
    expect(noArea.status).toBe(400);
    expect(noArea.body).toMatchObject({
      error: { details: [{ field: 'jurisdiction_id', rule: 'areaRequired' }] },
    });
    const service = await form({ ...theft, service_code: 'potholes' });
    expect(service.body).toMatchObject({ error: { code: 'OPEN311.UNKNOWN_SERVICE' } });
    const unknownParam = await request(intake.server).get('/open311/v2/services.json?page=-1');
    expect(unknownParam.status).toBe(400);
  });
});
