import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { AnalyticsClock } from '../analytics.clock';
import { LEDGER_COLUMNS, ledgerCsv, localTime, type LedgerRow } from '../domain/ledger';
import { dateRange, periodOf, type DateRange } from '../domain/period';
import { ReportsRepository } from '../persistence/reports.repository';
import { FiguresReader } from './figures.reader';
import type { LedgerDto, LedgerQueryDto } from './stats.dto';

export type LedgerExport =
  | { format: 'json'; body: LedgerDto }
  | { format: 'csv' | 'xlsx'; body: Buffer; contentType: string; disposition: string };

/** The work ledger (工作台账) of a range as JSON, CSV (UTF-8 BOM) or XLSX; a closed month comes from its snapshot. */
@Injectable()
export class ExportLedgerUseCase {
  constructor(
    private readonly figures: FiguresReader,
    private readonly reports: ReportsRepository,
    private readonly clock: AnalyticsClock,
  ) {}

  async execute(query: LedgerQueryDto): Promise<LedgerExport> {
    const range = dateRange(query.from, query.to, this.clock.now());
    const { rows, frozen } = await this.rows(range);
    const from = range.from.toISOString();
    const to = range.to.toISOString();
    const span = `${localTime(from).slice(0, 10)}-${localTime(new Date(range.to.getTime() - 1).toISOString()).slice(0, 10)}`;
    switch (query.format ?? 'json') {
      case 'json':
        return { format: 'json', body: { from, to, frozen, rows } };
      case 'csv':
        return {
          format: 'csv',
          body: Buffer.from(ledgerCsv(rows), 'utf8'),
          contentType: 'text/csv; charset=utf-8',
          disposition: attachment(span, 'csv'),
        };
      case 'xlsx':
        return {
          format: 'xlsx',
          body: await ledgerWorkbook(rows),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          disposition: attachment(span, 'xlsx'),
        };
    }
  }

  private async rows(range: DateRange): Promise<{ rows: LedgerRow[]; frozen: boolean }> {
    const period = periodOf(range);
    const closed = period ? await this.reports.closedPeriod(period) : null;
    if (closed) return { rows: closed.ledger as LedgerRow[], frozen: true };
    return { rows: await this.figures.ledger(await this.figures.load(range)), frozen: false };
  }
}

/** Content-Disposition with an ASCII name and the Chinese one (RFC 6266 / 5987) for browsers that take it. */
function attachment(span: string, extension: string): string {
  const chinese = encodeURIComponent(`工作台账-${span}.${extension}`);
  return `attachment; filename="ledger-${span}.${extension}"; filename*=UTF-8''${chinese}`;
}

async function ledgerWorkbook(rows: readonly LedgerRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '一门进出';
  const sheet = workbook.addWorksheet('工作台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
