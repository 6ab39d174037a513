import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@app/auth';
import { AnalyticsClock } from '../analytics.clock';
import { dateRange, periodOf } from '../domain/period';
import type { GroupBy } from '../domain/rates';
import { ReportsRepository } from '../persistence/reports.repository';
import { FiguresReader, type RatesByDimension } from './figures.reader';
import type { RatesDto, RatesQueryDto } from './stats.dto';

/**
 * The rates per group for a range, optionally for one agency, unit, channel or area only; an unfiltered closed
 * month (committee/admin) is answered from its snapshot.
 */
@Injectable()
export class GetRatesUseCase {
  constructor(
    private readonly figures: FiguresReader,
    private readonly reports: ReportsRepository,
    private readonly clock: AnalyticsClock,
  ) {}

  async execute(staff: StaffPrincipal, query: RatesQueryDto): Promise<RatesDto> {
    const groupBy: GroupBy = query.groupBy ?? 'agency';
    const now = this.clock.now();
    const range = dateRange(query.from, query.to, now);
    const unitId = this.figures.unitScope(staff);
    const options = this.figures.rateOptions(now);
    const base = {
      groupBy,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      weights: options.weights,
      minSample: options.minSample,
    };
    const filtered = Boolean(query.agency ?? query.unitId ?? query.channel ?? query.areaCode);
    const period = unitId === undefined && !filtered ? periodOf(range) : null;
    const closed = period ? await this.reports.closedPeriod(period) : null;
    if (closed) {
      const snapshot = closed.rates as { asOf: string; byDimension: RatesByDimension };
      return { ...base, asOf: snapshot.asOf, frozen: true, groups: snapshot.byDimension[groupBy] };
    }
    const facts = (await this.figures.load(range, unitId)).filter(
      (f) =>
        (!query.agency || f.agency === query.agency) &&
        (!query.unitId || f.unitId === query.unitId) &&
        (!query.channel || f.channel === query.channel) &&
        (!query.areaCode || f.areaCode === query.areaCode),
    );
    return {
      ...base,
      asOf: now.toISOString(),
      frozen: false,
      groups: this.figures.rates(facts, groupBy, now),
    };
  }
}
