import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@app/auth';
import { statusOf } from '../domain/item-facts';
import { FiguresReader } from './figures.reader';
import type { RangeQueryDto, TriageDto } from './stats.dto';

/** The committee's triage queue (分拨待定) in figures: how many waited, still wait, and how long deciding took. */
@Injectable()
export class GetTriageUseCase {
  constructor(private readonly figures: FiguresReader) {}

  async execute(staff: StaffPrincipal, query: RangeQueryDto): Promise<TriageDto> {
    const { facts: all, span } = await this.figures.read(staff, query);
    const facts = all.filter((f) => f.triagedAt);
    const decided = facts.filter(
      (f) => f.routedAt && f.triagedAt && Date.parse(f.routedAt) >= Date.parse(f.triagedAt),
    );
    const hours = decided.map(
      (f) => (Date.parse(f.routedAt ?? '') - Date.parse(f.triagedAt ?? '')) / 3_600_000,
    );
    return {
      ...span,
      triaged: facts.length,
      waiting: facts.filter((f) => statusOf(f) === 'triage').length,
      decided: decided.length,
      averageDecisionHours: hours.length ? hours.reduce((a, b) => a + b, 0) / hours.length : null,
    };
  }
}
