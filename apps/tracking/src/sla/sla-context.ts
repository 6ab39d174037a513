import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { officialCalendarDays, WorkingCalendar, type CalendarDay } from '@app/calendar';
import type { ItemState } from '../domain/item-state';
import { deadlinesOf, pickPolicy, type Deadlines, type SlaPolicy } from '../domain/sla';
import { Clock } from './clock';

interface PolicyRow {
  request_type: string | null;
  category: string | null;
  urgency: string | null;
  sign_minutes: number;
  contact_minutes: number;
  resolve_days: number;
  warn_ratio: string;
}

/** Reads SLA policies and the working-day calendar from their tables (so a replay uses the same rules). */
export async function loadSlaRules(
  manager: EntityManager,
): Promise<{ policies: SlaPolicy[]; calendar: WorkingCalendar }> {
  const policies = await manager.query<PolicyRow[]>(
    `SELECT request_type, category, urgency, sign_minutes, contact_minutes, resolve_days, warn_ratio FROM sla_policies`,
  );
  const days = await manager.query<{ day: string; kind: CalendarDay['kind']; name: string | null }[]>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name FROM calendar_days`,
  );
  return {
    policies: policies.map((p) => ({
      requestType: p.request_type,
      category: p.category,
      urgency: p.urgency,
      signMinutes: p.sign_minutes,
      contactMinutes: p.contact_minutes,
      resolveDays: p.resolve_days,
      warnRatio: Number(p.warn_ratio),
    })),
    calendar: new WorkingCalendar(
      days.map((d) => ({ date: d.day, kind: d.kind, name: d.name ?? undefined })),
    ),
  };
}

/**
 * The SLA rules in force: policies and the calendar, loaded at start (after seeding the official holidays
 * and 调休 days of this year and next, keeping administrators' edits) and reloaded after an edit.
 */
@Injectable()
export class SlaContext implements OnModuleInit {
  private policies: SlaPolicy[] = [];
  private workingCalendar = new WorkingCalendar([]);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const year = this.clock.now().getUTCFullYear();
    const days = officialCalendarDays([year, year + 1]);
    if (days.length > 0) {
      await this.dataSource.query(
        `INSERT INTO calendar_days (day, kind, name, source)
         SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (day) DO NOTHING`,
        [
          days.map((d) => d.date),
          days.map((d) => d.kind),
          days.map((d) => d.name ?? null),
          days.map(() => 'official'),
        ],
      );
    }
    await this.reload();
  }

  async reload(): Promise<void> {
    const rules = await loadSlaRules(this.dataSource.manager);
    this.policies = rules.policies;
    this.workingCalendar = rules.calendar;
  }

  get calendar(): WorkingCalendar {
    return this.workingCalendar;
  }

  policyFor(state: ItemState): SlaPolicy {
    return pickPolicy(this.policies, state);
  }

  /** Bound so it can be handed to the projection. */
  readonly deadlinesFor = (state: ItemState): Deadlines =>
    deadlinesOf(state, this.policyFor(state), this.workingCalendar);
}
