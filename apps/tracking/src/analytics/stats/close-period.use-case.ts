import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { AnalyticsClock } from '../analytics.clock';
import { periodRange } from '../domain/period';
import { ReportsRepository } from '../persistence/reports.repository';
import { FiguresReader } from './figures.reader';
import type { ClosedPeriodDto } from './stats.dto';

/**
 * Closes (freezes) a month for reporting: its ledger rows and rates by every dimension are stored as they
 * are now; later events no longer change what the period reports. Closing twice is a conflict.
 */
@Injectable()
export class ClosePeriodUseCase {
  constructor(
    private readonly figures: FiguresReader,
    private readonly reports: ReportsRepository,
    private readonly clock: AnalyticsClock,
  ) {}

  async execute(period: string, staff: StaffPrincipal): Promise<ClosedPeriodDto> {
    const range = periodRange(period);
    const now = this.clock.now();
    if (range.from.getTime() > now.getTime()) {
      throw new DomainError(
        'PERIOD.NOT_STARTED',
        'invalid',
        `期间 ${period} 尚未开始，不能关账`,
        `Period ${period} has not started`,
      );
    }
    const facts = await this.figures.load(range);
    const closed = await this.reports.closePeriod({
      period,
      ...range,
      itemCount: facts.length,
      ledger: await this.figures.ledger(facts),
      rates: { asOf: now.toISOString(), byDimension: this.figures.allRates(facts, now) },
      closedBy: staff.username,
    });
    if (!closed) {
      throw new DomainError(
        'PERIOD.ALREADY_CLOSED',
        'conflict',
        `期间 ${period} 已关账`,
        `Period ${period} is already closed`,
      );
    }
    const row = await this.reports.closedPeriod(period);
    return {
      period,
      itemCount: row?.itemCount ?? facts.length,
      closedBy: row?.closedBy ?? staff.username,
      closedAt: (row?.closedAt ?? now).toISOString(),
    };
  }
}

/** The closed (frozen) periods, newest first. */
@Injectable()
export class ListClosedPeriodsUseCase {
  constructor(private readonly reports: ReportsRepository) {}

  async execute(): Promise<ClosedPeriodDto[]> {
    return (await this.reports.closedPeriods()).map((p) => ({ ...p, closedAt: p.closedAt.toISOString() }));
  }
}
