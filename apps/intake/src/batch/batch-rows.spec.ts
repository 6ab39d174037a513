import { parseBatch } from './batch-rows';

describe('batch upload rows', () => {
  it('maps CSV with Chinese headers and labels to the item shape, leaving empty cells out', () => {
    const csv =
      '\ufeff编号,标题,内容,类型,区县,地址,姓名,手机号,匿名,紧急程度,纬度\n' +
      'B-1,路灯不亮,小区路灯坏了一周,求助,德城区,"新湖街道,12号",张三,13800138000,否,紧急,37.45\n';
    const parsed = parseBatch('csv', csv);
    expect(parsed).toEqual({
      ok: true,
      rows: [
        {
          row: 1,
          line: 2,
          ok: true,
          value: {
            externalId: 'B-1',
            title: '路灯不亮',
            description: '小区路灯坏了一周',
            requestType: 'help',
            urgency: 'urgent',
            location: { areaName: '德城区', address: '新湖街道,12号', lat: 37.45 },
            citizen: { name: '张三', mobile: '13800138000', anonymous: false },
          },
        },
      ],
    });
  });

  it('keeps quotes inside an unquoted cell as text', () => {
    const parsed = parseBatch('csv', 'externalId,description\nQ-1,他说"明天再来"\n');
    expect(parsed).toMatchObject({
      ok: true,
      rows: [{ ok: true, value: { description: '他说"明天再来"' } }],
    });
  });

  it('reports a broken CSV record as its own row and keeps the others', () => {
    const csv = 'externalId,title\nA,一\nB,二,多余\nC,三\n';
    const parsed = parseBatch('csv', csv);
    if (!parsed.ok) throw new Error('expected rows');
    expect(parsed.rows.map((r) => [r.row, r.line, r.ok])).toEqual([
      [1, 2, true],
      [2, 3, false],
      [3, 4, true],
    ]);
  });

  it('refuses a file with unknown columns, naming them, including prototype names', () => {
    const parsed = parseBatch('csv', 'externalId,title,constructor\nA,一,x\n');
    expect(parsed).toMatchObject({
      ok: false,
      problems: [{ field: 'column constructor', rule: 'knownColumn' }],
    });
  });

  it('reads JSON lines, skipping blank lines and reporting lines that are not JSON objects', () => {
    const text = '{"externalId":"J-1","title":"一"}\n\nnot json\n[1,2]\n{"externalId":"J-2"}\n';
    const parsed = parseBatch('ndjson', text);
    if (!parsed.ok) throw new Error('expected rows');
    expect(parsed.rows.map((r) => [r.row, r.line, r.ok ? 'ok' : r.problems[0]?.rule])).toEqual([
      [1, 1, 'ok'],
      [2, 3, 'json'],
      [3, 4, 'isObject'],
      [4, 5, 'ok'],
    ]);
  });

  it('names the encoding when the text is not UTF-8', () => {
    expect(parseBatch('csv', '\ufffd\ufffd,\ufffd\n')).toMatchObject({
      ok: false,
      problems: [{ field: 'file', rule: 'encoding' }],
    });
  });
});
