import { Injectable } from '@nestjs/common';
import { areaByCode } from '@app/reference-data';
import { AnalyticsClock } from '../analytics.clock';
import { AnalyticsConfig } from '../analytics.config';
import { dateRange } from '../domain/period';
import { ReportsRepository } from '../persistence/reports.repository';
import type { HotSpotsDto, RangeQueryDto } from './stats.dto';

/** Hot spots (热点): similar items from many people in one area, active in the range. */
@Injectable()
export class ListHotSpotsUseCase {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly config: AnalyticsConfig,
    private readonly clock: AnalyticsClock,
  ) {}

  async execute(query: RangeQueryDto): Promise<HotSpotsDto> {
    const range = dateRange(query.from, query.to, this.clock.now());
    const spots = await this.reports.hotSpots({ ...range, minPeople: this.config.CLUSTER_MIN_PEOPLE });
    const clusters = await Promise.all(
      spots.map(async (s) => ({
        id: s.id,
        areaCode: s.areaCode,
        areaName: s.areaCode ? (areaByCode(s.areaCode)?.name ?? s.areaCode) : '未知区域',
        title: s.title,
        itemCount: s.itemCount,
        people: s.people,
        firstAt: s.firstAt.toISOString(),
        lastAt: s.lastAt.toISOString(),
        governanceTaskId: s.governanceTaskId,
        items: await this.reports.hotSpotMembers(s.id),
      })),
    );
    return { from: range.from.toISOString(), to: range.to.toISOString(), clusters };
  }
}
