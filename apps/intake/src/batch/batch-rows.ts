import { parse, type Options } from 'csv-parse/sync';
import { RequestTypeLabels, RequestTypes, type RequestType } from '@app/contracts';
import { ruleProblem, type RuleProblem } from '../domain/item-rules';

export type BatchFormat = 'csv' | 'ndjson';

/** One row of an upload: its 1-based position, the file line it ends on, and either its content or why not. */
export type BatchRow =
  | { row: number; line: number; ok: true; value: Record<string, unknown> }
  | { row: number; line: number; ok: false; problems: RuleProblem[] };

export type ParsedBatch = { ok: true; rows: BatchRow[] } | { ok: false; problems: RuleProblem[] };

/** CSV columns: English names or the Chinese headers a clerk's spreadsheet would have. */
const COLUMNS: Record<string, string> = {
  externalId: 'externalId',
  编号: 'externalId',
  title: 'title',
  标题: 'title',
  description: 'description',
  内容: 'description',
  requestType: 'requestType',
  类型: 'requestType',
  category: 'category',
  分类: 'category',
  urgency: 'urgency',
  紧急程度: 'urgency',
  areaCode: 'location.areaCode',
  区县代码: 'location.areaCode',
  areaName: 'location.areaName',
  区县: 'location.areaName',
  address: 'location.address',
  地址: 'location.address',
  lat: 'location.lat',
  纬度: 'location.lat',
  lng: 'location.lng',
  经度: 'location.lng',
  name: 'citizen.name',
  姓名: 'citizen.name',
  mobile: 'citizen.mobile',
  手机号: 'citizen.mobile',
  idCard: 'citizen.idCard',
  身份证号: 'citizen.idCard',
  anonymous: 'citizen.anonymous',
  匿名: 'citizen.anonymous',
};

const LABEL_TO_TYPE = new Map<string, RequestType>(RequestTypes.map((t) => [RequestTypeLabels[t], t]));
const URGENCY: Record<string, string> = { 普通: 'normal', 紧急: 'urgent' };
const BOOLEAN: Record<string, boolean> = {
  true: true,
  false: false,
  是: true,
  否: false,
  '1': true,
  '0': false,
};
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Cell text to the value the item DTO expects; anything unrecognised stays text so validation names it. */
function cellValue(path: string, cell: string): unknown {
  switch (path) {
    case 'requestType':
      return LABEL_TO_TYPE.get(cell) ?? cell;
    case 'urgency':
      return URGENCY[cell] ?? cell;
    case 'citizen.anonymous':
      return BOOLEAN[cell.toLowerCase()] ?? cell;
    case 'location.lat':
    case 'location.lng':
      return NUMBER.test(cell) ? Number(cell) : cell;
    default:
      return cell;
  }
}

/** A flat CSV record to the nested item shape; empty cells are left out. */
export function csvRecordToItem(record: Record<string, string>): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(record)) {
    const path = Object.hasOwn(COLUMNS, column) ? COLUMNS[column] : undefined;
    if (!path || cell === '') continue;
    const [head, leaf] = path.split('.') as [string, string | undefined];
    if (leaf === undefined) {
      item[head] = cellValue(path, cell);
    } else {
      const group = (item[head] ?? {}) as Record<string, unknown>;
      group[leaf] = cellValue(path, cell);
      item[head] = group;
    }
  }
  // Every item has a location and a citizen object; validation then names what is missing inside them.
  item.location ??= {};
  item.citizen ??= {};
  return item;
}

interface CsvRecord {
  record: Record<string, string>;
  info: { lines: number };
}

interface CsvSkip {
  lines: number;
  code: string;
  message: string;
}

function parseCsv(text: string): ParsedBatch {
  let unknownColumns: string[] = [];
  const skipped: { line: number; code: string; message: string }[] = [];
  // on_skip is part of csv-parse 5 at run time but missing from its type declarations.
  const options: Options & { on_skip: (error: CsvSkip | undefined) => undefined } = {
    columns: (header: string[]) => {
      unknownColumns = header.filter((h) => !Object.hasOwn(COLUMNS, h));
      return header;
    },
    bom: true,
    trim: true,
    // Citizens quote people in their text (他说"你好"); a quote inside an unquoted cell is just a character.
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) skipped.push({ line: error.lines, code: error.code, message: error.message });
      return undefined;
    },
  };
  let records: CsvRecord[];
  try {
    const parsed: unknown = parse(text, options);
    records = parsed as CsvRecord[];
  } catch (error) {
    return {
      ok: false,
      problems: [
        ruleProblem('file', 'csv', 'CSV 文件无法解析', `CSV cannot be parsed: ${(error as Error).message}`),
      ],
    };
  }
  if (unknownColumns.length > 0) {
    return {
      ok: false,
      problems: unknownColumns.map((c) =>
        ruleProblem(`column ${c}`, 'knownColumn', `未知的列 ${c}`, `Unknown column ${c}`),
      ),
    };
  }
  const entries = [
    ...records.map((r) => ({ line: r.info.lines, value: csvRecordToItem(r.record) })),
    ...skipped.map((s) => ({ line: s.line, skip: s })),
  ].sort((a, b) => a.line - b.line);
  return {
    ok: true,
    rows: entries.map((entry, i): BatchRow => {
      if ('value' in entry) return { row: i + 1, line: entry.line, ok: true, value: entry.value };
      return {
        row: i + 1,
        line: entry.line,
        ok: false,
        problems: [
          ruleProblem(
            'row',
            'csv',
            `第 ${entry.line} 行不是有效的 CSV 记录（${entry.skip.code}）`,
            entry.skip.message,
          ),
        ],
      };
    }),
  };
}

function parseNdjson(text: string): ParsedBatch {
  const rows: BatchRow[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    if (content.trim() === '') return;
    const at = { row: rows.length + 1, line: index + 1 };
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch {
      value = undefined;
    }
    if (value === undefined) {
      rows.push({
        ...at,
        ok: false,
        problems: [ruleProblem('row', 'json', '该行不是有效的 JSON', 'Line is not valid JSON')],
      });
    } else if (!value || typeof value !== 'object' || Array.isArray(value)) {
      rows.push({
        ...at,
        ok: false,
        problems: [ruleProblem('row', 'isObject', '该行必须是 JSON 对象', 'Line must be a JSON object')],
      });
    } else {
      rows.push({ ...at, ok: true, value: value as Record<string, unknown> });
    }
  });
  return { ok: true, rows };
}

/** Splits an upload into rows without judging their content; a broken row is reported, never fatal. */
export function parseBatch(format: BatchFormat, text: string): ParsedBatch {
  // U+FFFD is what bytes that are not UTF-8 decode to: most often a CSV saved as GBK by a Chinese Excel.
  if (text.includes('\ufffd')) {
    return {
      ok: false,
      problems: [
        ruleProblem(
          'file',
          'encoding',
          '文件不是 UTF-8 编码：请另存为“CSV UTF-8”，或在 Content-Type 中声明 charset=gbk',
          'The file is not UTF-8: save it as CSV UTF-8 or declare charset=gbk in Content-Type',
        ),
      ],
    };
  }
  return format === 'csv' ? parseCsv(text) : parseNdjson(text);
}
