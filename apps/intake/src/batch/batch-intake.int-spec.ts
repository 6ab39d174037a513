// iconv-lite comes with body-parser, which decodes uploads with it; here it plays Excel saving a CSV as GBK.
import { encode } from 'iconv-lite';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { staffAuth } from '@app/testing';
import { startIntake, type IntakeUnderTest } from '../testing/intake-under-test';

interface Report {
  accepted: { row: number; receiptNo: string; itemId: string }[];
  rejected: { row: number; errors: { field: string; rule: string; message: string }[] }[];
  duplicates: { row: number; receiptNo: string; itemId: string }[];
}

const CSV = [
  '编号,标题,内容,类型,区县,姓名,手机号,匿名',
  '意见箱-001,路灯不亮,小区路灯坏了一周，晚上有安全隐患,求助,德城区,张三,13800138000,否',
  'YJX-002,电话不对,手机号写错了,投诉,德城区,李四,1380013800,否',
  'YJX-003,有人聚众赌博,每晚在某棋牌室聚众赌博,举报,陵城区,,,是',
  'YJX-004,"坏行",少一列',
  'YJX-005,匿名投诉,投诉不可匿名,投诉,德城区,,,是',
].join('\n');

/** Batch entry (批量录入): CSV or JSON lines, per-row report, bad rows never block good ones, idempotent by source id. */
describe('batch POST /api/v1/batch', () => {
  let intake: IntakeUnderTest;

  beforeAll(async () => {
    intake = await startIntake('intake_batch', { BATCH_MAX_ROWS: '10', BATCH_BODY_LIMIT: '64kb' });
  });

  afterAll(async () => {
    await intake?.stop();
  });

  const upload = (body: string, contentType: string, query = '?source=suggestion-box') =>
    request(intake.server)
      .post(`/api/v1/batch${query}`)
      .set({ ...staffAuth('clerk'), 'content-type': contentType })
      .send(body);

  it('accepts the good CSV rows and reports each bad row with field and rule', async () => {
    const res = await upload(CSV, 'text/csv');
    expect(res.status).toBe(200);
    const report = res.body as Report;
    expect(report.accepted.map((a) => a.row)).toEqual([1, 3]);
    expect(report.accepted.every((a) => /^YM-\d{8}-\d{6}-\d$/.test(a.receiptNo))).toBe(true);
    expect(report.duplicates).toEqual([]);
    expect(report.rejected.map((r) => [r.row, r.errors.map((e) => `${e.field}:${e.rule}`)])).toEqual([
      [2, ['citizen.mobile:isMobilePhone']],
      [4, ['row:csv']],
      [5, ['citizen.anonymous:anonymousOnlyForReport']],
    ]);
    const rows = await intake.app
      .get(DataSource)
      .query<{ channel: string; platform: string; external_id: string }[]>(
        "SELECT channel, platform, external_id FROM items WHERE channel = 'batch' ORDER BY receipt_no",
      );
    expect(rows).toEqual([
      { channel: 'batch', platform: 'suggestion-box', external_id: '意见箱-001' },
      { channel: 'batch', platform: 'suggestion-box', external_id: 'YJX-003' },
    ]);
  });

  it('reports rows entered before as duplicates with their original receipts', async () => {
    const first = (await upload(CSV, 'text/csv')).body as Report;
    expect(first.accepted).toEqual([]);
    expect(first.duplicates.map((d) => d.row)).toEqual([1, 3]);
    const count = await intake.app
      .get(DataSource)
      .query<{ n: string }[]>("SELECT count(*) AS n FROM items WHERE channel = 'batch'");
    expect(count[0]?.n).toBe('2');
  });

  it('reads JSON lines with the item shape, an unknown field rejecting only its row', async () => {
    const lines = [
      JSON.stringify({
        externalId: 'T-1',
        title: '邻里纠纷',
        description: '楼上漏水多次协商未果，请求调解',
        requestType: 'help',
        location: { areaCode: '371482' },
        citizen: { name: '王五', mobile: '13900139000' },
      }),
      JSON.stringify({
        externalId: 'T-2',
        title: 'x',
        description: 'y',
        requestType: 'help',
        location: {},
        citizen: {},
        hack: 1,
      }),
      '{"externalId": "T-3", ',
    ].join('\n');
    const res = await upload(lines, 'application/x-ndjson', '?source=forum');
    expect(res.status).toBe(200);
    const report = res.body as Report;
    expect(report.accepted.map((a) => a.row)).toEqual([1]);
    expect(report.rejected.map((r) => r.row)).toEqual([2, 3]);
    expect(report.rejected[0]?.errors).toContainEqual(
      expect.objectContaining({ field: 'hack', rule: 'whitelistValidation' }),
    );
    expect(report.rejected[1]?.errors).toEqual([expect.objectContaining({ field: 'row', rule: 'json' })]);
  });

  it('reads a CSV saved by a Chinese Excel (GBK, declared as charset=gbk)', async () => {
    const csv =
      '编号,标题,内容,类型,区县,姓名,手机号\nGBK-1,噪音扰民,楼下烧烤店每晚营业到凌晨,投诉,平原县,赵六,13700137000\n';
    const res = await request(intake.server)
      .post('/api/v1/batch?source=forum')
      .set({ ...staffAuth('clerk'), 'content-type': 'text/csv; charset=gbk' })
      .send(encode(csv, 'gbk'));
    expect(res.status).toBe(200);
    expect((res.body as Report).accepted.map((a) => a.row)).toEqual([1]);
    const rows = await intake.app
      .get(DataSource)
      .query<{ title: string }[]>("SELECT title FROM items WHERE external_id = 'GBK-1'");
    expect(rows).toEqual([{ title: '噪音扰民' }]);
  });

  it('takes a file uploaded from a form (multipart), GBK or UTF-8, and refuses a file over the limit', async () => {
    const csv =
      '编号,标题,内容,类型,区县,姓名,手机号\nFORM-1,邻里纠纷,楼上漏水多次协商未果,求助,夏津县,钱七,13600136000\n';
    const res = await request(intake.server)
      .post('/api/v1/batch?source=forum')
      .set(staffAuth('clerk'))
      .attach('file', encode(csv, 'gbk'), { filename: '论坛.csv', contentType: 'application/vnd.ms-excel' });
    expect(res.status).toBe(200);
    expect((res.body as Report).accepted.map((a) => a.row)).toEqual([1]);
    const rows = await intake.app
      .get(DataSource)
      .query<{ title: string }[]>("SELECT title FROM items WHERE external_id = 'FORM-1'");
    expect(rows).toEqual([{ title: '邻里纠纷' }]);
    const big = await request(intake.server)
      .post('/api/v1/batch')
      .set(staffAuth('clerk'))
      .attach('file', Buffer.alloc(100 * 1024, 0x41), { filename: 'big.csv', contentType: 'text/csv' });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ error: { code: 'REQUEST.TOO_LARGE' } });
    const photo = await request(intake.server)
      .post('/api/v1/batch')
      .set(staffAuth('clerk'))
      .attach('file', Buffer.from([0xff, 0xd8, 0xff]), { filename: 'photo.jpg', contentType: 'image/jpeg' });
    expect(photo.status).toBe(415);
  });

  it('refuses JSON bodies (415), unknown columns, too many rows (413) and non-staff callers', async () => {
    const json = await request(intake.server)
      .post('/api/v1/batch')
      .set(staffAuth('clerk'))
      .send([{ title: 'x' }]);
    expect(json.status).toBe(415);
    expect(json.body).toMatchObject({ error: { code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' } });
    const columns = await upload('externalId,title,password\nA,一,x\n', 'text/csv');
    expect(columns.status).toBe(400);
    expect(columns.body).toMatchObject({
      error: { code: 'BATCH.INVALID_FILE', details: [{ field: 'column password' }] },
    });
    const many = ['externalId,title', ...Array.from({ length: 11 }, (_, i) => `M-${i},t`)].join('\n');
    expect((await upload(many, 'text/csv')).status).toBe(413);
    const worker = await request(intake.server)
      .post('/api/v1/batch')
      .set({ ...staffAuth('worker'), 'content-type': 'text/csv' })
      .send(CSV);
    expect(worker.status).toBe(403);
  });
});
