import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@app/auth';
import { unitById } from '@app/reference-data';
import { isOverdue } from '../domain/item-facts';
import { FiguresReader } from './figures.reader';
import type { EscalationsDto, RangeQueryDto } from './stats.dto';

/** Escalations (督办) and open overdue items per unit, most escalated first. */
@Injectable()
export class GetEscalationsUseCase {
  constructor(private readonly figures: FiguresReader) {}

  async execute(staff: StaffPrincipal, query: RangeQueryDto): Promise<EscalationsDto> {
    const { now, facts, span } = await this.figures.read(staff, query);
    const units = new Map<string, { escalatedItems: number; escalations: number; overdueOpen: number }>();
    for (const f of facts) {
      const overdue = isOverdue(f, now);
      if (f.escalations === 0 && !overdue) continue;
      const key = f.unitId ?? 'none';
      const row = units.get(key) ?? { escalatedItems: 0, escalations: 0, overdueOpen: 0 };
      row.escalatedItems += f.escalations > 0 ? 1 : 0;
      row.escalations += f.escalations;
      row.overdueOpen += overdue ? 1 : 0;
      units.set(key, row);
    }
    return {
      ...span,
      units: [...units]
        .map(([unitId, row]) => ({ unitId, unitName: unitById(unitId)?.name ?? '未指定单位', ...row }))
        .sort(
          (a, b) =>
            b.escalations - a.escalations ||
            b.overdueOpen - a.overdueOpen ||
            a.unitId.localeCompare(b.unitId),
        ),
    };
  }
}
