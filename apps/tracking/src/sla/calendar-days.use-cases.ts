import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, type Repository } from 'typeorm';
import { DomainError } from '@app/errors';
import { CalendarDayRecord } from '../persistence/calendar-day.record';
import type { CalendarDayDto, SetCalendarDayDto } from './calendar.dto';
import { SlaContext } from './sla-context';

const toDto = (r: CalendarDayRecord): CalendarDayDto => ({
  date: r.day,
  kind: r.kind,
  name: r.name,
  source: r.source,
});

/** The exceptions to Monday–Friday in one year: holidays and 调休 make-up working days. */
@Injectable()
export class ListCalendarDaysUseCase {
  constructor(@InjectRepository(CalendarDayRecord) private readonly days: Repository<CalendarDayRecord>) {}

  async execute(year: number): Promise<CalendarDayDto[]> {
    const rows = await this.days.find({
      where: { day: Between(`${year}-01-01`, `${year}-12-31`) },
      order: { day: 'ASC' },
    });
    return rows.map(toDto);
  }
}

/**
 * An administrator edits one day of the working-day calendar; new deadlines use it at once. Deadlines already
 * computed stay as they were (an item's clock does not jump under the handler).
 */
@Injectable()
export class SetCalendarDayUseCase {
  constructor(
    @InjectRepository(CalendarDayRecord) private readonly days: Repository<CalendarDayRecord>,
    private readonly sla: SlaContext,
  ) {}

  async execute(date: string, body: SetCalendarDayDto): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      throw new DomainError(
        'CALENDAR.INVALID_DATE',
        'invalid',
        '日期格式应为 YYYY-MM-DD',
        'Date must be YYYY-MM-DD',
      );
    }
    if (body.kind === 'normal') {
      await this.days.delete({ day: date });
    } else {
      await this.days.upsert(
        { day: date, kind: body.kind, name: body.name ?? null, source: 'admin', updatedAt: new Date() },
        ['day'],
      );
    }
    await this.sla.reload();
  }
}
