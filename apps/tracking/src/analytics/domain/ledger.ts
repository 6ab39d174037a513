import {
  ChannelLabels,
  FollowUpResultLabels,
  RequestTypeLabels,
  type Channel,
  type RequestType,
} from '@app/contracts';
import { areaByCode, unitById } from '@app/reference-data';
import { FactStatusLabels, onTime, statusOf, type ItemFacts } from './item-facts';
import { groupLabel } from './rates';

/** One line of the work ledger (工作台账): an item with its key dates and outcome, as users read it. */
export interface LedgerRow {
  receiptNo: string;
  title: string;
  channel: string;
  requestType: string;
  category: string;
  area: string;
  agency: string;
  unit: string;
  worker: string;
  status: string;
  receivedAt: string;
  routedAt: string;
  signedAt: string;
  firstContactAt: string;
  resolvedAt: string;
  followedUpAt: string;
  closedAt: string;
  resolveDeadline: string;
  onTime: string;
  returns: number;
  extensions: number;
  escalations: number;
  satisfaction: string;
  repeatOf: string;
  clusterId: string;
}

/** Column order and Chinese headers of the CSV and XLSX exports. */
export const LEDGER_COLUMNS: readonly { key: keyof LedgerRow; header: string; width: number }[] = [
  { key: 'receiptNo', header: '受理编号', width: 24 },
  { key: 'title', header: '诉求标题', width: 40 },
  { key: 'channel', header: '受理渠道', width: 10 },
  { key: 'requestType', header: '诉求类型', width: 10 },
  { key: 'category', header: '事项类别', width: 14 },
  { key: 'area', header: '所属区域', width: 10 },
  { key: 'agency', header: '承办机关', width: 10 },
  { key: 'unit', header: '承办单位', width: 20 },
  { key: 'worker', header: '承办人', width: 12 },
  { key: 'status', header: '办理状态', width: 10 },
  { key: 'receivedAt', header: '受理时间', width: 18 },
  { key: 'routedAt', header: '分拨时间', width: 18 },
  { key: 'signedAt', header: '签收时间', width: 18 },
  { key: 'firstContactAt', header: '首次联系时间', width: 18 },
  { key: 'resolvedAt', header: '办结时间', width: 18 },
  { key: 'followedUpAt', header: '回访时间', width: 18 },
  { key: 'closedAt', header: '关闭时间', width: 18 },
  { key: 'resolveDeadline', header: '办结期限', width: 18 },
  { key: 'onTime', header: '是否按时办结', width: 12 },
  { key: 'returns', header: '退单次数', width: 10 },
  { key: 'extensions', header: '延期次数', width: 10 },
  { key: 'escalations', header: '督办次数', width: 10 },
  { key: 'satisfaction', header: '回访满意度', width: 12 },
  { key: 'repeatOf', header: '重复件(原件编号)', width: 24 },
  { key: 'clusterId', header: '热点编号', width: 38 },
];

/** ISO instant → `2026-11-25 14:05` in China Standard Time; empty when absent. */
export function localTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A ledger row; `receiptOf` turns the repeated item's id into its receipt number. */
export function toLedgerRow(f: ItemFacts, receiptOf: (itemId: string) => string | undefined): LedgerRow {
  const ot = onTime(f);
  return {
    receiptNo: f.receiptNo ?? '',
    title: f.title ?? '',
    channel: f.channel ? (ChannelLabels[f.channel as Channel] ?? f.channel) : '',
    requestType: f.requestType ? (RequestTypeLabels[f.requestType as RequestType] ?? f.requestType) : '',
    category: f.category ?? '',
    area: f.areaCode ? (areaByCode(f.areaCode)?.name ?? f.areaCode) : '',
    agency: f.agency ? groupLabel(f.agency, 'agency') : '',
    unit: f.unitId ? (unitById(f.unitId)?.name ?? f.unitId) : '',
    worker: f.workerId ?? '',
    status: FactStatusLabels[statusOf(f)],
    receivedAt: localTime(f.receivedAt),
    routedAt: localTime(f.routedAt),
    signedAt: localTime(f.signedAt),
    firstContactAt: localTime(f.firstContactAt),
    resolvedAt: localTime(f.resolvedAt),
    followedUpAt: localTime(f.followedUpAt),
    closedAt: localTime(f.closedAt),
    resolveDeadline: localTime(f.resolveDeadline),
    onTime: ot === null ? '' : ot ? '是' : '否',
    returns: f.returns,
    extensions: f.extensions,
    escalations: f.escalations,
    satisfaction: f.satisfaction ? FollowUpResultLabels[f.satisfaction] : '',
    repeatOf: f.repeatOf ? (receiptOf(f.repeatOf) ?? f.repeatOf) : '',
    clusterId: f.clusterId ?? '',
  };
}

function csvCell(value: string | number): string {
  const text = String(value);
  // Leading = + - @ would be read as a formula by Excel (CSV injection).
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a UTF-8 byte-order mark so Excel opens the Chinese text correctly; CRLF line ends. */
export function ledgerCsv(rows: readonly LedgerRow[]): string {
  const lines = [
    LEDGER_COLUMNS.map((c) => csvCell(c.header)).join(','),
    ...rows.map((r) => LEDGER_COLUMNS.map((c) => csvCell(r[c.key])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
