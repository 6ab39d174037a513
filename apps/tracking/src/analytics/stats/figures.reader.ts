import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { AnalyticsClock } from '../analytics.clock';
import { AnalyticsConfig } from '../analytics.config';
import type { ItemFacts } from '../domain/item-facts';
import { toLedgerRow, type LedgerRow } from '../domain/ledger';
import { dateRange, type DateRange } from '../domain/period';
import {
  computeRates,
  GroupDimensions,
  type GroupBy,
  type GroupRates,
  type RateOptions,
} from '../domain/rates';
import { FactsRepository } from '../persistence/facts.repository';

export type RatesByDimension = Record<GroupBy, GroupRates[]>;

/** Reads item facts in a staff member's scope and turns them into ledger rows and rates. */
@Injectable()
export class FiguresReader {
  constructor(
    private readonly facts: FactsRepository,
    private readonly config: AnalyticsConfig,
    private readonly clock: AnalyticsClock,
  ) {}

  /** The facts of a requested range in the caller's scope, with the range and the "now" they were read at. */
  async read(
    staff: StaffPrincipal,
    query: { from?: string; to?: string },
  ): Promise<{ now: Date; range: DateRange; facts: ItemFacts[]; span: { from: string; to: string } }> {
    const now = this.clock.now();
    const range = dateRange(query.from, query.to, now);
    const facts = await this.load(range, this.unitScope(staff));
    return { now, range, facts, span: { from: range.from.toISOString(), to: range.to.toISOString() } };
  }

  /** Supervisors see their own unit only; committee and admin see everything. */
  unitScope(staff: StaffPrincipal): string | undefined {
    if (staff.role !== 'supervisor') return undefined;
    if (!staff.unitId) {
      throw new DomainError(
        'STATS.NO_UNIT',
        'forbidden',
        '您的账号未关联承办单位',
        'Your account has no unit',
      );
    }
    return staff.unitId;
  }

  load(range: DateRange, unitId?: string): Promise<ItemFacts[]> {
    return this.facts.findFacts({ ...range, unitId });
  }

  rateOptions(asOf: Date): RateOptions {
    return {
      asOf,
      minSample: this.config.RATE_MIN_SAMPLE,
      weights: {
        response: this.config.RATE_WEIGHT_RESPONSE,
        resolution: this.config.RATE_WEIGHT_RESOLUTION,
        satisfaction: this.config.RATE_WEIGHT_SATISFACTION,
      },
    };
  }

  rates(facts: readonly ItemFacts[], by: GroupBy, asOf: Date): GroupRates[] {
    return computeRates(facts, by, this.rateOptions(asOf));
  }

  allRates(facts: readonly ItemFacts[], asOf: Date): RatesByDimension {
    return Object.fromEntries(
      GroupDimensions.map((by) => [by, this.rates(facts, by, asOf)]),
    ) as RatesByDimension;
  }

  async ledger(facts: readonly ItemFacts[]): Promise<LedgerRow[]> {
    const repeated = [...new Set(facts.map((f) => f.repeatOf).filter((id): id is string => id !== null))];
    const receipts = await this.facts.receiptNos(repeated);
    return facts.map((f) => toLedgerRow(f, (id) => receipts.get(id)));
  }
}
