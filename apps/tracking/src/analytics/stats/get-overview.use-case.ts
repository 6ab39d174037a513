import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@app/auth';
import { FactStatusLabels, FactStatuses, isOverdue, statusOf, type ItemFacts } from '../domain/item-facts';
import { groupKey, groupLabel, type GroupBy } from '../domain/rates';
import { FiguresReader } from './figures.reader';
import type { CountDto, OverviewDto, RangeQueryDto } from './stats.dto';

function countBy(facts: readonly ItemFacts[], by: GroupBy): CountDto[] {
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(groupKey(f, by), (counts.get(groupKey(f, by)) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, label: groupLabel(key, by), count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Counts for the committee's dashboard: by status, agency, channel and area; overdue and escalated items. */
@Injectable()
export class GetOverviewUseCase {
  constructor(private readonly figures: FiguresReader) {}

  async execute(staff: StaffPrincipal, query: RangeQueryDto): Promise<OverviewDto> {
    const { now, facts, span } = await this.figures.read(staff, query);
    const statuses = new Map(FactStatuses.map((s) => [s, 0]));
    for (const f of facts) statuses.set(statusOf(f), (statuses.get(statusOf(f)) ?? 0) + 1);
    return {
      ...span,
      total: facts.length,
      byStatus: [...statuses].map(([key, count]) => ({ key, label: FactStatusLabels[key], count })),
      byAgency: countBy(facts, 'agency'),
      byChannel: countBy(facts, 'channel'),
      byArea: countBy(facts, 'area'),
      overdue: facts.filter((f) => isOverdue(f, now)).length,
      escalated: facts.filter((f) => f.escalations > 0).length,
      repeats: facts.filter((f) => f.repeatOf !== null).length,
      inHotSpots: facts.filter((f) => f.clusterId !== null).length,
    };
  }
}
